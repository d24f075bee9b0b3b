"""GiNZA's NER decoded greedily in batched numpy: the same model, the same arithmetic, the same entities.

spaCy 3.8's compiled greedy decoder checks every move's validity at every token, and each check on a
state re-takes the GIL (`StateC::B` under `Begin.is_valid`, seen in a gdb backtrace). ja_ginza's NER has
758 moves, so it spent about 6 s of every 1,000 messages taking and dropping the lock, more than tok2vec.
Here the BILUO validity rules of `spacy/pipeline/_parser_internals/ner.pyx`, for documents without preset
entities, are applied to all moves and all documents of a batch at once.

The arithmetic is the compiled path's: `precompute_hiddens` sums the state features and applies the
maxout, and BLIS multiplies hidden to output, so the scores and the argmax are bit for bit the same
(tests/test_greedy_ner.py compares the entities with spaCy's own decoder). A batch with preset entities,
or a model other than the three-feature NER, goes to spaCy's decoder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from blis.py import gemm
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

_BEGIN, _IN, _LAST, _UNIT, _OUT = "BILUO"


class GreedyNer:
    """Sets doc.ents with the NER component `source`, which stays in the pipeline disabled (its weights
    and tok2vec listener are used as they are)."""

    def __init__(self, nlp: Language, source: str) -> None:
        self.ner: EntityRecognizer = nlp.get_pipe(source)
        names = [self.ner.moves.get_class_name(i) for i in range(self.ner.moves.n_moves)]
        kinds = np.array([n[0] for n in names])
        labels = [n[2:] for n in names]
        # Move i's label as an index into the label list; -1 for O and for the blocked U- (label 0).
        self.label_names = sorted({label for label in labels if label})
        index = {label: i for i, label in enumerate(self.label_names)}
        self.move_label = np.array([index.get(label, -1) for label in labels])
        self.begin, self.inside, self.last, self.unit = (
            (kinds == kind) & (self.move_label >= 0) for kind in (_BEGIN, _IN, _LAST, _UNIT))
        self.out = kinds == _OUT

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            preset = any(doc.to_array([ENT_IOB]).any() for doc in batch) or not any(len(d) for d in batch)
            if preset or not self._decode(batch):  # spaCy's own rules for what these do not cover
                self.ner.set_annotations(batch, self.ner.predict(batch))
            yield from batch

    def _decode(self, docs: list[Doc]) -> bool:
        """Set the entities of `docs`; False, leaving them untouched, for a model of another shape."""
        step = self.ner.model.predict(docs)
        if step.vec2scores is None or step.state2vec.nF != 3:
            step.clear_memory()
            return False
        weights, bias = step.vec2scores.get_param("W"), step.vec2scores.get_param("b")
        unseen = step._class_mask == 0
        lengths = np.array([len(d) for d in docs])
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        # Per token of the batch, flattened: whitespace (no entity starts there) and sentence starts.
        is_space = np.concatenate([d.to_array([IS_SPACE]).reshape(-1) for d in docs] + [[0]]).astype(bool)
        sent_start = np.concatenate([d.to_array([SENT_START]).reshape(-1) for d in docs] + [[0]]) == 1
        pos = np.zeros(len(docs), dtype=np.int64)
        open_start = np.full(len(docs), -1)
        open_label = np.full(len(docs), -1)
        ents: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        while (active := np.flatnonzero(pos < lengths)).size:
            b0, start, label = pos[active], open_start[active], open_label[active]
            token = offsets[active] + b0
            is_open = start >= 0
            ids = np.stack([token, np.where(is_open, offsets[active] + start, -1), np.where(is_open, token - 1, -1)],
                           axis=1).astype(np.int32)
            scores = gemm(step.state2vec.predict(ids), weights, trans2=True)
            scores += bias
            if unseen.any():
                scores[:, unseen] = scores.min()
            room = (lengths[active] - b0 >= 2)[:, None]  # B and I need a next token
            next_starts = (room[:, 0] & sent_start[token + 1])[:, None]
            space = is_space[token][:, None]
            closed = ~is_open[:, None]
            same_label = self.move_label[None, :] == label[:, None]
            valid = ((self.begin & closed & room & ~next_starts & ~space)
                     | (self.inside & ~closed & room & same_label & ~next_starts)
                     | (self.last & ~closed & same_label)
                     | (self.unit & closed & ~space)
                     | (self.out & closed))
            guess = np.where(valid, scores, -np.inf).argmax(axis=1)
            for i, doc_i, move, found in zip(active, b0, guess, valid.any(axis=1), strict=True):
                if not found:  # spaCy forces such a state to its end
                    pos[i] = lengths[i]
                    continue
                if self.begin[move]:
                    open_start[i], open_label[i] = doc_i, self.move_label[move]
                elif self.last[move]:
                    ents[i].append((int(open_start[i]), int(doc_i) + 1, int(open_label[i])))
                    open_start[i] = open_label[i] = -1
                elif self.unit[move]:
                    ents[i].append((int(doc_i), int(doc_i) + 1, int(self.move_label[move])))
                pos[i] += 1
        step.clear_memory()
        for doc, found in zip(docs, ents, strict=True):
            doc.set_ents([Span(doc, s, e, label=self.label_names[lab]) for s, e, lab in found], default="outside")
        return True


@Language.factory("tokumei_greedy_ner", default_config={"source": "ner"})
def make_greedy_ner(nlp: Language, name: str, source: str) -> GreedyNer:
    return GreedyNer(nlp, source)


def use_greedy_ner(nlp: Language, source: str = "ner") -> None:
    """Decode `source` with GreedyNer, named `<source>_greedy`: added right after it, and `source` disabled."""
    nlp.add_pipe("tokumei_greedy_ner", name=f"{source}_greedy", after=source, config={"source": source})
    nlp.disable_pipe(source)
