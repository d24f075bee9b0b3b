"""Birth dates (only next to 生年月日/誕生日/生まれ: other dates are not personal) and ages of 90 and over."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymize import entities as E
from anonymize.recognizers.base import NOT_AFTER_DIGIT, NOT_BEFORE_DIGIT, RegexRecognizer, has_context
from anonymize.recognizers.pets import a_pets_date

ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018,
        "M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018}
_ERA = r"(?:明治|大正|昭和|平成|令和|(?<![A-Za-z])[MTSHR]\.?)"  # not the S of iOS 17.4.1
# 生 right after a date means born (S45.3.3生), not 生放送, 生産, 生活 …
_BORN_AFTER = r"生(?![放産地徒活物命協涯鮮中還])"
_BORN = re.compile(_BORN_AFTER)
_WESTERN = r"(?:19|20)\d{2}\s?(?:年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[/.\-]\d{1,2}[/.\-]\d{1,2})"
_JAPANESE = _ERA + r"\s?(?:\d{1,2}|元)\s?(?:年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[/.\-]\d{1,2}[/.\-]\d{1,2})"
_COMPACT = r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
# Only with a birth-date label: two-digit years (生年月日 88/04/05) and a year alone (1990年生まれ).
_SHORT_YEAR = r"(?<![0-9/.\-])\d{2}\s?(?:年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[/.\-]\d{1,2}[/.\-]\d{1,2})"
_YEAR_BORN = (r"(?:(?:19|20)\d{2}|" + _ERA + r"\s?(?:\d{1,2}|元))\s?年(?=\s?(?:生まれ|産まれ|" + _BORN_AFTER + r"))"
              r"|(?<![A-Za-z])[MTSHR]\.?\s?\d{1,2}(?=\s?(?:生まれ|産まれ|" + _BORN_AFTER + r"))")  # H2生まれ
# In English lines, only with a birth word near (born on 12 March 1990, Date of birth: 03/12/1990).
_MONTH_NAMES = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
                r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ENGLISH = (r"(?<![0-9])\d{1,2}(?:st|nd|rd|th)? " + _MONTH_NAMES + r",? (?:19|20)\d{2}(?![0-9])"
            r"|(?<![A-Za-z])" + _MONTH_NAMES + r" \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}(?![0-9])"
            r"|(?<![0-9/.])\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}(?![0-9/.])")
_ENGLISH_RE = re.compile(_ENGLISH)
_KN = "[一二三四五六七八九十]"
_YEAR = re.compile(r"((?:19|20)\d{2})|(" + _ERA + r")\s?(\d{1,2}|元|" + _KN + "{1,3})")
# An era date in kanji numbers (昭和六十三年七月十四日), which cannot be read digit for digit.
_KANJI_NUMBER_DATE = (r"(?:明治|大正|昭和|平成|令和)\s?(?:" + _KN + r"{1,3}|元)年" + _KN + r"{1,3}月" + _KN + r"{1,3}日")


def kanji_number(text: str) -> int:
    """六十三 → 63, 十四 → 14, 七 → 7: the kanji numbers of an era year, a month or a day."""
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    tens, _, ones = text.partition("十")
    if not _:
        return digits[text]
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


# Full dates in kanji digits written one by one (一九九〇年一月二日, 平成二年三月四日) read as digits, one character
# for one; only whole dates, so that 一日, 二〇二五年 or a product name are left as they are.
_KD = "[〇一二三四五六七八九]"
_KANJI_DATE = re.compile(r"(?:" + _KD + r"{4}|(?:明治|大正|昭和|平成|令和)(?:" + _KD + r"{1,2}|元))年" + _KD + r"{1,2}月"
                         + _KD + r"{1,2}日")
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")


def with_kanji_dates_read(text: str) -> str:
    """`text` with its kanji-digit full dates in Arabic digits (same length, same offsets)."""
    return _KANJI_DATE.sub(lambda m: m.group().translate(_KANJI_DIGITS), text)


def birth_year(value: str) -> int | None:
    """The western year of a birth date written in either calendar ('平成2年…' → 1990, 一九九〇年 → 1990)."""
    m = _YEAR.search(with_kanji_dates_read(value))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    era = m.group(2).rstrip(".")
    n = 1 if m.group(3) == "元" else int(m.group(3)) if m.group(3).isdigit() else kanji_number(m.group(3))
    return ERAS[era] + n


# A full date of this year or earlier needs no label to count as a birth date (a fixed year, not today's,
# so that the same input always gives the same output).
LATEST_UNLABELLED_BIRTH_YEAR = 2010

# A birthday without a year counts only right next to its label (誕生日は5月5日, 5月5日生まれ): a
# delivery date in the same sentence as 誕生日プレゼント is not a birth date.
_MONTH_DAY = (r"(?:(?<=誕生日は)|(?<=誕生日:)|(?<=誕生日が)|(?<=生年月日は)|(?<=生年月日:)|(?<=誕生日 ))"
              r"\d{1,2}\s?(?:月\s?\d{1,2}\s?日|/\d{1,2})(?![0-9])"
              # a birthday corrected (誕生日は4月5日じゃなくて4月15日): scored only with its label before it
              r"|(?:(?<=じゃなくて)|(?<=ではなく)|(?<=正しくは)|(?<=正しくは、)|(?<=正しくは ))"
              r"\d{1,2}(?:月\d{1,2}日|/\d{1,2})(?![0-9])"
              r"|(?<![0-9/年.\-])\d{1,2}(?:月\d{1,2}日|/\d{1,2})(?=生まれ|産まれ|" + _BORN_AFTER
              + r"|が誕生日|は誕生日|の誕生日|が生年月日)")
_MONTH_DAY_RE = re.compile(_MONTH_DAY)


# A month-day further on in the sentence of its label (誕生日間違えてました、4月15日です, 誕生日を4/15に訂正):
# a birthday when the label is not part of a compound (誕生日プレゼント, 誕生日ケーキ, 誕生日月) and the sentence
# names no other event (…12月3日に届けて).
_LOOSE_MONTH_DAY = r"(?<![0-9/年.\-])\d{1,2}(?:月\d{1,2}日|/\d{1,2})(?![0-9/])"
_LOOSE_MONTH_DAY_RE = re.compile(_LOOSE_MONTH_DAY)
_BIRTHDAY_LABEL = re.compile(r"(?:誕生日|生年月日)(?!プレゼント|ケーキ|クーポン|特典|会|祝|お祝|パーティ|月|当日|前|割"
                             r"|セール|カード|メッセージ|旅行|ディナー|ランチ|プラン|コース|企画|イベント|用|向け)[^。！？!?\n]{0,24}$")
_SENTENCE_EVENT = re.compile(r"届|配送|発送|予約|注文|購入|申込|申し込|開催|来店|当日|まで|から|以降|以内|前日|翌日")


class DateOfBirthRecognizer(RegexRecognizer):
    ENTITY = E.DATE_OF_BIRTH
    PATTERNS = (
        (NOT_AFTER_DIGIT + "(?:" + _WESTERN + "|" + _JAPANESE + ")" + NOT_BEFORE_DIGIT, 0.5),
        (NOT_AFTER_DIGIT + _COMPACT + NOT_BEFORE_DIGIT, 0.5),
        (_MONTH_DAY, 0.5),
        (NOT_AFTER_DIGIT + _SHORT_YEAR + NOT_BEFORE_DIGIT, 0.5),
        (NOT_AFTER_DIGIT + _YEAR_BORN, 0.5),
        (_KANJI_NUMBER_DATE, 0.5),
        (_LOOSE_MONTH_DAY, 0.5),
        (_ENGLISH, 0.5),
    )
    CONTEXT = ("生年月日", "誕生日", "生まれ", "生年", "birthday", "Birthday", "DOB", "バースデー", "産まれ", "born",
               "Born", "birth", "Birth")
    CONTEXT_BEFORE = 20
    CONTEXT_AFTER = 6
    # Dates of something other than a birth (…に購入, 契約日): an old full date with these is left alone.
    NEGATIVE_CONTEXT = ("購入", "注文", "契約", "発売", "設立", "創業", "開業", "入会", "加入", "申込", "申し込",
                        "発行", "期限", "開始", "入社", "卒業", "結婚", "配送", "お届け", "発送", "予約", "利用")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        return super().analyze(with_kanji_dates_read(text), entities, nlp_artifacts)

    def score_match(self, text: str, start: int, end: int, base_score: float) -> float | None:
        """A date next to its label, or followed by 生 (S45.3.3生, 1990/1/2生), is a birth date. So is a
        full date of LATEST_UNLABELLED_BIRTH_YEAR or earlier with no other event named: in a support chat
        that is the customer's birth date (1985/11/03 です, answering the question before)."""
        if _EXAMPLE_BEFORE.search(text, max(0, start - 6), start) or not _real_month_day(text[start:end]):
            return None  # （例：1990/01/01）, 平成〇年〇月〇日: a form's example, not anyone's date
        if _PET_BEFORE.search(text, max(0, start - 15), start):
            return None  # うちの猫は2022年5月1日生まれ: a pet's birthday is no one's personal data
        if a_pets_date(text, text[slice(*sentence_bounds(text, start, end))], birth_year(text[start:end])):
            return None  # マンチカンの女の子、2025/08/03生まれです
        if _LOOSE_MONTH_DAY_RE.fullmatch(text, start, end) and not _MONTH_DAY_RE.match(text, start):
            label = _BIRTHDAY_LABEL.search(text, 0, start)
            _, stop = sentence_bounds(text, start, end)
            loose = label is not None and not _SENTENCE_EVENT.search(text, label.start(), stop)
            return min(base_score + self.CONTEXT_BOOST, 1.0) if loose else None
        if _BORN.match(text, end) or has_context(text, start, end, self.CONTEXT, self.CONTEXT_BEFORE,
                                                     self.CONTEXT_AFTER):
            return min(base_score + self.CONTEXT_BOOST, 1.0)
        if _ENGLISH_RE.fullmatch(text, start, end):
            return None  # arrived on 12 March 2009: an English date needs its birth word
        year = birth_year(text[start:end])
        if year is None or year > LATEST_UNLABELLED_BIRTH_YEAR or other_event(text, start, end):
            return None
        return base_score - 0.05


# A pet right before a date (猫は, 愛犬の, トイプードルの).
_PET_BEFORE = re.compile(r"(?:猫|ねこ|ネコ|犬|いぬ|イヌ|ペット|子猫|子犬|わんちゃん|ワンちゃん|ハムスター|うさぎ|ウサギ"
                         r"|インコ|トイプードル|柴犬|チワワ|ダックス)(?:ちゃん|くん)?(?:の|は|が|も)[^。！？!?\n]{0,8}$")
# An example in a form's instructions (例：1990/01/01, 例) 1985年4月1日, e.g. 1990/1/1).
_EXAMPLE_BEFORE = re.compile(r"(?:例|例えば|e\.g\.|ex\.)[\s:：)）]*$", re.IGNORECASE)


def _real_month_day(value: str) -> bool:
    """False for a month or day that no calendar has (〇月〇日 read as 0月0日, 13/45)."""
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    if len(numbers) == 1 and len(str(numbers[0])) == 8:  # 19900101
        numbers = [numbers[0] // 10000, numbers[0] // 100 % 100, numbers[0] % 100]
    if _ENGLISH_RE.fullmatch(value):  # 12 March 1990, March 12, 1990, 03/12/1990 (either order)
        days = [n for n in numbers if n < 100]
        return all(1 <= n <= 31 for n in days) and (len(days) < 2 or min(days) <= 12)
    return len(numbers) < 2 or (1 <= numbers[-2] <= 12 and 1 <= numbers[-1] <= 31)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends (at 。！？ or a line break)."""
    begin = max(text.rfind(c, 0, start) for c in "。！？!?\n") + 1
    stop = min((i for c in "。！？!?\n" if (i := text.find(c, end)) >= 0), default=len(text))
    return begin, stop


def other_event(text: str, start: int, end: int) -> bool:
    """True when the sentence of the date names another event (購入, 契約, 予約 …): only words within its
    sentence count (自動車保険の新規契約です。三浦 綾乃、平成元年3月8日 is a birth date)."""
    begin, stop = sentence_bounds(text, start, end)
    return has_context(text[begin:stop], start - begin, end - begin, DateOfBirthRecognizer.NEGATIVE_CONTEXT,
                       DateOfBirthRecognizer.CONTEXT_BEFORE, 12)


# In an answer, a two-digit year counts too (88/04/05 って入れてます).
_ANSWER_DATE = re.compile(NOT_AFTER_DIGIT + "(?:" + _WESTERN + "|" + _JAPANESE + "|" + _SHORT_YEAR + ")" + NOT_BEFORE_DIGIT)
# A question for a birth date: the next messages of the conversation answer it.
BIRTH_QUESTION = re.compile(r"生年月日|誕生日|生まれ|birthday|date of birth|DOB", re.IGNORECASE)


def answered_birth_dates(text: str) -> list[tuple[int, int]]:
    """Full dates of any year in a (normalized) message that answers a birth-date question (はるとが2016/08/02、
    ひなたが令和元年5月30日です), unless its sentence names another event."""
    return [m.span() for m in _ANSWER_DATE.finditer(with_kanji_dates_read(text)) if not other_event(text, *m.span())]


_KANJI_AGE = r"(?:百|九十[一二三四五六七八九]?|百[一二三四五六七八九十]+)歳"


class AgeRecognizer(RegexRecognizer):
    """Ages of 90 and over are rare enough to single a person out (特異な記述): top-coded."""

    ENTITY = E.AGE
    PATTERNS = (
        (NOT_AFTER_DIGIT + r"(?:9\d|1[0-2]\d)\s?(?:歳|才|さい|years? old)", 0.85),
        (_KANJI_AGE, 0.85),
    )
