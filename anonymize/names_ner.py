"""The names NER head as spaCy pipeline components: a second `ner` that reads ja_ginza's own tok2vec.

ja_ginza's NER sets `doc.ents` with its Extended Named Entity labels, which the recognizers use. The
head (trained by `anonymize/models/train_names.py` on encyclopedic text) would overwrite them, so its
results go to `doc.spans["names"]` instead:

    ner → tokumei_stash_ents → names_ner → tokumei_names_to_spans

The head listens to the shared tok2vec, so it costs one transition parser, not a second encoder.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from anonymize.lexicon import COMMON_ACRONYMS, HIRAGANA_WORD, KATAKANA_WORD, has_unknown_word

NAMES_NER_DIR = Path(__file__).parent / "models" / "names_ner"
NAMES_KEY = "names"
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
    """Move the head's entities that the dictionary backs to doc.spans["names"] and put GiNZA's back."""
    doc.spans[NAMES_KEY] = [s for s in doc.ents if is_backed(s)]
    doc.ents = list(doc.spans[_GINZA_KEY])
    del doc.spans[_GINZA_KEY]
    return doc


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
    nlp.add_pipe("tokumei_names_to_spans", after="names_ner")
    nlp.meta[NAMES_META_KEY] = hashlib.sha256((weights / "model").read_bytes()).hexdigest()[:12]
