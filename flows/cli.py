"""`tokumei`: the one command-line entry point (product.md, "The command line": a stable contract)."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="tokumei: anonymize minarai CS-Chat logs into partitioned Parquet.")

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="root of raw/, quarantine/, anonymized/")]
Config = Annotated[Path | None, typer.Option("--config", help="configuration file (TOML)")]


def fail(message: str, code: int = 1) -> None:
    """One line on stderr and a non-zero exit: never a traceback for an expected failure."""
    typer.echo(f"tokumei: error: {message}", err=True)
    raise typer.Exit(code)


def parse_day(value: str, what: str = "date") -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"invalid {what} {value!r}: expected YYYY-MM-DD", 2)
        raise  # unreachable


def _quiet_prefect() -> None:
    """Prefect's own console output (run banners, task tracebacks) stays off the terminal: the CLI prints
    its one-line summary or error. Logs still reach the Prefect server's UI when one is configured;
    TOKUMEI_VERBOSE=1 shows them here too."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if os.environ.get("TOKUMEI_VERBOSE"):
        return
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")  # before Prefect configures
    import logging

    from prefect.logging.handlers import PrefectConsoleHandler

    for name in ["", "prefect", *list(logging.root.manager.loggerDict)]:  # when it already has
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, PrefectConsoleHandler):
                handler.setLevel(logging.CRITICAL + 1)


def _settings(config: Path | None, data_dir: Path | None):
    from flows.settings import ConfigError, load_settings

    try:
        return load_settings(config, data_dir)
    except ConfigError as e:
        fail(str(e), 2)


def _expected_errors() -> tuple[type[BaseException], ...]:
    from anonymize import ModelNotInstalledError
    from flows.ingest import InputError
    from flows.keys import KeyError_
    from flows.pipeline import RunFailed
    from flows.publish import PartitionLocked
    from flows.settings import ConfigError

    return (InputError, RunFailed, PartitionLocked, ConfigError, KeyError_, ModelNotInstalledError)


@app.command()
def run(
    date_: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: yesterday in Asia/Tokyo)")] = None,
    data_dir: DataDir = None,
    config: Config = None,
) -> None:
    """One day: raw -> anonymized partition (the nightly flow)."""
    settings = _settings(config, data_dir)
    day = parse_day(date_) if date_ else None
    _quiet_prefect()
    from flows.nightly import nightly
    from flows.pipeline import close_engines

    try:
        manifest = nightly(day.isoformat() if day else None, str(settings.data_dir),
                           str(config) if config else None)
    except _expected_errors() as e:
        fail(str(e))
    finally:
        close_engines()
    print_summary(settings.anonymized_dir, manifest)


def print_summary(anonymized_dir: Path, manifest: dict) -> None:
    c = manifest["counts"]
    quarantined = ", ".join(f"{k}={v}" for k, v in c["quarantined"].items()) or "none"
    pii = ", ".join(f"{k}={v}" for k, v in c["pii_found"].items()) or "none"
    typer.echo(f"dt={manifest['dt']}: published {anonymized_dir / ('dt=' + manifest['dt'])}")
    typer.echo(f"  lines read {c['lines_read']} = rows written {c['rows_written']} + quarantined "
               f"{c['quarantined_total']} ({quarantined}) + duplicates {c['duplicates']}")
    typer.echo(f"  personal data replaced: {pii}")
    typer.echo(f"  leak check passed; manifest: {anonymized_dir / ('dt=' + manifest['dt']) / '_manifest.json'}")
    if manifest["key_id"] != "env":
        typer.echo(f"  pseudonym key: local file keys/{manifest['key_id']}.key under the data dir (mode 0600, "
                   "created on first use); in production set TOKUMEI_SECRET_KEY from a secret store")
    query = (f"SELECT dt, speaker, count(*) AS messages, sum(pii_total) AS pii FROM read_parquet("
             f"'{anonymized_dir}/**/*.parquet', hive_partitioning=true) GROUP BY ALL ORDER BY ALL")
    typer.echo("  query it with DuckDB (the SQL works as is in the duckdb shell too):")
    typer.echo(f"    .venv/bin/python -c \"import duckdb; duckdb.sql(\\\"{query}\\\").show()\"")


@app.command()
def backfill(
    start: Annotated[str, typer.Option("--start", help="first day, YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--end", help="last day, YYYY-MM-DD (inclusive)")],
    data_dir: DataDir = None,
    config: Config = None,
) -> None:
    """Every day of a range, each independently, then a per-day summary; exit 1 if any day failed."""
    first, last = parse_day(start, "start date"), parse_day(end, "end date")
    if last < first:
        fail(f"--end {last} is before --start {first}", 2)
    if (last - first) > timedelta(days=366):
        fail("a backfill covers at most 367 days; split the range", 2)
    settings = _settings(config, data_dir)
    _quiet_prefect()
    from flows.nightly import backfill as backfill_flow
    from flows.pipeline import close_engines

    try:
        results = backfill_flow(first.isoformat(), last.isoformat(), str(settings.data_dir),
                                str(config) if config else None)
    finally:
        close_engines()
    failed = 0
    for day, result in results.items():
        if result["ok"]:
            c = result["manifest"]["counts"]
            typer.echo(f"{day}  ok      written {c['rows_written']}, quarantined {c['quarantined_total']}, "
                       f"duplicates {c['duplicates']}")
        else:
            failed += 1
            typer.echo(f"{day}  FAILED  {result['error']}")
    typer.echo(f"{len(results) - failed} of {len(results)} day(s) published")
    if failed:
        raise typer.Exit(1)


@app.command()
def redact(
    jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON lines in and out, with entity offsets")] = False,
    config: Config = None,
    batch: Annotated[int, typer.Option("--batch", help="lines analysed per engine batch")] = 256,
) -> None:
    """Standard input -> standard output, for spot checks and evaluation (a debug tool: prints text)."""
    from anonymize import Anonymizer, PlaceholderBook

    settings = _settings(config, None)
    anonymizer = Anonymizer(settings.detection)
    book = PlaceholderBook()
    out = sys.stdout
    stdin = (line.rstrip("\r\n") for line in sys.stdin)
    chunk: list[tuple[int, str]] = []  # (input line number, line)

    def flush() -> None:
        if not chunk:
            return
        if jsonl:
            items = []
            for n, line in chunk:
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                        raise ValueError
                except ValueError:
                    fail(f"input line {n} is not a JSON object with a string 'text'", 2)
                conv, tenant = obj.get("conversation_id"), obj.get("tenant_id")
                items.append((obj["text"], str(conv) if conv is not None else None,
                              str(tenant) if tenant is not None else None))
            texts, convs, tenants = (list(column) for column in zip(*items, strict=True))
        else:
            texts, convs, tenants = [line for _, line in chunk], [None] * len(chunk), [None] * len(chunk)
        for red in anonymizer.redact(texts, convs, book, tenants):
            if jsonl:
                ents = [{"type": d.type, "start": d.start, "end": d.end, "score": d.score} for d in red.detections]
                out.write(json.dumps({"text": red.text, "entities": ents}, ensure_ascii=False) + "\n")
            else:
                out.write(red.text + "\n")
        out.flush()
        chunk.clear()

    try:
        for n, line in enumerate(stdin, start=1):
            if jsonl and not line.strip():
                continue
            chunk.append((n, line))
            if len(chunk) >= batch:
                flush()
        flush()
    finally:
        anonymizer.detector.close()


@app.command()
def sample(
    date_: Annotated[str, typer.Option("--date", help="YYYY-MM-DD")],
    messages: Annotated[int, typer.Option("--messages", help="valid messages to write")] = 300,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    data_dir: DataDir = None,
    config: Config = None,
) -> None:
    """Realistic synthetic raw logs for a day (demo and benchmarks); all values are made up."""
    from flows.sample import write_sample_day

    day = parse_day(date_)
    if messages < 1:
        fail("--messages must be at least 1", 2)
    settings = _settings(config, data_dir)
    summary = write_sample_day(settings.data_dir, day, messages, seed)
    typer.echo(f"wrote synthetic raw day {day} to {settings.raw_dir / ('dt=' + day.isoformat())}: "
               f"{summary['valid_messages']} messages, {summary['bad_lines']} bad lines, "
               f"{summary['duplicate_lines']} duplicate lines, {len(summary['files'])} files")


@app.command("eval")
def eval_(
    chat: Annotated[list[Path] | None, typer.Option("--chat", help="labelled chat JSONL (repeatable)")] = None,
    stockmark: Annotated[Path | None, typer.Option("--stockmark", help="Stockmark NER JSON")] = None,
    limit: Annotated[int, typer.Option("--limit", help="first N records of each set (0 = all)")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable figures")] = False,
    check: Annotated[bool, typer.Option("--check", help="exit 1 when a target is missed")] = False,
    config: Config = None,
) -> None:
    """Detection quality per type: recall (what leaks) and what is changed that was not personal."""
    from anonymize import Anonymizer
    from flows import evaluation as ev

    chats = chat or [p for p in (Path("tests/chat_eval/chat_eval.jsonl"), Path("tests/chat_eval/holdout/holdout.jsonl"),
                                 Path("tests/chat_eval/dev2/dev2.jsonl"), Path("tests/chat_eval/dev3/dev3.jsonl"),
                                 Path("tests/chat_eval/blind/blind.jsonl"), Path("tests/chat_eval/blind2/blind2.jsonl"),
                                 Path("tests/chat_eval/dev4/dev4.jsonl"), Path("tests/chat_eval/blind3/blind3.jsonl"),
                                 Path("tests/chat_eval/blind5/blind5.jsonl"),
                                 Path("tests/chat_eval/blind6/blind6.jsonl"), Path("tests/chat_eval/blind7/blind7.jsonl"),
                                 Path("tests/chat_eval/blind8/blind8.jsonl"), Path("tests/chat_eval/blind9/blind9.jsonl"))
                     if p.exists()]
    stock = stockmark or next((p for p in (Path("../shared/eval/stockmark_ner_dev.json"),) if p.exists()), None)
    settings = _settings(config, None)
    anonymizer = Anonymizer(settings.detection)

    redact = ev.redact_with(anonymizer)
    reports = []
    for path, loader in [*((p, ev.load_labelled_jsonl) for p in chats), *([(stock, ev.load_stockmark)] if stock else [])]:
        if not path.exists():
            fail(f"evaluation set not found: {path}", 2)
        records = loader(path)[: limit or None]
        reports.append((loader is ev.load_stockmark, ev.evaluate(records, redact, f"{path.name}")))
    anonymizer.detector.close()
    if as_json:
        typer.echo(json.dumps([r.to_dict() for _, r in reports], ensure_ascii=False, indent=2))
    else:
        typer.echo("\n\n".join(ev.format_report(r) for _, r in reports))
    failures = [f for is_stock, r in reports for f in ev.check_targets(None if is_stock else r, r if is_stock else None)]
    for f in failures:
        typer.echo(f"target missed: {f}", err=True)
    if check and failures:
        raise typer.Exit(1)


from flows.cli_retention import register as _register_retention  # noqa: E402 - needs `app`, `fail` above

_register_retention(app)
