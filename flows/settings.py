"""tokumei's one configuration object, read from TOML with environment overrides."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from anonymize.settings import DetectionSettings

DEFAULT_CONFIG = Path("config/tokumei.toml")


class ConfigError(ValueError):
    """The configuration file is missing, unreadable or has an unknown key."""


@dataclass(frozen=True)
class RunSettings:
    timezone: str = "Asia/Tokyo"
    batch_size: int = 512
    max_bad_line_share: float = 0.05
    max_text_chars: int = 20000
    time_precision: str = "minute"


@dataclass(frozen=True)
class RetentionSettings:
    raw_days: int = 90
    quarantine_days: int = 90
    key_days: int = 90
    anonymized_days: int = 1095


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    key_dir: Path | None = None
    run: RunSettings = field(default_factory=RunSettings)
    detection: DetectionSettings = field(default_factory=DetectionSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def anonymized_dir(self) -> Path:
        return self.data_dir / "anonymized" / "messages"

    @property
    def keys_dir(self) -> Path:
        return self.key_dir or self.data_dir / "keys"

    def fingerprint(self) -> str:
        """Hash of everything that changes the output (paths excluded), recorded in each manifest."""
        payload = {"run": asdict(self.run), "detection": asdict(self.detection)}
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _section(cls: type, values: dict[str, Any], name: str) -> Any:
    known = {f.name for f in fields(cls)}
    unknown = set(values) - known
    if unknown:
        raise ConfigError(f"unknown key(s) in [{name}]: {', '.join(sorted(unknown))}")
    if "tenant_allow_lists" in values:
        values = {**values, "tenant_allow_lists": _tenant_allow_lists(values["tenant_allow_lists"])}
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def _tenant_allow_lists(table: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """[detection.tenant_allow_lists]: tenant_id = ["term", …], checked here so a typo fails the run early."""
    if not isinstance(table, dict) or not all(
            isinstance(terms, list) and all(isinstance(t, str) and t.strip() for t in terms) for terms in table.values()):
        raise ConfigError("[detection.tenant_allow_lists] must map each tenant_id to a list of non-empty strings")
    return tuple((tenant, tuple(terms)) for tenant, terms in sorted(table.items()))


def load_settings(config: Path | None = None, data_dir: Path | None = None) -> Settings:
    """Settings from `config` (or $TOKUMEI_CONFIG, or config/tokumei.toml if present), then overrides:
    `data_dir` argument, else $TOKUMEI_DATA_DIR."""
    path = config or (Path(os.environ["TOKUMEI_CONFIG"]) if os.environ.get("TOKUMEI_CONFIG") else None)
    raw: dict[str, Any] = {}
    if path is not None or DEFAULT_CONFIG.exists():
        path = path or DEFAULT_CONFIG
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"configuration file not found: {path}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"configuration file {path} is not valid TOML: {e}") from None
    sections = {"run": RunSettings, "detection": DetectionSettings, "retention": RetentionSettings}
    unknown = set(raw) - set(sections) - {"data_dir", "key_dir"}
    if unknown:
        raise ConfigError(f"unknown key(s) in configuration: {', '.join(sorted(unknown))}")
    settings = Settings(
        data_dir=Path(raw.get("data_dir", "data")),
        key_dir=Path(raw["key_dir"]) if raw.get("key_dir") else None,
        **{name: _section(cls, raw.get(name, {}), name) for name, cls in sections.items()},
    )
    override = data_dir or (Path(os.environ["TOKUMEI_DATA_DIR"]) if os.environ.get("TOKUMEI_DATA_DIR") else None)
    return replace(settings, data_dir=override) if override else settings
