"""A debug tool for whoever tunes the detector: on the unlabelled probe sets in tests/chat_eval/probe
(synthetic messages written in session 20 by helpers who never saw the other sets), print each clean
message that was changed, with what was found, and each personal value that leaks. It prints message
text, so it is for these synthetic sets only.

    .venv/bin/python tests/bench/probe.py tests/chat_eval/probe/*_clean.txt tests/chat_eval/probe/*_pii.jsonl

`*_clean.txt`: one message per line, none with personal data (places, makers, famous people, pets…).
`*_pii.jsonl`: {"text", "values"}: the person and affiliation names in the text, by their surface.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT))

from anonymize import Anonymizer  # noqa: E402


def found(text: str, detections: list) -> str:
    return ", ".join(f"{d.type}:{text[d.start:d.end]}({d.score:.2f})" for d in detections)


def probe_clean(anonymizer: Anonymizer, path: Path) -> None:
    texts = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    changed = 0
    for text, result in zip(texts, anonymizer.redact(texts), strict=True):
        if result.text != text:
            changed += 1
            print(f"CLEAN {text}\n   -> {found(text, result.detections)}")
    print(f"## {path.name}: {changed}/{len(texts)} clean messages changed")


def probe_pii(anonymizer: Anonymizer, path: Path) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    values = leaks = 0
    for record, result in zip(records, anonymizer.redact([r["text"] for r in records]), strict=True):
        text = record["text"]
        covered = {i for d in result.detections for i in range(d.start, d.end)}
        for value in record["values"]:
            values += 1
            start = text.find(value)
            if not all(i in covered for i in range(start, start + len(value)) if not text[i].isspace()):
                leaks += 1
                print(f"LEAK {value} | {text}\n   -> {found(text, result.detections)}")
    print(f"## {path.name}: {leaks}/{values} values leak")


def main() -> None:
    anonymizer = Anonymizer()
    for arg in sys.argv[1:]:
        path = Path(arg)
        (probe_clean if path.suffix == ".txt" else probe_pii)(anonymizer, path)


if __name__ == "__main__":
    main()
