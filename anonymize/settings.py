"""The engine's part of tokumei's one configuration object (flows.settings.Settings holds it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DetectionSettings:
    """How text is analysed. Defaults are the measured ones (see README, "Detection quality")."""

    model: str = "ja_ginza"
    score_threshold: float = 0.4
    # The tenant's own brand and product names: never redacted (not personal data).
    allow_list: tuple[str, ...] = ("minarai", "ミナライ", "CS-Chat", "minarai CS-Chat")
    batch_size: int = 128
    # Worker processes for large batches (tok2vec and NER use one core each); 1 = analyse in-process.
    n_process: int = 1
    # Distinct texts remembered across batches (bot templates repeat all day).
    cache_size: int = 20000
    # GiNZA components that detection does not use; excluding them only saves time.
    exclude_components: tuple[str, ...] = field(
        default=("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")
    )
