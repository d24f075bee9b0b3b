"""Retention, deletion requests and the audit log, on real files: raw days written here, partitions made by the
real pipeline (real GiNZA, real Parquet), read back with DuckDB and pandas. The only fakes are faults that
cannot be caused otherwise (a crash in the middle of a partition rewrite)."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from anonymize.fields import pseudonym
from flows import pipeline, publish, retention
from flows.cli_retention import register
from flows.keys import ENV_KEY, KeyError_, load_key
from flows.publish import read_manifest, write_manifest
from flows.settings import Settings, load_settings
from tests.conftest import message, write_day

TODAY = date(2027, 6, 15)
TARGET = "U-TARGET-000123"  # the person asking to be forgotten
SIMILAR = "U-TARGET-0001234"  # a different person whose id starts with the same characters
CONFIG = "[run]\nmax_bad_line_share = 0.5\n[retention]\nanonymized_days = {anonymized}\nraw_days = {raw}\n" \
         "quarantine_days = {raw}\nkey_days = {keys}\n"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in (ENV_KEY, "TOKUMEI_CONFIG", "TOKUMEI_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


def _setup(tmp_path: Path, anonymized: int = 200, raw: int = 90, keys: int = 90) -> tuple[Settings, Path]:
    config = tmp_path / "tokumei.toml"
    config.write_text(CONFIG.format(anonymized=anonymized, raw=raw, keys=keys), encoding="utf-8")
    return load_settings(config, tmp_path / "data"), config


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def _cli(settings: Settings, config: Path, *args: str, **kwargs):
    return runner.invoke(_app(), [*args, "--data-dir", str(settings.data_dir), "--config", str(config)], **kwargs)


def _texts(day: date, n: int, start: int = 0, **fields) -> list[dict]:
    return [message(start + i, f"配送状況を確認したいです{i}", day=day, **fields) for i in range(n)]


def _snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` with its content hash (lock files of the staging area left out)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".staging" not in p.relative_to(root).parts}


def _rows(settings: Settings) -> pd.DataFrame:
    return duckdb.sql(f"SELECT * FROM read_parquet('{settings.anonymized_dir}/**/*.parquet', "
                      "hive_partitioning=true)").df()


def _lines(path: Path) -> list[bytes]:
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    return data.splitlines(keepends=True)


def _mentions(line: bytes, value: str) -> bool:
    return json.dumps(value).encode() in line


# ------------------------------------------------------------------------------------------------ purge

D0, D1, D2, D3, D4, D5 = (date(2026, 11, 20), date(2027, 1, 10), date(2027, 1, 11), date(2027, 1, 12),
                          date(2027, 5, 1), date(2027, 1, 13))
BAD_LINE = '{"message_id": "bad-1", "speaker": "robot"}'


def _purge_tree(tmp_path: Path) -> tuple[Settings, Path]:
    """D0: anonymized only, 207 days old (anonymized retention 200). D1: verified, 156 days old. D2: raw changed
    after the run. D3: never anonymized. D5: leak check not passed. D4: recent. Keys: 2026-11, 2027-01 expired."""
    settings, config = _setup(tmp_path)
    for day in (D0, D1, D2, D4, D5):
        write_day(settings.data_dir, day, {"a.jsonl": [*_texts(day, 5), BAD_LINE]})
        pipeline.run_day_plain(settings, day)
    for zone in (settings.raw_dir, settings.quarantine_dir):  # D0's raw zone went in an earlier purge
        for path in sorted((zone / f"dt={D0}").iterdir()):
            path.unlink()
        (zone / f"dt={D0}").rmdir()
    with (settings.raw_dir / f"dt={D2}" / "a.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(message(99, "後から届いた行です", day=D2), ensure_ascii=False) + "\n")
    write_day(settings.data_dir, D3, {"a.jsonl": _texts(D3, 3)})
    target = settings.anonymized_dir / f"dt={D5}"
    manifest = read_manifest(target)
    manifest["leak_check"] = {"passed": False, "findings": {"phone_like": 1}}
    write_manifest(target, manifest)
    (settings.keys_dir / "2027-03.key").write_bytes(b"k" * 32)  # last day 2027-03-31: 76 days old, kept
    return settings, config


def _planned(output: str, action: str) -> set[tuple[str, str]]:
    words = [line.split() for line in output.splitlines()]
    return {(w[1], w[2]) for w in words if w and w[0] == action}


EXPECTED_DELETIONS = {("raw", f"dt={D1}"), ("quarantine", f"dt={D1}"), ("anonymized", f"dt={D0}"),
                      ("key", "2026-11.key"), ("key", "2027-01.key")}


def test_purge_deletes_exactly_what_is_past_retention_and_verified_and_dry_run_deletes_nothing(tmp_path):
    settings, config = _purge_tree(tmp_path)
    data = settings.data_dir
    before = _snapshot(data)
    rows_before = _rows(settings)

    dry = _cli(settings, config, "purge", "--dry-run", "--today", TODAY.isoformat())
    assert dry.exit_code == 0, dry.output
    assert _snapshot(data) == before  # nothing deleted, and no audit entry written
    assert not retention.audit_path(settings).exists()
    assert _planned(dry.output, "DELETE") == EXPECTED_DELETIONS
    assert _planned(dry.output, "keep") == {("raw", f"dt={D2}"), ("quarantine", f"dt={D2}"), ("raw", f"dt={D3}"),
                                            ("raw", f"dt={D5}"), ("quarantine", f"dt={D5}")}
    assert "would be deleted" in dry.output

    done = _cli(settings, config, "purge", "--today", TODAY.isoformat())
    assert done.exit_code == 0, done.output
    assert _planned(done.output, "DELETE") == _planned(dry.output, "DELETE")  # the dry run showed exactly this
    after = _snapshot(data)
    gone = {name for name in before if name not in after}
    prefixes = (f"raw/dt={D1}/", f"quarantine/dt={D1}/", f"anonymized/messages/dt={D0}/", "keys/2026-11.key",
                "keys/2027-01.key")
    assert gone == {name for name in before if name.startswith(prefixes)}
    assert all(after[name] == digest for name, digest in before.items() if name not in gone)  # the rest untouched
    assert "keys/2027-03.key" in after and "keys/2027-05.key" in after
    assert not list(data.rglob(".purge-*"))
    # Analysts still read every remaining partition; D0's rows are gone, the others are whole.
    rows_after = _rows(settings)
    assert len(rows_after) == len(rows_before) - (rows_before["dt"].astype(str).str[:10] == D0.isoformat()).sum()

    plan = retention.plan_purge(settings, TODAY)
    reasons = {(i.zone, i.name): i.reason for i in plan.items}
    assert "do not match" in reasons[("raw", f"dt={D2}")] and "a.jsonl" in reasons[("raw", f"dt={D2}")]
    assert "never anonymized" in reasons[("raw", f"dt={D3}")]
    assert "leak check" in reasons[("raw", f"dt={D5}")]
    assert not plan.deletions

    entries, bad = retention.read_audit(settings)
    assert bad == 0
    deletions = [e for e in entries if e["event"] != "purge.summary"]
    assert len(deletions) == len(EXPECTED_DELETIONS)  # one entry per deletion, with what, when, why, counts
    assert {e["target"] for e in deletions} == {f"raw/dt={D1}", f"quarantine/dt={D1}",
                                                f"anonymized/messages/dt={D0}", "keys/2026-11.key", "keys/2027-01.key"}
    assert all(e["at"].endswith("Z") and e["why"] and e["counts"]["files"] >= 1 and e["run_id"] for e in deletions)
    summary = [e for e in entries if e["event"] == "purge.summary"]
    assert len(summary) == 1 and summary[0]["counts"]["raw_kept"] == 3

    # The never-anonymized date goes only when asked, and that too is on record.
    flag = _cli(settings, config, "purge", "--include-unanonymized", "--today", TODAY.isoformat())
    assert flag.exit_code == 0, flag.output
    assert _planned(flag.output, "DELETE") == {("raw", f"dt={D3}")}
    assert not (settings.raw_dir / f"dt={D3}").exists() and (settings.raw_dir / f"dt={D2}").exists()
    last = retention.read_audit(settings, limit=2)[0]
    assert last[0]["target"] == f"raw/dt={D3}" and "--include-unanonymized" in last[0]["why"]


def test_purge_refuses_when_the_manifest_does_not_match_the_raw_files(tmp_path):
    settings, _ = _setup(tmp_path)
    write_day(settings.data_dir, D1, {"a.jsonl": _texts(D1, 4), "b.jsonl": _texts(D1, 3, start=10)})
    pipeline.run_day_plain(settings, D1)
    raw = settings.raw_dir / f"dt={D1}"

    def verdict() -> tuple[str, str]:
        (item,) = [i for i in retention.plan_purge(settings, TODAY).items if i.zone == "raw"]
        return item.action, item.reason

    assert verdict()[0] == "delete"
    original = (raw / "a.jsonl").read_bytes()
    flipped = bytearray(original)
    flipped[-3] = ord("x") if flipped[-3] != ord("x") else ord("y")  # same size, different content
    (raw / "a.jsonl").write_bytes(bytes(flipped))
    action, reason = verdict()
    assert action == "keep" and "a.jsonl: SHA-256 differs" in reason
    (raw / "a.jsonl").write_bytes(original + b"\n")
    assert "bytes on disk" in verdict()[1]
    (raw / "a.jsonl").write_bytes(original)
    (raw / "b.jsonl").rename(raw / "b.jsonl.bak")
    action, reason = verdict()
    assert action == "keep" and "not on disk: b.jsonl" in reason and "does not read: b.jsonl.bak" in reason
    (raw / "b.jsonl.bak").rename(raw / "b.jsonl")
    write_day(settings.data_dir, D1, {"late.jsonl": _texts(D1, 1, start=50)})
    assert "not in the manifest (added after the run?): late.jsonl" in verdict()[1]
    (raw / "late.jsonl").unlink()
    assert verdict()[0] == "delete"
    # A change between planning and deleting is caught too: the item is skipped, not deleted.
    plan = retention.plan_purge(settings, TODAY)
    (raw / "a.jsonl").write_bytes(original + b"\n")
    result = retention.execute_purge(plan)
    assert {i.zone for i, _ in result.skipped} == {"raw"} and (raw / "a.jsonl").exists()


# ----------------------------------------------------------------------------------------------- forget

F1, F2, F3 = date(2027, 1, 10), date(2027, 1, 11), date(2027, 2, 3)


def _forget_tree(tmp_path: Path) -> Settings:
    """Three days over two key months; the target in plain and gzip files, in quarantine (a bad line and a
    truncated one), and the same id at another tenant (someone else: must stay)."""
    settings, _ = _setup(tmp_path)
    target = {"user_id": TARGET}
    write_day(settings.data_dir, F1, {"a.jsonl": [
        *_texts(F1, 3), *_texts(F1, 2, start=3, **target),
        json.dumps({"message_id": "bad-target", "tenant_id": "tenant-alpha", "user_id": TARGET, "speaker": "robot"}),
        *_texts(F1, 2, start=5, user_id=SIMILAR), BAD_LINE, *_texts(F1, 2, start=7)]})
    folder = settings.raw_dir / f"dt={F1}"
    gz = "\n".join(json.dumps(r, ensure_ascii=False) for r in [*_texts(F1, 2, start=20),
                                                               *_texts(F1, 1, start=22, **target)]) + "\n"
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(gz.encode()))
    write_day(settings.data_dir, F2, {"a.jsonl": [
        *_texts(F2, 1, **target), *_texts(F2, 4, start=1),
        '{"message_id": "cut", "tenant_id": "tenant-alpha", "user_id": "' + TARGET + '", "text": "途中',
        *_texts(F2, 1, start=5, tenant_id="tenant-beta", **target), *_texts(F2, 2, start=6, **target)]})
    write_day(settings.data_dir, F3, {"x.jsonl": [*_texts(F3, 3), *_texts(F3, 1, start=3, **target)]})
    for day in (F1, F2, F3):
        pipeline.run_day_plain(settings, day)
    return settings


def _target_keys(settings: Settings, tenant: str = "tenant-alpha") -> set[str]:
    return {pseudonym(f"{tenant}\x1f{TARGET}", (settings.keys_dir / f"{m}.key").read_bytes())
            for m in ("2027-01", "2027-02")}


def test_forget_removes_every_row_of_the_user_across_days_and_zones_and_nothing_else(tmp_path):
    settings = _forget_tree(tmp_path)
    config = tmp_path / "tokumei.toml"
    raw_before = {p: _lines(p) for p in sorted(settings.raw_dir.rglob("*.jsonl*"))}
    quarantine_before = {p: p.read_text(encoding="utf-8").splitlines() for p in settings.quarantine_dir.rglob("*.jsonl")}
    rows_before = _rows(settings)
    target_rows = rows_before["user_key"].isin(_target_keys(settings))
    assert target_rows.sum() == 2 + 1 + 1 + 2 + 1  # F1 a + gz, F2 first + two more, F3
    beta = rows_before["user_key"] == pseudonym(f"tenant-beta\x1f{TARGET}", (settings.keys_dir / "2027-01.key").read_bytes())
    assert beta.sum() == 1

    result = _cli(settings, config, "forget", "--user-id", "-", "--tenant-id", "tenant-alpha", input=TARGET + "\n")
    assert result.exit_code == 0, result.output
    assert TARGET not in result.output
    assert "7 row(s) removed from 3 partition(s)" in result.output

    # Raw: every line of the target at tenant-alpha is gone (parsed or cut short), every other line is kept in order.
    for path, lines in raw_before.items():
        def theirs(line: bytes) -> bool:
            try:
                record = json.loads(line)
            except ValueError:
                return _mentions(line, TARGET)
            return record.get("user_id") == TARGET and record.get("tenant_id") == "tenant-alpha"
        assert _lines(path) == [line for line in lines if not theirs(line)]
    assert gzip.decompress((settings.raw_dir / f"dt={F1}" / "b.jsonl.gz").read_bytes())  # still gzip
    assert not list(settings.raw_dir.rglob("*.tmp"))
    assert sum(_mentions(line, TARGET) for p in raw_before for line in _lines(p)) == 1  # tenant-beta's record

    # Quarantine: the target's entries are gone; the others stay, their line numbers still pointing at their line.
    for path, lines in quarantine_before.items():
        now = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        assert [json.loads(x)["raw"] for x in now] == [json.loads(x)["raw"] for x in lines if TARGET not in x]
        for entry in map(json.loads, now):
            assert _lines(settings.raw_dir / path.parent.name / entry["file"])[entry["line"] - 1].rstrip(b"\r\n") \
                == entry["raw"].encode()
    assert len(quarantine_before[settings.quarantine_dir / f"dt={F1}" / "quarantine.jsonl"]) == 2
    assert not (settings.quarantine_dir / f"dt={F2}" / "quarantine.jsonl").exists()  # its one line was theirs

    # Anonymized: exactly the target's rows are gone, with DuckDB and pandas; tenant-beta's namesake stays.
    rows_after = _rows(settings)
    assert len(rows_after) == len(rows_before) - target_rows.sum()
    assert set(rows_after["message_key"]) == set(rows_before.loc[~target_rows, "message_key"])
    assert not rows_after["user_key"].isin(_target_keys(settings)).any()
    assert len(pd.read_parquet(settings.anonymized_dir)) == len(rows_after)
    for day, removed in ((F1, 3), (F2, 3), (F3, 1)):
        target = settings.anonymized_dir / f"dt={day}"
        manifest = read_manifest(target)
        assert manifest["counts"]["forgotten_rows"] == removed and "pending_forget" not in manifest
        assert pq.ParquetFile(target / "part-0.parquet").metadata.num_rows == manifest["counts"]["rows_written"] - removed
        assert retention.compare_inputs(settings.raw_dir / f"dt={day}", manifest["inputs"]) == []
    plan = retention.plan_purge(settings, date(2027, 12, 31))
    assert {(i.zone, i.name, i.action) for i in plan.items if i.zone == "raw"} == \
        {("raw", f"dt={d}", "delete") for d in (F1, F2, F3)}  # purge still verifies the rewritten days

    # On record: one entry per rewrite, the keyed pseudonym only, never the id.
    log = retention.audit_path(settings).read_text(encoding="utf-8")
    assert TARGET not in log
    entries, _ = retention.read_audit(settings)
    events = sorted((e["event"], e["target"]) for e in entries)
    assert events == sorted([("forget.raw", f"raw/dt={d}") for d in (F1, F2, F3)]
                            + [("forget.anonymized", f"anonymized/messages/dt={d}") for d in (F1, F2, F3)]
                            + [("forget.quarantine", f"quarantine/dt={d}/quarantine.jsonl") for d in (F1, F2)]
                            + [("forget.summary", str(settings.data_dir))])
    subject = entries[-1]["subject"]
    assert subject.startswith("user_id:") and subject in result.output
    assert {e["subject"] for e in entries} == {subject}
    assert entries[-1]["counts"]["anonymized_rows_removed"] == 7
    shown = _cli(settings, config, "audit", "--limit", "2")
    assert shown.exit_code == 0 and shown.output.count("forget.") == 2 and TARGET not in shown.output

    # The same request again finds nothing; the subject is the same pseudonym, so the officer can match them.
    again = retention.forget(settings, user_id=TARGET, tenant_id="tenant-alpha")
    assert again.counts()["anonymized_rows_removed"] == 0 and again.counts()["raw_lines_removed"] == 0
    assert again.subject == subject


def test_forget_by_conversation_removes_that_conversation_only(tmp_path):
    settings, config = _setup(tmp_path)
    write_day(settings.data_dir, F1, {"a.jsonl": _texts(F1, 10)})  # conversations of 4, 4 and 2 messages
    pipeline.run_day_plain(settings, F1)
    conversation = f"conv-{F1:%Y%m%d}-00001"
    key = pseudonym(f"tenant-alpha\x1f{conversation}", (settings.keys_dir / "2027-01.key").read_bytes())
    before = _rows(settings)
    assert (before["conversation_key"] == key).sum() == 4
    out = _cli(settings, config, "forget", "--conversation-id", conversation)
    assert out.exit_code == 0 and conversation not in out.output and "conversation_id:" in out.output
    after = _rows(settings)
    assert len(after) == 6 and key not in set(after["conversation_key"])
    assert set(after["message_key"]) == set(before.loc[before["conversation_key"] != key, "message_key"])
    assert not any(_mentions(line, conversation) for line in _lines(settings.raw_dir / f"dt={F1}" / "a.jsonl"))
    assert conversation not in retention.audit_path(settings).read_text(encoding="utf-8")


def test_forget_argument_errors_are_one_line_and_print_no_id(tmp_path):
    settings, config = _setup(tmp_path)
    for args in ([], ["--user-id", TARGET, "--conversation-id", "conv-1"], ["--user-id", "  "]):
        out = _cli(settings, config, "forget", *args)
        assert out.exit_code == 2 and TARGET not in out.output


@pytest.mark.parametrize("fault", ["swap", "writer"])
def test_a_crash_in_the_middle_of_a_rewrite_leaves_the_old_partition_intact(tmp_path, monkeypatch, fault):
    settings, _ = _setup(tmp_path)
    write_day(settings.data_dir, F1, {"a.jsonl": [*_texts(F1, 4), *_texts(F1, 2, start=4, user_id=TARGET),
                                                  *_texts(F1, 4, start=6)]})
    pipeline.run_day_plain(settings, F1)
    before = _snapshot(settings.data_dir)
    rows_before = _rows(settings)

    def crash(*args, **kwargs):
        raise RuntimeError("simulated crash")

    if fault == "swap":  # the new partition is written and staged; the process dies before the swap
        monkeypatch.setattr(publish, "swap_in", crash)
    else:  # the process dies while the new Parquet file is half written
        original = pq.ParquetWriter.write_batch

        def half(self, batch, row_group_size=None):
            original(self, batch.slice(0, 1))
            raise RuntimeError("simulated crash")

        monkeypatch.setattr(pq.ParquetWriter, "write_batch", half)
    with pytest.raises(RuntimeError, match="simulated crash"):
        retention.forget(settings, user_id=TARGET)
    monkeypatch.undo()

    after = _snapshot(settings.data_dir)
    after.pop("keys/audit.key")  # made by the request before it started (it names the request in the log)
    assert after == before  # raw, quarantine, manifest, Parquet: byte for byte as they were
    pd.testing.assert_frame_equal(_rows(settings), rows_before)
    assert len(pd.read_parquet(settings.anonymized_dir)) == len(rows_before)
    assert not [p for p in (settings.data_dir / ".staging").iterdir() if not p.name.startswith("lock-")]
    assert retention.plan_purge(settings, TODAY).deletions  # the day still verifies

    done = retention.forget(settings, user_id=TARGET)  # the same request, re-run, completes
    assert done.anonymized_rows == {F1.isoformat(): 2} and done.raw_lines == {F1.isoformat(): 2}
    assert len(_rows(settings)) == len(rows_before) - 2


# ------------------------------------------------------------------------------------------------- keys

def test_expired_keys_are_destroyed_and_their_pseudonyms_can_no_longer_be_recomputed(tmp_path, monkeypatch):
    settings, _ = _setup(tmp_path, raw=1000)  # raw kept: only the keys are due
    write_day(settings.data_dir, F1, {"a.jsonl": [*_texts(F1, 3), *_texts(F1, 1, start=3, user_id=TARGET)]})
    write_day(settings.data_dir, D4, {"a.jsonl": _texts(D4, 2)})
    for day in (F1, D4):
        pipeline.run_day_plain(settings, day)
    old_key = (settings.keys_dir / "2027-01.key").read_bytes()
    user_key = pseudonym(f"tenant-alpha\x1f{TARGET}", old_key)
    assert user_key in set(_rows(settings)["user_key"])
    retention.forget(settings, user_id="someone-else-entirely")  # makes the audit key, which purge never destroys

    plan = retention.plan_purge(settings, TODAY)
    assert [(i.zone, i.name, i.action) for i in plan.items] == [("key", "2027-01.key", "delete")]
    retention.execute_purge(plan)
    assert sorted(p.name for p in settings.keys_dir.iterdir()) == ["2027-05.key", "audit.key"]
    with pytest.raises(KeyError_):
        load_key(settings.keys_dir, F1, create=False)

    # The rows stay, but no one can find the person in them any more: forget reports the partition unlinkable.
    result = retention.forget(settings, user_id=TARGET)
    assert F1.isoformat() in result.unlinkable and "destroyed" in result.unlinkable[F1.isoformat()]
    assert result.anonymized_rows == {} and result.raw_lines == {F1.isoformat(): 1}  # raw still had it
    new_key, _ = load_key(settings.keys_dir, F1)  # a new key for the month yields other pseudonyms
    assert new_key != old_key and pseudonym(f"tenant-alpha\x1f{TARGET}", new_key) not in set(_rows(settings)["user_key"])
    entries, _ = retention.read_audit(settings)
    assert [e["target"] for e in entries if e["event"] == "purge.key"] == ["keys/2027-01.key"]

    monkeypatch.setenv(ENV_KEY, "x" * 32)
    notes = retention.plan_purge(settings, TODAY).notes
    assert len(notes) == 1 and "no month key to destroy" in notes[0]


@pytest.mark.parametrize(("key_days", "action"), [(76, "keep"), (75, "delete")])
def test_a_month_key_expires_the_day_after_key_retention_counted_from_the_months_last_day(tmp_path, key_days, action):
    settings, _ = _setup(tmp_path, keys=key_days)
    settings.keys_dir.mkdir(parents=True)
    (settings.keys_dir / "2027-03.key").write_bytes(b"k" * 32)  # 2027-03-31 is 76 days before TODAY
    (settings.keys_dir / "audit.key").write_bytes(b"a" * 32)
    (settings.keys_dir / "notes.txt").write_text("not a key")
    plan = retention.plan_purge(settings, TODAY)
    assert [i.action for i in plan.items] == ([] if action == "keep" else ["delete"])


# ------------------------------------------------------------------------------------------------- flow

def test_the_retention_flow_purges_and_leaves_an_artifact(prefect_harness, tmp_path):
    from flows.retention_flow import retention as retention_flow

    settings, config = _setup(tmp_path)
    settings.keys_dir.mkdir(parents=True)
    (settings.keys_dir / "2026-12.key").write_bytes(b"k" * 32)
    write_day(settings.data_dir, D3, {"a.jsonl": _texts(D3, 2)})
    dry = retention_flow(str(settings.data_dir), str(config), dry_run=True, today=TODAY.isoformat())
    assert dry["counts"]["key_delete"] == 1 and (settings.keys_dir / "2026-12.key").exists()
    done = retention_flow(str(settings.data_dir), str(config), today=TODAY.isoformat())
    assert done["counts"]["key_deleted"] == 1 and done["counts"]["raw_kept"] == 1
    assert not (settings.keys_dir / "2026-12.key").exists() and (settings.raw_dir / f"dt={D3}").exists()
