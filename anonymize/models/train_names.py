"""Train the names NER head: a small spaCy `ner` that listens to ja_ginza's own (frozen) tok2vec.

ja_ginza's NER was trained on news and web text and finds about 70% of the people and far fewer of the
companies in encyclopedic Japanese. This head is trained on the Stockmark Wikipedia NER development half
(CC BY-SA 3.0, ../shared/eval) with all eight of its types, so that it also learns what is *not* a person
or a company (places, products, political bodies). Only its weights (~175 KB) are shipped; the 28 MB
tok2vec is ja_ginza's, unchanged, so the head adds a transition parser, not a second encoder.

    python -m anonymize.models.train_names --holdout-fold 0   # train on 4/5, report on the other 1/5 (~15 min)
    python -m anonymize.models.train_names                     # train on all of it, write names_ner/

The split is by article (curid), as the held-out half of the dataset is.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import itertools
import json
import random
from pathlib import Path

import spacy
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch

from anonymize.names_ner import ARCHITECTURE_FILE, NER_CONFIG

HERE = Path(__file__).parent
DEFAULT_DATA = HERE.parents[1] / ".." / "shared" / "eval" / "stockmark_ner_dev.json"
# Stockmark types under the Extended Named Entity labels ja_ginza's own NER uses, so that the head can start
# from ja_ginza's NER weights (which already know Person and Company from news text).
LABELS = {"人名": "Person", "法人名": "Company", "政治的組織名": "Political_Organization_Other",
          "その他の組織名": "Organization_Other", "地名": "GPE_Other", "施設名": "Facility_Other",
          "製品名": "Product_Other", "イベント名": "Event_Other"}
KEEP = ("tok2vec", "ner")
SWAPPED = ("人名", "法人名")


def fold_of(curid: str, folds: int = 5) -> int:
    return int(hashlib.sha256(curid.encode()).hexdigest(), 16) % folds


def reference_doc(doc: Doc, entities: list[dict]) -> Doc:
    """A copy of `doc` carrying the gold entities, widened to token boundaries; overlaps keep the first."""
    ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    spans, taken = [], set()
    for e in sorted(entities, key=lambda e: (e["span"][0], -e["span"][1])):
        span = ref.char_span(e["span"][0], e["span"][1], label=LABELS[e["type"]], alignment_mode="expand")
        if span is None or taken & set(range(span.start, span.end)):
            continue
        taken |= set(range(span.start, span.end))
        spans.append(span)
    ref.ents = spans
    return ref


def augment(records: list[dict], copies: int, rng: random.Random) -> list[dict]:
    """`copies` variants of every sentence naming a person or company, with those names swapped for others
    of the same type from the training folds: the head learns the context that makes a name, not the
    names it happened to see."""
    pools: dict[str, list[str]] = {}
    for r in records:
        for e in r["entities"]:
            if e["type"] in SWAPPED:
                pools.setdefault(e["type"], []).append(e["name"])
    out = []
    for _ in range(copies):
        for r in records:
            if not any(e["type"] in SWAPPED for e in r["entities"]):
                continue
            ents = sorted(r["entities"], key=lambda e: e["span"][0])
            if any(a["span"][1] > b["span"][0] for a, b in itertools.pairwise(ents)):
                continue  # nested entities: keep the sentence as it is
            text, shift, new = r["text"], 0, []
            for e in ents:
                start, end = e["span"][0] + shift, e["span"][1] + shift
                name = rng.choice(pools[e["type"]]) if e["type"] in SWAPPED else text[start:end]
                text = text[:start] + name + text[end:]
                shift += len(name) - (end - start)
                new.append({**e, "name": name, "span": [start, start + len(name)]})
            out.append({**r, "text": text, "entities": new})
    return out


def keep_only_trained_labels(nlp: spacy.Language, ner: EntityRecognizer, sample: list[Example]) -> EntityRecognizer:
    """A copy of `ner` that knows only the eight labels it was trained on: the hidden layers as they are,
    the output rows of the kept moves. Started from ja_ginza's NER, the head has 189 labels (758 moves),
    and scoring them all costs as much as all of ja_ginza's NER; it never predicts the others anyway."""
    pruned = nlp.add_pipe("ner", name="names_pruned", config=NER_CONFIG)
    for label in LABELS.values():
        pruned.add_label(label)
    pruned.initialize(lambda: sample, nlp=nlp)
    old_nodes = [n for n in ner.model.walk() if n.param_names]
    new_nodes = [n for n in pruned.model.walk() if n.param_names]
    old_moves = {ner.moves.get_class_name(i): i for i in range(ner.moves.n_moves)}
    rows = [old_moves[pruned.moves.get_class_name(i)] for i in range(pruned.moves.n_moves)]
    for old, new in zip(old_nodes, new_nodes, strict=True):
        for name in old.param_names:
            value = old.get_param(name)
            if value.shape != new.get_param(name).shape:  # the output layer: one row per move
                value = value[rows]
            new.set_param(name, value.copy())
    nlp.remove_pipe(ner.name)
    nlp.rename_pipe("names_pruned", ner.name)
    return pruned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--holdout-fold", type=int, default=None, help="leave this fold (0-4) out and score it")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=HERE / "names_ner")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fresh", action="store_true", help="start from random weights, not ja_ginza's NER")
    parser.add_argument("--augment", type=int, default=2, help="name-swapped copies of each training sentence")
    parser.add_argument("--width", type=int, default=64, help="hidden width of a --fresh head")
    parser.add_argument("--maxout", type=int, default=2, help="maxout pieces of a --fresh head")
    args = parser.parse_args()

    spacy.util.fix_random_seed(args.seed)
    records = json.loads(args.data.read_text(encoding="utf-8"))
    train = [r for r in records if fold_of(r["curid"]) != args.holdout_fold]
    test = [r for r in records if fold_of(r["curid"]) == args.holdout_fold]

    pipeline = spacy.util.load_meta(spacy.util.get_package_path("ja_ginza") / "meta.json")["pipeline"]
    nlp = spacy.load("ja_ginza", exclude=[n for n in pipeline if n not in KEEP])
    config = copy.deepcopy(NER_CONFIG)
    if args.fresh:
        config["model"].update(hidden_width=args.width, maxout_pieces=args.maxout)
        nlp.remove_pipe("ner")
        ner = nlp.add_pipe("ner", name="names_ner", config=config)
    else:
        nlp.rename_pipe("ner", "names_ner")
        ner = nlp.get_pipe("names_ner")
    # The tok2vec is frozen: its output is computed once and read from doc.tensor by the listener.
    rng = random.Random(args.seed)
    train += augment(train, args.augment, rng)
    docs = list(nlp.pipe((r["text"] for r in train), disable=["names_ner"], batch_size=64))
    examples = [Example(doc, reference_doc(doc, r["entities"])) for doc, r in zip(docs, train, strict=True)]
    if args.fresh:
        ner.initialize(lambda: examples, nlp=nlp)
    optimizer = ner.create_optimizer()
    for epoch in range(args.epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            ner.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses['names_ner']:.1f}", flush=True)
    if not args.fresh:
        ner = keep_only_trained_labels(nlp, ner, examples[:64])
    if test:
        report(nlp, test)
    args.out.mkdir(parents=True, exist_ok=True)
    ner.to_disk(args.out, exclude=["vocab"])
    (args.out / ARCHITECTURE_FILE).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def report(nlp: spacy.Language, test: list[dict]) -> None:
    """Recall per Stockmark type on the left-out fold: every non-space character covered by a prediction
    of the right label (Person for 人名, Company for 法人名), the same rule as `tokumei eval`."""
    hit: dict[str, int] = {}
    total: dict[str, int] = {}
    for doc, r in zip(nlp.pipe(r["text"] for r in test), test, strict=True):
        for e in r["entities"]:
            label = LABELS[e["type"]]
            covered = {i for ent in doc.ents if ent.label_ == label for i in range(ent.start_char, ent.end_char)}
            chars = [i for i in range(*e["span"]) if not r["text"][i].isspace()]
            total[label] = total.get(label, 0) + 1
            hit[label] = hit.get(label, 0) + all(i in covered for i in chars)
    for label in LABELS.values():
        if total.get(label):
            print(f"  {label:<14} {total[label]:>5} recall {hit[label] / total[label]:.1%}")


if __name__ == "__main__":
    main()
