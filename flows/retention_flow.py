"""The retention flow (deployed daily at 04:00 Asia/Tokyo in prefect.yaml): thin orchestration of the
plain functions in flows.retention. Nothing is cached (a purge must really run); logs and the artifact
carry partition names, counts and reasons, never data or identifiers. Dates never anonymized are kept
and reported: the scheduled flow never passes --include-unanonymized.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows import retention as r
from flows.settings import Settings, load_settings

ARTIFACT_KEY = "tokumei-retention"
MAX_ROWS = 200


class RetentionFailed(RuntimeError):
    """Some deletions planned could not be carried out."""


@task(cache_policy=NO_CACHE, persist_result=False)
def plan_purge(settings: Settings, today: date | None) -> r.PurgePlan:
    return r.plan_purge(settings, today)


@task(cache_policy=NO_CACHE, persist_result=False)
def execute_purge(plan: r.PurgePlan, run_id: str) -> r.PurgeResult:
    return r.execute_purge(plan, run_id, by="flow")


@flow(name="tokumei-retention", log_prints=False)
def retention(data_dir: str | None = None, config: str | None = None, dry_run: bool = False,
              today: str | None = None) -> dict[str, Any]:
    """Delete what is past retention and verified; keep and report the rest. `today` (YYYY-MM-DD, JST)
    is for operations and tests; by default it is today in the configured timezone."""
    settings = load_settings(Path(config) if config else None, Path(data_dir) if data_dir else None)
    logger = get_run_logger()
    run_id = r.new_run_id()
    plan = plan_purge(settings, date.fromisoformat(today) if today else None)
    logger.info("retention plan for %s: %d to delete, %d kept past retention", plan.today, len(plan.deletions),
                len(plan.keeps))
    for item in plan.keeps:
        logger.warning("kept %s/%s: %s", item.zone, item.name, item.reason)
    for note in plan.notes:
        logger.info("%s", note)
    result = None if dry_run else execute_purge(plan, run_id)
    summary = {"run_id": run_id, "dry_run": dry_run, "plan": plan.to_dict(),
               "counts": plan.counts() if result is None else result.counts(),
               "failed": [] if result is None else [{"zone": i.zone, "name": i.name, "why": why}
                                                    for i, why in result.skipped]}
    create_markdown_artifact(key=ARTIFACT_KEY, markdown=summary_markdown(plan, result, dry_run),
                             description=f"tokumei retention {'dry run ' if dry_run else ''}for {plan.today}")
    if result is not None:
        logger.info("retention done: %s", result.counts())
        if result.skipped:
            raise RetentionFailed(f"{len(result.skipped)} planned deletion(s) not carried out: "
                                  + "; ".join(f"{i.zone}/{i.name}: {why}" for i, why in result.skipped[:5]))
    return summary


def summary_markdown(plan: r.PurgePlan, result: r.PurgeResult | None, dry_run: bool) -> str:
    ret = plan.settings.retention
    lines = [f"# tokumei retention {plan.today}" + (" (dry run: nothing deleted)" if dry_run else ""), "",
             f"retention: raw {ret.raw_days} d, quarantine {ret.quarantine_days} d, keys {ret.key_days} d, "
             f"anonymized {ret.anonymized_days} d", "", "| count | value |", "|---|---|"]
    counts = plan.counts() if result is None else result.counts()
    lines += [f"| {k.replace('_', ' ')} | {v} |" for k, v in counts.items()]
    lines += ["", "| zone | partition | action | reason |", "|---|---|---|---|"]
    for item in plan.items[:MAX_ROWS]:
        lines.append(f"| {item.zone} | {item.name} | {item.action} | {item.reason.replace('|', '/')} |")
    if len(plan.items) > MAX_ROWS:
        lines.append(f"| … | {len(plan.items) - MAX_ROWS} more | | |")
    lines += ["", *plan.notes]
    if result is not None:
        lines.append(f"run {result.run_id}; audit log: {r.audit_path(plan.settings)}")
    return "\n".join(lines)
