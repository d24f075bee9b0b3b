"""The check before publishing: an independent, deliberately paranoid scan of the anonymized rows.

It shares no code with the engine on purpose (its own normalization, its own patterns): a bug in a
recognizer must not hide itself here. Findings are reported by type and count, never by value.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
URL_QUERY = re.compile(r"https?://[^\s?#]*[?#](?!<URL_QUERY>)[^\s<>\"'、。「」()\u3000-\u30ff\u4e00-\u9fff]*")
# A query of browsing words (?q=…&sort=price&page=2) or a plain #section names nobody; the engine keeps
# those URLs, so they must not stop a night. Anything else after ? or # counts.
BROWSING_KEYS = {"q", "query", "keyword", "keywords", "kw", "search", "sort", "order", "page", "p", "per_page",
                 "limit", "category", "cat", "lang", "hl", "tab", "view", "filter", "type", "color", "colour",
                 "size", "utm_source", "utm_medium", "utm_campaign", "ref"}
# Words before a number that say it is a version, a serial, a product or an order number, not an IP
# address, a passport or a card (unless the passport or card is named too).
NOT_PERSONAL_BEFORE = re.compile(r"バージョン|(?<![A-Za-z])ver(?:\.|sion)|ファームウェア|firmware|アップデート|更新|製造番号"
                                 r"|シリアル|型番|品番|ロット|JAN|注文|追跡|伝票|配送|予約番号|受付番号|荷物|問い合わせ番号"
                                 r"|問合せ番号|お問合せ|送り状|オーダー|商品番号", re.IGNORECASE)
PERSONAL_NEAR = re.compile(r"IP|アドレス|接続元|パスポート|旅券|passport|カード|クレジット|card", re.IGNORECASE)
# 10+ digits in a run that may be grouped by single separators; not the tail of a letter code
# (ORD-20261123-0042). A run counts when it has the shape of a phone number (0 + 9-10 digits, or +81),
# a Luhn-valid card (13-19) or a My Number with a valid check digit (12): parcel and order numbers
# customers quote are not personal data and must not stop a night's publication.
DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z]-)(?:\+81[ \-]?)?\(?\d(?:[ \-().]?\d){9,}(?![0-9])")
IPV4 = re.compile(r"(?<![0-9.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9.]|/\d)")
PASSPORT = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{7}(?![0-9])")
TOKEN = re.compile(r"[A-Za-z0-9_\-.:@+]{6,}")


class IdentifierSet:
    """The day's raw identifiers, held as 8-byte keyed-free digests: memory grows by about 50 bytes per
    distinct id (not by the ids' length), and no raw id is kept in memory between tasks."""

    def __init__(self) -> None:
        self._digests: set[int] = set()

    @staticmethod
    def _digest(value: str) -> int:
        return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")

    def add(self, value: str) -> None:
        self._digests.add(self._digest(value))

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and self._digest(value) in self._digests

    def __len__(self) -> int:
        return len(self._digests)


def scan_text(text: str, identifiers: IdentifierSet, shapes: bool = True) -> Counter[str]:
    """What looks like personal data in one anonymized string. `shapes=False` checks raw identifiers
    only (for pseudonym columns: random hex has digit runs by chance)."""
    folded = unicodedata.normalize("NFKC", text)
    found: Counter[str] = Counter()
    if shapes:
        found["email"] += len(EMAIL.findall(folded))
        found["url_query"] += sum(not _browsing_url(m.group()) for m in URL_QUERY.finditer(folded))
        for name, pattern, before in (("ipv4", IPV4, 24), ("passport_like", PASSPORT, 80)):
            found[name] += sum(not _explained(folded, m.start(), before) for m in pattern.finditer(folded))
        for m in DIGIT_RUN.finditer(folded):
            kind = _number_kind(m.group())
            if kind and not (kind == "card_like" and _explained(folded, m.start(), 24)):
                found[kind] += 1
    found = +found  # drop zero counts
    if identifiers:
        for token in TOKEN.findall(folded):
            parts = {token, *re.split(r"[\-_.:@/+]", token)}
            if any(p in identifiers for p in parts):
                found["raw_identifier"] += 1
    return found


def scan_values(values: Iterable[str | None], identifiers: IdentifierSet, shapes: bool = True) -> Counter[str]:
    found: Counter[str] = Counter()
    for value in values:
        if value:
            found.update(scan_text(value, identifiers, shapes))
    return found


def scan_parquet(path: Path, identifiers: IdentifierSet) -> Counter[str]:
    """Scan every string column of a written Parquet file, read back from disk."""
    found: Counter[str] = Counter()
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=4096):
        for column, field in zip(batch.columns, batch.schema, strict=True):
            if pa.types.is_string(field.type):
                shapes = not field.name.endswith("_key")  # HMAC pseudonyms: identifier check only
                found.update(scan_values(column.to_pylist(), identifiers, shapes))
            elif pa.types.is_list(field.type):
                found.update(scan_values((v for row in column.to_pylist() for v in row or []), identifiers))
    return found


def _browsing_url(url: str) -> bool:
    """Only browsing words in the query (short values, no @, no long digit run) and a plain #section."""
    base, _, fragment = url.partition("#")
    if fragment and not re.fullmatch(r"[A-Za-z][A-Za-z_-]{0,30}", fragment):
        return False
    for pair in filter(None, base.partition("?")[2].split("&")):
        key, _, value = pair.partition("=")
        if key.lower() not in BROWSING_KEYS or "@" in value or len(value) > 40 or re.search(r"\d{6}", value):
            return False
    return True


def _explained(text: str, start: int, before: int) -> bool:
    """True when the nearest label before a number says it is not personal (…パスポート番号ではなく予約番号
    YT5520831 is a reservation; 予約番号とパスポート番号 TK1234567 is a passport)."""
    window = text[max(0, start - before):start]
    negative = max((m.end() for m in NOT_PERSONAL_BEFORE.finditer(window)), default=-1)
    personal = max((m.end() for m in PERSONAL_NEAR.finditer(window)), default=-1)
    return negative > personal


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _my_number_ok(digits: str) -> bool:
    """The individual number check digit (total of digit x weight, mod 11), written out independently."""
    body = [int(c) for c in digits[:11]][::-1]
    total = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(body, start=1))
    check = 0 if total % 11 <= 1 else 11 - total % 11
    return check == int(digits[11])


def _number_kind(run: str) -> str | None:
    digits = "".join(c for c in run if c.isdigit())
    if run.startswith("+81") or (digits[0] == "0" and len(digits) in (10, 11)):
        return "phone_like"
    if 13 <= len(digits) <= 19 and _luhn_ok(digits):
        return "card_like"
    if len(digits) == 12 and _my_number_ok(digits):
        return "my_number_like"
    return None
