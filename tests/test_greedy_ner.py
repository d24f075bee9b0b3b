"""GreedyNer finds exactly the entities spaCy's own greedy decoder finds, with the same model (GiNZA's NER
and the names head)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CHAT_SET = Path(__file__).parent / "chat_eval" / "chat_eval.jsonl"
STOCKMARK = Path(__file__).parents[2] / "shared" / "eval" / "stockmark_ner_dev.json"


@pytest.fixture(scope="module")
def nlp(anonymizer):
    return anonymizer.detector.nlp_engine.nlp["ja"]


def _with_tok2vec(nlp, texts, then=()):
    """Docs through tok2vec and the components named in `then` (the names head reads docs whose
    entities tokumei_stash_ents has unset)."""
    docs = list(nlp.get_pipe("tok2vec").pipe(nlp.make_doc(t) for t in texts))
    for name in then:
        docs = [nlp.get_pipe(name)(d) for d in docs]
    return docs


def _entities(docs):
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]


def test_ginza_ner_and_the_names_head_are_decoded_by_greedy_ner(nlp):
    assert nlp.pipe_names == ["tok2vec", "ner_greedy", "tokumei_stash_ents", "tokumei_names_from_beam",
                              "names_ner_greedy", "tokumei_names_to_spans"]
    assert {"ner", "names_ner"} <= set(nlp.disabled)


def test_same_entities_as_spacys_decoder(nlp):
    texts = [json.loads(line)["text"] for line in CHAT_SET.read_text(encoding="utf-8").splitlines()]
    if STOCKMARK.exists():
        texts += [r["text"] for r in json.loads(STOCKMARK.read_text(encoding="utf-8"))[:300]]
    texts += ["", " ", "。", "山田", "東京都\n\n大阪府", "  山田太郎  "]
    for source, before in (("ner", []), ("names_ner", ["tokumei_stash_ents"])):
        ner = nlp.get_pipe(source)
        theirs = _with_tok2vec(nlp, texts, before)
        ner.set_annotations(theirs, ner.predict(theirs))
        ours = list(nlp.get_pipe(f"{source}_greedy").pipe(_with_tok2vec(nlp, texts, before), batch_size=64))
        assert sum(map(len, _entities(theirs))) > 300  # the comparison covers many entities
        assert _entities(ours) == _entities(theirs)
        assert [[t.ent_iob_ for t in d] for d in ours] == [[t.ent_iob_ for t in d] for d in theirs]


def test_preset_entities_go_to_spacys_decoder(nlp):
    """A batch with entities already set (which GreedyNer's rules do not cover) keeps them, as spaCy does."""
    from spacy.tokens import Span

    doc = _with_tok2vec(nlp, ["田中さんが東京都に行った"])[0]
    doc.set_ents([Span(doc, 0, 1, label="Product_Other")], default="unmodified")
    out = next(nlp.get_pipe("ner_greedy").pipe([doc]))
    assert (0, 1, "Product_Other") in _entities([out])[0]
