"""Writing a partition so that a reader sees the old one or the new one, never half of one.

The new partition is written to a staging folder under <data_dir>/.staging (outside the anonymized
tree, because DuckDB's `**` glob descends into '_' and '.' folders too; same file system), then
exchanged with the live folder in one atomic renameat2(RENAME_EXCHANGE) call. Where the kernel lacks
it, two renames: a moment with no partition, never a half one. A lock file guards the swap.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MANIFEST = "_manifest.json"
DATA_FILE = "part-0.parquet"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class PartitionLocked(RuntimeError):
    """Another run is writing the same partition."""


def staging_root(target: Path) -> Path:
    """<data_dir>/.staging for a partition <data_dir>/anonymized/<table>/dt=D."""
    return target.parents[2] / ".staging"


def staging_dir(target: Path, run_id: str) -> Path:
    return staging_root(target) / f"{target.parent.name}-{target.name}-{run_id}"


@contextmanager
def partition_lock(target: Path) -> Iterator[None]:
    """Hold an exclusive, non-blocking lock for one partition (released when the process dies)."""
    root = staging_root(target)
    root.mkdir(parents=True, exist_ok=True)
    lock_path = root / f"lock-{target.parent.name}-{target.name}"
    with lock_path.open("a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PartitionLocked(f"another run is writing {target.name}") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


STALE_AFTER_SECONDS = 6 * 3600


def clean_stale_staging(target: Path) -> None:
    """Remove staging folders left by runs that crashed before their swap (old enough not to be a
    concurrent run's work in progress)."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    for stale in staging_root(target).glob(f"{target.parent.name}-{target.name}-*"):
        if stale.stat().st_mtime < cutoff:
            shutil.rmtree(stale, ignore_errors=True)


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def read_manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2). False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def swap_in(staged: Path, target: Path) -> None:
    """Make `staged` the live partition `target`; the previous partition is removed afterwards."""
    fsync_dir(staged)
    if not target.exists():
        os.rename(staged, target)
    elif _exchange(staged, target):
        shutil.rmtree(staged)  # now holds the previous partition
    else:
        old = staged.parent / f"old-{staged.name}"
        os.rename(target, old)
        os.rename(staged, target)
        shutil.rmtree(old)
    fsync_dir(target.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
