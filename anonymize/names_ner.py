"""The names NER head as spaCy pipeline components: a second `ner` that reads ja_ginza's own tok2vec.

ja_ginza's NER sets `doc.ents` with its Extended Named Entity labels, which the recognizers use. The
head (trained by `anonymize/models/train_names.py` on encyclopedic text) would overwrite them, so its
results go to `doc.spans["names"]` instead:

    ner → tokumei_stash_ents → tokumei_names_from_beam → names_ner → tokumei_names_to_spans

(At load time the engine disables both `ner` components and runs a `<name>_greedy` decoder of the same
model after each, anonymize/greedy_ner.py; the beam still uses `names_ner` itself.)

The head's greedy parse gives the names; a beam over the same head adds those that other likely parses
agree on (a twentieth of the beam's probability, summed), held to stricter evidence. A leak costs more than a
redacted word, and the greedy parse alone missed one company in five. (The beam's best parse in place of
the greedy one finds as much on encyclopedic text but changes twice as many clean chat messages.) The head
listens to the shared tok2vec, so it costs transition parsing, not a second encoder.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from anonymize.lexicon import COMMON_ACRONYMS, HIRAGANA_WORD, KATAKANA_WORD, has_unknown_word

NAMES_NER_DIR = Path(__file__).parent / "models" / "names_ner"
NAMES_KEY = "names"
# Names only the beam found: weaker evidence, so recognizers score them lower.
MORE_NAMES_KEY = "names_more"
NAMES_META_KEY = "tokumei_names_ner"
_GINZA_KEY = "ginza_ents"
ARCHITECTURE_FILE = "architecture.json"
_LATIN_WORD_IN = re.compile(r"[A-Za-z]+")
_LATIN_SPAN = re.compile(r"[A-Za-z0-9 .&'-]+")
# The same architecture as ja_ginza's `ner`, so the head can start from its weights.
NER_CONFIG = {"model": {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 256, "upstream": "tok2vec"},
}}


@Language.component("tokumei_stash_ents")
def stash_ents(doc: Doc) -> Doc:
    """Keep GiNZA's entities aside and leave every token unannotated (not "O"), so that the head is not
    constrained by them."""
    doc.spans[_GINZA_KEY] = list(doc.ents)
    doc.set_ents([], default="missing")
    return doc


@Language.component("tokumei_names_to_spans")
def names_to_spans(doc: Doc) -> Doc:
    """Move the head's entities that the dictionary backs to doc.spans["names"], keep the beam's names only
    where the greedy parse did not find the same span, and put GiNZA's entities back."""
    doc.spans[NAMES_KEY] = [s for s in doc.ents if is_backed(s)]
    taken = {(n.start, n.end) for n in doc.spans[NAMES_KEY]}
    doc.spans[MORE_NAMES_KEY] = [n for n in doc.spans[MORE_NAMES_KEY] if (n.start, n.end) not in taken]
    doc.ents = list(doc.spans[_GINZA_KEY])
    del doc.spans[_GINZA_KEY]
    return doc


BEAM_WIDTH = 8
# A span in parses holding at least this share of the beam's probability is a name candidate (0.02, or a
# beam of 16 or 32, find no more than 0.5 points on Stockmark and cost time).
MIN_SHARE = 0.05


class NamesFromBeam:
    """Put in doc.spans["names_more"] the persons and companies that the head's other likely parses agree on
    (MIN_SHARE of the beam), when the dictionary backs them and they look like names (`_likely_name`)."""

    def __init__(self, nlp: spacy.Language, head: str) -> None:
        self.nlp, self.head = nlp, head

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Runs after tokumei_stash_ents, on unannotated tokens, as the greedy parse after it does."""
        head = self.nlp.get_pipe(self.head)
        for batch in minibatch(docs, batch_size):
            for doc, beam in zip(batch, head.beam_parse(batch, beam_width=BEAM_WIDTH, beam_density=0.0001),
                                 strict=True):
                share: dict[tuple[int, int, str], float] = {}
                for prob, parse in head.moves.get_beam_parses(beam):
                    for ent in parse:
                        share[ent] = share.get(ent, 0.0) + prob
                doc.spans[MORE_NAMES_KEY] = [
                    n for (s, e, label), p in share.items() if p >= MIN_SHARE and label in ("Person", "Company")
                    and is_backed(n := Span(doc, s, e, label=label)) and _likely_name(n)]
                yield doc


@Language.factory("tokumei_names_from_beam", default_config={"head": "names_ner"})
def make_names_from_beam(nlp: spacy.Language, name: str, head: str) -> NamesFromBeam:
    return NamesFromBeam(nlp, head)


# Parts of speech a name's words have: nouns and name suffixes (社, 店), not numerals or adverb-like nouns
# (一度, 七五三), and ・ or & between them.
_NOT_NAME_NOUNS = ("名詞-数詞", "名詞-普通名詞-副詞可能")


# Words that label a name in a form rather than start one (名義 ﾜﾀﾅﾍﾞ ｱｵｲ, 氏名 山田花子).
_LABEL_WORDS = frozenset("名義 名義人 名前 お名前 氏名 宛名 担当 担当者 契約者 申込者 予約者 フリガナ カナ".split())


def _likely_name(span: Span) -> bool:
    """A name only some parses find needs more than `is_backed`: nothing but nouns in it, at most 25
    characters, no label first (名義), and, for a company, a proper noun that is not a place, a katakana
    word Sudachi does not know, or a capitalised Latin word; not a list or a shop branch (梅田店・難波店)."""
    if len(span.text) > 25 or not all(
            (t.tag_.startswith(("名詞", "接尾辞-名詞的")) and t.tag_ not in _NOT_NAME_NOUNS) or t.tag_ == "補助記号-一般"
            for t in span):
        return False
    if span[0].text in _LABEL_WORDS:
        return False
    if span.label_ == "Person":
        return True
    if span[-1].text in ("店", "・"):
        return False
    return any((t.tag_.startswith("名詞-固有名詞") and not t.tag_.startswith("名詞-固有名詞-地名"))
               or (t.is_oov and len(t.text) >= 3 and KATAKANA_WORD.fullmatch(t.text))
               or (len(t.text) > 1 and t.text.isascii() and t.text[0].isupper() and t.text.upper() not in COMMON_ACRONYMS)
               for t in span)


def is_backed(span: Span) -> bool:
    """A span the dictionary does not contradict: a token tagged 名詞-固有名詞, a word Sudachi does not know
    (ナーセル) of two or more characters unless all hiragana (みんとぐりーん), or a capitalised Latin word.
    Encyclopedic training makes the head see names in common chat nouns (吸引力, チャット, ドライヤー), which the dictionary
    knows are not proper nouns. A capitalised Latin word counts unless it is a technical acronym (VPN,
    PDF, SIM): Sudachi lists company acronyms (DDI, IETF) as common nouns too, so it cannot tell them apart."""
    if any(t.tag_.startswith("名詞-固有名詞") for t in span):
        return True
    if span.label_ == "Company" and _katakana_compound_name(span):
        return True
    latin = _LATIN_WORD_IN.findall(span.text)
    if any(len(w) > 1 and w[0].isupper() for w in latin):
        return not all(w.upper() in COMMON_ACRONYMS or len(w) == 1 for w in latin)
    if latin and _LATIN_SPAN.fullmatch(span.text):
        return False  # eKYC, iOS: a Latin name starts with a capital
    return not HIRAGANA_WORD.fullmatch(span.text) and has_unknown_word(span.text, min_chars=2)  # not 公式X


# Last words of katakana compounds that name things in an app or a shop, not a company.
_THING_TAILS = frozenset("カード フォルダ フォルダー リスト モデル ボックス ケース セット プラン コース メニュー アプリ "
                         "ページ ボタン メール ポイント キャンペーン クーポン チケット ファイル データ エラー コード "
                         "パスワード アカウント サイズ カラー タイプ バージョン アップデート ケーブル バッテリー".split())


def _katakana_compound_name(span: Span) -> bool:
    """A company name the dictionary spells as two or more katakana words (ジェットエアウェイズ, デジタル・ガレージ,
    ユニスター・ニュークリア・エナジー) or one after a legal form; not a compound for a thing
    (プリペイド・デビットカード)."""
    words = [t for t in span if t.text != "・"]
    if any(t.text in ("株式会社", "有限会社", "合同会社") for t in span):
        return True
    return (len(words) >= 2 and all(KATAKANA_WORD.fullmatch(t.text) for t in words)
            and words[-1].text not in _THING_TAILS)


def head_config(weights: Path) -> dict:
    """The head's architecture, as written beside its weights by the training script."""
    return json.loads((weights / ARCHITECTURE_FILE).read_text(encoding="utf-8"))


def add_names_ner(nlp: spacy.Language, weights: Path = NAMES_NER_DIR) -> None:
    """Add the trained head after GiNZA's `ner` (which must be in the pipeline); the digest of its weights
    goes into nlp.meta, so that manifests say which head anonymized a day."""
    nlp.add_pipe("tokumei_stash_ents", after="ner")
    head = nlp.add_pipe("ner", name="names_ner", config=head_config(weights), after="tokumei_stash_ents")
    head.from_disk(weights, exclude=["vocab"])
    nlp.add_pipe("tokumei_names_from_beam", after="tokumei_stash_ents")
    nlp.add_pipe("tokumei_names_to_spans", after="names_ner")
    nlp.meta[NAMES_META_KEY] = hashlib.sha256((weights / "model").read_bytes()).hexdigest()[:12]
