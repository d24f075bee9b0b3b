"""What the dictionaries know about a word, for signals that must tell a name from a common noun.

GiNZA's tokens carry Sudachi's part of speech but not whether the word was in the dictionary at all: an
unknown katakana word (ナーセル) and a dictionary noun (ドライヤー) are both 名詞-普通名詞-一般. Unknown
words in chat are mostly names; dictionary common nouns almost never are.
"""

from __future__ import annotations

import functools

import fugashi
import ipadic
from sudachipy import Dictionary, SplitMode
from sudachipy import Tokenizer as SudachiTokenizer


@functools.cache
def _sudachi() -> SudachiTokenizer:
    return Dictionary(dict="core").create(mode=SplitMode.C)


def has_unknown_word(text: str) -> bool:
    """True when Sudachi does not know some word of `text`."""
    return any(m.is_oov() for m in _sudachi().tokenize(text))


def is_common_noun_phrase(text: str) -> bool:
    """True when every word of `text` is a dictionary word and none is a proper noun (宅配ボックス,
    ミントグリーン), as opposed to names (ジェームズ・レヴァイン, ドン・キホーテ is a proper noun)."""
    words = [m for m in _sudachi().tokenize(text) if m.surface() not in ("・", "=", " ")]
    return bool(words) and not any(m.is_oov() or m.part_of_speech()[1] == "固有名詞" for m in words)


def has_person_name_word(text: str) -> bool:
    """True when Sudachi, reading `text` on its own, takes some word of it for a name (ビリー・バーク,
    イーゴリ・アンドレエフ), whatever the sentence around it made of it."""
    return any(m.part_of_speech()[:3] == ("名詞", "固有名詞", "人名") for m in _sudachi().tokenize(text))


@functools.cache
def _ipadic() -> fugashi.GenericTagger:
    return fugashi.GenericTagger(ipadic.MECAB_ARGS)


def known_organizations(text: str) -> list[tuple[int, int]]:
    """Spans of words that IPAdic lists as organisations (名詞-固有名詞-組織: 帝人, 味の素, アコム), a
    gazetteer of about 16,000 Japanese companies, schools and bodies that Sudachi has no class for.
    Words IPAdic merely guesses (any unknown Latin word is 組織 to it) and words Sudachi knows as common
    nouns (マイページ) are left out."""
    spans, pos = [], 0
    for word in _ipadic()(text):
        start = text.find(word.surface, pos)
        if start < 0:
            continue
        pos = start + len(word.surface)
        if (not word.is_unk and word.feature[1] == "固有名詞" and word.feature[2] == "組織"
                and not is_common_noun_phrase(word.surface)):
            spans.append((start, pos))
    return spans
