"""The append-only audit log of deletions and rewrites, and the audit key behind request pseudonyms."""

from __future__ import annotations

import json
import os
import secrets
import uuid
from collections.abc import Iterable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from anonymize.fields import pseudonym
from flows.keys import KeyError_
from flows.publish import fsync_dir
from flows.retention.common import RetentionError
from flows.settings import Settings

AUDIT_DIR = "audit"
AUDIT_FILE = "audit.jsonl"
AUDIT_KEY = "audit.key"
AUDIT_VERSION = 1
MIN_FORBIDDEN = 6


# --------------------------------------------------------------------------------------------- audit log

def audit_path(settings: Settings) -> Path:
    return settings.data_dir / AUDIT_DIR / AUDIT_FILE


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def new_run_id() -> str:
    """The nightly runs' id format (flows.pipeline.new_run_id), without importing the engine."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]


def audit_append(settings: Settings, entry: dict[str, Any], forbidden: Iterable[str] = ()) -> dict[str, Any]:
    """Append one entry (with `at` in UTC) to the audit log: one write() on an O_APPEND descriptor, fsync'd.
    `forbidden` are strings that must not reach the log (the raw id of a request): a last line of defence
    that replaces them by "[redacted]" (nothing the module writes should hold them in the first place)."""
    record = {"v": AUDIT_VERSION, "at": now_utc(), **entry}
    line = json.dumps(record, ensure_ascii=False, sort_keys=True)
    for value in forbidden:
        if len(value) < MIN_FORBIDDEN:
            continue  # a very short id would "match" inside hex digests and timestamps
        for form in {json.dumps(value, ensure_ascii=False)[1:-1], json.dumps(value)[1:-1]}:
            if form in line:
                line = line.replace(form, "[redacted]")
                with suppress(ValueError):
                    json.loads(line)
                    continue
                raise RetentionError("an audit entry held the raw id of the request and could not be redacted")
    path = audit_path(settings)
    created = not path.parent.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    if created:
        os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        data = (line + "\n").encode("utf-8")
        written = os.write(fd, data)
        if written != len(data):  # a short write on a full disk: say so rather than leave half a record
            raise OSError(f"audit log: wrote {written} of {len(data)} bytes")
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)
    return record


def read_audit(settings: Settings, limit: int | None = None) -> tuple[list[dict[str, Any]], int]:
    """(entries, number of unreadable lines); the last `limit` entries when given."""
    path = audit_path(settings)
    if not path.exists():
        return [], 0
    entries: list[dict[str, Any]] = []
    bad = 0
    with path.open("r", encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if isinstance(entry, dict):
                entries.append(entry)
            else:
                bad += 1
    if limit is not None:
        entries = entries[-limit:] if limit > 0 else []
    return entries, bad


def _audit_key(settings: Settings) -> bytes:
    path = settings.keys_dir / AUDIT_KEY
    if not path.exists():
        settings.keys_dir.mkdir(parents=True, exist_ok=True)
        with suppress(OSError):
            os.chmod(settings.keys_dir, 0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(secrets.token_bytes(32))
                f.flush()
                os.fsync(f.fileno())
    key = path.read_bytes()
    if len(key) < 16:
        raise KeyError_(f"audit key {path} is too short")
    return key


def audit_subject(settings: Settings, field_name: str, value: str) -> str:
    """The keyed pseudonym by which a deletion request appears in output and in the audit log."""
    material = "\x1f".join(("forget", field_name, value))
    return f"{field_name}:{pseudonym(material, _audit_key(settings))}"


