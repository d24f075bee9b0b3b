"""What the dictionaries know about a word, for signals that must tell a name from a common noun.

GiNZA's tokens carry Sudachi's part of speech but not whether the word was in the dictionary at all: an
unknown katakana word (ナーセル) and a dictionary noun (ドライヤー) are both 名詞-普通名詞-一般. Unknown
words in chat are mostly names; dictionary common nouns almost never are.
"""

from __future__ import annotations

import functools
import re

import fugashi
import ipadic
import jaconv
from sudachipy import Dictionary, SplitMode
from sudachipy import Tokenizer as SudachiTokenizer

# Acronyms of things, not of organisations, that chat is full of (VPNにつながらない, SIMを差し替え).
COMMON_ACRONYMS = frozenset(
    "SSID VPN PDF SIM ESIM USB OS IOS PC ID SMS QR ETC WI FI LAN WAN URL PIN OTP SNS GPS LED AI IT DX CPU GPU SSD HDD "
    "RAM ROM ATM FAQ API DM PW TV CD DVD HDMI NFC MNP LTE AR VR EC POS APP MAIL WEB BOX OK NG PR CM UI UX BGM "
    "MAX MIN NEW SALE FREE SET NAT APN DNS DHCP VOD ONU MVNO ESIM TOEIC TOEFL IELTS JLPT NISA ETF FX "
    "OCR CSV XML JSON HTML MT AT CVT AWD 4WD SUV EV HV PHV ABS IC AC DC DAC AMP HDR LCD OLED BT "
    "ISBN ISSN JAN EAN SKU V2H EMS".split())


# Words written wholly in one kana script (ー counts in both), for fullmatch.
HIRAGANA_WORD = re.compile(r"[ぁ-んー]+")
KATAKANA_WORD = re.compile(r"[ァ-ヴー]+")

# The same words and phrases come back all day (bot templates, product names): remember the answers.
_remembered = functools.lru_cache(maxsize=65536)


@functools.cache
def _sudachi_dictionary() -> Dictionary:
    return Dictionary(dict="core")


@functools.cache
def _sudachi() -> SudachiTokenizer:
    return _sudachi_dictionary().create(mode=SplitMode.C)


@_remembered
def has_unknown_word(text: str, min_chars: int = 1) -> bool:
    """True when Sudachi does not know some word of `text` (of at least `min_chars` characters)."""
    return any(m.is_oov() and len(m.surface()) >= min_chars for m in _sudachi().tokenize(text))


def _one_known_word_pos(text: str) -> tuple[str, ...] | None:
    """The part of speech of `text` when Sudachi has all of it as one dictionary word, else None."""
    words = list(_sudachi().tokenize(text))
    return tuple(words[0].part_of_speech()) if len(words) == 1 and not words[0].is_oov() else None


@_remembered
def is_one_common_noun(text: str) -> bool:
    """True when Sudachi has all of `text` as one common noun (市役所, 動物病院, 軽自動車)."""
    pos = _one_known_word_pos(text)
    return pos is not None and pos[:2] == ("名詞", "普通名詞")


@_remembered
def is_one_known_word(text: str) -> bool:
    """True when Sudachi has all of `text` as one dictionary word that is not a person's name: a title or
    brand written with ・ (スター・ウォーズ, ドン・キホーテ), not ジョン・スミス."""
    pos = _one_known_word_pos(text)
    return pos is not None and pos[2] != "人名"


@_remembered
def is_common_noun_phrase(text: str) -> bool:
    """True when every word of `text` is a dictionary word and none is a proper noun (宅配ボックス,
    ミントグリーン), as opposed to names (ジェームズ・レヴァイン, ドン・キホーテ is a proper noun)."""
    words = [m for m in _sudachi().tokenize(text) if m.surface() not in ("・", "=", " ")]
    return bool(words) and not any(m.is_oov() or m.part_of_speech()[1] == "固有名詞" for m in words)


@_remembered
def only_common_noun(text: str) -> bool:
    """True when every dictionary entry for exactly `text` is a common noun, none a proper noun: パスポート,
    人気, 新人 are never names, whatever an honorific or a label beside them suggests (翼, ホワイト, 大和 have
    a name entry too). Words the dictionary does not know (スミスマシン) are not said to be."""
    entries = _sudachi_dictionary().lookup(text)
    return bool(entries) and all(tuple(m.part_of_speech()[:2]) == ("名詞", "普通名詞") for m in entries)


@_remembered
def has_proper_noun(text: str) -> bool:
    """True when Sudachi, reading `text` on its own, finds a proper noun in it (大和, 梅田, 博多)."""
    return any(m.part_of_speech()[1] == "固有名詞" for m in _sudachi().tokenize(text))


@_remembered
def has_inflecting_word(text: str) -> bool:
    """True when Sudachi, reading `text` on its own, finds a verb or an adjective in it (いう|こ, ため|し)."""
    return any(m.part_of_speech()[0] in ("動詞", "形容詞") for m in _sudachi().tokenize(text))


@_remembered
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


ROMAJI_PLACE_WORDS = frozenset(
    "TOKYO OSAKA KYOTO NAGOYA SAPPORO FUKUOKA KOBE YOKOHAMA SENDAI HIROSHIMA OKINAWA NARA HAKONE NIKKO "
    "SHIBUYA SHINJUKU GINZA AKIHABARA UMEDA NAMBA DOME TOWER STATION HALL PARK CITY HOTEL MALL ARENA "
    "STADIUM LAND SKY BAY JAPAN NIPPON".split())
_O_ROW = ("オ", "ト", "ド", "ゴ", "コ", "ソ", "ノ", "ホ", "モ", "ヨ", "ロ")


def _romaji_as_katakana(word: str) -> str | None:
    """A Hepburn word in katakana (Nakamura → ナカムラ), or None when it is not romaji (Smith → ッミッウ)."""
    kana = jaconv.hira2kata(jaconv.alphabet2kana(word.lower()))
    if not KATAKANA_WORD.fullmatch(kana) or kana.startswith(("ッ", "ン", "ー")) or kana.endswith("ッ"):
        return None
    return kana


@_remembered
def is_romaji_name(text: str) -> bool:
    """True when every word of `text` reads as romaji and Sudachi takes one of them, in katakana, for a
    person's name (Sato Kenta → サト(ウ) ケンタ, Takeshi Ono → タケシ オノ). Long vowels are not written in
    romaji, so a final o is also tried with ウ (Sato → サトウ). Upper-case pairs (KONDO AYAKA) need no
    dictionary: that is how cards and passports print names, and Sudachi knows few names in katakana."""
    words = text.split()
    kana = [_romaji_as_katakana(w) for w in words]
    if len(words) < 2 or any(k is None for k in kana):
        return False
    if all(w.isupper() and len(w) >= 3 for w in words):
        # KONDO AYAKA: how passports and cards print a holder's name; not TOKYO DOME, OSAKA STATION.
        return not any(w in ROMAJI_PLACE_WORDS for w in words)
    return any(_katakana_is_name(k) for k in filter(None, kana))


def _katakana_is_name(kana: str) -> bool:
    """Sudachi reads the katakana word as one name, with a final long vowel restored (サト → サトウ)."""
    for form in (kana, kana + "ウ") if kana.endswith(_O_ROW) else (kana,):
        tokens = list(_sudachi().tokenize(form))
        if len(tokens) == 1 and tokens[0].part_of_speech()[2] == "人名":
            return True
    return False


def spells_in_romaji(word: str, kana: str) -> bool:
    """`word` is the kana written in romaji, a long vowel left out or not (Tome for トメ, Sato for サトウ)."""
    spelt = _romaji_as_katakana(word)
    return spelt is not None and jaconv.hira2kata(kana) in (spelt, spelt + "ウ")


@_remembered
def is_romaji_word_name(word: str) -> bool:
    """One romaji word that reads as a name (Tubasa → ツバサ, Kenta → ケンタ), for where a name is expected."""
    kana = _romaji_as_katakana(word)
    return kana is not None and _katakana_is_name(kana)
