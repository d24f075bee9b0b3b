"""Detection quality against labelled data: what leaks, per type, and what is destroyed that was not
personal. Prints figures only, never message text (the labelled sets are synthetic or public, but the
habit matters)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Redact callable: texts and conversation ids in, (anonymized text, entity dicts) out.
RedactFn = Callable[[list[str], list[str | None]], list[tuple[str, list[dict[str, Any]]]]]

STOCKMARK_TYPES = {"人名": "PERSON", "法人名": "ORGANIZATION", "地名": "LOCATION", "施設名": "FACILITY",
                   "製品名": "PRODUCT", "イベント名": "EVENT", "政治的組織名": "POLITICAL_ORG",
                   "その他の組織名": "OTHER_ORG"}
PERSONAL_TYPES = frozenset({"PERSON", "ORGANIZATION", "ADDRESS", "POSTAL_CODE", "PHONE_NUMBER", "EMAIL_ADDRESS",
                            "DATE_OF_BIRTH", "BANK_ACCOUNT", "CREDIT_CARD", "DRIVERS_LICENSE", "MY_NUMBER", "PASSPORT",
                            "IP_ADDRESS", "URL", "ID_TOKEN", "AGE"})
STRUCTURED_TYPES = ("PHONE_NUMBER", "EMAIL_ADDRESS", "POSTAL_CODE", "CREDIT_CARD", "MY_NUMBER", "DRIVERS_LICENSE",
                    "PASSPORT", "BANK_ACCOUNT", "IP_ADDRESS", "DATE_OF_BIRTH")


@dataclass
class TypeScore:
    n: int = 0
    caught: int = 0   # every non-space character covered by some detection (of any type)
    touched: int = 0  # at least one character covered

    @property
    def recall(self) -> float:
        return self.caught / self.n if self.n else 1.0


@dataclass
class Report:
    name: str
    messages: int = 0
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    clean_messages: int = 0
    clean_changed: int = 0
    # What changed them: per detected type, the clean messages it touched (a blind set's only clue).
    clean_changed_by: dict[str, int] = field(default_factory=dict)

    @property
    def changed_clean_share(self) -> float:
        return self.clean_changed / self.clean_messages if self.clean_messages else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "messages": self.messages,
                "types": {t: {"n": s.n, "recall": round(s.recall, 4), "leaked": s.n - s.caught,
                              "partial": s.touched - s.caught} for t, s in sorted(self.per_type.items())},
                "clean_messages": self.clean_messages, "clean_changed": self.clean_changed,
                "clean_changed_by": dict(sorted(self.clean_changed_by.items())),
                "changed_clean_share": round(self.changed_clean_share, 4)}


def load_labelled_jsonl(path: Path) -> list[dict[str, Any]]:
    """`{"text", "conversation_id", "entities": [{"type", "start", "end"}]}` per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_stockmark(path: Path) -> list[dict[str, Any]]:
    """The Stockmark Wikipedia NER set in the same shape; 人名 → PERSON, 法人名 → ORGANIZATION, the rest
    under names that are not personal types (their coverage is what gets destroyed)."""
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        ents = [{"type": STOCKMARK_TYPES.get(e["type"], e["type"]), "start": e["span"][0], "end": e["span"][1]}
                for e in rec["entities"]]
        out.append({"id": rec["curid"], "conversation_id": None, "text": rec["text"], "entities": ents})
    return out


def score(records: Sequence[dict[str, Any]], predictions: Sequence[tuple[str, list[dict[str, Any]]]],
          name: str = "") -> Report:
    report = Report(name, messages=len(records))
    for rec, (anonymized, entities) in zip(records, predictions, strict=True):
        text = rec["text"]
        covered = set()
        for e in entities:
            covered.update(range(e["start"], e["end"]))
        if not any(g["type"] in PERSONAL_TYPES for g in rec["entities"]):
            report.clean_messages += 1
            report.clean_changed += anonymized != text
            for t in {e["type"] for e in entities} if anonymized != text else ():
                report.clean_changed_by[t] = report.clean_changed_by.get(t, 0) + 1
        for gold in rec["entities"]:
            chars = [i for i in range(gold["start"], gold["end"]) if not text[i].isspace()]
            hit = sum(1 for i in chars if i in covered)
            s = report.per_type.setdefault(gold["type"], TypeScore())
            s.n += 1
            s.caught += hit == len(chars)
            s.touched += hit > 0
    return report


def redact_with(anonymizer: Any) -> RedactFn:
    """The RedactFn of an `anonymize.Anonymizer`: its text, and its detections as entity dicts."""
    def redact(texts: list[str], conversation_ids: list[str | None]) -> list[tuple[str, list[dict[str, Any]]]]:
        return [(r.text, [{"type": d.type, "start": d.start, "end": d.end, "score": d.score} for d in r.detections])
                for r in anonymizer.redact(texts, conversation_ids)]
    return redact


def evaluate(records: Sequence[dict[str, Any]], redact: RedactFn, name: str, batch_size: int = 512) -> Report:
    predictions: list[tuple[str, list[dict[str, Any]]]] = []
    for i in range(0, len(records), batch_size):
        chunk = records[i:i + batch_size]
        predictions += redact([r["text"] for r in chunk], [r.get("conversation_id") for r in chunk])
    return score(records, predictions, name)


def format_report(report: Report) -> str:
    lines = [f"{report.name}: {report.messages} messages",
             f"  {'type':<16} {'n':>5} {'recall':>7} {'leaked':>7} {'partial':>8}"]
    personal = {t: s for t, s in report.per_type.items() if t in PERSONAL_TYPES}
    for t, s in sorted(personal.items()):
        lines.append(f"  {t:<16} {s.n:>5} {s.recall:>7.1%} {s.n - s.caught:>7} {s.touched - s.caught:>8}")
    others = {t: s for t, s in report.per_type.items() if t not in PERSONAL_TYPES}
    if others:
        lines.append("  not personal (share touched by a detection, i.e. destroyed):")
        for t, s in sorted(others.items()):
            lines.append(f"  {t:<16} {s.n:>5} {s.touched / s.n:>7.1%}")
    if report.clean_messages:
        lines.append(f"  messages without personal data changed: {report.clean_changed} of "
                     f"{report.clean_messages} ({report.changed_clean_share:.1%})")
        if report.clean_changed_by:
            lines.append("    by detected type: " + ", ".join(
                f"{t} {n}" for t, n in sorted(report.clean_changed_by.items(), key=lambda kv: (-kv[1], kv[0]))))
    return "\n".join(lines)


def check_targets(chat: Report | None, stockmark: Report | None) -> list[str]:
    """The issue's targets; each failure as one line."""
    failures = []
    if chat is not None:
        for t in STRUCTURED_TYPES:
            s = chat.per_type.get(t)
            if s and 1 - s.recall > 0.01:
                failures.append(f"{chat.name}: {t} leaks {1 - s.recall:.1%} (target at most 1%)")
        person = chat.per_type.get("PERSON")
        if person and 1 - person.recall > 0.03:
            failures.append(f"{chat.name}: PERSON leaks {1 - person.recall:.1%} (target at most 3%)")
        org = chat.per_type.get("ORGANIZATION")
        if org and org.recall < 0.85:
            failures.append(f"{chat.name}: ORGANIZATION recall {org.recall:.1%} (target at least 85%)")
        if chat.changed_clean_share > 0.03:
            failures.append(f"{chat.name}: {chat.changed_clean_share:.1%} of messages without personal data "
                            "changed (target at most 3%)")
    if stockmark is not None:
        person, org = stockmark.per_type.get("PERSON"), stockmark.per_type.get("ORGANIZATION")
        if person and person.recall < 0.92:
            failures.append(f"{stockmark.name}: PERSON recall {person.recall:.1%} (target at least 92%)")
        if org and org.recall < 0.85:
            failures.append(f"{stockmark.name}: ORGANIZATION recall {org.recall:.1%} (target at least 85%)")
    return failures
