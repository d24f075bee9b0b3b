"""Shared by purge, forget and audit: zones, partitions, and whether a day's raw files still match its manifest."""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from flows.ingest import day_dir, file_sha256
from flows.publish import DATA_FILE, MANIFEST, read_manifest
from flows.settings import Settings

KEY_FILE = re.compile(r"^(\d{4})-(\d{2})\.key$")
KEY_ID = re.compile(r"^\d{4}-\d{2}$")
PARTITION = re.compile(r"^dt=(\d{4}-\d{2}-\d{2})$")
RAW_SUFFIXES = (".jsonl", ".jsonl.gz")
TRASH_PREFIX = ".purge-"
QUARANTINE_FILE = "quarantine.jsonl"
FIELDS = {"user_id": "user_key", "conversation_id": "conversation_key"}


class RetentionError(RuntimeError):
    """A deletion request or an audit operation cannot be carried out (bad arguments, unreadable log)."""



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


def tree_signature(path: Path) -> tuple[tuple[str, int, int], ...]:
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


def is_raw_input(p: Path) -> bool:
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
    guard = ((str(target / MANIFEST), tree_signature(target / MANIFEST)),)
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
    on_disk = {p.name: p for p in entries if is_raw_input(p)}
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


def relative_path(settings: Settings, path: Path) -> str:
    """A path as shown in plans and the audit log: relative to the data root where it can be."""
    for root in (settings.data_dir, settings.keys_dir.parent):
        with suppress(ValueError):
            return str(path.relative_to(root))
    return str(path)
