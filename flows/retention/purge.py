"""Purge: what is past retention and verified goes; everything else stays, with the reason."""

from __future__ import annotations

import calendar
import os
import secrets
import shutil
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from flows import publish
from flows.keys import ENV_KEY
from flows.publish import PartitionLocked, fsync_dir
from flows.retention.audit import audit_append, new_run_id
from flows.retention.common import (
    KEY_FILE,
    TRASH_PREFIX,
    Verification,
    partitions,
    relative_path,
    today_in,
    tree_signature,
    verify_day,
)
from flows.settings import Settings

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

DELETE, KEEP = "delete", "keep"


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
    tree = tree_signature(path)
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
            own = (str(path), tree_signature(path))
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
    return all(tree_signature(Path(p)) == tree for p, tree in item.guard)


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
            "event": f"purge.{item.zone}", "run_id": run_id, "by": by, "target": relative_path(settings, item.path),
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
        "kept": [{"target": relative_path(settings, i.path), "why": i.reason} for i in plan.keeps],
        "failed": [{"target": relative_path(settings, i.path), "why": why} for i, why in skipped],
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


