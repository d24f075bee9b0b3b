"""Deletion requests: one person's (or conversation's) lines out of every zone whose key still exists."""

from __future__ import annotations

import base64
import copy
import gzip
import json
import os
import shutil
import zlib
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from anonymize.fields import pseudonym
from flows import publish
from flows.ingest import day_dir, file_sha256
from flows.keys import ENV_KEY, KeyError_
from flows.publish import MANIFEST, PartitionLocked, fsync_dir, read_manifest, write_manifest
from flows.retention.audit import audit_append, audit_subject, new_run_id, now_utc
from flows.retention.common import FIELDS, KEY_ID, QUARANTINE_FILE, RetentionError, is_raw_input, partitions, relative_path
from flows.settings import Settings

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
                for path in sorted(p for p in raw_folder.iterdir() if is_raw_input(p)):
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
                **common, "event": "forget.raw", "target": relative_path(settings, raw_folder),
                "counts": {"lines_removed": lines, "files_rewritten": len(rewrites)},
                "files": [{"file": rw.path.name, "lines_removed": len(rw.removed), "bytes_before": rw.bytes_before,
                           "bytes_after": rw.bytes_after, "sha256_before": rw.sha_before, "sha256_after": rw.sha_after,
                           **({"truncated_tail_dropped": True} if rw.truncated else {})} for rw in rewrites],
                "manifest_updated": new_manifest is not None,
            }, forbidden)
        if rows_removed:
            result.anonymized_rows[dt] = rows_removed
            audit_append(settings, {
                **common, "event": "forget.anonymized", "target": relative_path(settings, target), "key_id": key_id,
                "counts": {"rows_removed": rows_removed, "rows_before": rows_before,
                           "rows_after": rows_before - rows_removed},
            }, forbidden)
        removed_lines = {rw.path.name: rw.removed for rw in rewrites}
        q_removed, q_renumbered = _forget_quarantine(settings, day, matcher, removed_lines, run_id)
        if q_removed:
            result.quarantine_lines[dt] = q_removed
            audit_append(settings, {
                **common, "event": "forget.quarantine",
                "target": relative_path(settings, day_dir(settings.quarantine_dir, day) / QUARANTINE_FILE),
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
