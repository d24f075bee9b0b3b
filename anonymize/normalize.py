"""Length-preserving text normalization, so offsets found on the normalized text are valid on the input.

Recognizers see ASCII digits, letters and '-' where the user typed full-width forms or one of the many
Unicode dashes; every mapping is one character to one character (NFKC is not: it changes lengths).
"""

from __future__ import annotations

import re

_DASHES = "‐‑‒–—―−－﹣⁃"
_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII block
_TABLE.update({ord(c): ord("-") for c in _DASHES})
_TABLE[0x3000] = ord(" ")  # ideographic space
_TABLE[ord("〜")] = ord("~")
# The katakana prolonged sound mark doubles as a dash between digits (０９０ー１２３４).
_CHOUON_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])[ーｰ](?=[0-9])")


def normalize(text: str) -> str:
    """Return `text` with full-width ASCII and dash variants folded; len(result) == len(text)."""
    folded = text.translate(_TABLE)
    return _CHOUON_BETWEEN_DIGITS.sub("-", folded)
