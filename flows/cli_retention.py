"""`tokumei purge`, `tokumei forget`, `tokumei audit`: registered on the one CLI by flows.cli.

They call the plain functions of flows.retention directly (no Prefect server to start); every deletion and
rewrite is recorded in the audit log either way. The id of a deletion request is never printed: output
names the request by its keyed pseudonym.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

# The same options as flows.cli's. flows.cli's helpers (fail, _settings, parse_day) are imported when a command
# runs, so that flows.cli may import this module and call register(app) from anywhere in its body.
DataDir = Annotated[Path | None, typer.Option("--data-dir", help="root of raw/, quarantine/, anonymized/")]
Config = Annotated[Path | None, typer.Option("--config", help="configuration file (TOML)")]


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            break
    return f"{value:.1f} {unit}"


def _read_id(value: str | None, option: str) -> str | None:
    """`-` reads the id from standard input (keeps it out of shell history and the process list)."""
    from flows.cli import fail

    if value != "-":
        return value
    line = sys.stdin.readline().strip()
    if not line:
        fail(f"{option} -: nothing on standard input", 2)
    return line


def register(app: typer.Typer) -> None:
    """Add purge, forget and audit to `app`."""

    @app.command()
    def purge(
        dry_run: Annotated[bool, typer.Option("--dry-run", help="show what would be deleted; delete nothing")] = False,
        include_unanonymized: Annotated[bool, typer.Option(
            "--include-unanonymized", help="also delete raw and quarantine dates that were never anonymized")] = False,
        today: Annotated[str | None, typer.Option(
            "--today", help="YYYY-MM-DD to compute ages from (operations and tests; default: today, JST)")] = None,
        data_dir: DataDir = None,
        config: Config = None,
    ) -> None:
        """Delete what is past retention: raw and quarantine only when verified, keys, old partitions.

        A raw or quarantine date goes only when its anonymized partition exists, its manifest's checksums
        match the raw files and its leak check passed; otherwise it is kept and the reason shown. Every
        deletion is recorded in the audit log."""
        from flows import retention as r
        from flows.cli import _settings, fail, parse_day

        settings = _settings(config, data_dir)
        day = parse_day(today, "--today") if today else None
        try:
            plan = r.plan_purge(settings, day, include_unanonymized)
        except OSError as e:
            fail(f"cannot plan the purge: {e}")
        ret = settings.retention
        typer.echo(f"purge plan for {plan.today} (retention: raw {ret.raw_days} d, quarantine {ret.quarantine_days} d, "
                   f"keys {ret.key_days} d, anonymized {ret.anonymized_days} d)")
        if not plan.items:
            typer.echo("  nothing is past retention")
        for item in plan.items:
            what = "DELETE" if item.action == r.DELETE else "keep  "
            typer.echo(f"  {what} {item.zone:<10} {item.name:<14} {item.files:>3} file(s) {_size(item.bytes):>10}  "
                       f"{item.path}")
            typer.echo(f"         {item.reason}")
        for note in plan.notes:
            typer.echo(f"  note: {note}")
        n, size = len(plan.deletions), sum(i.bytes for i in plan.deletions)
        if dry_run:
            typer.echo(f"dry run: nothing deleted; {n} item(s), {_size(size)}, would be deleted; "
                       f"{len(plan.keeps)} kept past retention")
            return
        result = r.execute_purge(plan, by="cli")
        for item, why in result.skipped:
            typer.echo(f"  NOT DELETED {item.zone}/{item.name}: {why}")
        typer.echo(f"deleted {len(result.deleted)} item(s), {_size(sum(i.bytes for i in result.deleted))}; "
                   f"{len(plan.keeps)} kept past retention; run {result.run_id} recorded in {r.audit_path(settings)}")
        if result.skipped:
            fail(f"{len(result.skipped)} planned deletion(s) not carried out")

    @app.command()
    def forget(
        user_id: Annotated[str | None, typer.Option(
            "--user-id", help="the end user's id as in the export (`-`: read it from standard input)")] = None,
        conversation_id: Annotated[str | None, typer.Option(
            "--conversation-id", help="one conversation's id (`-`: read it from standard input)")] = None,
        tenant_id: Annotated[str | None, typer.Option(
            "--tenant-id", help="only this tenant's records (ids are unique per tenant); default: every tenant")] = None,
        data_dir: DataDir = None,
        config: Config = None,
    ) -> None:
        """A deletion request: remove one person's (or conversation's) messages everywhere.

        From the raw and quarantine zones, and from every anonymized partition whose key still exists
        (rewritten atomically, manifest updated). Prints and records only a keyed pseudonym of the id."""
        from flows import retention as r
        from flows.cli import _settings, fail
        from flows.keys import KeyError_
        from flows.publish import PartitionLocked

        if (user_id is None) == (conversation_id is None):
            fail("give exactly one of --user-id and --conversation-id", 2)
        user_id = _read_id(user_id, "--user-id")
        conversation_id = _read_id(conversation_id, "--conversation-id")
        settings = _settings(config, data_dir)
        try:
            result = r.forget(settings, user_id=user_id, conversation_id=conversation_id, tenant_id=tenant_id)
        except r.RetentionError as e:
            fail(str(e), 2)
        except (OSError, PartitionLocked, KeyError_) as e:
            fail(f"deletion request not completed ({type(e).__name__}: {e})")
        c = result.counts()
        typer.echo(f"forget {result.subject} (run {result.run_id})" + (f", tenant {tenant_id}" if tenant_id else ""))
        typer.echo(f"  raw: {c['raw_lines_removed']} line(s) removed from {c['raw_files_rewritten']} file(s) over "
                   f"{c['raw_days']} day(s); {c['manifests_updated']} manifest(s) updated")
        typer.echo(f"  quarantine: {c['quarantine_lines_removed']} line(s) removed over {c['quarantine_days']} day(s)")
        typer.echo(f"  anonymized: {c['anonymized_rows_removed']} row(s) removed from "
                   f"{c['anonymized_partitions_rewritten']} partition(s)")
        if result.unlinkable:
            days = sorted(result.unlinkable)
            why = "; ".join(sorted(set(result.unlinkable.values())))
            typer.echo(f"  not searched: {len(days)} partition(s) from {days[0]} to {days[-1]} ({why})")
        typer.echo(f"  recorded in {r.audit_path(settings)}")
        if result.failed:
            for dt, why in sorted(result.failed.items()):
                typer.echo(f"  FAILED dt={dt}: {why}")
            fail(f"{len(result.failed)} day(s) not processed; run the same forget again")

    @app.command()
    def audit(
        limit: Annotated[int, typer.Option("--limit", help="show the last N entries (0: all)")] = 20,
        as_json: Annotated[bool, typer.Option("--json", help="print the entries as JSON lines")] = False,
        data_dir: DataDir = None,
        config: Config = None,
    ) -> None:
        """Show the audit log of deletions and rewrites (newest last)."""
        from flows import retention as r
        from flows.cli import _settings, fail

        if limit < 0:
            fail("--limit must be 0 or more", 2)
        settings = _settings(config, data_dir)
        try:
            entries, bad = r.read_audit(settings, limit or None)
        except OSError as e:
            fail(f"cannot read the audit log: {e}")
        if not entries and not bad:
            typer.echo(f"no audit entries in {r.audit_path(settings)}")
            return
        for e in entries:
            if as_json:
                typer.echo(json.dumps(e, ensure_ascii=False, sort_keys=True))
                continue
            counts = ", ".join(f"{k}={v}" for k, v in (e.get("counts") or {}).items())
            subject = f" {e['subject']}" if e.get("subject") else ""
            typer.echo(f"{e.get('at', '?')}  {e.get('event', '?'):<20} {e.get('target', '')}{subject}")
            typer.echo(f"    why: {e.get('why', '')}")
            if counts:
                typer.echo(f"    counts: {counts}")
            typer.echo(f"    run: {e.get('run_id', '?')} by {e.get('by', '?')}")
        if bad:
            typer.echo(f"warning: {bad} unreadable line(s) in {r.audit_path(settings)}", err=True)

