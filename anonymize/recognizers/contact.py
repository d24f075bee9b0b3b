"""Phone numbers, e-mail addresses, IP addresses, URLs with query strings and opaque id tokens."""

from __future__ import annotations

import ipaddress
import re

import phonenumbers

from anonymize import entities as E
from anonymize.recognizers.base import (
    NOT_AFTER_ALNUM,
    NOT_BEFORE_ALNUM,
    NOT_BEFORE_DIGIT,
    RegexRecognizer,
    digits,
)
from anonymize.recognizers.numbers import NOT_PERSONAL_NUMBERS


class PhoneRecognizer(RegexRecognizer):
    """JP phone numbers, validated with `phonenumbers` (region JP); +81 forms included."""

    ENTITY = E.PHONE_NUMBER
    PATTERNS = (
        (NOT_AFTER_ALNUM + r"(?:\+81[- ]?\(?0?\)?[- ]?|\(?0)\d{1,4}\)?[-. ]?\(?\d{1,4}\)?[-. ]?\d{3,4}"
         + NOT_BEFORE_DIGIT, 0.55),
        (NOT_AFTER_ALNUM + r"0[5789]0\d{8}" + NOT_BEFORE_DIGIT, 0.55),
    )
    CONTEXT = ("電話", "TEL", "Tel", "tel", "携帯", "連絡先", "架電", "コールバック", "折り返し", "ダイヤル", "FAX",
               "ファックス")
    NEGATIVE_CONTEXT = NOT_PERSONAL_NUMBERS
    ACCEPT_INVALID_WITH_CONTEXT = True

    def validate(self, value: str) -> bool | None:
        n = digits(value)
        if not 10 <= len(n) <= 13:
            return False
        try:
            parsed = phonenumbers.parse(value, "JP")
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.is_valid_number(parsed) or None


class EmailRecognizer(RegexRecognizer):
    """E-mail addresses glued to Japanese text (no `\\b`); full-width ＠ is folded by normalize()."""

    ENTITY = E.EMAIL_ADDRESS
    PATTERNS = (
        (r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
         + NOT_BEFORE_ALNUM, 0.9),
    )


class IpAddressRecognizer(RegexRecognizer):
    """IPv4 and IPv6 addresses, confirmed by the `ipaddress` parser."""

    ENTITY = E.IP_ADDRESS
    PATTERNS = (
        (NOT_AFTER_ALNUM + r"(?<!\.)(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)", 0.6),
        (r"(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){2,7}:?(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{1,4}){0,6}"
         r"(?![0-9A-Fa-f:])", 0.6),
    )
    CONTEXT = ("IP", "ip", "アドレス", "接続元")
    # A software version has the shape of an IPv4 address (ファームウェアのバージョンは 1.0.12.3).
    NEGATIVE_CONTEXT = ("バージョン", "ver.", "Ver.", "VER.", "version", "Version", "ファームウェア", "firmware",
                        "アップデート", "更新")  # not a bare "ver": server, driver, every

    def validate(self, value: str) -> bool | None:
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return False
        return True


class UrlRecognizer(RegexRecognizer):
    """URLs whose query or fragment may carry e-mail addresses, ids or tokens (a URL without one is kept)."""

    ENTITY = E.URL
    PATTERNS = ((r"https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[^\s?#<>\"'、。「」()\u3000-\u30ff\u4e00-\u9fff]*)?"
                 r"[?#][^\s<>\"'、。「」()\u3000-\u30ff\u4e00-\u9fff]*", 0.9),)

    def validate(self, value: str) -> bool | None:
        """False for a query only of search, sort and page words and a plain #section: nothing in it names
        anyone (https://example.jp/faq#delivery, ?q=充電器&sort=price)."""
        return None if not harmless_query(value) else False


# Query keys that carry what a visitor browsed, never who they are.
HARMLESS_QUERY_KEYS = frozenset({"q", "query", "keyword", "keywords", "kw", "search", "sort", "order", "page", "p",
                                 "per_page", "limit", "category", "cat", "lang", "hl", "tab", "view", "filter", "type",
                                 "color", "colour", "size", "utm_source", "utm_medium", "utm_campaign", "ref"})
_QUERY_VALUE = re.compile(r"[^@]{0,40}")  # no e-mail address, nothing long enough to be a token
_FRAGMENT = re.compile(r"[A-Za-z][A-Za-z_-]{0,30}")


def harmless_query(url: str) -> bool:
    """True when every query key is a browsing word with a short value and the fragment, if any, is a
    plain section name."""
    base, _, fragment = url.partition("#")
    query = base.partition("?")[2]
    if fragment and not _FRAGMENT.fullmatch(fragment):
        return False
    for pair in (p for p in query.split("&") if p):
        key, _, value = pair.partition("=")
        if key.lower() not in HARMLESS_QUERY_KEYS or not _QUERY_VALUE.fullmatch(value) or re.search(r"\d{6,}", value):
            return False
    return True


class IdTokenRecognizer(RegexRecognizer):
    """Device ids, cookies and session tokens: UUIDs, long hex, long mixed letter-digit strings."""

    ENTITY = E.ID_TOKEN
    PATTERNS = (
        (NOT_AFTER_ALNUM + r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
         + NOT_BEFORE_ALNUM, 0.9),
        (NOT_AFTER_ALNUM + r"(?=[A-Za-z_\-]*[0-9])(?=[0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{20,}" + NOT_BEFORE_ALNUM, 0.7),
        (NOT_AFTER_ALNUM + r"[0-9a-f]{16,}" + NOT_BEFORE_ALNUM, 0.7),
    )
