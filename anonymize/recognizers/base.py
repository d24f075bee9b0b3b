"""A Japanese-safe regex recognizer: ASCII lookarounds, context words before *and* after, a validator.

Presidio's PatternRecognizer relies on `\b` (no boundary between ASCII and kana) and on lemma context
only before the match; chat text needs both sides ("4111… のカード", "電話は090…").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Token

# Boundaries that work next to kana/kanji: an ASCII digit/letter must not continue the match.
NOT_AFTER_ALNUM = r"(?<![0-9A-Za-z])"
NOT_BEFORE_ALNUM = r"(?![0-9A-Za-z])"
NOT_AFTER_DIGIT = r"(?<![0-9])"
NOT_BEFORE_DIGIT = r"(?![0-9])"
# For grouped numbers (4111 1111 …): the match must not be one group of a longer grouped number.
# Inside a name, a sentence end or an arrow means two things were read as one (ｺﾝﾆﾁﾊ｡ﾎﾟｲﾝﾄｶﾞ, 伊丹⇔羽田).
NOT_ONE_NAME = re.compile(r"[⇔→←↔]|.[。｡！？!?].")

# A conversation's register (です, ます, ？, けど; casual: …笑, ｗ, an emoji, っけ, 反応しない, 消えてる) or an English
# message: where a company named is mostly a service. Encyclopaedic prose (である, した) names companies as
# actors, and there every one stays.
CHAT_REGISTER = re.compile(r"です|(?<!ます)ます(?!ます)|ません|ください|でした|けど|よね|[？！]|(?<![A-Za-z])[?!]"
                           r"|かな(?=[？?。、！!ー〜～…wｗ笑\s]|$)|[。、]{2}"  # not なかなか, 確かな
                           r"|^[\x00-\x7f’“”…]+$|笑|ｗ|(?<![A-Za-z])w+\s*$|[\U0001F300-\U0001FAFF\u2600-\u27BF]"
                           r"|っけ|じゃん|かも|んだが|(?:ない|てる|てた|ちゃった|泣いた|たい|たいな|(?<!で)ある|だね|だよ|だな|よー*|ねー*|なー+)\s*$")
# What prose quotes is no register of its own.
QUOTED = re.compile(r"「[^「」]*(?:「[^「」]*」[^「」]*)*」|『[^『』]*』|“[^“”]*”")


def in_chat_register(text: str) -> bool:
    """The text, what it quotes aside, reads as a conversation, not as encyclopaedic prose."""
    return CHAT_REGISTER.search(QUOTED.sub("", text)) is not None


GROUP_START = r"(?<![0-9])(?<![0-9][ -])"
GROUP_END = r"(?![0-9])(?![ -][0-9]{3})"  # not part of a longer grouped number; "… 12桁" may follow


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start in doc.text[start:end], found by spaCy's character lookup instead of a scan of
    every token (recognizers ask this once per candidate span)."""
    if start >= end:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def has_context(text: str, start: int, end: int, words: Iterable[str], before: int, after: int) -> bool:
    """True when one of `words` occurs within `before` chars before or `after` chars after the span."""
    window = text[max(0, start - before) : start] + " " + text[end : end + after]
    return any(w in window for w in words)


class RegexRecognizer(EntityRecognizer):
    """One entity type: patterns with base scores, context words, and an optional validator.

    Subclasses set ENTITY, PATTERNS, CONTEXT and may override `validate`. A match with a failed
    validation is dropped unless it has context and ACCEPT_INVALID_WITH_CONTEXT is set; a match without
    context is dropped when CONTEXT_REQUIRED is set.
    """

    ENTITY: str = ""
    PATTERNS: tuple[tuple[str, float], ...] = ()
    CONTEXT: tuple[str, ...] = ()
    CONTEXT_BEFORE = 16
    CONTEXT_AFTER = 8
    CONTEXT_REQUIRED = False
    # Words that say the number is something else (追跡番号 …): reject unless CONTEXT is there too.
    NEGATIVE_CONTEXT: tuple[str, ...] = ()
    NEGATIVE_CONTEXT_BEFORE: int | None = None  # None: as far as CONTEXT_BEFORE
    ACCEPT_INVALID_WITH_CONTEXT = False
    CONTEXT_BOOST = 0.35
    VALID_BOOST = 0.3
    GROUP = 0  # regex group that holds the value

    def __init__(self) -> None:
        self._compiled = [(re.compile(p), s) for p, s in self.PATTERNS]
        super().__init__(supported_entities=[self.ENTITY], supported_language="ja", name=type(self).__name__)

    def load(self) -> None:  # patterns are compiled in __init__
        pass

    def validate(self, value: str) -> bool | None:
        """True: the value checks out (boost); False: not this entity; None: cannot tell."""
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        for pattern, base_score in self._compiled:
            for match in pattern.finditer(text):
                start, end = match.span(self.GROUP)
                if (start, end) in seen or start == end:
                    continue
                score = self.score_match(text, start, end, base_score)
                if score is not None:
                    seen.add((start, end))
                    results.append(RecognizerResult(self.ENTITY, start, end, score))
        return results

    def _nearest_label_is_negative(self, text: str, start: int, context: bool) -> bool:
        """True when a word saying the number is something else comes after the last word saying it is this
        (…passport number? 予約番号 YT-5520831): the nearest label names the number."""
        reach = self.CONTEXT_BEFORE if self.NEGATIVE_CONTEXT_BEFORE is None else self.NEGATIVE_CONTEXT_BEFORE
        window = text[max(0, start - reach):start]
        negative = max((window.rfind(w) for w in self.NEGATIVE_CONTEXT), default=-1)
        if negative < 0:
            return False
        if not context:
            return True
        near = window[-self.CONTEXT_BEFORE:]
        offset = len(window) - len(near)
        return negative > max((near.rfind(w) + offset for w in self.CONTEXT if w in near), default=-1)

    def score_match(self, text: str, start: int, end: int, base_score: float) -> float | None:
        """The score of one match, or None to reject it."""
        context = bool(self.CONTEXT) and has_context(
            text, start, end, self.CONTEXT, self.CONTEXT_BEFORE, self.CONTEXT_AFTER
        )
        if self.CONTEXT_REQUIRED and not context:
            return None
        if self.NEGATIVE_CONTEXT and self._nearest_label_is_negative(text, start, context):
            return None
        valid = self.validate(text[start:end])
        if valid is False and not (context and self.ACCEPT_INVALID_WITH_CONTEXT):
            return None
        score = base_score + (self.CONTEXT_BOOST if context else 0.0) + (self.VALID_BOOST if valid else 0.0)
        return min(score, 1.0)


def digits(value: str) -> str:
    """The ASCII digits of `value` (the text is normalized, so full-width digits are ASCII already)."""
    return "".join(c for c in value if c.isascii() and c.isdigit())


_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def ascii_bounded(text: str, start: int, end: int) -> bool:
    """False when an NER span is a piece of an ASCII code (WINTER|20, SKU-|WZ94) or holds digits:
    coupon and product codes, not names."""
    span = text[start:end]
    if not span or span[0] == "-" or span[-1] == "-" or any(c.isascii() and c.isdigit() for c in span):
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _ASCII_WORD.match(span[0]) and (_ASCII_WORD.match(before) or before == "-"):
        return False
    return not (_ASCII_WORD.match(span[-1]) and (_ASCII_WORD.match(after) or after == "-"))


_KATAKANA_CHAR = re.compile(r"[ァ-ヴー]")
_PART = r"(?:[ァ-ヴ][ァ-ヴー]*|[A-Z]\.?)"
_LEFT_PART = re.compile(r"(?<![ァ-ヴーA-Za-z])" + _PART + r"[・=＝]{1,2}$")
_RIGHT_PART = re.compile(r"[・=＝]{1,2}" + _PART + r"(?![a-z])")
_REGNAL = re.compile(r"[0-9]{1,2}世")


def extend_foreign_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Complete a katakana word, and take in the other parts of a katakana name joined by ・ or = (スティーヴ|・エリクソン,
    ル=|グウィン, W・|エドワーズ・デミング, ウイリアム|・J・ロビンソン) and a regnal number (ヨハネ・パウロ|2世)."""
    if not (_KATAKANA_CHAR.match(text[start]) or _KATAKANA_CHAR.match(text[end - 1])):
        return start, end
    # A katakana word is never cut (マーク・ウッド|ベリー where the tokenizer split ウッド|ベリー).
    while start > 0 and _KATAKANA_CHAR.match(text[start]) and _KATAKANA_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _KATAKANA_CHAR.match(text[end - 1]) and _KATAKANA_CHAR.match(text[end]):
        end += 1
    while (m := _LEFT_PART.search(text, 0, start)) is not None:
        start = m.start()
    while (m := _RIGHT_PART.match(text, end)) is not None:
        end = m.end()
    regnal = _REGNAL.match(text, end)
    return start, regnal.end() if regnal and _KATAKANA_CHAR.match(text[end - 1]) else end
