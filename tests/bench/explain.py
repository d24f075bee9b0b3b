"""A debug tool for whoever tunes the detector: on a labelled development set, print each message without
personal data that was changed (and, with --leaks, each labelled entity not fully covered), with what
the detector found there. It prints message text, so it is for the synthetic labelled sets only; it
refuses a set whose README says it is blind (only its figures may be looked at).

    .venv/bin/python tests/bench/explain.py tests/chat_eval/dev4/dev4.jsonl [--leaks]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT))

from anonymize import Anonymizer  # noqa: E402
from flows import evaluation as ev  # noqa: E402

BLIND_MARK, OPENED_MARK = "must not read", "Opened as a development set"


def is_blind(path: Path) -> bool:
    """A set whose README asks not to be read, unless it says the set was opened since."""
    readme = path.parent / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    return BLIND_MARK in text and OPENED_MARK not in text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--leaks", action="store_true", help="also the labelled entities that leak")
    args = parser.parse_args()
    if is_blind(args.path):
        sys.exit(f"{args.path} is a blind set: score it with `tokumei eval --chat`, do not read it")
    records = ev.load_labelled_jsonl(args.path)
    anonymizer = Anonymizer()
    redactions = anonymizer.redact([r["text"] for r in records], [r.get("conversation_id") for r in records])
    for rec, red in zip(records, redactions, strict=True):
        text = rec["text"]
        found = ", ".join(f"{d.type}:{text[d.start:d.end]}({d.score})" for d in red.detections)
        if not any(g["type"] in ev.PERSONAL_TYPES for g in rec["entities"]) and red.text != text:
            print(f"CLEAN {rec['id']}: {text!r}\n    -> {found}")
        if args.leaks:
            covered = {i for d in red.detections for i in range(d.start, d.end)}
            for g in rec["entities"]:
                if not all(i in covered for i in range(g["start"], g["end"]) if not text[i].isspace()):
                    print(f"LEAK {rec['id']} {g['type']}:{text[g['start']:g['end']]!r} in {text!r}\n    -> {found}")


if __name__ == "__main__":
    main()
