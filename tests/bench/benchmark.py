"""Throughput of `tokumei redact` beside the raw GiNZA pipeline, on the same texts, in one run.

Both sides are whole processes timed from start to exit (model loading included), fed the same texts:
- baseline: `spacy.load("ja_ginza")` + `nlp.pipe(texts, batch_size=128)`, every component on;
- tokumei: `tokumei redact --jsonl`, with 1 and with 2 analysis processes.

Texts come from a synthetic CS-Chat day (`flows.sample`): bot answers and greetings repeat, as in real
logs. `--unique` also runs a worst case where every text is distinct. Prints figures, never text.

    .venv/bin/python tests/bench/benchmark.py --messages 2000 --unique
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BASELINE = ("import json, sys, spacy\n"
            "texts = [json.loads(line)['text'] for line in sys.stdin]\n"
            "nlp = spacy.load('ja_ginza')\n"
            "for _ in nlp.pipe(texts, batch_size=128): pass\n")


def sample_texts(messages: int, seed: int) -> list[str]:
    from flows.sample import write_sample_day

    with tempfile.TemporaryDirectory() as tmp:
        write_sample_day(Path(tmp), date(2026, 11, 23), messages, seed)
        texts = []
        for path in sorted((Path(tmp) / "raw" / "dt=2026-11-23").iterdir()):
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8-sig", errors="replace") as f:
                for line in f:
                    try:
                        record = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(record, dict) and isinstance(record.get("text"), str) and len(record["text"]) < 2000:
                        texts.append(record["text"])
    return texts[:messages]


def timed(cmd: list[str], payload: bytes) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, input=payload, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--unique", action="store_true", help="also run with every text made distinct")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    python = sys.executable
    tokumei = str(Path(python).with_name("tokumei"))
    texts = sample_texts(args.messages, args.seed)
    conditions = {"sample day": texts}
    if args.unique:
        conditions["all distinct"] = [f"{i}件目: {t}" for i, t in enumerate(texts)]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        configs = {}
        for n in (1, 2):
            configs[n] = Path(tmp) / f"n{n}.toml"
            configs[n].write_text(f"[detection]\nn_process = {n}\n", encoding="utf-8")
        for condition, items in conditions.items():
            payload = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in items).encode()
            distinct = len(set(items))
            runs = [("raw GiNZA (spacy.load + nlp.pipe)", [python, "-c", BASELINE])]
            runs += [(f"tokumei redact, {n} process(es)", [tokumei, "redact", "--jsonl", "--config", str(c)])
                     for n, c in configs.items()]
            baseline = None
            for name, cmd in runs:
                seconds = timed(cmd, payload)
                rate = len(items) / seconds
                baseline = baseline or rate
                results.append({"condition": condition, "process": name, "messages": len(items),
                                "distinct": distinct, "seconds": round(seconds, 2), "messages_per_s": round(rate, 1),
                                "vs_baseline": round(rate / baseline, 2)})
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    print(f"{'condition':<13} {'process':<36} {'msgs':>6} {'distinct':>8} {'seconds':>8} {'msgs/s':>7} {'x base':>7}")
    for r in results:
        print(f"{r['condition']:<13} {r['process']:<36} {r['messages']:>6} {r['distinct']:>8} {r['seconds']:>8} "
              f"{r['messages_per_s']:>7} {r['vs_baseline']:>7}")


if __name__ == "__main__":
    main()
