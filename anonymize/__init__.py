"""tokumei's engine: Japanese personal-data detection and anonymization. A pure library: batch in, batch out."""

import re

from anonymize.engine import Detector, ModelNotInstalledError
from anonymize.entities import ADDRESS, ALL_TYPES, DATE_OF_BIRTH, PERSON, Detection
from anonymize.normalize import normalize
from anonymize.operators import PlaceholderBook, Redaction, apply
from anonymize.recognizers.address import ADDRESS_QUESTION, answered_addresses
from anonymize.recognizers.dates import BIRTH_QUESTION, answered_birth_dates
from anonymize.recognizers.person import KANA_NAME_END
from anonymize.settings import DetectionSettings


class Anonymizer:
    """Detect and replace personal data in batches of messages, numbering placeholders per conversation."""

    def __init__(self, settings: DetectionSettings | None = None) -> None:
        self.detector = Detector(settings)

    def redact(self, texts: list[str], conversation_ids: list[str | None] | None = None,
               book: PlaceholderBook | None = None, tenant_ids: list[str | None] | None = None) -> list[Redaction]:
        """Anonymize `texts`. Pass one `book` across calls to keep numbering for a conversation stable;
        texts without a conversation id are numbered on their own. `tenant_ids` select each text's tenant
        allow-list, if the settings have one."""
        ids = conversation_ids or [None] * len(texts)
        book = book or PlaceholderBook()
        out = []
        recent: dict[str, list[str]] = {}  # the last two messages of each conversation in this batch
        for text, conv, found in zip(texts, ids, self.detector.detect(texts, tenant_ids), strict=True):
            if conv is None:
                out.append(apply(text, found, None, PlaceholderBook()))
                continue
            found = sorted([*found, *_known_names(text, found, book.names(conv))], key=lambda d: d.start)
            book.remember_names(conv, [text[d.start:d.end] for d in found if d.type == PERSON and d.score >= _SURE])
            asked = any(BIRTH_QUESTION.search(t) for t in recent.get(conv, ()))
            if asked or any(d.type in (PERSON, DATE_OF_BIRTH) for d in found):  # the ways a date becomes one
                found = _with_birth_dates(text, found, asked)
            if any(ADDRESS_QUESTION.search(t) for t in recent.get(conv, ())):
                found = sorted([*found, *_answered_addresses(text, found)], key=lambda d: d.start)
            recent[conv] = [*recent.get(conv, ())[-1:], text]
            out.append(apply(text, found, conv, book))
        return out


def _with_birth_dates(text: str, found: list[Detection], asked: bool) -> list[Detection]:
    """`found` plus the full dates that are birth dates by their place in the conversation: in an answer to
    a birth-date question a message or two before, right after a person's name (大野 ひまり（おおの ひまり）
    2021.6.18), or beside another birth date (a family's list). A name that ran on into the date gives the
    date back (美桜 令和元年9月14日: 美桜)."""
    found = list(found)
    for s, e in answered_birth_dates(normalize(text)):
        for i, d in enumerate(found):
            if d.type == PERSON and d.start < s < d.end <= e and text[d.start:s].strip():
                found[i] = Detection(PERSON, d.start, d.start + len(text[d.start:s].rstrip()), d.score)
        if not any(d.start < e and s < d.end for d in found) and (asked or any(
                d.type == DATE_OF_BIRTH or (d.type == PERSON and _NAME_TO_DATE.fullmatch(text, d.end, s))
                for d in found)):
            found.append(Detection(DATE_OF_BIRTH, s, e, 0.5))
    return sorted(found, key=lambda d: d.start)


def _answered_addresses(text: str, found: list[Detection]) -> list[Detection]:
    """A town and block, or a town and 丁目, answering an address question a message or two before: the
    customer's address, though it names no prefecture or city of its own."""
    return [Detection(ADDRESS, s, e, 0.5) for s, e in answered_addresses(normalize(text))
            if not any(d.start < e and s < d.end for d in found)]


def _known_names(text: str, found: list[Detection], names: frozenset[str]) -> list[Detection]:
    """Later mentions of the names found earlier in the conversation (娘の凛が… then 凛も楽しみに), where nothing
    else marks them: a whole word, and a kana name followed by a particle or an honorific."""
    if not names:
        return []
    normalized = normalize(text)
    spans: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(_mention(name), normalized):
            if normalized.startswith(_ADVERBS, m.start()):
                continue  # 誠にありがとうございます
            if not any(s < m.end() and m.start() < e for s, e in spans) and not any(
                    d.start < m.end() and m.start() < d.end for d in found):
                spans.append(m.span())
    return [Detection(PERSON, s, e, 0.5) for s, e in spans]


# Only names found with this score or more are looked for again: the weakest signals (a head guess, a
# katakana word before a particle) are wrong about as often as right in chat, and a wrong name repeats.
_SURE = 0.7
_ADVERBS = ("誠に", "実に", "実は", "真に", "正に", "共に", "常に", "特に")


# Scripts of a name's first and last letters; anything else counts as kanji.
_SCRIPTS = (r"[ぁ-ゖ]", r"[ァ-ヴー]", r"[A-Za-z]")
_KANJI_SCRIPT = r"[\u4e00-\u9fff々]"
# Where a kana or one-kanji name ends: before a particle, an honorific or punctuation (凛も, はるとが).
_BEFORE_PARTICLE = KANA_NAME_END


def _script(char: str) -> str:
    return next((s for s in _SCRIPTS if re.match(s, char)), _KANJI_SCRIPT)


def _mention(name: str) -> str:
    """A pattern for `name` as a whole word of its script."""
    last = _script(name[-1])
    if last == r"[ぁ-ゖ]" or (last == _KANJI_SCRIPT and len(name) == 1):  # 凛も; not 優しい, 進んで
        after = _BEFORE_PARTICLE
    elif last == r"[ァ-ヴー]":
        after = r"(?![ァ-ヴー]|(?![様氏君殿])[\u4e00-\u9fff])"  # ヤマダ様, not ヤマダ電機
    else:
        after = f"(?!{last})"
    return f"(?<!{_script(name[0])})" + re.escape(name) + after


_NAME_TO_DATE = re.compile(r"[\s、,:：()（）]{0,3}")  # 大野 蒼（おおの あおい）2017.10.2


__all__ = ["ALL_TYPES", "Anonymizer", "Detection", "DetectionSettings", "Detector", "ModelNotInstalledError",
           "PlaceholderBook", "Redaction", "apply"]
