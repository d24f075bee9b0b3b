"""Prefect flows: thin orchestration of the plain functions in flows.pipeline.

Nothing that writes is cached (a re-run must really re-run), retries only where a fault can be
transient (file system hiccups), and logs carry counts, never message text or identifiers.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows import pipeline
from flows.ingest import InputError
from flows.settings import Settings, load_settings


def _transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry OS errors (a busy NFS mount, a file being renamed) but not a missing day or a failed check."""
    try:
        state.result()
    except (InputError, pipeline.RunFailed):
        return False
    except OSError:
        return True
    except Exception:
        return False
    return False


@task(retries=2, retry_delay_seconds=10, retry_condition_fn=_transient, cache_policy=NO_CACHE, persist_result=False)
def find_inputs(settings: Settings, day: date) -> list:
    return pipeline.find_inputs(settings, day)


@task(cache_policy=NO_CACHE, persist_result=False)
def anonymize_day(settings: Settings, day: date, inputs: list, run_id: str) -> pipeline.StagedDay:
    return pipeline.stage_day(settings, day, inputs, run_id)


@task(cache_policy=NO_CACHE, persist_result=False)
def leak_check(settings: Settings, staged: pipeline.StagedDay) -> dict[str, int]:
    return pipeline.check_staged(settings, staged)


@task(retries=2, retry_delay_seconds=5, retry_condition_fn=_transient, cache_policy=NO_CACHE, persist_result=False)
def publish(settings: Settings, staged: pipeline.StagedDay, findings: dict[str, int]) -> dict[str, Any]:
    return pipeline.publish_day(settings, staged, findings)


def yesterday_in(tz: str) -> date:
    return (datetime.now(ZoneInfo(tz)) - timedelta(days=1)).date()


@flow(name="tokumei-nightly", log_prints=False)
def nightly(day: str | None = None, data_dir: str | None = None, config: str | None = None) -> dict[str, Any]:
    """Anonymize one day (default: yesterday in Asia/Tokyo) into anonymized/messages/dt=DAY."""
    settings = load_settings(Path(config) if config else None, Path(data_dir) if data_dir else None)
    the_day = date.fromisoformat(day) if day else yesterday_in(settings.run.timezone)
    logger = get_run_logger()
    run_id = pipeline.new_run_id()
    inputs = find_inputs(settings, the_day)
    logger.info("dt=%s: %d input file(s), %d bytes", the_day, len(inputs), sum(i.bytes for i in inputs))
    staged = anonymize_day(settings, the_day, inputs, run_id)
    findings = leak_check(settings, staged)
    manifest = publish(settings, staged, findings)
    counts = manifest["counts"]
    logger.info("dt=%s published: read %d, written %d, quarantined %d, duplicates %d, pii %s", the_day,
                counts["lines_read"], counts["rows_written"], counts["quarantined_total"], counts["duplicates"],
                counts["pii_found"])
    create_markdown_artifact(key=f"tokumei-{the_day.isoformat()}", markdown=summary_markdown(manifest),
                             description=f"tokumei nightly run for {the_day}")
    return manifest


def summary_markdown(manifest: dict[str, Any]) -> str:
    c = manifest["counts"]
    lines = [f"# tokumei dt={manifest['dt']}", "", "| count | value |", "|---|---|",
             f"| lines read | {c['lines_read']} |", f"| rows written | {c['rows_written']} |",
             f"| quarantined | {c['quarantined_total']} |", f"| duplicates | {c['duplicates']} |"]
    lines += [f"| quarantined: {k} | {v} |" for k, v in c["quarantined"].items()]
    lines += [f"| PII {k} | {v} |" for k, v in c["pii_found"].items()]
    lines += ["", f"leak check passed: {manifest['leak_check']['passed']}; run {manifest['run_id']}"]
    return "\n".join(lines)


@flow(name="tokumei-backfill", log_prints=False)
def backfill(start: str, end: str, data_dir: str | None = None, config: str | None = None) -> dict[str, Any]:
    """Every day of [start, end], each independently: one failing day does not stop the others."""
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    results: dict[str, Any] = {}
    day = first
    while day <= last:
        state = nightly(day.isoformat(), data_dir, config, return_state=True)
        if state.is_completed():
            results[day.isoformat()] = {"ok": True, "manifest": state.result()}
        else:
            try:
                state.result()
                message = "failed"
            except Exception as e:  # the day's one-line reason
                message = str(e) or type(e).__name__
            results[day.isoformat()] = {"ok": False, "error": message}
        day += timedelta(days=1)
    return results
