"""Retention and deletion requests, as plain functions (the Prefect flow and the CLI call the same ones).

Purge (`plan_purge`, then `execute_purge`)
    A partition is *past retention* when its date is more than N days before `today` (JST): with
    raw_days = 90, dt=2026-01-01 is kept through 2026-04-01 and deleted from 2026-04-02.
    - raw/dt=D and quarantine/dt=D past retention are deleted only when anonymized/messages/dt=D
      exists, its manifest lists exactly the .jsonl/.jsonl.gz files now in raw/dt=D with the same sizes
      and SHA-256, and its leak check passed. Otherwise they are kept and the plan says why. When raw/dt=D
      is already gone, quarantine/dt=D needs the anonymized partition and a passed leak check.
    - A date with no anonymized partition is reported and kept; `include_unanonymized=True` deletes it.
    - anonymized/messages/dt=D past its own retention is deleted (under the partition lock).
    - A month's key `<keys_dir>/YYYY-MM.key` expires when the last day of the month is more than
      key_days before today; it is overwritten with random bytes, fsync'd and unlinked. With
      $TOKUMEI_SECRET_KEY there is no per-month key to destroy; the plan says so in its notes.
    A folder is first renamed out of the readers' way (`.purge-…`), then removed; a leftover of an
    interrupted purge is removed by the next one. The plan records what each deletion relied on (sizes
    and modification times); `execute_purge` skips an item that changed since it was planned.
    Deleting a file removes it from the file system; it does not scrub the disk blocks (nor can an
    overwrite on SSDs or copy-on-write file systems, so a key's overwrite is a best effort too).

Deletion requests (`forget`)
    Matches a raw line when it parses as a JSON object whose `user_id` (or `conversation_id`) equals the
    id (and whose tenant_id equals `tenant_id` when given). A line that does not parse matches when it
    holds the id as a JSON string ("…"), whatever the tenant. Per date, under the partition lock:
    1. raw files with matching lines are written anew to a temporary file (gzip kept gzip, written
       deterministically: same input, same bytes);
    2. anonymized partition (only when its month key still exists): rows whose user_key (conversation_key)
       equals HMAC(key, tenant + id) for a tenant of the partition are dropped; the Parquet files are
       rewritten into a staging folder with the manifest (counts.forgotten_rows, a `rewrites` entry, the
       new input checksums, `pending_forget`) and swapped in atomically; without row changes the
       manifest alone is replaced;
    3. the raw files are moved into place (os.replace), then `pending_forget` is removed;
    4. quarantine.jsonl loses the entries of the removed lines and every entry whose raw line matches;
       line numbers of later entries are shifted so they still point at the right raw line.
    A crash before 2 leaves everything as it was; between 2 and 3 purge refuses the date (the manifest
    says a forget is pending) until the same forget is re-run, which produces the same bytes.
    Do not run forget while `tokumei run` works on the same date.

Audit log and the audit key
    `<data_dir>/audit/audit.jsonl`: one JSON object a line (`at` in UTC, `event`, `run_id`, `by`,
    `target`, `why`, `counts`, …), appended with O_APPEND and fsync'd, mode 0600. One entry per deletion
    and per rewritten raw folder, quarantine file or partition, and one summary per purge or forget run.
    The id of a deletion request is never written or printed. It is recorded as `user_id:<h>` where
    h = HMAC-SHA256(audit key, "forget" + field + id), 128 bits, with a dedicated long-lived key
    `<keys_dir>/audit.key` (32 random bytes, 0600, created on first use). Why not the month keys: a
    request spans months, month keys are destroyed on schedule, and the record of the request must stay
    checkable for as long as the audit log is kept; a separate key also keeps audit subjects from being
    joined with the pseudonyms in the anonymized data. Whoever holds audit.key and a candidate id can
    confirm that a request was made for that id: keep it with the month keys. Purge never destroys it.
"""

from __future__ import annotations

import base64
import calendar
import copy
import gzip
import json
import os
import re
import secrets
import shutil
import uuid
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from anonymize.fields import pseudonym
from flows import publish
from flows.ingest import day_dir, file_sha256
from flows.keys import ENV_KEY, KeyError_
from flows.publish import DATA_FILE, MANIFEST, PartitionLocked, fsync_dir, read_manifest, write_manifest
from flows.settings import Settings

AUDIT_DIR = "audit"
AUDIT_FILE = "audit.jsonl"
AUDIT_KEY = "audit.key"
AUDIT_VERSION = 1
KEY_FILE = re.compile(r"^(\d{4})-(\d{2})\.key$")
KEY_ID = re.compile(r"^\d{4}-\d{2}$")
PARTITION = re.compile(r"^dt=(\d{4}-\d{2}-\d{2})$")
RAW_SUFFIXES = (".jsonl", ".jsonl.gz")
TRASH_PREFIX = ".purge-"
QUARANTINE_FILE = "quarantine.jsonl"
FIELDS = {"user_id": "user_key", "conversation_id": "conversation_key"}
DELETE, KEEP = "delete", "keep"
MIN_FORBIDDEN = 6


class RetentionError(RuntimeError):
    """A deletion request or an audit operation cannot be carried out (bad arguments, unreadable log)."""


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


# ---------------------------------------------------------------------------------------------- helpers

def partitions(root: Path) -> list[tuple[date, Path]]:
    """dt=YYYY-MM-DD folders under `root`, by date (other names are not partitions and are left alone)."""
    if not root.is_dir():
        return []
    out = []
    for p in root.iterdir():
        m = PARTITION.match(p.name)
        if m and p.is_dir():
            with suppress(ValueError):
                out.append((date.fromisoformat(m.group(1)), p))
    return sorted(out)


def _tree(path: Path) -> tuple[tuple[str, int, int], ...]:
    """(relative name, size, mtime_ns) of every file under `path` (or of `path` itself)."""
    if not path.exists():
        return ()
    if path.is_file():
        st = path.stat()
        return ((path.name, st.st_size, st.st_mtime_ns),)
    out = []
    for p in sorted(path.rglob("*")):
        if p.is_file():
            st = p.stat()
            out.append((str(p.relative_to(path)), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _is_raw_input(p: Path) -> bool:
    return p.is_file() and p.name.endswith(RAW_SUFFIXES)


def _is_forget_tmp(name: str) -> bool:
    return name.startswith(".") and ".forget-" in name and name.endswith(".tmp")


def _names(names: list[str], most: int = 3) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def today_in(settings: Settings) -> date:
    return datetime.now(ZoneInfo(settings.run.timezone)).date()


# ------------------------------------------------------------------------------------------ verification

@dataclass(frozen=True)
class Verification:
    status: str  # "verified", "unanonymized" or "mismatch"
    reason: str
    raw_present: bool
    guard: tuple[tuple[str, tuple], ...] = ()


def verify_day(settings: Settings, day: date) -> Verification:
    """May raw/dt=D (and its quarantine) go? Only if the anonymized partition accounts for it."""
    target = day_dir(settings.anonymized_dir, day)
    raw_folder = day_dir(settings.raw_dir, day)
    raw_present = raw_folder.is_dir()
    guard = ((str(target / MANIFEST), _tree(target / MANIFEST)),)
    if not target.is_dir():
        return Verification("unanonymized", f"never anonymized (there is no anonymized/messages/dt={day})",
                            raw_present, guard)
    try:
        manifest = read_manifest(target)
    except FileNotFoundError:
        return Verification("mismatch", "the anonymized partition has no manifest", raw_present, guard)
    except (OSError, ValueError):
        return Verification("mismatch", "the anonymized partition's manifest is unreadable", raw_present, guard)
    if not isinstance(manifest, dict):
        return Verification("mismatch", "the anonymized partition's manifest is not an object", raw_present, guard)
    if not (target / DATA_FILE).is_file():
        return Verification("mismatch", f"the anonymized partition has no {DATA_FILE}", raw_present, guard)
    pending = manifest.get("pending_forget")
    if pending:
        run = pending.get("run_id", "?") if isinstance(pending, dict) else "?"
        return Verification("mismatch", f"a deletion request (forget run {run}) was interrupted on this date: "
                            "run the same `tokumei forget` again first", raw_present, guard)
    leak = manifest.get("leak_check")
    if not (isinstance(leak, dict) and leak.get("passed") is True):
        return Verification("mismatch", "the anonymized partition did not pass its leak check", raw_present, guard)
    if not raw_present:
        return Verification("verified", "raw partition already deleted; anonymized partition exists and passed "
                            "its leak check", raw_present, guard)
    problems = compare_inputs(raw_folder, manifest.get("inputs"))
    if problems:
        return Verification("mismatch", "the raw files do not match the anonymized partition's manifest ("
                            + "; ".join(problems) + f"): re-run `tokumei run --date {day}`, then purge",
                            raw_present, guard)
    n = len(manifest["inputs"])
    return Verification("verified", f"anonymized partition verified: {n} raw file(s) match the manifest's sizes "
                        "and SHA-256, leak check passed", raw_present, guard)


def compare_inputs(folder: Path, inputs: Any) -> list[str]:
    """Differences between the manifest's `inputs` and the export files in `folder` (empty: they match)."""
    if not isinstance(inputs, list) or not inputs:
        return ["the manifest lists no input files"]
    expected: dict[str, dict[str, Any]] = {}
    for item in inputs:
        if not (isinstance(item, dict) and isinstance(item.get("file"), str) and isinstance(item.get("bytes"), int)
                and isinstance(item.get("sha256"), str)):
            return ["the manifest has a malformed input entry"]
        expected[item["file"]] = item
    entries = sorted(folder.iterdir())
    on_disk = {p.name: p for p in entries if _is_raw_input(p)}
    unread = [p.name for p in entries if p.name not in on_disk and not _is_forget_tmp(p.name)]
    problems: list[str] = []
    missing = sorted(set(expected) - set(on_disk))
    added = sorted(set(on_disk) - set(expected))
    if missing:
        problems.append(f"in the manifest but not on disk: {_names(missing)}")
    if added:
        problems.append(f"on disk but not in the manifest (added after the run?): {_names(added)}")
    for name in sorted(set(expected) & set(on_disk)):
        size = on_disk[name].stat().st_size
        if size != expected[name]["bytes"]:
            problems.append(f"{name}: {size} bytes on disk, {expected[name]['bytes']} in the manifest")
        elif file_sha256(on_disk[name]) != expected[name]["sha256"]:
            problems.append(f"{name}: SHA-256 differs from the manifest")
    if unread:
        problems.append(f"the folder also holds what the pipeline does not read: {_names(unread)}")
    return problems


# ------------------------------------------------------------------------------------------------ purge

@dataclass
class PurgeItem:
    zone: str  # raw, quarantine, anonymized, key, leftover
    name: str  # dt=YYYY-MM-DD, YYYY-MM.key, or a leftover's folder name
    path: Path
    action: str  # delete or keep
    reason: str
    age_days: int | None = None
    files: int = 0
    bytes: int = 0
    guard: tuple[tuple[str, tuple], ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"zone": self.zone, "name": self.name, "path": str(self.path), "action": self.action,
                "reason": self.reason, "age_days": self.age_days, "files": self.files, "bytes": self.bytes}


@dataclass
class PurgePlan:
    settings: Settings
    today: date
    include_unanonymized: bool
    items: list[PurgeItem]
    notes: list[str]

    @property
    def deletions(self) -> list[PurgeItem]:
        return [i for i in self.items if i.action == DELETE]

    @property
    def keeps(self) -> list[PurgeItem]:
        return [i for i in self.items if i.action == KEEP]

    def counts(self) -> dict[str, int]:
        c: Counter[str] = Counter()
        for i in self.items:
            c[f"{i.zone}_{i.action}"] += 1
        c["delete_bytes"] = sum(i.bytes for i in self.deletions)
        return dict(sorted(c.items()))

    def to_dict(self) -> dict[str, Any]:
        r = self.settings.retention
        return {"today": self.today.isoformat(), "include_unanonymized": self.include_unanonymized,
                "retention": asdict(r), "items": [i.to_dict() for i in self.items], "notes": list(self.notes),
                "counts": self.counts()}


def _item(zone: str, path: Path, action: str, reason: str, age: int | None, guard=()) -> PurgeItem:
    tree = _tree(path)
    return PurgeItem(zone, path.name, path, action, reason, age, len(tree), sum(size for _, size, _ in tree),
                     guard or ((str(path), tree),))


def plan_purge(settings: Settings, today: date | None = None, include_unanonymized: bool = False) -> PurgePlan:
    """Every partition and key past its retention, each with delete or keep and the reason. Deletes nothing."""
    today = today or today_in(settings)
    r = settings.retention
    items: list[PurgeItem] = []
    notes: list[str] = []
    verified: dict[date, Verification] = {}

    def verification(day: date) -> Verification:
        if day not in verified:
            verified[day] = verify_day(settings, day)
        return verified[day]

    for zone, root, days in (("raw", settings.raw_dir, r.raw_days), ("quarantine", settings.quarantine_dir,
                                                                       r.quarantine_days)):
        for day, path in partitions(root):
            age = (today - day).days
            if age <= days:
                continue
            due = f"past retention ({zone} {days} days; {age} days old)"
            v = verification(day)
            own = (str(path), _tree(path))
            if v.status == "verified":
                items.append(_item(zone, path, DELETE, f"{due}; {v.reason}", age, (*v.guard, own)))
            elif v.status == "unanonymized" and include_unanonymized:
                items.append(_item(zone, path, DELETE, f"{due}; {v.reason}; deleted as asked "
                                   "(--include-unanonymized)", age, (*v.guard, own)))
            elif v.status == "unanonymized":
                items.append(_item(zone, path, KEEP, f"{due}; {v.reason}; kept: delete it with "
                                   "--include-unanonymized, or anonymize it first", age))
            else:
                items.append(_item(zone, path, KEEP, f"{due}; kept: {v.reason}", age))

    for day, path in partitions(settings.anonymized_dir):
        age = (today - day).days
        if age > r.anonymized_days:
            items.append(_item("anonymized", path, DELETE,
                               f"past retention (anonymized {r.anonymized_days} days; {age} days old)", age))

    keys_dir = settings.keys_dir
    if keys_dir.is_dir():
        for path in sorted(keys_dir.iterdir()):
            m = KEY_FILE.match(path.name)
            if not (m and path.is_file()):
                continue
            year, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                continue
            last = date(year, month, calendar.monthrange(year, month)[1])
            age = (today - last).days
            if age > r.key_days:
                items.append(_item("key", path, DELETE, f"past key retention ({r.key_days} days after the month's "
                                   f"last day {last}; {age} days): destroy, after which the month's pseudonyms "
                                   "cannot be linked to anyone", age))
    if os.environ.get(ENV_KEY):
        notes.append(f"${ENV_KEY} is set: one key for every month, kept in the secret store, so there is no "
                     "month key to destroy; its pseudonyms stay linkable until that key is destroyed or rotated")

    for root in (settings.raw_dir, settings.quarantine_dir):
        if root.is_dir():
            for path in sorted(root.glob(f"{TRASH_PREFIX}*")):
                items.append(_item("leftover", path, DELETE, "left by an interrupted purge", None))
    staging = settings.anonymized_dir.parents[1] / ".staging"
    if staging.is_dir():
        for path in sorted(staging.glob("purge-*")):
            items.append(_item("leftover", path, DELETE, "left by an interrupted purge", None))
    return PurgePlan(settings, today, include_unanonymized, items, notes)


@dataclass
class PurgeResult:
    run_id: str
    deleted: list[PurgeItem]
    skipped: list[tuple[PurgeItem, str]]
    kept: list[PurgeItem]

    def counts(self) -> dict[str, int]:
        c: Counter[str] = Counter()
        for i in self.deleted:
            c[f"{i.zone}_deleted"] += 1
        for i in self.kept:
            c[f"{i.zone}_kept"] += 1
        c["failed"] = len(self.skipped)
        c["bytes_deleted"] = sum(i.bytes for i in self.deleted)
        return dict(sorted(c.items()))


def _unchanged(item: PurgeItem) -> bool:
    return all(_tree(Path(p)) == tree for p, tree in item.guard)


def _remove_folder(path: Path, trash: Path) -> None:
    """Rename out of the way (one step: readers see the folder or nothing), then remove."""
    os.rename(path, trash)
    fsync_dir(path.parent)
    shutil.rmtree(trash)
    fsync_dir(trash.parent)


def destroy_key(path: Path) -> None:
    """Overwrite a key file with random bytes, fsync, unlink, fsync the folder."""
    size = path.stat().st_size
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, secrets.token_bytes(max(size, 32)))
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
    fsync_dir(path.parent)


def execute_purge(plan: PurgePlan, run_id: str | None = None, by: str = "cli") -> PurgeResult:
    """Carry out the plan's deletions, each recorded in the audit log; a summary entry at the end."""
    settings = plan.settings
    run_id = run_id or new_run_id()
    deleted: list[PurgeItem] = []
    skipped: list[tuple[PurgeItem, str]] = []
    for item in plan.deletions:
        if not _unchanged(item):
            skipped.append((item, "changed since the plan was made; run purge again"))
            continue
        try:
            if item.zone in ("raw", "quarantine"):
                _remove_folder(item.path, item.path.parent / f"{TRASH_PREFIX}{item.name}-{run_id}")
            elif item.zone == "anonymized":
                trash = publish.staging_root(item.path) / f"purge-{item.path.parent.name}-{item.name}-{run_id}"
                with publish.partition_lock(item.path):
                    os.rename(item.path, trash)
                    fsync_dir(item.path.parent)
                shutil.rmtree(trash)
            elif item.zone == "key":
                destroy_key(item.path)
            else:
                shutil.rmtree(item.path)
        except (OSError, PartitionLocked) as e:
            skipped.append((item, f"{type(e).__name__}: {e}"))
            continue
        deleted.append(item)
        audit_append(settings, {
            "event": f"purge.{item.zone}", "run_id": run_id, "by": by, "target": _rel(settings, item.path),
            "why": item.reason, "counts": {"files": item.files, "bytes": item.bytes},
        })
    result = PurgeResult(run_id, deleted, skipped, plan.keeps)
    kept_reasons = Counter(_reason_kind(i.reason) for i in plan.keeps)
    audit_append(settings, {
        "event": "purge.summary", "run_id": run_id, "by": by, "target": str(settings.data_dir),
        "why": f"retention purge for {plan.today} (raw {settings.retention.raw_days} d, quarantine "
               f"{settings.retention.quarantine_days} d, keys {settings.retention.key_days} d, anonymized "
               f"{settings.retention.anonymized_days} d)" + ("; --include-unanonymized" if plan.include_unanonymized
                                                             else ""),
        "counts": result.counts(),
        "kept": [{"target": _rel(settings, i.path), "why": i.reason} for i in plan.keeps],
        "failed": [{"target": _rel(settings, i.path), "why": why} for i, why in skipped],
        "kept_by_reason": dict(kept_reasons),
        "notes": plan.notes,
    })
    return result


def _reason_kind(reason: str) -> str:
    if "never anonymized" in reason:
        return "never_anonymized"
    if "interrupted" in reason:
        return "forget_interrupted"
    if "leak check" in reason:
        return "leak_check_failed"
    return "manifest_mismatch"


def _rel(settings: Settings, path: Path) -> str:
    for root in (settings.data_dir, settings.keys_dir.parent):
        with suppress(ValueError):
            return str(path.relative_to(root))
    return str(path)


# ----------------------------------------------------------------------------------------------- forget

@dataclass(frozen=True)
class Matcher:
    """Which records a deletion request covers. Never logged or printed."""

    kind: str  # user_id or conversation_id
    value: str = field(repr=False)
    tenant_id: str | None = None

    def record(self, record: dict[str, Any]) -> bool:
        if self.tenant_id is not None and record.get("tenant_id") != self.tenant_id:
            return False
        v = record.get(self.kind)
        if isinstance(v, str):
            return v == self.value
        if isinstance(v, int) and not isinstance(v, bool):
            return str(v) == self.value
        return False

    def line(self, raw: bytes) -> bool:
        try:
            text = raw.decode("utf-8").strip().lstrip("\ufeff")
        except UnicodeDecodeError:
            return self._needle(raw)
        if not text:
            return False
        try:
            parsed = json.loads(text)
        except ValueError:
            return self._needle(raw)
        return self.record(parsed) if isinstance(parsed, dict) else self._needle(raw)

    def _needle(self, raw: bytes) -> bool:
        needles = {json.dumps(self.value).encode("ascii"), json.dumps(self.value, ensure_ascii=False).encode("utf-8")}
        with suppress(UnicodeEncodeError):
            needles.add(json.dumps(self.value, ensure_ascii=False).encode("cp932"))
        return any(n in raw for n in needles)


@dataclass
class _FileRewrite:
    path: Path
    tmp: Path
    removed: list[int]  # line numbers (1-based, as the quarantine counts them)
    bytes_before: int
    sha_before: str
    bytes_after: int
    sha_after: str
    truncated: bool


@dataclass
class ForgetResult:
    subject: str
    run_id: str
    raw_lines: dict[str, int] = field(default_factory=dict)  # dt -> lines removed
    raw_files: int = 0
    manifests_updated: int = 0
    quarantine_lines: dict[str, int] = field(default_factory=dict)
    anonymized_rows: dict[str, int] = field(default_factory=dict)
    unlinkable: dict[str, str] = field(default_factory=dict)  # dt -> why rows there cannot be found
    failed: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "raw_lines_removed": sum(self.raw_lines.values()), "raw_files_rewritten": self.raw_files,
            "raw_days": len(self.raw_lines), "manifests_updated": self.manifests_updated,
            "quarantine_lines_removed": sum(self.quarantine_lines.values()),
            "quarantine_days": len(self.quarantine_lines),
            "anonymized_rows_removed": sum(self.anonymized_rows.values()),
            "anonymized_partitions_rewritten": len(self.anonymized_rows),
            "anonymized_partitions_unlinkable": len(self.unlinkable), "failed_days": len(self.failed),
        }


def forget(settings: Settings, user_id: str | None = None, conversation_id: str | None = None,
           tenant_id: str | None = None, run_id: str | None = None, by: str = "cli") -> ForgetResult:
    """Remove one person's (or one conversation's) messages from raw, quarantine and every anonymized
    partition whose key still exists. Returns counts by date, and the request's keyed pseudonym only."""
    if (user_id is None) == (conversation_id is None):
        raise RetentionError("give exactly one of --user-id and --conversation-id")
    field_name, value = ("user_id", user_id) if user_id is not None else ("conversation_id", conversation_id)
    assert value is not None
    if not value.strip():
        raise RetentionError(f"the {field_name} of a deletion request cannot be empty")
    matcher = Matcher(field_name, value, tenant_id or None)
    run_id = run_id or new_run_id()
    result = ForgetResult(audit_subject(settings, field_name, value), run_id)
    days = sorted({d for root in (settings.raw_dir, settings.quarantine_dir, settings.anonymized_dir)
                   for d, _ in partitions(root)})
    for day in days:
        try:
            _forget_day(settings, day, matcher, result, by)
        except (OSError, PartitionLocked, KeyError_, pa.ArrowException) as e:
            result.failed[day.isoformat()] = f"{type(e).__name__}: {e}"
    unlinkable = sorted(result.unlinkable)
    audit_append(settings, {
        "event": "forget.summary", "run_id": run_id, "by": by, "subject": result.subject,
        "tenant_id": tenant_id or None, "target": str(settings.data_dir),
        "why": f"deletion request ({field_name})", "counts": result.counts(),
        "unlinkable": {"partitions": len(unlinkable), "first": unlinkable[0] if unlinkable else None,
                       "last": unlinkable[-1] if unlinkable else None,
                       "why": sorted(set(result.unlinkable.values()))},
        "failed": result.failed,
    }, forbidden=[value])
    return result


def _forget_day(settings: Settings, day: date, matcher: Matcher, result: ForgetResult, by: str) -> None:
    dt = day.isoformat()
    run_id = result.run_id
    target = day_dir(settings.anonymized_dir, day)
    raw_folder = day_dir(settings.raw_dir, day)
    common = {"run_id": run_id, "by": by, "subject": result.subject, "why": f"deletion request ({matcher.kind})"}
    forbidden = [matcher.value]
    rewrites: list[_FileRewrite] = []
    staged: Path | None = None
    with publish.partition_lock(target):
        try:
            if raw_folder.is_dir():
                for stale in raw_folder.glob(".*.forget-*.tmp"):
                    stale.unlink(missing_ok=True)
                for path in sorted(p for p in raw_folder.iterdir() if _is_raw_input(p)):
                    rewrite = _filter_raw_file(path, matcher, run_id)
                    if rewrite:
                        rewrites.append(rewrite)
            manifest, rows_removed, rows_before, key_id = None, 0, 0, None
            if target.is_dir():
                manifest = _read_manifest_or_none(target)
                key, key_id, why_not = _partition_key(settings, day, manifest)
                files = sorted(target.glob("*.parquet"))
                if key is None:
                    if files:
                        result.unlinkable[dt] = why_not
                else:
                    rows_removed, rows_before = _count_matches(files, matcher, key)
            new_manifest = None
            if manifest is not None and (rewrites or rows_removed):
                new_manifest = _updated_manifest(manifest, rewrites, rows_removed, run_id)
            if rows_removed:
                publish.clean_stale_staging(target)
                staged = publish.staging_dir(target, f"forget-{run_id}")
                staged.mkdir(parents=True)
                _write_filtered(target, staged, matcher, key)
                if new_manifest is not None:
                    write_manifest(staged, new_manifest)
                publish.swap_in(staged, target)
                staged = None
            elif new_manifest is not None:
                write_manifest(target, new_manifest)
            for rw in rewrites:
                os.replace(rw.tmp, rw.path)
            if rewrites:
                fsync_dir(raw_folder)
            if new_manifest is not None and rewrites:
                final = copy.deepcopy(new_manifest)
                final.pop("pending_forget", None)
                write_manifest(target, final)
        except BaseException:
            for rw in rewrites:
                rw.tmp.unlink(missing_ok=True)
            if staged is not None:
                shutil.rmtree(staged, ignore_errors=True)
            raise
        if rewrites:
            lines = sum(len(rw.removed) for rw in rewrites)
            result.raw_lines[dt] = lines
            result.raw_files += len(rewrites)
            result.manifests_updated += int(new_manifest is not None)
            audit_append(settings, {
                **common, "event": "forget.raw", "target": _rel(settings, raw_folder),
                "counts": {"lines_removed": lines, "files_rewritten": len(rewrites)},
                "files": [{"file": rw.path.name, "lines_removed": len(rw.removed), "bytes_before": rw.bytes_before,
                           "bytes_after": rw.bytes_after, "sha256_before": rw.sha_before, "sha256_after": rw.sha_after,
                           **({"truncated_tail_dropped": True} if rw.truncated else {})} for rw in rewrites],
                "manifest_updated": new_manifest is not None,
            }, forbidden)
        if rows_removed:
            result.anonymized_rows[dt] = rows_removed
            audit_append(settings, {
                **common, "event": "forget.anonymized", "target": _rel(settings, target), "key_id": key_id,
                "counts": {"rows_removed": rows_removed, "rows_before": rows_before,
                           "rows_after": rows_before - rows_removed},
            }, forbidden)
        removed_lines = {rw.path.name: rw.removed for rw in rewrites}
        q_removed, q_renumbered = _forget_quarantine(settings, day, matcher, removed_lines, run_id)
        if q_removed:
            result.quarantine_lines[dt] = q_removed
            audit_append(settings, {
                **common, "event": "forget.quarantine",
                "target": _rel(settings, day_dir(settings.quarantine_dir, day) / QUARANTINE_FILE),
                "counts": {"lines_removed": q_removed, "lines_renumbered": q_renumbered},
            }, forbidden)


def _read_manifest_or_none(target: Path) -> dict[str, Any] | None:
    try:
        manifest = read_manifest(target)
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _partition_key(settings: Settings, day: date, manifest: dict[str, Any] | None) -> tuple[bytes | None, str, str]:
    """(key, key id, why there is none) for an anonymized partition: the key its manifest names."""
    key_id = manifest.get("key_id") if manifest else None
    if not isinstance(key_id, str):
        key_id = f"{day.year:04d}-{day.month:02d}"
    if key_id == "env":
        env = os.environ.get(ENV_KEY)
        if not env:
            return None, key_id, f"made with ${ENV_KEY}, which is not set here"
        return env.encode("utf-8"), key_id, ""
    if not KEY_ID.match(key_id):
        return None, key_id, "the manifest names an unknown key"
    path = settings.keys_dir / f"{key_id}.key"
    if not path.exists():
        return None, key_id, "pseudonym key destroyed: these rows cannot be linked to anyone"
    key = path.read_bytes()
    if len(key) < 16:
        raise KeyError_(f"pseudonym key file {path} is too short")
    return key, key_id, ""


def _open_lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        yield from f


def _filter_raw_file(path: Path, matcher: Matcher, run_id: str) -> _FileRewrite | None:
    """Write `path` without the matching lines to a temporary file beside it; None when nothing matches."""
    removed: list[int] = []
    truncated = False
    try:
        for n, raw in enumerate(_open_lines(path), start=1):
            if matcher.line(raw):
                removed.append(n)
    except (EOFError, gzip.BadGzipFile, zlib.error):
        truncated = True
    if not removed:
        return None
    bytes_before, sha_before = path.stat().st_size, file_sha256(path)
    tmp = path.parent / f".{path.name}.forget-{run_id}.tmp"
    drop = set(removed)
    try:
        with tmp.open("wb") as out:
            sink = gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) if path.name.endswith(".gz") else out
            try:
                with suppress(EOFError, gzip.BadGzipFile, zlib.error):
                    for n, raw in enumerate(_open_lines(path), start=1):
                        if n not in drop:
                            sink.write(raw)
            finally:
                if sink is not out:
                    sink.close()
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return _FileRewrite(path, tmp, removed, bytes_before, sha_before, tmp.stat().st_size, file_sha256(tmp), truncated)


def _pseudonyms(tenants: Iterable[Any], matcher: Matcher, key: bytes, cache: dict[str, str]) -> None:
    for tenant in tenants:
        if isinstance(tenant, str) and tenant not in cache and matcher.tenant_id in (None, tenant):
            cache[tenant] = pseudonym(f"{tenant}\x1f{matcher.value}", key)


def _mask(batch: pa.RecordBatch, column: str, matcher: Matcher, key: bytes, cache: dict[str, str]) -> pa.Array:
    tenants = batch.column(batch.schema.get_field_index("tenant_id"))
    _pseudonyms(pc.unique(tenants).to_pylist(), matcher, key, cache)
    values = batch.column(batch.schema.get_field_index(column))
    if not cache:
        return pa.array([False] * batch.num_rows, pa.bool_())
    return pc.fill_null(pc.is_in(values, value_set=pa.array(sorted(cache.values()), pa.string())), False)


def _count_matches(files: list[Path], matcher: Matcher, key: bytes) -> tuple[int, int]:
    column = FIELDS[matcher.kind]
    cache: dict[str, str] = {}
    matches = total = 0
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=65536, columns=["tenant_id", column]):
            total += batch.num_rows
            matches += pc.sum(_mask(batch, column, matcher, key, cache)).as_py() or 0
    return matches, total


def _write_filtered(target: Path, staged: Path, matcher: Matcher, key: bytes) -> None:
    """The live partition without the matching rows, into `staged` (Parquet files rewritten, others copied)."""
    column = FIELDS[matcher.kind]
    cache: dict[str, str] = {}
    for path in sorted(target.iterdir()):
        if path.name in (MANIFEST, MANIFEST + ".tmp"):
            continue
        if path.is_dir():
            shutil.copytree(path, staged / path.name)
        elif path.name.endswith(".parquet"):
            source = pq.ParquetFile(path)
            with pq.ParquetWriter(staged / path.name, source.schema_arrow, compression="zstd") as writer:
                for batch in source.iter_batches(batch_size=65536):
                    keep = batch.filter(pc.invert(_mask(batch, column, matcher, key, cache)))
                    if keep.num_rows:
                        writer.write_batch(keep)
        else:
            shutil.copy2(path, staged / path.name)
    if (target / MANIFEST).exists() and not (staged / MANIFEST).exists():
        shutil.copy2(target / MANIFEST, staged / MANIFEST)


def _updated_manifest(manifest: dict[str, Any], rewrites: list[_FileRewrite], rows_removed: int,
                      run_id: str) -> dict[str, Any]:
    new = copy.deepcopy(manifest)
    by_name = {rw.path.name: rw for rw in rewrites}
    for item in new.get("inputs") or []:
        rw = by_name.get(item.get("file")) if isinstance(item, dict) else None
        if rw is not None and item.get("sha256") == rw.sha_before:
            item["bytes"], item["sha256"] = rw.bytes_after, rw.sha_after
    counts = new.setdefault("counts", {})
    if rows_removed:
        counts["forgotten_rows"] = int(counts.get("forgotten_rows", 0)) + rows_removed
    raw_lines = sum(len(rw.removed) for rw in rewrites)
    if raw_lines:
        counts["forgotten_raw_lines"] = int(counts.get("forgotten_raw_lines", 0)) + raw_lines
    new.setdefault("rewrites", []).append({"at": now_utc(), "run_id": run_id, "event": "forget",
                                           "rows_removed": rows_removed, "raw_lines_removed": raw_lines,
                                           "raw_files_rewritten": sorted(by_name)})
    if rewrites:
        new["pending_forget"] = {"run_id": run_id, "at": now_utc()}
    return new


def _forget_quarantine(settings: Settings, day: date, matcher: Matcher, removed: dict[str, list[int]],
                       run_id: str) -> tuple[int, int]:
    """Drop the quarantine entries of the request; shift line numbers past removed raw lines."""
    path = day_dir(settings.quarantine_dir, day) / QUARANTINE_FILE
    if not path.is_file():
        return 0, 0
    kept: list[bytes] = []
    dropped = renumbered = 0
    with path.open("rb") as f:
        for raw in f:
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw)
            except ValueError:
                entry = None
            if not isinstance(entry, dict):
                if matcher._needle(raw):
                    dropped += 1
                else:
                    kept.append(raw if raw.endswith(b"\n") else raw + b"\n")
                continue
            file, line = entry.get("file"), entry.get("line")
            gone = removed.get(file, []) if isinstance(file, str) else []
            if (isinstance(line, int) and line in gone) or matcher.line(_quarantined_raw(entry)):
                dropped += 1
                continue
            if isinstance(line, int) and gone:
                shift = sum(1 for n in gone if n < line)
                if shift:
                    entry["line"] = line - shift
                    renumbered += 1
                    raw = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
            kept.append(raw if raw.endswith(b"\n") else raw + b"\n")
    if not dropped and not renumbered:
        return 0, 0
    if not kept:
        path.unlink()
        fsync_dir(path.parent)
        return dropped, renumbered
    tmp = path.parent / f".quarantine.forget-{run_id}.tmp"
    try:
        with tmp.open("wb") as out:
            out.writelines(kept)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return dropped, renumbered


def _quarantined_raw(entry: dict[str, Any]) -> bytes:
    if isinstance(entry.get("raw"), str):
        return entry["raw"].encode("utf-8")
    if isinstance(entry.get("raw_b64"), str):
        with suppress(ValueError):
            return base64.b64decode(entry["raw_b64"], validate=True)
    return b""
