"""Realistic synthetic raw days for the demo and benchmarks, following the CS-Chat export contract v1
(../shared/docs/cschat-log-format.md). Every value is made up (flows/synthetic.py).

`write_sample_day` writes `<data_dir>/raw/dt=YYYY-MM-DD/`:

- one file per tenant, `tenant-<x>.jsonl`; tenant b's file starts with a UTF-8 BOM, tenant c's is gzip;
- with 20 messages or more, `export-retry.jsonl`: a retried export holding a few valid messages, one bad
  line of every kind the contract lists, and two verbatim repeats (one of a line in the same file, one of
  a line in a tenant file).

The same (day, messages, seed) always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flows import synthetic as S

JST = dt.timezone(dt.timedelta(hours=9))
MIN_MESSAGES_FOR_BAD_LINES = 20
LONG_TEXT_CHARS = 25_000  # over the 20,000-character limit of the default configuration
PII_SHARE = 0.4  # share of user messages that carry personal data
BOM = b"\xef\xbb\xbf"
RETRY_FILE = "export-retry.jsonl"


@dataclass(frozen=True, slots=True)
class Tenant:
    """A contracting business whose site hosts the bot."""

    key: str
    tenant_id: str
    brand: str
    host: str
    paths: tuple[str, ...]
    intents: tuple[str, ...]
    weight: int
    gzip: bool = False
    bom: bool = False

    @property
    def file_name(self) -> str:
        return f"tenant-{self.key}.jsonl" + (".gz" if self.gzip else "")


TENANTS: tuple[Tenant, ...] = (
    Tenant("a", "tnt-minarai-store", "ミナライストア", "shop.example.jp",
           ("/", "/cart", "/mypage", "/order/history", "/item/SKU-AB12-345", "/faq/shipping"),
           ("order_status", "cancel", "return_refund", "refund_timing", "address_change", "shipping_fee", "payment",
            "receipt", "login_trouble", "password_reset", "unsubscribe"), 40),
    Tenant("b", "tnt-minarai-travel", "ミナライトラベル", "travel.example.com",
           ("/", "/hotel/search", "/reserve/confirm", "/mypage/reservations", "/faq"),
           ("reservation_change", "cancellation_fee", "payment", "login_trouble", "password_reset", "receipt",
            "membership"), 25, bom=True),
    Tenant("c", "tnt-minarai-mobile", "ミナライモバイル", "mobile.example.co.jp",
           ("/", "/support", "/plan", "/mypage/contract"),
           ("plan_change", "payment", "login_trouble", "app_update", "password_reset", "address_change"), 20,
           gzip=True),
    Tenant("d", "tnt-minarai-fit", "ミナライフィット", "fit.example.net",
           ("/", "/member", "/class/schedule", "/mypage"),
           ("membership", "plan_change", "payment", "cancel", "app_update", "login_trouble"), 15),
)

FAQ = {intent: (faq_id, text) for intent, faq_id, text in S.FAQ_ANSWERS}

USER_AGENTS_WEB: tuple[str, ...] = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
    "Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile "
    "Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; SC-51C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile "
    "Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 "
    "Mobile/15E148 Safari/604.1",
)
USER_AGENTS_LINE: tuple[str, ...] = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
    "Safari Line/14.18.0",
    "Mozilla/5.0 (Linux; Android 14; SO-51D Build/64.2.A.2.120; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 Line/14.19.1/IAB",
)
USER_AGENTS_APP: tuple[str, ...] = (
    "MinaraiApp/3.4.1 (iPhone15,2; iOS 18.1; Scale/3.00)",
    "MinaraiApp/3.4.0 (Android 14; SH-52D; okhttp/4.12.0)",
    "okhttp/4.12.0 MinaraiApp/3.3.9",
)
CITY_COORDS: tuple[tuple[float, float], ...] = (
    (35.6895, 139.6917), (34.6937, 135.5023), (43.0621, 141.3544), (33.5902, 130.4017), (35.1815, 136.9066),
    (38.2682, 140.8694), (34.3853, 132.4553), (26.2124, 127.6809), (36.5613, 136.6562), (35.0116, 135.7681),
)
OPERATOR_LINES: tuple[str, ...] = (
    "確認いたしますので少々お待ちください。",
    "ご不便をおかけして申し訳ございません。",
    "承知いたしました。お手続きを進めます。",
    "ほかにご不明な点はございますか？",
    "本日はお問い合わせいただきありがとうございました。",
    "システム上で確認が取れました。",
    "恐れ入りますが、ご本人確認のためいくつか質問させてください。",
    "ただいま配送業者に確認しております。",
)
USER_OPENERS: tuple[str, ...] = (
    "すみません、", "こんにちは。", "お世話になっております。", "", "", "", "あの、", "至急です。",
)
USER_TAILS: tuple[str, ...] = ("", "", "", "", "🙏", "😢", "！", "…", "(^^;", "\nよろしくお願いします。")


def _sent_at(t: dt.datetime) -> str:
    """RFC 3339 with milliseconds and the +09:00 offset."""
    return f"{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03d}+09:00"


def _dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class _Ids:
    """Unique, deterministic ids."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def new(self, prefix: str, bits: int = 64) -> str:
        while True:
            value = f"{prefix}{self.rng.getrandbits(bits):0{bits // 4}x}"
            if value not in self.seen:
                self.seen.add(value)
                return value


def _client(rng: random.Random, channel: str) -> dict[str, Any]:
    client: dict[str, Any] = {"ip": S.ip_address(rng)}
    if channel == "web":
        client["user_agent"] = rng.choice(USER_AGENTS_WEB)
        ga = f"GA1.2.{rng.randint(10**8, 10**9)}.{rng.randint(10**9, 2 * 10**9)}"
        client["cookie_id"] = rng.choice((S.uuid_like(rng), ga))
    elif channel == "line":
        client["user_agent"] = rng.choice(USER_AGENTS_LINE)
        client["device_id"] = "U" + S.hex_token(rng, 32)
    else:
        client["user_agent"] = rng.choice(USER_AGENTS_APP)
        client["device_id"] = S.uuid_like(rng).upper()
    if rng.random() < 0.4:
        lat, lon = rng.choice(CITY_COORDS)
        client["geo"] = {"lat": round(lat + rng.uniform(-0.05, 0.05), 4), "lon": round(lon + rng.uniform(-0.05, 0.05), 4)}
    # each field is optional: some exports leave some out
    return {k: v for k, v in client.items() if k == "ip" or rng.random() < 0.92}


def _page_url(rng: random.Random, tenant: Tenant, persona: S.Persona) -> str:
    base = f"https://{tenant.host}{rng.choice(tenant.paths)}"
    roll = rng.random()
    if roll < 0.12:
        return f"{base}?email={quote(persona.email, safe='')}&token={S.hex_token(rng, 32)}"
    if roll < 0.2:
        return f"{base}?uid={rng.randint(10**8, 10**9 - 1)}&session={S.base64url_token(rng, 24)}"
    if roll < 0.25:
        return f"{base}?mail={persona.email}"
    if roll < 0.35:
        return f"{base}?utm_source={rng.choice(('line', 'mail', 'google'))}&utm_medium=referral"
    return base


def _attachment(rng: random.Random, persona: S.Persona, day: dt.date) -> dict[str, Any]:
    fam, giv = persona.person.family, persona.person.given
    name, mime = rng.choice((
        (f"{fam[0]}{giv[0]}_本人確認書類.jpg", "image/jpeg"),
        (f"{giv[2].lower()}_{fam[2].lower()}_passport.pdf", "application/pdf"),
        (f"スクリーンショット {day:%Y-%m-%d} {rng.randint(8, 22)}.{rng.randint(0, 59):02d}.{rng.randint(0, 59):02d}.png",
         "image/png"),
        (f"receipt_{S.order_number(rng, day)}.pdf", "application/pdf"),
        (f"IMG_{rng.randint(1000, 9999)}.HEIC", "image/heic"),
        (f"{fam[0]}様_見積書.pdf", "application/pdf"),
        ("error.png", "image/png"),
    ))
    return {"name": name, "mime": mime, "size": rng.randint(20_000, 4_000_000)}


def _extra(rng: random.Random) -> dict[str, Any]:
    return rng.choice((
        {"widget_version": "3.8.2"},
        {"widget_version": "3.9.0", "ab_bucket": rng.choice("AB")},
        {"referrer": f"https://www.example.com/search?q={quote('返品 方法')}"},
        {"retry": rng.randint(1, 3)},
        {"lang": "ja", "tz": "Asia/Tokyo"},
    ))


def _unknown_field(rng: random.Random) -> tuple[str, Any]:
    return rng.choice((
        ("locale", "ja-JP"),
        ("x_trace_id", S.hex_token(rng, 32)),
        ("debug", {"latency_ms": rng.randint(40, 2400), "node": f"chat-{rng.randint(1, 8)}"}),
        ("schema_hint", "v1.1-beta"),
    ))


def _user_text(rng: random.Random, persona: S.Persona) -> str:
    if rng.random() < PII_SHARE:
        text, _ = S.make_message(rng, S.random_kinds(rng), speaker="user", persona=persona)
    else:
        text, _ = S.make_clean_message(rng, speaker="user")
    return rng.choice(USER_OPENERS) + text + rng.choice(USER_TAILS)


def _conversation(rng: random.Random, ids: _Ids, tenant: Tenant, day: dt.date, size: int) -> list[dict[str, Any]]:
    """One chat session of `size` messages: user first, then bot answers; sometimes an operator takes over."""
    persona = S.make_persona(rng)
    channel = rng.choices(("web", "line", "app"), (6, 2, 2))[0]
    conversation_id = ids.new("c-", 48)
    user_id = f"u{rng.randint(10**7, 10**8 - 1)}" if rng.random() < 0.7 else None
    client = _client(rng, channel)
    page_url = _page_url(rng, tenant, persona) if channel == "web" else None
    odd = list(range(1, size - 2, 2))  # the bot line that hands over; an operator answers two lines later
    handoff = rng.choice(odd) if size >= 4 and odd and rng.random() < 0.35 else None
    operator_id = f"op-{rng.randint(1, 40):03d}"
    staff = rng.choice(S.FAMILY_NAMES)[0]

    midnight = dt.datetime.combine(day, dt.time(0, 0), JST)
    t = midnight + dt.timedelta(seconds=rng.randint(0, 86_400 - 4_000), milliseconds=rng.randint(0, 999))
    lines: list[dict[str, Any]] = []
    for i in range(size):
        if i % 2 == 0:
            speaker = "user"
        else:
            speaker = "operator" if handoff is not None and i > handoff else "bot"
        bot: dict[str, Any] | None = None
        attachments: list[dict[str, Any]] | None = None
        if speaker == "user":
            text = _user_text(rng, persona)
            if rng.random() < 0.06:
                attachments = [_attachment(rng, persona, day)]
                if rng.random() < 0.3:
                    text = ""
        elif speaker == "bot":
            if i == handoff:
                intent, confidence = "handoff_operator", round(rng.uniform(0.8, 0.99), 3)
            elif rng.random() < 0.1:
                intent, confidence = "fallback", round(rng.uniform(0.05, 0.4), 3)
            else:
                intent, confidence = rng.choice(tenant.intents), round(rng.uniform(0.55, 0.99), 3)
            faq_id, text = FAQ[intent]
            if i == 1 and rng.random() < 0.3:
                text = f"{tenant.brand}サポートです。" + text
            if intent not in ("handoff_operator", "fallback") and rng.random() < 0.08:
                text, _ = S.make_message(rng, [rng.choice(("PERSON", "ADDRESS", "POSTAL_CODE"))], speaker="bot",
                                         persona=persona)
                intent, faq_id = "confirmation", ""
            bot = {"intent": intent, "confidence": confidence, "faq_id": faq_id or None}
        else:
            if handoff is not None and i == handoff + 2:
                text = f"お待たせいたしました。担当の{staff}です。"
            elif rng.random() < 0.3:
                text, _ = S.make_message(rng, [rng.choice(("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "ADDRESS"))],
                                         speaker="operator", persona=persona)
            else:
                text = rng.choice(OPERATOR_LINES)
        record: dict[str, Any] = {
            "message_id": ids.new("m-"),
            "conversation_id": conversation_id,
            "tenant_id": tenant.tenant_id,
            "sent_at": _sent_at(t),
            "speaker": speaker,
            "text": text,
            "channel": channel,
        }
        if user_id:
            record["user_id"] = user_id
        if speaker == "operator":
            record["operator_id"] = operator_id
        if speaker == "user":
            record["client"] = client
        if page_url and speaker != "operator":
            record["page_url"] = page_url
        if bot:
            record["bot"] = bot
        if attachments:
            record["attachments"] = attachments
        if rng.random() < 0.12:
            record["extra"] = _extra(rng)
        if rng.random() < 0.02:
            key, value = _unknown_field(rng)
            record[key] = value
        lines.append(record)
        gap = rng.uniform(40, 300) if handoff is not None and i == handoff else rng.uniform(3, 90)
        t += dt.timedelta(seconds=gap)
    return lines


def _sizes(rng: random.Random, messages: int) -> list[int]:
    """Conversation sizes of 3–12 summing to `messages` (smaller only when messages < 3)."""
    sizes: list[int] = []
    remaining = messages
    while remaining > 0:
        n = min(rng.randint(3, 12), remaining)
        if 0 < remaining - n < 3:
            n = remaining if remaining <= 12 else remaining - 3
        sizes.append(n)
        remaining -= n
    return sizes


def _bad_lines(rng: random.Random, ids: _Ids, tenant: Tenant, day: dt.date) -> list[tuple[str, bytes]]:
    """One line of every kind of breakage the contract lists, as (kind, raw bytes without newline)."""
    midnight = dt.datetime.combine(day, dt.time(0, 0), JST)

    def record(text: str) -> dict[str, Any]:
        t = midnight + dt.timedelta(seconds=rng.randint(3_600, 80_000), milliseconds=rng.randint(0, 999))
        return {"message_id": ids.new("m-"), "conversation_id": ids.new("c-", 48), "tenant_id": tenant.tenant_id,
                "sent_at": _sent_at(t), "speaker": "user", "text": text, "channel": "web"}

    def clean() -> str:
        return S.make_clean_message(rng, speaker="user")[0]

    out: list[tuple[str, bytes]] = []
    out.append(("invalid_json", b"<html><body><h1>502 Bad Gateway</h1></body></html>"))
    full = _dumps(record(clean()))
    out.append(("truncated_json", full[: len(full) * 3 // 5].encode("utf-8")))
    out.append(("not_an_object", _dumps([tenant.tenant_id, ids.new("m-"), clean()]).encode("utf-8")))
    missing = record(clean())
    del missing["conversation_id"]
    out.append(("missing_field", _dumps(missing).encode("utf-8")))
    wrong = record(clean())
    wrong["text"] = rng.randint(1000, 99999)
    out.append(("wrong_type", _dumps(wrong).encode("utf-8")))
    bad_time = record(clean())
    bad_time["sent_at"] = f"{day:%Y-%m-%d}T25:61:00+09:00"
    out.append(("bad_sent_at", _dumps(bad_time).encode("utf-8")))
    cp932 = _dumps(record("配送状況を教えてください。注文番号は" + S.order_number(rng, day) + "です。")).encode("cp932")
    try:
        cp932.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # pragma: no cover - guards the fixture itself
        raise AssertionError("CP932 line decodes as UTF-8")
    out.append(("not_utf8", cp932))
    speaker = record(clean())
    speaker["speaker"] = "system"
    out.append(("unknown_speaker", _dumps(speaker).encode("utf-8")))
    nul = _dumps(record("ログインできません\u2063NUL\u2063ボタンが反応しません")).replace("\u2063NUL\u2063", "\x00")
    out.append(("nul_byte", nul.encode("utf-8")))
    chunk = "エラーログを貼ります: ERROR 500 Internal Server Error at /api/v1/cart (request failed)\n"
    long_text = (chunk * (LONG_TEXT_CHARS // len(chunk) + 1))[:LONG_TEXT_CHARS]
    out.append(("text_too_long", _dumps(record(long_text)).encode("utf-8")))
    return out


def write_sample_day(data_dir: Path, day: dt.date, messages: int, seed: int = 0) -> dict[str, Any]:
    """Write a synthetic raw day to `data_dir/raw/dt=YYYY-MM-DD/`; return a summary.

    `messages` valid, unique messages are written. With `messages >= 20`, `export-retry.jsonl` also holds
    one bad line of every kind plus two verbatim repeats. Files this function writes that a previous call
    left behind are replaced. Summary: {"files", "valid_messages", "bad_lines", "duplicate_lines", "bad"}
    where "bad" lists {"file", "line", "kind"} for every planted bad or repeated line (line numbers from 1).
    """
    if messages < 0:
        raise ValueError("messages must be >= 0")
    rng = random.Random(f"tokumei-sample:{seed}:{day.isoformat()}")
    ids = _Ids(rng)
    folder = Path(data_dir) / "raw" / f"dt={day.isoformat()}"
    folder.mkdir(parents=True, exist_ok=True)
    for pattern in ("tenant-*.jsonl", "tenant-*.jsonl.gz", RETRY_FILE):
        for old in folder.glob(pattern):
            old.unlink()

    per_tenant: dict[str, list[dict[str, Any]]] = {t.key: [] for t in TENANTS}
    for n, size in enumerate(_sizes(rng, messages)):
        tenant = TENANTS[n] if n < len(TENANTS) else rng.choices(TENANTS, [t.weight for t in TENANTS])[0]
        per_tenant[tenant.key].extend(_conversation(rng, ids, tenant, day, size))
    for records in per_tenant.values():
        records.sort(key=lambda r: r["sent_at"])
    lines = {key: [_dumps(r).encode("utf-8") for r in records] for key, records in per_tenant.items()}

    bad: list[dict[str, Any]] = []
    retry_lines: list[bytes] = []
    if messages >= MIN_MESSAGES_FOR_BAD_LINES:
        source = max(TENANTS, key=lambda t: (len(lines[t.key]), t.key))
        moved = lines[source.key][-2:]  # the retried export re-sent the last two messages of this tenant
        lines[source.key] = lines[source.key][:-2]
        repeated_elsewhere = lines[source.key][1]  # not the first line (a BOM would make it differ)
        broken = _bad_lines(rng, ids, source, day)
        plan: list[tuple[str, bytes]] = [("valid", moved[0]), broken[0], broken[1], ("valid", moved[1]), broken[2],
                                         ("duplicate_same_file", moved[0]), *broken[3:7],
                                         ("duplicate_other_file", repeated_elsewhere), *broken[7:]]
        for number, (kind, raw) in enumerate(plan, start=1):
            retry_lines.append(raw)
            if kind != "valid":
                bad.append({"file": RETRY_FILE, "line": number, "kind": kind})

    files: list[str] = []
    for tenant in TENANTS:
        if not lines[tenant.key]:
            continue
        data = b"".join(raw + b"\n" for raw in lines[tenant.key])
        if tenant.bom:
            data = BOM + data
        if tenant.gzip:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        path = folder / tenant.file_name
        path.write_bytes(data)
        files.append(str(path))
    if retry_lines:
        path = folder / RETRY_FILE
        path.write_bytes(b"".join(raw + b"\n" for raw in retry_lines))
        files.append(str(path))

    duplicates = sum(1 for b in bad if b["kind"].startswith("duplicate"))
    return {
        "files": files,
        "valid_messages": messages,
        "bad_lines": len(bad) - duplicates,
        "duplicate_lines": duplicates,
        "bad": bad,
    }
