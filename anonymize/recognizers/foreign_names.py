"""Names in Korean and Chinese lines, which GiNZA's Japanese model does not read: a Hangul name before
님 or 씨 or after 담당 (김민수 님, 담당 사토입니다), a Chinese name after 我是 or before 女士 (我是王丽华, 刘敏女士), and
a Chinese surname in simplified characters before a Japanese honorific (刘様).

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
_HANGUL_NAME = re.compile(r"(?<![가-힣])([가-힣]{2,4})(?= ?(?:님|씨)(?![가-힣]))"
                          r"|(?<=담당 )([가-힣]{2,5}?)(?=입니다|이에요|예요|이라고|라고|입니당)"
                          r"|(?<=담당자 )([가-힣]{2,5}?)(?=입니다|이에요|예요)")
# The hundred most common Chinese surnames (simplified), and those of them Japanese never writes so.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
             "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧")
_SIMPLIFIED_SURNAMES = "刘张陈杨赵吴孙马郑谢许韩冯邓叶苏吕卢钟谭陆邹闫龙贺顾龚钱严罗蒋贾韦欧"
_HAN = r"[\u4e00-\u9fff]"
_CHINESE_NAME = re.compile(r"(?:我是|我叫|我的名字是|名字是|姓名[:：]?)\s?([" + _SURNAMES + "]" + _HAN + r"{1,2}?)"
                           r"(?=[，。,、！!？?\s]|$)"
                           r"|(?<!" + _HAN + ")([" + _SURNAMES + "]" + _HAN + r"{0,2}?)(?=女士|小姐)")
_CHINESE_TEACHER = re.compile(r"(?<!" + _HAN + ")([" + _SURNAMES + "]" + _HAN + r"{0,2}?)(?=先生)")
_CHINESE_TEXT = re.compile(r"[您们吗呢这个的了请谢]")
_SIMPLIFIED_BEFORE_HONORIFIC = re.compile(r"(?<!" + _HAN + ")([" + _SIMPLIFIED_SURNAMES + "]" + _HAN + r"{0,2}?)(?=様|さん)")


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
        spans = [m.span(g) for m in _HANGUL_NAME.finditer(text) for g in (1, 2, 3)
                 if m.group(g) and m.group(g) not in _KOREAN_TITLES]
        patterns = [_CHINESE_NAME, _SIMPLIFIED_BEFORE_HONORIFIC]
        if _CHINESE_TEXT.search(text):
            patterns.append(_CHINESE_TEACHER)
        chinese = [m.span(g) for p in patterns for m in p.finditer(text) for g in range(1, p.groups + 1) if m.group(g)]
        # The surname alone again, with an honorific (王様、… 王女士): the same person.
        for surname in {text[s] for s, _ in chinese}:
            chinese += [m.span(1) for m in re.finditer("(?<!" + _HAN + ")(" + surname + ")(?=様|さん|女士|先生|小姐)", text)]
        return [RecognizerResult(self.ENTITY, s, e, 0.7) for s, e in {*spans, *chinese}]
