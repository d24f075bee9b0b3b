"""Rules for the structured fields of a CS-Chat record (pii-taxonomy.md, "In structured fields")."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from datetime import datetime
from urllib.parse import urlsplit


def pseudonym(value: str, key: bytes) -> str:
    """Keyed pseudonym (HMAC-SHA256, 128 bits in hex): stable for a key, unlinkable once it is destroyed.
    A plain hash would not do: short ids and phone numbers are brute-forced in seconds."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def ip_prefix(value: str) -> str | None:
    """The network prefix only: IPv4 /24, IPv6 /48. None for anything that is not an IP address."""
    try:
        ip = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    bits = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{bits}", strict=False))


_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser", "Samsung Internet"), ("Line/", "LINE"),
             ("FxiOS", "Firefox"), ("Firefox/", "Firefox"), ("CriOS", "Chrome"), ("Chrome/", "Chrome"),
             ("Safari/", "Safari"), ("MSIE", "Internet Explorer"), ("Trident/", "Internet Explorer"))
_OSES = (("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("Windows", "Windows"),
         ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))
_BOT = re.compile(r"bot|crawler|spider|curl|python-requests", re.IGNORECASE)


def user_agent_family(ua: str) -> tuple[str, str, str]:
    """(browser family, OS family, device class) — never the full string, which fingerprints a person."""
    if _BOT.search(ua):
        return ("Bot", "Other", "bot")
    browser = next((name for token, name in _BROWSERS if token in ua), "Other")
    os_family = next((name for token, name in _OSES if token in ua), "Other")
    if "iPad" in ua or ("Android" in ua and "Mobile" not in ua) or "Tablet" in ua:
        device = "tablet"
    elif "Mobile" in ua or "iPhone" in ua:
        device = "mobile"
    elif os_family == "Other" and browser == "Other":
        device = "other"
    else:
        device = "desktop"
    return (browser, os_family, device)


_PATH_SEGMENT_WITH_ID = re.compile(r"[0-9]{4,}|@|%40|[0-9a-fA-F]{16,}|[A-Za-z0-9_-]{24,}")


def scrub_url(url: str) -> str:
    """Scheme, host and path; no query, no fragment, no credentials, and path segments that look like
    identifiers (long numbers, e-mail, tokens) replaced by ':id'."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    segments = [":id" if _PATH_SEGMENT_WITH_ID.search(s) else s for s in parts.path.split("/")]
    scheme = f"{parts.scheme}://" if parts.scheme else ""
    return f"{scheme}{host}{'/'.join(segments)}"


def truncate_time(value: datetime, precision: str) -> datetime:
    """sent_at kept to the minute (default) or hour: exact seconds help re-identify a person."""
    if precision == "hour":
        return value.replace(minute=0, second=0, microsecond=0)
    if precision == "minute":
        return value.replace(second=0, microsecond=0)
    raise ValueError(f"unknown time precision {precision!r} (use 'minute' or 'hour')")
