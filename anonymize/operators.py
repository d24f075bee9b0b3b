"""What each detection becomes: typed placeholders numbered per conversation, or a generalization.

Numbering: the same value of a type in one conversation gets the same placeholder on every line
(<PERSON_1> stays <PERSON_1>), two values get two numbers; the order of first appearance decides,
so the same input gives the same output byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from anonymize import entities as E
from anonymize.entities import Detection
from anonymize.fields import scrub_url
from anonymize.normalize import normalize
from anonymize.recognizers.address import prefecture_of
from anonymize.recognizers.dates import birth_year

_KANJI = re.compile(r"[\u4e00-\u9fff々]")
_LATIN = re.compile(r"[A-Za-z]")


class PlaceholderBook:
    """Placeholder numbers per conversation, and the person names seen in it (so that a later mention,
    はるとが…, is found even where nothing around it marks a name); lives as long as the caller needs
    numbering to persist."""

    def __init__(self) -> None:
        self._numbers: dict[str | None, dict[tuple[str, str], int]] = {}
        self._names: dict[str, set[str]] = {}

    def names(self, conversation_id: str) -> frozenset[str]:
        return frozenset(self._names.get(conversation_id, ()))

    def remember_names(self, conversation_id: str, names: Sequence[str]) -> None:
        """Each name and its parts (宇野 拓真 → 宇野, 拓真; 柊 凛 → 凛; Lin Aoyama → Aoyama), normalized. A
        one-kanji name is looked for only before a particle (see `_mention`); a Latin part needs three
        letters. (Rose Green makes later Green Tea a name too: over-redaction, kept for the leak it saves.)"""
        known = self._names.setdefault(conversation_id, set())
        for name in names:
            name = normalize(name).strip()
            parts = [p for p in re.split(r"[\s・]+", name) if p]
            known.update(p for p in {name, *parts}
                         if (len(p) >= 3 if _LATIN.search(p) else len(p) >= 2 or _KANJI.fullmatch(p)))

    def number(self, conversation_id: str | None, entity_type: str, value: str) -> int:
        book = self._numbers.setdefault(conversation_id, {})
        key = (entity_type, _identity(entity_type, value))
        if key not in book:
            book[key] = 1 + sum(1 for t, _ in book if t == entity_type)
        return book[key]

    def forget(self, conversation_id: str | None) -> None:
        self._numbers.pop(conversation_id, None)
        if conversation_id is not None:
            self._names.pop(conversation_id, None)


def _identity(entity_type: str, value: str) -> str:
    """What makes two mentions the same value: digits for numbers, text without spaces otherwise."""
    text = normalize(value)
    if entity_type in (E.PHONE_NUMBER, E.CREDIT_CARD, E.MY_NUMBER, E.DRIVERS_LICENSE, E.BANK_ACCOUNT,
                       E.POSTAL_CODE):
        return "".join(c for c in text if c.isdigit())
    return "".join(text.split()).lower()


def replacement(entity_type: str, value: str, number: int) -> str:
    """The text that stands in the output for one detected value."""
    if entity_type == E.ADDRESS:
        pref = prefecture_of(normalize(value))
        return f"<ADDRESS:{pref}>" if pref else "<ADDRESS>"
    if entity_type == E.DATE_OF_BIRTH:
        year = birth_year(normalize(value))
        return f"<DATE_OF_BIRTH:{year}>" if year else "<DATE_OF_BIRTH>"
    if entity_type == E.AGE:
        return "90歳以上"
    if entity_type == E.URL:
        return scrub_url(normalize(value)) + "?<URL_QUERY>"
    return f"<{entity_type}_{number}>"


@dataclass(frozen=True, slots=True)
class Redaction:
    text: str
    detections: tuple[Detection, ...]


def apply(text: str, detections: Sequence[Detection], conversation_id: str | None,
          book: PlaceholderBook) -> Redaction:
    """Replace each detection (non-overlapping, sorted) in `text` with its placeholder."""
    parts: list[str] = []
    cursor = 0
    for d in detections:
        value = text[d.start:d.end]
        parts.append(text[cursor:d.start])
        parts.append(replacement(d.type, value, book.number(conversation_id, d.type, value)))
        cursor = d.end
    parts.append(text[cursor:])
    return Redaction("".join(parts), tuple(detections))
