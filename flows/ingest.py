"""Reading one raw day as a stream: files in name order, lines validated, bad lines quarantined with file,
line number and reason, repeated message ids dropped. Memory does not grow with the day's messages
except for a 16-byte digest per message id (duplicate detection) and an 8-byte digest per distinct raw
identifier (what the leak check looks for)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from flows.leakcheck import IdentifierSet
from schemas.raw import BadLine, RawMessage, parse_line

TRUNCATED_FILE = "truncated_file"
MIN_IDENTIFIER_LENGTH = 6  # shorter ids ("u1") would match ordinary text in the leak check


class InputError(RuntimeError):
    """The day cannot be read at all: missing or empty folder, unreadable file."""


@dataclass(frozen=True)
class InputFile:
    name: str
    path: Path
    bytes: int
    sha256: str


def day_dir(root: Path, day: date) -> Path:
    return root / f"dt={day.isoformat()}"


def list_inputs(raw_root: Path, day: date) -> list[InputFile]:
    """The day's export files with sizes and checksums (recorded in the manifest, checked by purge)."""
    folder = day_dir(raw_root, day)
    if not folder.is_dir():
        raise InputError(f"no raw data for {day}: {folder} does not exist")
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith((".jsonl", ".jsonl.gz")))
    if not paths:
        raise InputError(f"no raw data for {day}: {folder} holds no .jsonl or .jsonl.gz file")
    return [InputFile(p.name, p, p.stat().st_size, file_sha256(p)) for p in paths]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}") from None
    return digest.hexdigest()


@dataclass
class IngestCounts:
    lines_read: int = 0
    valid: int = 0
    duplicates: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)

    @property
    def quarantined_total(self) -> int:
        return sum(self.quarantined.values())


class QuarantineWriter:
    """Bad lines with file, line number, reason and raw content, in the raw zone (raw retention).
    Written to a temporary file and moved into place on close, so a re-run replaces the day's file."""

    def __init__(self, quarantine_root: Path, day: date, run_id: str) -> None:
        self.folder = day_dir(quarantine_root, day)
        self.final = self.folder / "quarantine.jsonl"
        self.tmp = self.folder / f".quarantine-{run_id}.jsonl.tmp"
        self._f = None

    def write(self, file: str, line_no: int, error: BadLine | str, raw: bytes) -> None:
        if self._f is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._f = self.tmp.open("w", encoding="utf-8")
        reason, detail = (error.reason, error.detail) if isinstance(error, BadLine) else (error, "")
        entry = {"file": file, "line": line_no, "reason": reason, "detail": detail}
        try:
            entry["raw"] = raw.decode("utf-8")
        except UnicodeDecodeError:
            entry["raw_b64"] = base64.b64encode(raw).decode("ascii")
        self._f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Publish the day's quarantine file (or remove a stale one when nothing was quarantined)."""
        if self._f is not None:
            self._f.close()
            os.chmod(self.tmp, 0o600)
            os.replace(self.tmp, self.final)
        elif self.final.exists():
            self.final.unlink()

    def abort(self) -> None:
        if self._f is not None:
            self._f.close()
            self.tmp.unlink(missing_ok=True)


def _lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        yield from f


def read_day(inputs: list[InputFile], day: date, max_text_chars: int, quarantine: QuarantineWriter,
             counts: IngestCounts, identifiers: IdentifierSet) -> Iterator[RawMessage]:
    """Valid, first-seen messages of the day in file and line order; everything else is counted."""
    seen: set[bytes] = set()
    for item in inputs:
        line_no = 0
        try:
            for line_no, raw in enumerate(_lines(item.path), start=1):
                if not raw.strip(b"\r\n\t \xef\xbb\xbf"):
                    continue  # blank lines are not events
                counts.lines_read += 1
                try:
                    message = parse_line(raw, day, max_text_chars)
                except BadLine as bad:
                    counts.quarantined[bad.reason] += 1
                    quarantine.write(item.name, line_no, bad, raw.rstrip(b"\r\n"))
                    continue
                key = hashlib.blake2b(
                    f"{message.record['tenant_id']}\x1f{message.message_id}".encode(), digest_size=16
                ).digest()
                if key in seen:
                    counts.duplicates += 1
                    continue
                seen.add(key)
                counts.valid += 1
                _collect_identifiers(message, identifiers)
                yield message
        except (EOFError, gzip.BadGzipFile, zlib.error):
            counts.lines_read += 1
            counts.quarantined[TRUNCATED_FILE] += 1
            quarantine.write(item.name, line_no + 1, TRUNCATED_FILE, b"")
        except OSError as e:
            raise InputError(f"cannot read {item.path}: {e.strerror or e}") from None


def _collect_identifiers(message: RawMessage, identifiers: IdentifierSet) -> None:
    """Raw ids and addresses that must never appear in the anonymized zone."""
    record = message.record
    client = record.get("client") or {}
    for value in (record.get("message_id"), record.get("conversation_id"), record.get("user_id"),
                  record.get("operator_id"), client.get("cookie_id"), client.get("device_id"), client.get("ip")):
        if isinstance(value, str) and len(value) >= MIN_IDENTIFIER_LENGTH:
            identifiers.add(value)
