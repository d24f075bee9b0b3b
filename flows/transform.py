"""One batch of validated raw messages → one Arrow record batch of the anonymized schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from anonymize import Anonymizer, PlaceholderBook
from anonymize.entities import ALL_TYPES
from anonymize.fields import ip_prefix, pseudonym, scrub_url, truncate_time, user_agent_family
from schemas.anonymized import SCHEMA
from schemas.raw import JST, KNOWN_FIELDS, RawMessage


def _key_of(key: bytes, tenant: str, value: Any) -> str | None:
    return pseudonym(f"{tenant}\x1f{value}", key) if isinstance(value, str) and value else None


def to_record_batch(messages: Sequence[RawMessage], anonymizer: Anonymizer, book: PlaceholderBook,
                    key: bytes, time_precision: str, pii_found: Counter[str]) -> pa.RecordBatch:
    """Anonymize texts in one engine call and apply the structured-field rules to every other field."""
    redactions = anonymizer.redact([m.text for m in messages], [m.conversation_id for m in messages], book,
                                   [m.record["tenant_id"] for m in messages])
    rows: list[dict[str, Any]] = []
    for m, red in zip(messages, redactions, strict=True):
        r = m.record
        tenant = r["tenant_id"]
        client = r.get("client") or {}
        bot = r.get("bot") or {}
        attachments = [a for a in (r.get("attachments") or []) if isinstance(a, dict)]
        ua = client.get("user_agent")
        browser, os_family, device = user_agent_family(ua) if isinstance(ua, str) and ua else (None, None, None)
        counts = Counter(d.type for d in red.detections)
        pii_found.update(counts)
        sent_at = truncate_time(m.sent_at.astimezone(JST), time_precision)
        confidence = bot.get("confidence")
        rows.append({
            "message_key": _key_of(key, tenant, m.message_id),
            "conversation_key": _key_of(key, tenant, m.conversation_id),
            "user_key": _key_of(key, tenant, r.get("user_id")),
            "operator_key": _key_of(key, tenant, r.get("operator_id")),
            "tenant_id": tenant,
            "sent_at": sent_at,
            "hour": sent_at.hour,
            "speaker": r["speaker"],
            "channel": r.get("channel") if isinstance(r.get("channel"), str) else None,
            "text": red.text,
            "text_chars": len(m.text),
            "pii_total": len(red.detections),
            "pii_counts": {t: counts.get(t, 0) for t in ALL_TYPES},
            "ip_prefix": ip_prefix(client["ip"]) if isinstance(client.get("ip"), str) else None,
            "ua_browser": browser,
            "ua_os": os_family,
            "ua_device": device,
            "page_url": scrub_url(r["page_url"]) or None if r.get("page_url") else None,
            "bot_intent": bot.get("intent") if isinstance(bot.get("intent"), str) else None,
            "bot_confidence": float(confidence) if isinstance(confidence, int | float) else None,
            "bot_faq_id": str(bot["faq_id"]) if bot.get("faq_id") is not None else None,
            "attachment_count": len(attachments),
            "attachment_mime_types": sorted({str(a["mime"]) for a in attachments if a.get("mime")}),
            "unknown_fields": sum(1 for name in r if name not in KNOWN_FIELDS),
        })
    return pa.RecordBatch.from_pylist(rows, schema=SCHEMA)
