"""Cross-validated person and company recall of the whole detector on the Stockmark development half.

The shipped names head (anonymize/models/names_ner) is trained on all of this half, so `tokumei eval` on
it measures text the head has seen. This script gives the honest figure: for each of 5 folds (split by
article, as the held-out half is), it trains a head on the other 4 folds, runs the full detector with
that head on the left-out fold, and scores all folds together with the same rule as `tokumei eval`.
Prints figures only. About 15 minutes a fold on one core; --jobs 2 trains two folds at once.

    .venv/bin/python tests/bench/names_cv.py --jobs 2 --keep /tmp/names-cv
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT))

from anonymize import Anonymizer, DetectionSettings  # noqa: E402
from anonymize.models.train_names import DEFAULT_DATA, fold_of  # noqa: E402
from flows import evaluation as ev  # noqa: E402

FOLDS = 5


def train(fold: int, out: Path, epochs: int, augment: int) -> None:
    """A head trained without `fold`, unless `out` already holds one (--keep reuses earlier runs)."""
    if (out / "model").exists():
        return
    subprocess.run([sys.executable, "-m", "anonymize.models.train_names", "--holdout-fold", str(fold),
                    "--epochs", str(epochs), "--augment", str(augment), "--out", str(out)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--augment", type=int, default=2, help="as the shipped head was trained")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="keep the fold heads here (and reuse them)")
    parser.add_argument("--folds", type=int, nargs="*", default=list(range(FOLDS)))
    args = parser.parse_args()

    records = ev.load_stockmark(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        heads = {k: (args.keep or Path(tmp)) / f"fold{k}" for k in args.folds}
        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(lambda k: train(k, heads[k], args.epochs, args.augment), args.folds))
        scored, predictions = [], []
        for k in args.folds:
            fold = [r for r in records if fold_of(r["id"]) == k]
            redact = ev.redact_with(Anonymizer(DetectionSettings(names_model=str(heads[k]))))
            scored += fold
            predictions += redact([r["text"] for r in fold], [None] * len(fold))
            part = ev.score(fold, predictions[-len(fold):], f"fold {k}")
            print(f"fold {k}: PERSON {part.per_type['PERSON'].recall:.1%}, "
                  f"ORGANIZATION {part.per_type['ORGANIZATION'].recall:.1%}", flush=True)
    print(ev.format_report(ev.score(scored, predictions, f"Stockmark dev, {len(args.folds)}-fold cross-validated")))


if __name__ == "__main__":
    main()
