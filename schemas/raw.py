"""The CS-Chat raw export contract, version 1 (../shared/docs/cschat-log-format.md): one JSON object a line.

`parse_line` turns one line of bytes into a validated record, or raises BadLine with a reason code that
the quarantine and the manifest count by.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

CONTRACT_VERSION = 1
JST = ZoneInfo("Asia/Tokyo")
SPEAKERS = frozenset({"user", "bot", "operator"})
REQUIRED: dict[str, type] = {
    "message_id": str, "conversation_id": str, "tenant_id": str, "sent_at": str, "speaker": str, "text": str,
}
OPTIONAL: dict[str, type | tuple[type, ...]] = {
    "channel": str, "user_id": str, "operator_id": str, "client": dict, "page_url": str, "bot": dict,
    "attachments": list, "extra": dict,
}
KNOWN_FIELDS = frozenset(REQUIRED) | frozenset(OPTIONAL)

# Reason codes (stable: the manifest and dashboards count by them).
NOT_UTF8 = "not_utf8"
NUL_BYTE = "nul_byte"
INVALID_JSON = "invalid_json"
TRUNCATED_JSON = "truncated_json"
NOT_AN_OBJECT = "not_an_object"
MISSING_FIELD = "missing_field"
WRONG_TYPE = "wrong_type"
EMPTY_ID = "empty_id"
BAD_SENT_AT = "bad_sent_at"
SENT_AT_OUTSIDE_DAY = "sent_at_outside_day"
UNKNOWN_SPEAKER = "unknown_speaker"
TEXT_TOO_LONG = "text_too_long"
REASONS = (NOT_UTF8, NUL_BYTE, INVALID_JSON, TRUNCATED_JSON, NOT_AN_OBJECT, MISSING_FIELD, WRONG_TYPE, EMPTY_ID,
           BAD_SENT_AT, SENT_AT_OUTSIDE_DAY, UNKNOWN_SPEAKER, TEXT_TOO_LONG)


class BadLine(ValueError):
    """A line that breaks the contract. `detail` names a field, never a value (it is logged)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One validated message event; `record` is the parsed object, unknown fields included."""

    record: dict[str, Any]
    sent_at: datetime

    @property
    def message_id(self) -> str:
        return self.record["message_id"]

    @property
    def conversation_id(self) -> str:
        return self.record["conversation_id"]

    @property
    def text(self) -> str:
        return self.record["text"]


def parse_sent_at(value: str) -> datetime:
    """RFC 3339 with an explicit offset (a naive time is ambiguous across the JST day boundary)."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("no offset")
    return parsed


def parse_line(raw: bytes, day: date, max_text_chars: int) -> RawMessage:
    """Validate one line of the export for day `day` (JST)."""
    if b"\x00" in raw:
        raise BadLine(NUL_BYTE)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadLine(NOT_UTF8) from None
    line = line.strip().lstrip("\ufeff")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        truncated = e.pos >= len(line) - 1 or line.startswith(("{", "["))
        raise BadLine(TRUNCATED_JSON if truncated else INVALID_JSON) from None
    if not isinstance(record, dict):
        raise BadLine(NOT_AN_OBJECT)
    for name, kind in REQUIRED.items():
        if name not in record or record[name] is None:
            raise BadLine(MISSING_FIELD, name)
        if not isinstance(record[name], kind):
            raise BadLine(WRONG_TYPE, name)
    for name in ("message_id", "conversation_id", "tenant_id"):
        if not record[name].strip():
            raise BadLine(EMPTY_ID, name)
    for name, kind in OPTIONAL.items():
        if record.get(name) is not None and not isinstance(record[name], kind):
            raise BadLine(WRONG_TYPE, name)
    if record["speaker"] not in SPEAKERS:
        raise BadLine(UNKNOWN_SPEAKER)
    try:
        sent_at = parse_sent_at(record["sent_at"])
    except ValueError:
        raise BadLine(BAD_SENT_AT) from None
    if sent_at.astimezone(JST).date() != day:
        raise BadLine(SENT_AT_OUTSIDE_DAY)
    if len(record["text"]) > max_text_chars:
        raise BadLine(TEXT_TOO_LONG)
    return RawMessage(record, sent_at)
