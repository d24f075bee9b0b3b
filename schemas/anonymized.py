"""The anonymized messages table, version 1: the one place its columns are defined.

Partitioned by `dt` (hive style, dt=YYYY-MM-DD, the JST date); `dt` is not stored inside the files.
"""

from __future__ import annotations

import pyarrow as pa

from anonymize.entities import ALL_TYPES

SCHEMA_VERSION = 1

PII_COUNTS = pa.struct([pa.field(t, pa.int16()) for t in ALL_TYPES])

_COLUMNS: list[tuple[str, pa.DataType, bool, str]] = [
    ("message_key", pa.string(), False, "HMAC pseudonym of tenant_id + message_id (key of the month)"),
    ("conversation_key", pa.string(), False, "HMAC pseudonym of tenant_id + conversation_id"),
    ("user_key", pa.string(), True, "HMAC pseudonym of tenant_id + user_id; null when the export had none"),
    ("operator_key", pa.string(), True, "HMAC pseudonym of tenant_id + operator_id"),
    ("tenant_id", pa.string(), False, "contracting business (not personal data)"),
    ("sent_at", pa.timestamp("s", tz="Asia/Tokyo"), False, "send time, truncated to the configured precision"),
    ("hour", pa.int8(), False, "hour of day in JST, 0-23"),
    ("speaker", pa.string(), False, "user, bot or operator"),
    ("channel", pa.string(), True, "web, line, app, ..."),
    ("text", pa.string(), False, "message text with personal data replaced by typed placeholders"),
    ("text_chars", pa.int32(), False, "length of the original text in characters"),
    ("pii_total", pa.int16(), False, "number of personal-data spans replaced in text"),
    ("pii_counts", PII_COUNTS, False, "replaced spans per type"),
    ("ip_prefix", pa.string(), True, "client IP network: IPv4 /24, IPv6 /48"),
    ("ua_browser", pa.string(), True, "browser family"),
    ("ua_os", pa.string(), True, "OS family"),
    ("ua_device", pa.string(), True, "desktop, mobile, tablet, bot or other"),
    ("page_url", pa.string(), True, "scheme, host and path of the page; no query, ids scrubbed"),
    ("bot_intent", pa.string(), True, "bot's detected intent"),
    ("bot_confidence", pa.float32(), True, "bot's confidence"),
    ("bot_faq_id", pa.string(), True, "FAQ answered"),
    ("attachment_count", pa.int16(), False, "number of attachments (names are not kept)"),
    ("attachment_mime_types", pa.list_(pa.string()), False, "MIME types of the attachments"),
    ("unknown_fields", pa.int16(), False, "fields outside contract v1 that were dropped"),
]

SCHEMA = pa.schema(
    [pa.field(name, kind, nullable=nullable, metadata={"description": doc}) for name, kind, nullable, doc in _COLUMNS],
    metadata={"tokumei.schema_version": str(SCHEMA_VERSION)},
)
COLUMN_DOCS = {name: doc for name, _, _, doc in _COLUMNS}
