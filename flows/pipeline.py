"""One day from raw to a published partition, as plain functions the Prefect flow and the CLI share."""

from __future__ import annotations

import platform
import shutil
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pyarrow.parquet as pq

from anonymize import Anonymizer, DetectionSettings, PlaceholderBook
from flows.ingest import IngestCounts, InputFile, QuarantineWriter, day_dir, list_inputs, read_day
from flows.keys import load_key
from flows.leakcheck import IdentifierSet, scan_parquet
from flows.publish import (
    DATA_FILE,
    clean_stale_staging,
    partition_lock,
    staging_dir,
    swap_in,
    write_manifest,
)
from flows.settings import Settings
from flows.transform import to_record_batch
from schemas.anonymized import SCHEMA, SCHEMA_VERSION
from schemas.raw import CONTRACT_VERSION


class RunFailed(RuntimeError):
    """The day was not published; the message says why in one line, with counts, never values."""


@dataclass
class StagedDay:
    day: date
    run_id: str
    staged: Path
    target: Path
    inputs: list[InputFile]
    counts: IngestCounts
    rows_written: int
    pii_found: Counter[str]
    key_id: str
    model_version: str
    started_at: str
    unknown_fields: int
    identifiers: IdentifierSet = field(repr=False, default_factory=IdentifierSet)


_ENGINES: dict[DetectionSettings, Anonymizer] = {}


def get_anonymizer(settings: DetectionSettings) -> Anonymizer:
    """The engine, model loaded once per process (and once per worker process)."""
    if settings not in _ENGINES:
        _ENGINES[settings] = Anonymizer(settings)
    return _ENGINES[settings]


def close_engines() -> None:
    """Stop the engines' worker processes before the process exits."""
    while _ENGINES:
        _ENGINES.popitem()[1].detector.close()


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]


def find_inputs(settings: Settings, day: date) -> list[InputFile]:
    return list_inputs(settings.raw_dir, day)


def stage_day(settings: Settings, day: date, inputs: list[InputFile], run_id: str) -> StagedDay:
    """Read, validate, anonymize and write the day into a staging folder (not yet visible)."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    target = day_dir(settings.anonymized_dir, day)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_staging(target)
    staged = staging_dir(target, run_id)
    staged.mkdir(parents=True)
    anonymizer = get_anonymizer(settings.detection)
    key, key_id = load_key(settings.keys_dir, day)
    counts, pii, identifiers = IngestCounts(), Counter[str](), IdentifierSet()
    book = PlaceholderBook()
    quarantine = QuarantineWriter(settings.quarantine_dir, day, run_id)
    rows = unknown = 0
    try:
        with pq.ParquetWriter(staged / DATA_FILE, SCHEMA, compression="zstd") as writer:
            batch = []
            stream = read_day(inputs, day, settings.run.max_text_chars, quarantine, counts, identifiers)
            for message in stream:
                batch.append(message)
                if len(batch) >= settings.run.batch_size:
                    written, dropped = _write(writer, batch, anonymizer, book, key, settings, pii)
                    rows, unknown = rows + written, unknown + dropped
                    batch = []
            if batch:
                written, dropped = _write(writer, batch, anonymizer, book, key, settings, pii)
                rows, unknown = rows + written, unknown + dropped
        quarantine.close()
    except BaseException:
        quarantine.abort()
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return StagedDay(day, run_id, staged, target, inputs, counts, rows, pii, key_id,
                     anonymizer.detector.model_version, started, unknown, identifiers)


def _write(writer: pq.ParquetWriter, batch: list, anonymizer: Anonymizer, book: PlaceholderBook,
           key: bytes, settings: Settings, pii: Counter[str]) -> tuple[int, int]:
    """Anonymize and write one batch: (rows written, unknown fields dropped)."""
    records = to_record_batch(batch, anonymizer, book, key, settings.run.time_precision, pii)
    writer.write_batch(records)
    return len(batch), pc.sum(records.column("unknown_fields")).as_py() or 0


def check_staged(settings: Settings, staged: StagedDay) -> dict[str, int]:
    """Accounting, bad-line share and the leak scan; raises RunFailed and discards the staging folder."""
    c = staged.counts
    problems: list[str] = []
    if c.lines_read != staged.rows_written + c.quarantined_total + c.duplicates:
        problems.append(f"line accounting does not add up: read {c.lines_read}, written {staged.rows_written}, "
                        f"quarantined {c.quarantined_total}, duplicates {c.duplicates}")
    share = c.quarantined_total / c.lines_read if c.lines_read else 0.0
    if share > settings.run.max_bad_line_share:
        reasons = ", ".join(f"{k}={v}" for k, v in sorted(c.quarantined.items()))
        problems.append(f"{share:.1%} of lines quarantined (limit {settings.run.max_bad_line_share:.1%}; "
                        f"{reasons}): has the export format changed?")
    if c.lines_read == 0:
        problems.append("the day's files hold no lines")
    findings = scan_parquet(staged.staged / DATA_FILE, staged.identifiers)
    if findings:
        problems.append("leak check found " + ", ".join(f"{k}={v}" for k, v in sorted(findings.items()))
                        + "; partition not published, the previous one stays")
    if problems:
        discard(staged)
        raise RunFailed(f"{staged.day}: " + "; ".join(problems))
    return dict(findings)


def discard(staged: StagedDay) -> None:
    shutil.rmtree(staged.staged, ignore_errors=True)


def publish_day(settings: Settings, staged: StagedDay, leak_findings: dict[str, int]) -> dict[str, Any]:
    """Write the manifest into the staging folder, then swap it in atomically. Returns the manifest."""
    manifest = build_manifest(settings, staged, leak_findings)
    write_manifest(staged.staged, manifest)
    with partition_lock(staged.target):
        swap_in(staged.staged, staged.target)
    return manifest


def build_manifest(settings: Settings, staged: StagedDay, leak_findings: dict[str, int]) -> dict[str, Any]:
    c = staged.counts
    return {
        "dt": staged.day.isoformat(),
        "run_id": staged.run_id,
        "started_at": staged.started_at,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema_version": SCHEMA_VERSION,
        "contract_version": CONTRACT_VERSION,
        "inputs": [{"file": i.name, "bytes": i.bytes, "sha256": i.sha256} for i in staged.inputs],
        "counts": {
            "lines_read": c.lines_read,
            "rows_written": staged.rows_written,
            "quarantined": dict(sorted(c.quarantined.items())),
            "quarantined_total": c.quarantined_total,
            "duplicates": c.duplicates,
            "pii_found": dict(sorted(staged.pii_found.items())),
            "unknown_fields_dropped": staged.unknown_fields,
        },
        "leak_check": {"passed": not leak_findings, "findings": leak_findings},
        "versions": versions(staged.model_version),
        "config_hash": settings.fingerprint(),
        "key_id": staged.key_id,
    }


def versions(model_version: str) -> dict[str, str]:
    out = {"python": platform.python_version(), "model": model_version}
    for package in ("tokumei", "ginza", "ja-ginza", "spacy", "presidio-analyzer", "pyarrow", "prefect"):
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = "unknown"
    return out


def run_day_plain(settings: Settings, day: date, run_id: str | None = None) -> dict[str, Any]:
    """The whole day without Prefect (the flow calls the same steps as tasks)."""
    run_id = run_id or new_run_id()
    inputs = find_inputs(settings, day)
    staged = stage_day(settings, day, inputs, run_id)
    findings = check_staged(settings, staged)
    return publish_day(settings, staged, findings)
