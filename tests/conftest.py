"""Shared fixtures: one Prefect test harness per session, one engine per session, raw-day builders."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect server and database for the whole session (starting one costs ~10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def anonymizer():
    """The real engine (ja_ginza + Presidio), loaded once."""
    from flows.pipeline import get_anonymizer
    from flows.settings import Settings

    return get_anonymizer(Settings().detection)


def message(i: int, text: str, *, day: date = date(2026, 11, 23), conversation: str | None = None,
            **fields: Any) -> dict[str, Any]:
    """One valid contract-v1 record with realistic optional fields."""
    record: dict[str, Any] = {
        "message_id": f"msg-{day:%Y%m%d}-{i:06d}",
        "conversation_id": conversation or f"conv-{day:%Y%m%d}-{i // 4:05d}",
        "tenant_id": "tenant-alpha",
        "sent_at": f"{day.isoformat()}T{10 + i % 12:02d}:{i % 60:02d}:07.123+09:00",
        "speaker": ("user", "bot", "operator")[i % 3],
        "text": text,
        "channel": "web",
        "user_id": f"U-{day:%m%d}-{i // 4:07d}",
        "client": {"ip": f"198.51.100.{i % 250 + 1}", "cookie_id": f"ck_{day:%m%d}{i:08d}",
                   "device_id": f"dev-{i:010d}", "geo": {"lat": 35.6581, "lon": 139.7017},
                   "user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"},
        "page_url": f"https://shop.example.jp/order/{i:08d}?email=user{i}@example.com&token=abcdef0123456789",
    }
    record.update(fields)
    return record


def write_day(data_dir: Path, day: date, files: dict[str, list[str | bytes | dict]]) -> Path:
    """Write raw export files for `day`; items are records (dicts), JSON text or raw bytes."""
    folder = data_dir / "raw" / f"dt={day.isoformat()}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, items in files.items():
        lines = []
        for item in items:
            if isinstance(item, dict):
                item = json.dumps(item, ensure_ascii=False)
            lines.append(item.encode("utf-8") if isinstance(item, str) else item)
        (folder / name).write_bytes(b"\n".join(lines) + b"\n")
    return folder
