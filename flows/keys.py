"""Pseudonym keys, one per calendar month, so that destroying a month's key (retention) makes that
month's pseudonyms unlinkable for good.

$TOKUMEI_SECRET_KEY, when set, is the single key for every month (a secret store injects it); keys then
cannot expire by deletion and the README says so. Otherwise each month's key is a random 32-byte file
`<key_dir>/YYYY-MM.key`, created with mode 0600 on first use.
"""

from __future__ import annotations

import os
import secrets
from datetime import date
from pathlib import Path

ENV_KEY = "TOKUMEI_SECRET_KEY"


class KeyError_(RuntimeError):
    """A key is missing, unreadable or too short."""


def key_period(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def key_path(key_dir: Path, day: date) -> Path:
    return key_dir / f"{key_period(day)}.key"


def load_key(key_dir: Path, day: date, create: bool = True) -> tuple[bytes, str]:
    """(key, key id) for `day`. The id names the key in manifests without revealing it."""
    env = os.environ.get(ENV_KEY)
    if env:
        if len(env) < 16:
            raise KeyError_(f"{ENV_KEY} is shorter than 16 characters")
        return env.encode("utf-8"), "env"
    path = key_path(key_dir, day)
    if not path.exists():
        if not create:
            raise KeyError_(f"no pseudonym key for {key_period(day)} (destroyed or never made)")
        key_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(key_dir, 0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
    key = path.read_bytes()
    if len(key) < 16:
        raise KeyError_(f"pseudonym key file {path} is too short")
    return key, key_period(day)
