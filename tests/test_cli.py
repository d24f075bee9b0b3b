"""`tokumei redact`: the contract evaluation relies on (product.md)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from flows.cli import app

LINES = [
    {"text": "山田様、お電話は090-1234-5678でよろしいですか", "conversation_id": "c1"},
    {"text": "はい、山田です", "conversation_id": "c1"},
    {"text": "12月3日にお届けします"},
]


def test_redact_jsonl_keeps_order_and_gives_offsets_into_the_input():
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in LINES)
    result = CliRunner().invoke(app, ["redact", "--jsonl"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == len(LINES)
    for line, got in zip(LINES, out, strict=True):
        assert set(got) == {"text", "entities"}
        for e in got["entities"]:
            assert set(e) == {"type", "start", "end", "score"}
            assert 0 <= e["start"] < e["end"] <= len(line["text"])
    first = {(e["type"], LINES[0]["text"][e["start"]:e["end"]]) for e in out[0]["entities"]}
    assert first == {("PERSON", "山田"), ("PHONE_NUMBER", "090-1234-5678")}
    assert out[0]["text"] == "<PERSON_1>様、お電話は<PHONE_NUMBER_1>でよろしいですか"
    assert out[1]["text"] == "はい、<PERSON_1>です"  # same conversation, same placeholder
    assert out[2] == {"text": "12月3日にお届けします", "entities": []}


def test_redact_plain_is_one_line_out_per_line_in():
    result = CliRunner().invoke(app, ["redact"], input="佐藤と申します\n\nメールはa.b@example.jpです\n")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["<PERSON_1>と申します", "", "メールは<EMAIL_ADDRESS_1>です"]


def test_redact_rejects_a_line_that_is_not_json_with_one_clear_line():
    result = CliRunner().invoke(app, ["redact", "--jsonl"], input='{"text": "ok"}\nnot json\n')
    assert result.exit_code == 2
    assert "input line 2 is not a JSON object" in result.output and "Traceback" not in result.output


def test_redact_jsonl_takes_a_tenant_id_for_that_tenants_allow_list(tmp_path):
    config = tmp_path / "tokumei.toml"
    config.write_text('[detection.tenant_allow_lists]\ntenant-alpha = ["ひまわり保育園"]\n', encoding="utf-8")
    text = "娘はひまわり保育園に通っています"
    stdin = "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in (
        {"text": text, "tenant_id": "tenant-alpha"}, {"text": text, "tenant_id": "tenant-beta"}, {"text": text}))
    result = CliRunner().invoke(app, ["redact", "--jsonl", "--config", str(config)], input=stdin)
    assert result.exit_code == 0, result.output
    alpha, beta, none = (json.loads(line)["text"] for line in result.stdout.splitlines())
    assert alpha == text and beta != text and none != text
