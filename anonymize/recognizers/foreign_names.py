"""Names in Korean and Chinese lines, which GiNZA's Japanese model does not read: a Hangul name before
님, 씨 or さん, after 담당 or 저는 (김민수 님, 담당 사토입니다, 저는 김민지입니다) or with a surname before 입니다,
a Chinese name after 我是 or before 女士 (我是王丽华, 刘敏女士), and a Chinese surname before a Japanese honorific
when it is written in simplified characters or the line is Chinese (刘様; 王様、确认邮件已发送).

Chinese names are taken only with a common surname first, since a Chinese word cannot be looked up here.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymize import entities as E

# Hangul words before 님 that are roles or kin, not names (고객님, 회원님, 선생님, 어머님).
_KOREAN_TITLES = frozenset("고객 회원 선생 사장 부장 과장 차장 팀장 실장 원장 국장 담당자 관리자 기사 교수 의사 여러분 "
                           "어머 아버 할머 할아버 형 누 언 오빠 손 귀빈 신랑 신부 작가 대표 이용자 사용자 방문자".split())
# The most common Korean surnames: a three-syllable word starting with one before 입니다 is a name (박서연입니다),
# where a two- or four-syllable one is a word far more often (문의입니다, 배송문의입니다).
_KOREAN_SURNAMES = ("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진"
                    "나지엄원천방공현변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉")
_HANGUL_NAME = re.compile(r"(?<![가-힣])([가-힣]{2,4})(?= ?(?:님|씨)(?![가-힣]|이(?!랑)|은|을|의|도|께|과|와|에게|한테)"
                          r"| ?(?:님|씨)(?:이랑|이|은|을|의|도|께|과|와|에게|한테)| ?(?:さん|様|くん|ちゃん))"
                          r"|(?<=담당 )([가-힣]{2,5}?)(?=입니다|이에요|예요|이라고|라고|입니당)"
                          r"|(?<=담당자 )([가-힣]{2,5}?)(?=입니다|이에요|예요)"
                          r"|(?:저는|제 이름은)\s*([가-힣]{2,4}?)(?=입니다|이에요|예요|이라고|라고)"
                          r"|(?:^|(?<=[,.!、。：:A-Za-z] )|(?<=[,.!、。：:])|(?<=학부모 )|(?<=보호자 ))"
                          r"([" + _KOREAN_SURNAMES + r"][가-힣][가-힣](?<![중건품문약금]))"
                          r"(?=입니다|이에요|예요|이라고| (?:환자|보호자|고객|학생|학부모))"
                          r"|(?:(?<=딸 )|(?<=아들 ))([가-힣]{2,3}?)(?=의)")
# The romanization of a Hangul name in brackets after it (김서연 様（Kim Seo-yeon）).
_HANGUL_READING = re.compile(r"(?<=[가-힣])[ \u3000]?(?:様|さん|님|씨)?[（(]([A-Z][a-z]+(?:[- ][A-Za-z][a-z]+){0,2})[）)]")
# The hundred most common Chinese surnames (simplified), and those of them Japanese never writes so.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
             "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧")
_SIMPLIFIED_SURNAMES = "刘张陈杨赵吴孙马郑谢许韩冯邓叶苏吕卢钟谭陆邹闫龙贺顾龚钱严罗蒋贾韦欧"
_HAN = r"[\u4e00-\u9fff]"
_CHINESE_NAME = re.compile(r"(?:我是|我叫|我的名字是|名字是|姓名[:：]?|(?:女儿|儿子|孩子|丈夫|妻子)叫|联系人是)\s?"
                           r"([" + _SURNAMES + "]" + _HAN + r"{1,2}?)"
                           r"(?=[，。,、！!？?\s]|$)"
                           r"|(?<!" + _HAN + ")([" + _SURNAMES + "]" + _HAN + r"{0,2}?)(?=女士|小姐)")
_CHINESE_TEACHER = re.compile(r"(?<!" + _HAN + ")([" + _SURNAMES + "]" + _HAN + r"{0,2}?)(?=先生)")
_CHINESE_TEXT = re.compile(r"[您们吗呢这个的了请谢]")
_CHINESE_QUESTION = re.compile(r"[吗呢吧][？?]?$|我|你")  # 今天可以修好吗？
# Characters only Chinese writes so (not 号, 机, 迎, which Japanese shares).
_SIMPLIFIED = re.compile(r"[们这吗呢请谢认邮发说话还没么样给对问题时间东车长门见边预约订单码颜货运费买卖钱块儿课书馆线网络"
                         r"设备场乐欢态两够]")
_KANA = re.compile(r"[ぁ-ゖァ-ヺ]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")  # the Japanese model reads no Hangul; this module does
# In a Chinese line, a name opening it before a comma (王丽娜，两个人…) or before 同学/老师.
_CHINESE_LINE_NAME = re.compile(r"^([" + _SURNAMES + "]" + _HAN + r"{1,2})(?=[，,])"
                                r"|(?<!" + _HAN + ")([" + _SURNAMES + "]" + _HAN + r"{1,2}?)(?=同学|老师)")
# A name in simplified characters in a Japanese line (张雨婷（張雨婷）です), and the same name in brackets after it.
_SIMPLIFIED_NAME = re.compile(r"(?<!" + _HAN + ")([" + "".join(c for c in _SIMPLIFIED_SURNAMES if c not in "叶蒋欧")
                              + "]" + _HAN + r"{1,2})(?=[（(]|です|と申)")
_HAN_IN_BRACKETS = re.compile(r"[（(](" + _HAN + r"{2,3})[）)]")
_SIMPLIFIED_BEFORE_HONORIFIC = re.compile(r"(?<!" + _HAN + ")([" + _SIMPLIFIED_SURNAMES + "]" + _HAN + r"{0,2}?)(?=様|さん)")
_SURNAME_BEFORE_HONORIFIC = re.compile(r"(?<!" + _HAN + ")([" + _SURNAMES + "])(?=様|さん)")


def chinese_line(text: str) -> bool:
    """No kana, and two simplified characters (们, 这, 认, 邮): the line is Chinese, where the Japanese
    model's names are noise."""
    found = len(_SIMPLIFIED.findall(text))
    return not _KANA.search(text) and (found >= 2 or (found == 1 and _CHINESE_QUESTION.search(text) is not None))


def _has_simplified(text: str) -> bool:
    """A character only Chinese writes so (认, 邮, 发)."""
    return _SIMPLIFIED.search(text) is not None


class ForeignScriptNameRecognizer(EntityRecognizer):
    """Korean and Chinese personal names by their honorifics and introductions."""

    ENTITY = E.PERSON

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language="ja",
                         name="ForeignScriptNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        spans = [m.span(g) for m in _HANGUL_NAME.finditer(text) for g in range(1, _HANGUL_NAME.groups + 1)
                 if m.group(g) and m.group(g) not in _KOREAN_TITLES]
        spans += [m.span(1) for m in _HANGUL_READING.finditer(text)
                  if any(text[e:m.start()].strip(" \u3000様さん님씨") == "" for _, e in spans)]
        patterns = [_CHINESE_NAME, _SIMPLIFIED_BEFORE_HONORIFIC]
        if _CHINESE_TEXT.search(text):
            patterns.append(_CHINESE_TEACHER)
        if _has_simplified(text):  # 王様、…确认邮件已发送
            patterns.append(_SURNAME_BEFORE_HONORIFIC)
        if chinese_line(text):
            patterns.append(_CHINESE_LINE_NAME)
        patterns.append(_SIMPLIFIED_NAME)
        chinese = [m.span(g) for p in patterns for m in p.finditer(text) for g in range(1, p.groups + 1) if m.group(g)]
        chinese += [m.span(1) for _, e in list(chinese) if (m := _HAN_IN_BRACKETS.match(text, e)) is not None]
        # The surname alone again, with an honorific (王様、… 王女士): the same person.
        for surname in {text[s] for s, _ in chinese}:
            chinese += [m.span(1) for m in re.finditer("(?<!" + _HAN + ")(" + surname + ")(?=様|さん|女士|先生|小姐)", text)]
        return [RecognizerResult(self.ENTITY, s, e, 0.7) for s, e in {*spans, *chinese}]
