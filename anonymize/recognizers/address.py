"""Street addresses: a municipality (or 住所 context) followed by block numbers; a bare prefecture,
city, station or hotel is not an address and is left alone. Generalized to the prefecture."""

from __future__ import annotations

import re

from anonymize import entities as E
from anonymize.recognizers.base import RegexRecognizer

PREFECTURES = (
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 "
    "新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 "
    "奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 "
    "熊本県 大分県 宮崎県 鹿児島県 沖縄県"
).split()

_PREF = "(?:" + "|".join(PREFECTURES) + ")"
_KANJI = r"[\u4e00-\u9fff々〆ヶケ]"
_WORD = r"[\u4e00-\u9fff々〆ヶケぁ-んァ-ヴー]"
_SP = r"[ \u3000]?"
_MUNI = "(?:" + _KANJI + r"{1,6}?郡)?" + _WORD + "{1,7}?[市区町村]" + _SP
# Sapporo's grid (北1条西2丁目) puts a 条 before the block.
_TOWN = _WORD + r"{0,10}?(?:\d{1,2}条[東西南北]?)?"
_NUM = r"(?:\d{1,5}|[一二三四五六七八九十]{1,3})"
_BLOCK = (_NUM + r"(?:丁目|番地の|番地?|-|の)\s?" + r"\d{1,5}(?:(?:番地の|番地?|号|-|の)\s?\d{1,5})*(?:番地?|号)?"
          + r"|" + r"\d{1,5}番地"
          + r"|\d{1,3}地割\s?\d{1,5}(?:番地?|-\d{1,5})*"  # 白岩23地割15番地 (Iwate)
          + r"|(?<=町)\d{1,5}(?![0-9]|丁目)")  # 下鴨北園町12
# After a prefecture, 丁目 with no number after it ends an address too (北海道札幌市中央区北1条西2丁目); a ward and
# its 丁目 alone (北区上十条4丁目) is a place unless it answers an address question.
_BLOCK_AFTER_PREFECTURE = _BLOCK + "|" + _NUM + r"丁目(?![0-9])"
# Building and room: コーポ101, さくらマンション 305号室, ひまわりハイツ 404, 芝パークビル7F.
# A wing letter and a hyphen may come before the room (コーポ太子堂B-201, グリーンハイツ2-305).
# A floor after the building's number (梅田ノースゲート21 24階), and a building named with no room at all, by
# a word only buildings end or start with (ケアホームなつみ台 です, グランドメゾン桜).
_FLOOR = r"(?:[ \u3000]?\d{1,3}(?:階|F)(?:[ \u3000]?\d{1,4}号室?)?)?"
_BUILDING_WORD = (r"(?:ハイツ|マンション|コーポ|レジデンス|ハウス|ホーム|荘|ビル|タワー|ヒルズ|パレス|メゾン|アパート"
                  r"|寮|団地|コート|テラス|ヴィラ)")
_BUILDING = (r"(?:[ \u3000]?(?![にはがをでへとのもや・･])[A-Za-zァ-ヴーｦ-ﾟぁ-ん\u4e00-\u9fff・･]{1,16}?"
             r"(?:[ \u3000][A-Z](?=-))?[ \u3000]?(?:(?<=[A-Za-z棟])-)?\d{1,4}(?:-\d{1,4})?(?:号室|号|階|F)?"
             + _FLOOR + r"(?![0-9年月日歳才円])"
             r"|[ \u3000]?(?![にはがをでへとのもや])[A-Za-zァ-ヴーｦ-ﾟぁ-ん\u4e00-\u9fff]{0,10}?" + _BUILDING_WORD
             + r"[A-Za-zァ-ヴーｦ-ﾟぁ-ん\u4e00-\u9fff]{0,8}?" + _FLOOR + r"(?=[ \u3000、。,，!！?？]|です|$))?")

ADDRESS_WITH_PREFECTURE = _PREF + _SP + "(?:" + _MUNI + ")+" + _TOWN + "(?:" + _BLOCK_AFTER_PREFECTURE + ")" + _BUILDING
# Without a prefecture, the municipality holds no particle (not マンションは|横浜市): うきは市 and かすみがうら市
# come with their prefecture.
_MUNI_ALONE = "(?:" + _KANJI + r"{1,6}?郡)?(?:(?![はがをにでへとのもや])" + _WORD + "){1,7}?[市区町村]" + _SP
TOWN_AND_BLOCK = _WORD + "{1,10}?" + "(?:" + _BLOCK + ")" + _BUILDING
_PREF_RE = re.compile(_PREF)
# Romanized, as foreign residents write it: Aobadai-shi, Midori-cho 1-4-9, Green Heights 301, or
# 1-4-9 Midori-cho, Aobadai-shi, Kanagawa 225-0001. A unit word (-shi, -ku, -cho …) and a block number.
_ROMAJI_UNIT = r"[A-Z][a-z]+(?:-[a-z]+)?-(?:ken|to|fu|do|shi|ku|gun|cho|machi|mura|son)(?![a-z])"
_ROMAJI_BLOCK = r"\d{1,4}(?:-\d{1,4}){1,2}(?![0-9-])"
# In English order, the room and the building come first (Room 405, Sunny Court, 2-14-7 Nishi-Shinjuku,
# Shinjuku-ku, Tokyo; Maple House 201, 3-4-5 Kitahama, Chuo-ku, Osaka), and a town without a unit word.
_ROMAJI_BUILDING = (r"(?:(?:Room|Rm\.?|Apt\.?|Apartment|Flat|Unit|#) ?\d{1,4}[A-Z]?,? )?(?:[A-Z][a-z]+ ){0,3}"
                    r"(?:Heights|House|Court|Mansion|Residence|Residences|Tower|Building|Bldg\.?|Hills|Palace|Maison"
                    r"|Apartments?|Terrace|Villa|Corpo|Haitsu|Haits|Plaza)(?: \d{1,4}[A-Z]?)?,? ")
_ROMAJI_EN_BUILDING = "(?:" + _ROMAJI_BUILDING + ")?"
_ROMAJI_TOWN = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
ROMAJI_ADDRESS = (r"(?<![A-Za-z0-9-])(?:" + _ROMAJI_UNIT + r",? ){1,4}" + _ROMAJI_BLOCK
                  + r"(?:,? [A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3} \d{1,4}(?![0-9]))?"
                  + r"|(?<![A-Za-z0-9-])" + _ROMAJI_EN_BUILDING + _ROMAJI_BLOCK + r",? (?:" + _ROMAJI_TOWN + r",? )?"
                  + r"(?:" + _ROMAJI_UNIT + r"(?:, ?| |$)){1,4}(?:[A-Z][a-z]+(?: \d{3}-\d{4})?)?"
                  # a building first vouches for towns and a city without unit words (…, 1-2-3 Aoba, Sendai)
                  + r"|(?<![A-Za-z0-9-])" + _ROMAJI_BUILDING + _ROMAJI_BLOCK + r"(?:,? " + _ROMAJI_TOWN + r"){1,3}"
                  + r"(?: \d{3}-\d{4})?")


# The business's own premises (当社の所在地は〒…, 本社：…, 弊社（〒…）まで, 【本社】〒…): no one's personal data. The
# word stands right before the postal code or the address, with only a label between them.
_OWN_PREMISES_BEFORE = re.compile(r"(?:(?:(?:弊社|当社|当店|弊店|当院|当館|弊所|当センター|運営会社)"
                                  r"(?:の?(?:本社|本店|本部|事務局|ショールーム|工場|倉庫|営業所|店舗|センター))?|本社|本店|本部|事務局|営業所|店舗|窓口)(?:の)?"
                                  r"(?:住所|所在地|所在|鎮座地)?"
                                  # しらべ音楽教室の所在地は〒…; not 登記上の所在地は (a customer's company)
                                  r"|(?:教室|店|院|センター|スクール|クリニック|ショップ|ジム|サロン|館|園)の?(?:住所|所在地))[はが]?[:：（(】\]\s]*(?:〒\s?)?(?:\d{3}-?\d{4}[\s、]*)?$")
# Or a company, centre or desk stands right before it (株式会社ミナライ 〒…), or a label that only the business's
# own lines carry (運営：…, 【お問い合わせ先】…, 返送先：… 〒…), or the company or desk it is addressed to follows
# (…ビル5F 返品センター宛にお送りください, …3階 お客様窓口までご郵送ください, …21番4号 わんにゃんステイ株式会社).
_COMPANY_NAME = r"[ァ-ヴーA-Za-z\u4e00-\u9fff々]{1,15}"
_LEGAL = r"(?:株式会社|有限会社|合同会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人)"
_CODE_BEFORE = r"[ \u3000]*[（(]?[ \u3000]*(?:〒\s?)?(?:\d{3}-?\d{4}[ \u3000、]*)?$"
_OWN_COMPANY_BEFORE = re.compile(r"(?:" + _LEGAL + _COMPANY_NAME + "|" + _COMPANY_NAME + _LEGAL + ")" + _CODE_BEFORE)
_OWN_LABEL_BEFORE = re.compile(r"(?:【(?:本社|本店|運営|運営会社|会社概要|会社情報|所在地|返送先|返却先|お問い?合わせ先"
                               r"|店舗案内|店舗情報|会社案内|アクセス)】"
                               # 【霊園所在地】, 【買取センター】: a label naming the business's own place
                               r"|【[^】\n]{1,8}(?:所在地|センター|事務局|窓口|受付|校|スタジオ|店|教室|本部|事務所|サロン)】"
                               r"|(?<![\u4e00-\u9fff])(?:運営|運営会社|返送先|返却先|お問い?合わせ先|所在地)[:：\s\u3000]"
                               r"|(?:乗船|チェックイン)受付[:：]"
                               # 祇園店は京都府…: a branch of the business and where it is
                               r"|(?<![\u4e00-\u9fff])[\u4e00-\u9fffァ-ヴー]{1,8}(?:店|本店|支店|教室|工房|営業所)は)"
                               r"[^。！？\n〒]{0,30}?" + _CODE_BEFORE)
_SIGNING_COMPANY = re.compile(r"[ \u3000]+(?:" + _LEGAL + r"[ァ-ヴーぁ-ゖA-Za-z\u4e00-\u9fff々]{1,15}"
                              r"|[ァ-ヴーぁ-ゖA-Za-z\u4e00-\u9fff々]{1,15}" + _LEGAL + r")[ \u3000]*(?=$|[（(\n])")
# …unless it is someone's employer or home (勤務先は株式会社アオバ（〒…）).
_SOMEONES_COMPANY = re.compile(r"勤務|勤め|職場|所属|働い|会社は|実家|自宅|夫の|妻の|父の|母の")
_OWN_ADDRESSEE_AFTER = re.compile(r"[^。！？\n]{0,60}?(?:" + _LEGAL + _COMPANY_NAME + "|" + _COMPANY_NAME
                                  + r"(?:センター|窓口|事務局|係|営業所|本社|倉庫|事業所|デスク))"
                                  r"[ \u3000]*(?:宛|まで|へ|御中)"
                                  r"|[ \u3000]*(?:に|で)ございます")  # …風輪ビル1階にございます


def own_premises_extent(text: str, start: int, end: int | None = None) -> tuple[int, int] | None:
    """Where the business introduces the address or postal code at text[start:end] as its own, the whole of
    that statement, company and label included; None when it does not."""
    stop = end if end is not None else start
    starts = [m.start() for m in (_OWN_PREMISES_BEFORE.search(text, max(0, start - 30), start),
                                  _OWN_LABEL_BEFORE.search(text, max(0, start - 50), start)) if m is not None]
    if (company := _OWN_COMPANY_BEFORE.search(text, max(0, start - 40), start)) is not None:
        if _SOMEONES_COMPANY.search(text, max(0, company.start() - 12), company.end()) and not starts:
            return None
        starts.append(company.start())
    addressee = _OWN_ADDRESSEE_AFTER.match(text, end) if end is not None else None
    if not starts and addressee is None:
        return None
    if addressee is None and end is not None:  # 【本社】〒… 21番4号 わんにゃんステイ株式会社: the company signs it
        addressee = _SIGNING_COMPANY.match(text, end)
    return min(starts, default=start), addressee.end() if addressee is not None else stop


def own_premises(text: str, start: int, end: int | None = None) -> bool:
    """True when the address or postal code at text[start:end] is introduced as the business's own."""
    return own_premises_extent(text, start, end) is not None


_PREMISES = re.compile(r"(?:〒\s?\d{3}-?\d{4}[ \u3000、]*)?(?:" + ADDRESS_WITH_PREFECTURE + r")"
                       r"(?:[ \u3000]*[（(]〒\s?\d{3}-?\d{4}[）)])?|〒\s?\d{3}-?\d{4}")  # …55番地（〒606-0555）


def own_premises_spans(text: str) -> list[tuple[int, int]]:
    """The business's own addresses, with their postal codes, labels and companies: what lies inside
    (梅田センタービル, わんにゃんステイ株式会社) is no one's name."""
    return [extent for m in _PREMISES.finditer(text) if (extent := own_premises_extent(text, m.start(), m.end()))]


# A question for an address: the next messages of the conversation answer it.
ADDRESS_QUESTION = re.compile(r"住所|お届け先|届け先|送付先|送り先|配送先|お住まい|ご自宅")
# In an answer, a town and its block numbers, or a ward or city, its town and 丁目, with nothing else.
_ANSWER_ADDRESS = re.compile(r"(?<![\u4e00-\u9fff々ぁ-んァ-ヴー])(?![はがをにでへとのもや])(?:" + TOWN_AND_BLOCK + "|"
                             + _MUNI + _WORD + r"{1,10}?" + _NUM + r"丁目)(?![0-9年月日歳才円時分個件回週ヶか])")


def answered_addresses(text: str) -> list[tuple[int, int]]:
    """Addresses without a municipality's full form in a (normalized) message that answers an address
    question (北区上十条4丁目です, 本町3-4-5 コーポ101)."""
    return [m.span() for m in _ANSWER_ADDRESS.finditer(text)]


_SPACES = re.compile(r"[ \u3000]*")


def starts_with_prefecture(text: str, pos: int) -> bool:
    """True when a prefecture begins at `pos`, after spaces (the address after a postal code)."""
    return _PREF_RE.match(text, _SPACES.match(text, pos).end()) is not None  # type: ignore[union-attr]


def prefecture_of(value: str) -> str | None:
    """The prefecture an address starts with, if it names one."""
    m = _PREF_RE.match(value)
    return m.group(0) if m else None


class AddressRecognizer(RegexRecognizer):
    ENTITY = E.ADDRESS
    PATTERNS = (
        (ADDRESS_WITH_PREFECTURE, 0.85),
        # Not from 住所は…: the label and a particle are not part of the address.
        (r"(?<![\u4e00-\u9fffァ-ヴー])(?!ご?住所)(?![はがをにでへとのもや])" + _MUNI_ALONE + _TOWN + "(?:" + _BLOCK + ")"
         + _BUILDING, 0.6),
        (r"(?![はがをにでへとのもや])" + TOWN_AND_BLOCK, 0.0),  # only with 住所-like context, from after its particle
        (ROMAJI_ADDRESS, 0.85),
    )
    CONTEXT = ("住所", "住ん", "お届け先", "届け先", "送付先", "引っ越", "転居", "在住", "宛先", "番地")
    CONTEXT_BEFORE = 16
    CONTEXT_AFTER = 8
    CONTEXT_BOOST = 0.45

    def score_match(self, text: str, start: int, end: int, base_score: float) -> float | None:
        return None if own_premises(text, start, end) else super().score_match(text, start, end, base_score)
