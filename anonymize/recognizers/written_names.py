"""Names written on the things a customer orders: a cake plate, a message card, a photo-mount caption, a
welcome board, a name tag (プレートは『光くん 5さい』, 台紙に「ひかり 3さい」, ボードは『Sora & Mirai』,
名札が『キムラ』).

Such a text is short, and apart from greetings, ages and kin words it holds names. The dictionary cannot
tell 楓 or つばさ from a word, and there is no sentence around them for the NER, so the place where the text
is written decides, and each part only has to be a plausible given name.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymize import entities as E
from anonymize.lexicon import has_person_name_word
from anonymize.recognizers.person import plausible_given_name

# What the quoted text is written on, shortly before the quote (誕生日プレートの文字は『…』, 名札が「…」).
_WRITTEN_ON = re.compile(r"(?:プレート|台紙|キャプション|ボード|カード|名入れ|刻印|刺繍|名札|席札|のし|熨斗|短冊|メッセージ"
                         r"|表紙|シール|タグ|ネーム)"
                         r"[^「『」』。！？!?\n]{0,8}$")
_QUOTE = re.compile(r"[「『]([^「」『』\n]{1,30})[」』]")
# Unquoted, after a label: プレートは Happy Birthday Ren で, プレート：祝 還暦 正彦さん.
_UNQUOTED = re.compile(r"(?:プレート|台紙|キャプション|ボード|カード)(?:の文字)?(?:は|に|：|:)[ \u3000]*"
                       r"([^「『」』。！？!?\n]{1,24}?)[ \u3000]*(?=でお願|で[！!、]|って|と(?:書|入れ)|$)")
_NEXT_QUOTE = re.compile(r"[ \u3000、・と]?$")  # 『楓』『椿』, 「そら」と「うみ」: the next of several plates
_PART = re.compile(r"(?:[^\s\u3000&＆+＋・、,/の]|(?<![孫娘母父妻夫子])の)+")  # 孫のゆいより: 孫, ゆいより
# Who a name is for or from, or the honorific it has on the plate: the part before it is a name.
_NAME_SUFFIX = re.compile(r"(?:くん|ちゃん|さん|様|君|たん)?(?:へ|より|から)?$")
_AGE = re.compile(r"[0-9０-９]|さい$|歳$|才$")
_GREETING = re.compile(r"おめでと|享年|ありがと|誕生日|たんじょうび|祝|寿|記念|結婚|卒業|入学|成人"
                       r"|還暦|古希|喜寿|傘寿|米寿|卒寿|白寿"
                       r"|だいすき|大好き|よろしく|お疲れ|おつかれ|お世話")
_KIN = frozenset("おばあちゃん おじいちゃん ひいおばあちゃん ひいおじいちゃん ばあば じいじ ばあちゃん じいちゃん "
                 "ママ パパ お父さん お母さん お兄ちゃん "
                 "お姉ちゃん 父 母 祖父 祖母 家族 みんな みなさん 皆様 皆さま".split())
_LATIN_NAME = re.compile(r"[A-Z][a-z]{1,14}")
_ONE_SCRIPT = re.compile(r"[\u4e00-\u9fff々]{1,4}|[ぁ-ゖー]{2,5}|[ァ-ヴー]{2,6}|[ｦ-ﾟ]{2,8}")
_LATIN_WORDS = frozenset("happy birthday wedding congratulations congrats thank thanks you love welcome dear our "
                         "forever anniversary with and mr mrs ms miss best wishes merry christmas just married baby "
                         "shower day mom dad mama papa grandma grandpa family smile always good luck bon voyage "
                         "new year the to from for my of all".split())


def _names_in(content: str, offset: int, quoted: bool = True) -> list[tuple[int, int]]:
    """The parts of a written text that are names. Unquoted (プレート：祝 還暦 正彦さん), a part must carry an
    honorific, a 'for' or 'from', be a capitalised Latin word, or be a name the dictionary knows."""
    spans = []
    after_kin = False  # おばあちゃん トメ: the part after a kin word is that person's name
    for m in _PART.finditer(content):
        word = m.group()
        suffix = _NAME_SUFFIX.search(word)
        core = word[: suffix.start()] if suffix is not None else word
        marked = (suffix is not None and suffix.group() != "") or after_kin
        after_kin = word in _KIN or core in _KIN or word.removesuffix("へ").removesuffix("より") in _KIN
        after_kin = after_kin or word in ("孫", "娘", "息子", "母", "父", "妻", "夫")
        if not core or _AGE.search(core) or _GREETING.search(core) or after_kin:
            continue
        if _LATIN_NAME.fullmatch(core):
            named = core.lower() not in _LATIN_WORDS
        elif not _ONE_SCRIPT.fullmatch(core):
            named = False  # じいじ大すき, 享年八十七: a phrase, not a name
        elif quoted:
            named = marked or plausible_given_name(core)
        else:
            named = marked or has_person_name_word(core)
        if named:
            spans.append((offset + m.start(), offset + m.start() + len(core)))
    return spans


class WrittenNameRecognizer(EntityRecognizer):
    """Names inside a quoted text that is said to be written on a plate, card, caption, board or tag."""

    ENTITY = E.PERSON

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language="ja", name="WrittenNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        results = []
        written_until = -1  # where the last written quote ended: a quote right after it is written too
        for m in _QUOTE.finditer(text):
            before = text[max(0, m.start() - 20):m.start()]
            chained = written_until >= 0 and _NEXT_QUOTE.fullmatch(text, written_until, m.start()) is not None
            if not (_WRITTEN_ON.search(before) or chained):
                written_until = -1
                continue
            written_until = m.end()
            results += [RecognizerResult(self.ENTITY, s, e, 0.6) for s, e in _names_in(m.group(1), m.start(1))]
        for m in _UNQUOTED.finditer(text):
            results += [RecognizerResult(self.ENTITY, s, e, 0.6) for s, e in _names_in(m.group(1), m.start(1), False)]
        return results
