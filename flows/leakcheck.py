"""The check before publishing: an independent, deliberately paranoid scan of the anonymized rows.

It shares no code with the engine on purpose (its own normalization, its own patterns): a bug in a
recognizer must not hide itself here. Findings are reported by type and count, never by value.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
URL_QUERY = re.compile(r"https?://[^\s?#]*[?#](?!<URL_QUERY>)\S")
# 10+ digits in a run that may be grouped by single separators (phones, cards, My Number, licences);
# not the tail of a letter code (ORD-20261123-0042).
DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z]-)\d(?:[ \-()]?\d){9,}(?![0-9])")
IPV4 = re.compile(r"(?<![0-9.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9.]|/\d)")
PASSPORT = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{7}(?![0-9])")
TOKEN = re.compile(r"[A-Za-z0-9_\-.:@+]{6,}")


def scan_text(text: str, identifiers: set[str], shapes: bool = True) -> Counter[str]:
    """What looks like personal data in one anonymized string. `shapes=False` checks raw identifiers
    only (for pseudonym columns: random hex has digit runs by chance)."""
    folded = unicodedata.normalize("NFKC", text)
    found: Counter[str] = Counter()
    for name, pattern in () if not shapes else (("email", EMAIL), ("url_query", URL_QUERY), ("digit_run", DIGIT_RUN),
                          ("ipv4", IPV4), ("passport_like", PASSPORT)):
        n = len(pattern.findall(folded))
        if n:
            found[name] += n
    if identifiers:
        for token in TOKEN.findall(folded):
            parts = {token, *re.split(r"[\-_.:@/+]", token)}
            if any(p in identifiers for p in parts):
                found["raw_identifier"] += 1
    return found


def scan_values(values: Iterable[str | None], identifiers: set[str], shapes: bool = True) -> Counter[str]:
    found: Counter[str] = Counter()
    for value in values:
        if value:
            found.update(scan_text(value, identifiers, shapes))
    return found


def scan_parquet(path: Path, identifiers: set[str]) -> Counter[str]:
    """Scan every string column of a written Parquet file, read back from disk."""
    found: Counter[str] = Counter()
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=4096):
        for column, field in zip(batch.columns, batch.schema, strict=True):
            if pa.types.is_string(field.type):
                shapes = not field.name.endswith("_key")  # HMAC pseudonyms: identifier check only
                found.update(scan_values(column.to_pylist(), identifiers, shapes))
            elif pa.types.is_list(field.type):
                found.update(scan_values((v for row in column.to_pylist() for v in row or []), identifiers))
    return found
