"""Deterministic synthetic Japanese personal data and support-chat messages. Everything here is made up.

Every generator takes a seeded `random.Random`: the same seed gives the same output. Values that have a
validator are valid: phone numbers for `phonenumbers` (region JP), card numbers for Luhn, My Numbers for
`stdnum.jp.in_`. E-mail and URL hosts use example.com / example.jp / example.co.jp …, IP addresses the
documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32).

Gold-span conventions (shared by flows/sample.py and tests/chat_eval):

- PERSON: the name only, never the honorific or the role (山田様 → 山田, 担当の佐藤 → 佐藤).
- ORGANIZATION: the name with its legal form (株式会社…); a department form includes the department.
  A bank named only as the holder of an account (返金先は〇〇銀行 …) is not labelled; 〇〇銀行 as an
  employer is.
- POSTAL_CODE: the digits and the dash, without 〒.
- BANK_ACCOUNT: the account number only; ゆうちょ: from the first digit of 記号 to the last of 番号.
- DATE_OF_BIRTH: the date only (without 生まれ); always written near 生年月日/誕生日/生まれ.
- URL: the whole URL; only URLs whose query or fragment carries an e-mail address, id or token.
- AGE: 90 and over only, with 歳/才 (92歳, 百歳); younger ages are not labelled.
- ID_TOKEN: device ids, session ids, cookie values written in the text (UUIDs, long hex / base64url).

Templates are strings with `{slot}` placeholders (see SLOTS); a digit suffix (`{phone2}`) asks for a
second, different value, a repeated placeholder reuses the same value.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import phonenumbers
from stdnum import luhn
from stdnum.jp import in_ as my_number

from anonymize import entities as E

# --------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------

# (kanji, katakana reading, romaji). Common names first, then less common ones.
FAMILY_NAMES: tuple[tuple[str, str, str], ...] = (
    ("佐藤", "サトウ", "Sato"), ("鈴木", "スズキ", "Suzuki"), ("高橋", "タカハシ", "Takahashi"),
    ("田中", "タナカ", "Tanaka"), ("伊藤", "イトウ", "Ito"), ("渡辺", "ワタナベ", "Watanabe"),
    ("山本", "ヤマモト", "Yamamoto"), ("中村", "ナカムラ", "Nakamura"), ("小林", "コバヤシ", "Kobayashi"),
    ("加藤", "カトウ", "Kato"), ("吉田", "ヨシダ", "Yoshida"), ("山田", "ヤマダ", "Yamada"),
    ("佐々木", "ササキ", "Sasaki"), ("山口", "ヤマグチ", "Yamaguchi"), ("松本", "マツモト", "Matsumoto"),
    ("井上", "イノウエ", "Inoue"), ("木村", "キムラ", "Kimura"), ("林", "ハヤシ", "Hayashi"),
    ("斎藤", "サイトウ", "Saito"), ("清水", "シミズ", "Shimizu"), ("山崎", "ヤマザキ", "Yamazaki"),
    ("森", "モリ", "Mori"), ("池田", "イケダ", "Ikeda"), ("橋本", "ハシモト", "Hashimoto"),
    ("阿部", "アベ", "Abe"), ("石川", "イシカワ", "Ishikawa"), ("前田", "マエダ", "Maeda"),
    ("藤田", "フジタ", "Fujita"), ("小川", "オガワ", "Ogawa"), ("岡田", "オカダ", "Okada"),
    ("後藤", "ゴトウ", "Goto"), ("長谷川", "ハセガワ", "Hasegawa"), ("村上", "ムラカミ", "Murakami"),
    ("近藤", "コンドウ", "Kondo"), ("石井", "イシイ", "Ishii"), ("坂本", "サカモト", "Sakamoto"),
    ("遠藤", "エンドウ", "Endo"), ("青木", "アオキ", "Aoki"), ("藤井", "フジイ", "Fujii"),
    ("西村", "ニシムラ", "Nishimura"),
    ("東海林", "ショウジ", "Shoji"), ("勅使河原", "テシガワラ", "Teshigawara"), ("小鳥遊", "タカナシ", "Takanashi"),
    ("五十嵐", "イガラシ", "Igarashi"), ("御手洗", "ミタライ", "Mitarai"), ("宇佐美", "ウサミ", "Usami"),
    ("比嘉", "ヒガ", "Higa"), ("金城", "キンジョウ", "Kinjo"), ("一ノ瀬", "イチノセ", "Ichinose"),
    ("九十九", "ツクモ", "Tsukumo"), ("相良", "サガラ", "Sagara"), ("百目鬼", "ドウメキ", "Domeki"),
    ("東", "アズマ", "Azuma"), ("南雲", "ナグモ", "Nagumo"), ("氷室", "ヒムロ", "Himuro"),
    ("早乙女", "サオトメ", "Saotome"), ("鬼頭", "キトウ", "Kito"), ("真壁", "マカベ", "Makabe"),
    ("新垣", "アラガキ", "Aragaki"), ("四月一日", "ワタヌキ", "Watanuki"),
)

GIVEN_NAMES: tuple[tuple[str, str, str], ...] = (
    ("太郎", "タロウ", "Taro"), ("花子", "ハナコ", "Hanako"), ("翔太", "ショウタ", "Shota"),
    ("陽菜", "ヒナ", "Hina"), ("大輔", "ダイスケ", "Daisuke"), ("美咲", "ミサキ", "Misaki"),
    ("健太", "ケンタ", "Kenta"), ("結衣", "ユイ", "Yui"), ("拓也", "タクヤ", "Takuya"),
    ("彩", "アヤ", "Aya"), ("直樹", "ナオキ", "Naoki"), ("由美", "ユミ", "Yumi"),
    ("誠", "マコト", "Makoto"), ("恵", "メグミ", "Megumi"), ("浩二", "コウジ", "Koji"),
    ("真由美", "マユミ", "Mayumi"), ("隆", "タカシ", "Takashi"), ("さくら", "サクラ", "Sakura"),
    ("悠斗", "ユウト", "Yuto"), ("葵", "アオイ", "Aoi"), ("蓮", "レン", "Ren"),
    ("凛", "リン", "Rin"), ("湊", "ミナト", "Minato"), ("陽翔", "ハルト", "Haruto"),
    ("結菜", "ユイナ", "Yuina"), ("一郎", "イチロウ", "Ichiro"), ("和子", "カズコ", "Kazuko"),
    ("幸子", "サチコ", "Sachiko"), ("正雄", "マサオ", "Masao"), ("清", "キヨシ", "Kiyoshi"),
    ("智子", "トモコ", "Tomoko"), ("裕子", "ユウコ", "Yuko"), ("康介", "コウスケ", "Kosuke"),
    ("沙織", "サオリ", "Saori"), ("亮", "リョウ", "Ryo"), ("舞", "マイ", "Mai"),
    ("剛", "ツヨシ", "Tsuyoshi"), ("千尋", "チヒロ", "Chihiro"), ("大和", "ヤマト", "Yamato"),
    ("紗希", "サキ", "Saki"),
    ("龍之介", "リュウノスケ", "Ryunosuke"), ("瑛太", "エイタ", "Eita"), ("心愛", "ココア", "Kokoa"),
    ("颯", "ハヤテ", "Hayate"), ("琴音", "コトネ", "Kotone"), ("伊織", "イオリ", "Iori"),
    ("朔", "サク", "Saku"), ("紬", "ツムギ", "Tsumugi"), ("樹", "イツキ", "Itsuki"),
    ("雫", "シズク", "Shizuku"), ("冬馬", "トウマ", "Toma"), ("千代", "チヨ", "Chiyo"),
    ("ゆかり", "ユカリ", "Yukari"), ("まどか", "マドカ", "Madoka"), ("トメ", "トメ", "Tome"),
    ("源三郎", "ゲンザブロウ", "Genzaburo"), ("巴", "トモエ", "Tomoe"), ("鷹也", "タカヤ", "Takaya"),
    ("詩織", "シオリ", "Shiori"), ("光", "ヒカル", "Hikaru"),
)

# Foreign names: (katakana, roman).
FOREIGN_GIVEN: tuple[tuple[str, str], ...] = (
    ("ジョン", "John"), ("マリア", "Maria"), ("デイビッド", "David"), ("エミリー", "Emily"),
    ("マイケル", "Michael"), ("アンナ", "Anna"), ("ソフィア", "Sophia"), ("トーマス", "Thomas"),
    ("オリビア", "Olivia"), ("ルーカス", "Lucas"), ("エマ", "Emma"), ("ラウル", "Raul"),
)
FOREIGN_FAMILY: tuple[tuple[str, str], ...] = (
    ("スミス", "Smith"), ("ガルシア", "Garcia"), ("ブラウン", "Brown"), ("ジョンソン", "Johnson"),
    ("ミラー", "Miller"), ("ロペス", "Lopez"), ("ウィルソン", "Wilson"), ("マルティネス", "Martinez"),
    ("テイラー", "Taylor"), ("アンダーソン", "Anderson"), ("シュミット", "Schmidt"), ("ペレイラ", "Pereira"),
)
VIETNAMESE: tuple[str, ...] = ("グエン・ヴァン・ナム", "チャン・ティ・ラン", "レ・ヴァン・フン", "ファム・ティ・マイ")


@dataclass(frozen=True, slots=True)
class Person:
    """A made-up Japanese person: family and given name as (kanji, katakana, romaji)."""

    family: tuple[str, str, str]
    given: tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Persona:
    """One end user of a conversation, so that a chat mentions the same person, mail and phone."""

    person: Person
    email: str
    phone_digits: str


def katakana_to_hiragana(text: str) -> str:
    """ヤマダ → やまだ (the long-vowel mark and other characters are kept)."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def random_person(rng: random.Random) -> Person:
    """A random family + given name."""
    return Person(rng.choice(FAMILY_NAMES), rng.choice(GIVEN_NAMES))


def person_name(rng: random.Random, form: str | None = None, person: Person | None = None) -> str:
    """A person's name in one surface form.

    Forms: kanji (山田太郎), kanji_space (山田 太郎), family (山田), given (太郎), katakana (ヤマダ タロウ),
    hiragana (やまだ たろう or やまだ), roman (Taro Yamada / YAMADA Taro), foreign (ジョン・スミス).
    """
    p = person or random_person(rng)
    form = form or rng.choice(("kanji", "kanji_space", "family", "given", "katakana", "hiragana", "roman", "foreign"))
    fam, giv = p.family, p.given
    if form == "kanji":
        return fam[0] + giv[0]
    if form == "kanji_space":
        return fam[0] + rng.choice((" ", " ", "\u3000")) + giv[0]
    if form == "family":
        return fam[0]
    if form == "given":
        return giv[0]
    if form == "katakana":
        return fam[1] + rng.choice((" ", " ", "\u3000", "")) + giv[1]
    if form == "hiragana":
        if rng.random() < 0.4:
            return katakana_to_hiragana(fam[1])
        return katakana_to_hiragana(fam[1]) + rng.choice((" ", "")) + katakana_to_hiragana(giv[1])
    if form == "roman":
        style = rng.randrange(4)
        if style == 0:
            return f"{giv[2]} {fam[2]}"
        if style == 1:
            return f"{fam[2].upper()} {giv[2]}"
        if style == 2:
            return f"{fam[2]} {giv[2]}"
        return f"{giv[2].upper()} {fam[2].upper()}"
    if form == "foreign":
        if rng.random() < 0.2:
            return rng.choice(VIETNAMESE)
        return rng.choice(FOREIGN_GIVEN)[0] + "・" + rng.choice(FOREIGN_FAMILY)[0]
    raise ValueError(f"unknown person form {form!r}")


def foreign_roman_name(rng: random.Random) -> str:
    """A romanized foreign name (John Smith)."""
    return rng.choice(FOREIGN_GIVEN)[1] + " " + rng.choice(FOREIGN_FAMILY)[1]


# --------------------------------------------------------------------------------------------------
# Organizations
# --------------------------------------------------------------------------------------------------

ORG_STEMS_KANA: tuple[str, ...] = (
    "アオバ", "ミドリテック", "ヒカリノ", "ソラノ", "ハヤテ", "カエデ", "ツバサ", "コトブキ", "ホシノ",
    "ナギサ", "フタバ", "サンプル", "エグザンプル", "ミライエ", "タチバナ", "クローバー", "ノースフィールド",
)
ORG_STEMS_KANJI: tuple[str, ...] = (
    "山川", "東雲", "北斗", "青葉", "大和田", "白樺", "若葉", "日向", "朝霧", "銀河", "桜井", "富岳", "瑞穂",
    "千歳", "浜風", "高嶺", "緑丘", "明星",
)
ORG_SUFFIXES: tuple[str, ...] = (
    "", "", "工業", "システム", "物流", "フーズ", "建設", "電機", "ソリューションズ", "製作所", "不動産", "印刷",
)
DEPARTMENTS: tuple[str, ...] = (
    "営業部", "経理部", "総務部", "人事部", "開発部", "情報システム部", "法務部", "マーケティング部", "購買部",
    "第二営業部", "カスタマーサクセス部",
)
FACULTIES: tuple[str, ...] = ("工学部", "文学部", "経済学部", "医学部", "理学部", "法学部")


def _stem(rng: random.Random) -> str:
    return rng.choice(ORG_STEMS_KANA if rng.random() < 0.5 else ORG_STEMS_KANJI)


def company_name(rng: random.Random, form: str | None = None) -> str:
    """A made-up company: 株式会社〇〇, 〇〇株式会社, 〇〇商事, 有限会社〇〇."""
    form = form or rng.choice(("kabu_pre", "kabu_post", "shoji", "yugen"))
    stem = _stem(rng)
    if form == "kabu_pre":
        return "株式会社" + rng.choice(("", "", " ")) + stem + rng.choice(ORG_SUFFIXES)
    if form == "kabu_post":
        return stem + rng.choice(ORG_SUFFIXES) + "株式会社"
    if form == "shoji":
        return stem + rng.choice(("商事", "物産", "産業"))
    if form == "yugen":
        return "有限会社" + stem + rng.choice(ORG_SUFFIXES)
    raise ValueError(f"unknown company form {form!r}")


def bank_employer(rng: random.Random) -> str:
    """A made-up bank, as someone's employer (〇〇銀行, 〇〇信用金庫)."""
    return rng.choice(ORG_STEMS_KANJI) + rng.choice(("銀行", "銀行", "信用金庫"))


def school_name(rng: random.Random) -> str:
    """A made-up university (〇〇大学, 〇〇学院大学, 〇〇工科大学)."""
    return rng.choice(ORG_STEMS_KANJI) + rng.choice(("大学", "大学", "学院大学", "工科大学", "女子大学"))


def department_name(rng: random.Random) -> str:
    """An organisation with a department (ヒカリノ工業 営業部, 青葉大学工学部)."""
    if rng.random() < 0.25:
        return school_name(rng) + rng.choice(("", " ")) + rng.choice(FACULTIES)
    return company_name(rng) + rng.choice(("", " ", " ")) + rng.choice(DEPARTMENTS)


def organization(rng: random.Random, form: str | None = None) -> str:
    """An organisation in one of the forms: company, bank (employer), school, department."""
    form = form or rng.choice(("company", "company", "company", "bank", "school", "department"))
    if form == "company":
        return company_name(rng)
    if form == "bank":
        return bank_employer(rng)
    if form == "school":
        return school_name(rng)
    if form == "department":
        return department_name(rng)
    raise ValueError(f"unknown organization form {form!r}")


# --------------------------------------------------------------------------------------------------
# Addresses and postal codes
# --------------------------------------------------------------------------------------------------

MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    "北海道": ("札幌市中央区", "旭川市", "函館市", "虻田郡倶知安町"),
    "青森県": ("青森市", "弘前市"), "岩手県": ("盛岡市", "花巻市"), "宮城県": ("仙台市青葉区", "石巻市"),
    "秋田県": ("秋田市", "横手市"), "山形県": ("山形市", "鶴岡市"), "福島県": ("郡山市", "いわき市"),
    "茨城県": ("水戸市", "つくば市"), "栃木県": ("宇都宮市", "小山市"), "群馬県": ("前橋市", "高崎市"),
    "埼玉県": ("さいたま市浦和区", "川越市"), "千葉県": ("千葉市美浜区", "船橋市"),
    "東京都": ("渋谷区", "世田谷区", "新宿区", "八王子市", "練馬区"),
    "神奈川県": ("横浜市港北区", "川崎市中原区", "藤沢市"), "新潟県": ("新潟市中央区", "長岡市"),
    "富山県": ("富山市", "高岡市"), "石川県": ("金沢市", "小松市"), "福井県": ("福井市", "敦賀市"),
    "山梨県": ("甲府市", "富士吉田市"), "長野県": ("長野市", "松本市", "北佐久郡軽井沢町"),
    "岐阜県": ("岐阜市", "大垣市"), "静岡県": ("静岡市葵区", "浜松市中央区"), "愛知県": ("名古屋市中区", "豊田市"),
    "三重県": ("津市", "四日市市"), "滋賀県": ("大津市", "草津市"), "京都府": ("京都市左京区", "宇治市"),
    "大阪府": ("大阪市北区", "堺市堺区", "豊中市"), "兵庫県": ("神戸市中央区", "姫路市"),
    "奈良県": ("奈良市", "橿原市"), "和歌山県": ("和歌山市", "田辺市"), "鳥取県": ("鳥取市", "米子市"),
    "島根県": ("松江市", "出雲市"), "岡山県": ("岡山市北区", "倉敷市"), "広島県": ("広島市中区", "福山市"),
    "山口県": ("山口市", "下関市"), "徳島県": ("徳島市", "鳴門市"), "香川県": ("高松市", "丸亀市"),
    "愛媛県": ("松山市", "今治市"), "高知県": ("高知市", "南国市"), "福岡県": ("福岡市博多区", "北九州市小倉北区"),
    "佐賀県": ("佐賀市", "唐津市"), "長崎県": ("長崎市", "佐世保市"), "熊本県": ("熊本市中央区", "八代市"),
    "大分県": ("大分市", "別府市"), "宮崎県": ("宮崎市", "都城市"), "鹿児島県": ("鹿児島市", "霧島市"),
    "沖縄県": ("那覇市", "沖縄市", "島尻郡八重瀬町"),
}
PREFECTURES: tuple[str, ...] = tuple(MUNICIPALITIES)
TOWNS: tuple[str, ...] = (
    "本町", "中央", "栄町", "緑町", "旭町", "幸町", "新町", "元町", "桜木町", "若葉", "青葉台", "松原", "東雲",
    "日の出町", "宮前", "泉町", "末広町", "柳町", "南町", "北町", "大手町", "平和台", "富士見", "春日", "住吉町",
)
BUILDING_STEMS: tuple[str, ...] = (
    "サンプル", "グリーン", "さくら", "ひまわり", "パーク", "リバーサイド", "エクセル", "メイプル", "青葉", "若竹",
)

_FW = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def to_fullwidth(text: str, dash: str = "－") -> str:
    """ASCII → full-width forms (１５０－０００１); '-' becomes `dash`, a space an ideographic space."""
    table = dict(_FW)
    table[ord("-")] = ord(dash)
    table[ord(" ")] = 0x3000
    return text.translate(table)


def _block(rng: random.Random) -> str:
    chome, ban, go = rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 25)
    form = rng.choice(("hyphen", "hyphen", "kanji", "mixed", "fullwidth", "two", "banchi"))
    if form == "hyphen":
        return f"{chome}-{ban}-{go}"
    if form == "kanji":
        return f"{chome}丁目{ban}番{go}号"
    if form == "mixed":
        return f"{chome}丁目{ban}-{go}"
    if form == "fullwidth":
        return to_fullwidth(f"{chome}-{ban}-{go}", rng.choice(("－", "－", "ー", "−")))
    if form == "two":
        return f"{ban}-{go}"
    return f"{rng.randint(100, 2999)}番地{rng.choice(('', str(go)))}".rstrip()


def _building(rng: random.Random) -> str:
    room = f"{rng.randint(1, 12)}{rng.randint(1, 12):02d}"
    stem = rng.choice(BUILDING_STEMS)
    form = rng.randrange(5)
    if form == 0:
        return f"コーポ{stem}{rng.choice(('', ' '))}{room}"
    if form == 1:
        return f"{stem}マンション{room}号室"
    if form == 2:
        return f"{stem}ハイツ{rng.choice(('', ' '))}{room}"
    if form == 3:
        return f"メゾン{stem} {room}号室"
    return f"{stem}レジデンス{rng.choice(('', ' '))}{room}"


def address(rng: random.Random, prefecture: str | None = None, *, building: bool | None = None) -> str:
    """A street address: prefecture (usually) + municipality + town + block numbers (+ building, room)."""
    pref = prefecture or rng.choice(PREFECTURES)
    muni = rng.choice(MUNICIPALITIES[pref])
    town = rng.choice(TOWNS)
    head = (pref if rng.random() < 0.85 else "") + muni + rng.choice(("", "", "", " ")) + town
    text = head + _block(rng)
    if building if building is not None else rng.random() < 0.45:
        text += rng.choice((" ", " ", "", "\u3000")) + _building(rng)
    return text


def postal_code(rng: random.Random, form: str | None = None) -> str:
    """A postal code: 150-0001, 1500001 or full-width １５０－０００１ (without 〒)."""
    code = f"{rng.randint(10, 999):03d}-{rng.randint(0, 9999):04d}"
    form = form or rng.choice(("hyphen", "hyphen", "hyphen", "plain", "fullwidth"))
    if form == "hyphen":
        return code
    if form == "plain":
        return code.replace("-", "")
    if form == "fullwidth":
        return to_fullwidth(code, rng.choice(("－", "ー", "−")))
    raise ValueError(f"unknown postal form {form!r}")


# --------------------------------------------------------------------------------------------------
# Phone numbers, e-mail addresses
# --------------------------------------------------------------------------------------------------

# (prefix, groups after the prefix) — 03-1234-5678, 045-123-4567, 0466-12-3456 …
_LANDLINE = (("03", (4, 4)), ("06", (4, 4)), ("045", (3, 4)), ("052", (3, 4)), ("011", (3, 4)),
             ("092", (3, 4)), ("075", (3, 4)), ("022", (3, 4)), ("0466", (2, 4)), ("0555", (2, 4)))
PHONE_DASHES: tuple[str, ...] = ("ー", "−", "‐", "－")


def is_valid_jp_phone(value: str) -> bool:
    """True when `value` (any dash / width variant) is a valid number for phonenumbers, region JP."""
    folded = to_ascii(value)
    folded = re.sub(r"(?<=\d)ー(?=\d)", "-", folded)
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(folded, "JP"))
    except phonenumbers.NumberParseException:
        return False


def to_ascii(text: str) -> str:
    """Full-width ASCII and dash variants → ASCII (the inverse of `to_fullwidth`, for validation)."""
    table = {c + 0xFEE0: c for c in range(0x21, 0x7F)}
    for d in ("−", "‐", "‑", "–", "—", "－"):
        table[ord(d)] = ord("-")
    table[0x3000] = ord(" ")
    return text.translate(table)


def phone_groups(rng: random.Random, kind: str | None = None) -> tuple[str, ...]:
    """Digit groups of a valid JP number: mobile 090-1234-5678, landline, toll-free 0120, IP phone 050."""
    kind = kind or rng.choice(("mobile", "mobile", "mobile", "landline", "landline", "tollfree", "ip"))
    while True:
        if kind == "mobile":
            groups: tuple[str, ...] = (rng.choice(("090", "080", "070")), f"{rng.randint(1000, 9999)}",
                                       f"{rng.randint(0, 9999):04d}")
        elif kind == "landline":
            prefix, sizes = rng.choice(_LANDLINE)
            groups = (prefix, str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(sizes[0] - 1)),
                      f"{rng.randint(0, 10 ** sizes[1] - 1):0{sizes[1]}d}")
        elif kind == "tollfree":
            groups = ("0120", f"{rng.randint(100, 999)}", f"{rng.randint(0, 999):03d}")
        elif kind == "ip":
            groups = ("050", f"{rng.randint(1000, 9999)}", f"{rng.randint(0, 9999):04d}")
        else:
            raise ValueError(f"unknown phone kind {kind!r}")
        if is_valid_jp_phone("".join(groups)):
            return groups


def format_phone(rng: random.Random, groups: Sequence[str], form: str | None = None) -> str:
    """Format digit groups: hyphen, plain, paren 03(1234)5678, intl +81-90-…, fullwidth, odd dashes."""
    form = form or rng.choice(("hyphen", "hyphen", "hyphen", "plain", "plain", "paren", "intl", "fullwidth",
                               "dash"))
    if form == "paren" and groups[0] in ("090", "080", "070", "050", "0120"):
        form = "hyphen"  # 03(1234)5678 is a landline habit
    if form == "hyphen":
        return "-".join(groups)
    if form == "plain":
        return "".join(groups)
    if form == "paren":
        return f"{groups[0]}({groups[1]}){groups[2]}"
    if form == "intl":
        sep = rng.choice(("-", " ", ""))
        return "+81" + sep + sep.join((groups[0][1:], *groups[1:]))
    if form == "fullwidth":
        dash = rng.choice(PHONE_DASHES)
        return to_fullwidth("-".join(groups), dash) if rng.random() < 0.8 else to_fullwidth("".join(groups))
    if form == "dash":
        return rng.choice(PHONE_DASHES[1:]).join(groups)
    raise ValueError(f"unknown phone form {form!r}")


def phone_number(rng: random.Random, kind: str | None = None, form: str | None = None) -> str:
    """A valid JP phone number in one surface form."""
    return format_phone(rng, phone_groups(rng, kind), form)


EMAIL_DOMAINS: tuple[str, ...] = (
    "example.com", "example.co.jp", "example.jp", "example.ne.jp", "example.net", "example.org",
    "mail.example.com", "docomo.example.ne.jp", "corp.example.co.jp",
)


def email_address(rng: random.Random, person: Person | None = None, *, fullwidth_at: bool | None = None) -> str:
    """A made-up e-mail address, usually from a romanized name; sometimes with a full-width ＠."""
    p = person or random_person(rng)
    fam, giv = p.family[2].lower(), p.given[2].lower()
    year = rng.randint(1950, 2008)
    local = rng.choice((
        f"{giv}.{fam}", f"{fam}.{giv}", f"{giv[0]}-{fam}", f"{fam}_{giv}{year % 100:02d}", f"{giv}{year}",
        f"{fam}{rng.randint(1, 999)}", f"{giv}.{fam[0]}+shop", f"{fam}-{giv[:3]}", f"{giv}_{fam}.{year}",
    ))
    at = "＠" if (fullwidth_at if fullwidth_at is not None else rng.random() < 0.1) else "@"
    return local + at + rng.choice(EMAIL_DOMAINS)


# --------------------------------------------------------------------------------------------------
# Dates of birth, ages
# --------------------------------------------------------------------------------------------------

_ERAS = (("令和", "R", dt.date(2019, 5, 1)), ("平成", "H", dt.date(1989, 1, 8)), ("昭和", "S", dt.date(1926, 12, 25)))


def birth_date(rng: random.Random) -> dt.date:
    """A birth date between 1930 and 2008."""
    start, end = dt.date(1930, 1, 1).toordinal(), dt.date(2008, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def japanese_era(day: dt.date) -> tuple[str, str, int]:
    """(era kanji, era letter, year in era) of a date."""
    for kanji, letter, start in _ERAS:
        if day >= start:
            return kanji, letter, day.year - start.year + 1
    raise ValueError("before Showa")


def date_of_birth(rng: random.Random, form: str | None = None) -> str:
    """A birth date in one form: 1990年1月2日, 1990/01/02, 平成2年1月2日, H2.1.2, S40.5.6, 19900102 …"""
    d = birth_date(rng)
    form = form or rng.choice(("kanji", "kanji", "slash", "slash0", "dot", "era_kanji", "era_kanji", "era_letter",
                               "compact", "hyphen"))
    if form == "kanji":
        return f"{d.year}年{d.month}月{d.day}日"
    if form == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if form == "slash0":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if form == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if form == "hyphen":
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if form == "compact":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    kanji, letter, year = japanese_era(d)
    if form == "era_kanji":
        y = "元" if year == 1 else str(year)
        return f"{kanji}{y}年{d.month}月{d.day}日"
    if form == "era_letter":
        return f"{letter}{year}.{d.month}.{d.day}"
    raise ValueError(f"unknown date form {form!r}")


_KANJI_DIGITS = "〇一二三四五六七八九"


def kanji_number(n: int) -> str:
    """0 < n < 200 in kanji numerals (九十五, 百, 百二)."""
    out = ""
    if n >= 100:
        out, n = "百", n - 100
    if n >= 10:
        out += ("" if n // 10 == 1 else _KANJI_DIGITS[n // 10]) + "十"
        n %= 10
    if n:
        out += _KANJI_DIGITS[n]
    return out


def age_90_plus(rng: random.Random) -> str:
    """An age of 90 or over: 92歳, 95才, 九十五歳, 百歳, ９３歳."""
    n = rng.choice((90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 104))
    form = rng.randrange(6)
    if form == 0:
        return kanji_number(n) + "歳"
    if form == 1:
        return f"{n}才"
    if form == 2:
        return to_fullwidth(str(n)) + "歳"
    return f"{n}歳"


# --------------------------------------------------------------------------------------------------
# Identifiers: bank accounts, cards, licences, My Number, passports, IPs, URLs, tokens
# --------------------------------------------------------------------------------------------------

ACCOUNT_BANKS: tuple[str, ...] = (
    "ひまわり銀行", "つばさ銀行", "東雲銀行", "北斗銀行", "みずなら銀行", "さくらんぼ信用金庫", "サンプル銀行",
    "エグザンプル銀行", "あけぼの銀行",
)
BRANCHES: tuple[str, ...] = ("渋谷支店", "本店営業部", "駅前支店", "梅田支店", "中央支店", "桜台支店", "博多支店",
                             "新宿西口支店", "札幌北支店")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


@dataclass(frozen=True, slots=True)
class Fragment:
    """A piece of generated text and the gold spans inside it, as (type, start, end) relative to it."""

    text: str
    spans: tuple[tuple[str, int, int], ...] = ()


def whole(entity_type: str, text: str) -> Fragment:
    """A fragment that is one entity from end to end."""
    return Fragment(text, ((entity_type, 0, len(text)),))


def plain(text: str) -> Fragment:
    """A fragment without personal data."""
    return Fragment(text)


def _labelled(prefix: str, value: str, suffix: str, entity_type: str) -> Fragment:
    return Fragment(prefix + value + suffix, ((entity_type, len(prefix), len(prefix) + len(value)),))


def account_number(rng: random.Random) -> str:
    """A 7-digit account number."""
    return _digits(rng, 7)


def yucho_account(rng: random.Random, *, with_bank: bool = True) -> Fragment:
    """A ゆうちょ 記号・番号 pair; the span runs from the first digit of 記号 to the last digit of 番号."""
    kigo = "1" + _digits(rng, 4)
    bango = _digits(rng, 7) + "1"
    sep = rng.choice(("", " "))
    head = rng.choice(("ゆうちょ銀行 ", "ゆうちょ ", "ゆうちょ銀行の", "")) if with_bank else ""
    if rng.random() < 0.3:
        return _labelled(head + "記号番号" + sep, f"{kigo}-{bango}", "", E.BANK_ACCOUNT)
    join = rng.choice((" 番号", "、番号", " 番号 ", "番号", "番号 "))
    return _labelled(head + "記号" + sep, kigo + join + bango, "", E.BANK_ACCOUNT)


def bank_account(rng: random.Random) -> Fragment:
    """A bank account mention; only the number (ゆうちょ: 記号…番号 digits) is labelled BANK_ACCOUNT."""
    if rng.random() < 0.25:
        return yucho_account(rng)
    bank, branch = rng.choice(ACCOUNT_BANKS), rng.choice(BRANCHES)
    kind = rng.choice(("普通", "普通", "普通預金", "当座", "(普)", "普通 口座番号"))
    sep = rng.choice((" ", " ", "", "\u3000"))
    number = account_number(rng) if rng.random() < 0.85 else to_fullwidth(account_number(rng))
    return _labelled(f"{bank}{sep}{branch}{sep}{kind}{rng.choice((' ', ''))}", number, "", E.BANK_ACCOUNT)


def card_number_digits(rng: random.Random, brand: str | None = None) -> str:
    """A Luhn-valid card number: visa 4…, master 51–55…, jcb 3528–3589…, amex 34/37… (15 digits)."""
    brand = brand or rng.choice(("visa", "visa", "master", "master", "jcb", "jcb", "amex"))
    if brand == "visa":
        prefix, length = "4", 16
    elif brand == "master":
        prefix, length = str(rng.randint(51, 55)), 16
    elif brand == "jcb":
        prefix, length = str(rng.randint(3528, 3589)), 16
    elif brand == "amex":
        prefix, length = rng.choice(("34", "37")), 15
    else:
        raise ValueError(f"unknown brand {brand!r}")
    body = prefix + _digits(rng, length - 1 - len(prefix))
    return body + luhn.calc_check_digit(body)


def credit_card(rng: random.Random, brand: str | None = None, form: str | None = None) -> str:
    """A card number: spaced, hyphenated, plain or full-width (Amex grouped 4-6-5)."""
    n = card_number_digits(rng, brand)
    sizes = (4, 6, 5) if len(n) == 15 else (4, 4, 4, 4)
    groups, i = [], 0
    for s in sizes:
        groups.append(n[i:i + s])
        i += s
    form = form or rng.choice(("space", "space", "hyphen", "hyphen", "plain", "fullwidth"))
    if form == "space":
        return " ".join(groups)
    if form == "hyphen":
        return "-".join(groups)
    if form == "plain":
        return n
    if form == "fullwidth":
        return to_fullwidth(rng.choice(("-", " ", "")).join(groups))
    raise ValueError(f"unknown card form {form!r}")


def my_number_digits(rng: random.Random) -> str:
    """12 digits with a valid My Number check digit."""
    body = str(rng.randint(1, 9)) + _digits(rng, 10)
    return body + my_number.calc_check_digit(body)


def my_number_value(rng: random.Random, form: str | None = None) -> str:
    """A My Number: 4-4-4 with hyphens or spaces, plain, or full-width."""
    n = my_number_digits(rng)
    form = form or rng.choice(("hyphen", "hyphen", "space", "plain", "plain", "fullwidth"))
    groups = (n[:4], n[4:8], n[8:])
    if form == "hyphen":
        return "-".join(groups)
    if form == "space":
        return " ".join(groups)
    if form == "plain":
        return n
    if form == "fullwidth":
        return to_fullwidth(rng.choice(("-", "")).join(groups))
    raise ValueError(f"unknown my number form {form!r}")


def drivers_license(rng: random.Random, form: str | None = None) -> str:
    """A 12-digit licence number (commission code, year, serial, check, reissue); never a valid My Number."""
    while True:
        n = (rng.choice(("10", "21", "30", "45", "46", "50", "54", "62", "63", "72", "81", "91"))
             + f"{rng.randint(0, 99):02d}" + _digits(rng, 6) + _digits(rng, 1) + rng.choice("0001"))
        if not my_number.is_valid(n):
            break
    form = form or rng.choice(("plain", "plain", "plain", "hyphen", "fullwidth"))
    if form == "plain":
        return n
    if form == "hyphen":
        return f"{n[:4]}-{n[4:8]}-{n[8:]}"
    if form == "fullwidth":
        return to_fullwidth(n)
    raise ValueError(f"unknown licence form {form!r}")


PASSPORT_PREFIXES: tuple[str, ...] = ("TK", "TR", "TZ", "TS", "TH", "MZ", "MU", "RE", "AZ", "TT")


def passport_number(rng: random.Random) -> str:
    """A passport number: 2 capital letters + 7 digits (TK1234567)."""
    return rng.choice(PASSPORT_PREFIXES) + _digits(rng, 7)


def ip_address(rng: random.Random, version: int | None = None) -> str:
    """An IPv4 or IPv6 address from the documentation ranges."""
    if (version or rng.choice((4, 4, 4, 6))) == 4:
        net = rng.choice(("192.0.2", "198.51.100", "203.0.113"))
        return f"{net}.{rng.randint(1, 254)}"
    groups = [rng.randint(0, 0xFFFF) for _ in range(6)]
    if rng.random() < 0.4:
        groups[1:4] = [0, 0, 0]
    addr = ipaddress.IPv6Address("2001:db8:" + ":".join(f"{g:x}" for g in groups))
    return addr.exploded if rng.random() < 0.15 else str(addr)


URL_HOSTS: tuple[str, ...] = (
    "shop.example.jp", "www.example.co.jp", "reserve.example.com", "app.example.net", "mypage.example.jp",
    "travel.example.com", "support.example.co.jp",
)


def hex_token(rng: random.Random, n: int = 32) -> str:
    """n lowercase hex characters."""
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid_like(rng: random.Random) -> str:
    """A version-4 shaped UUID."""
    h = hex_token(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def base64url_token(rng: random.Random, n: int = 24) -> str:
    """A base64url-looking token with at least one letter and one digit."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    while True:
        t = "".join(rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in t) and any(c.isalpha() for c in t) and t[0].isalnum() and t[-1].isalnum():
            return t


def id_token(rng: random.Random) -> str:
    """A device id, session id or cookie value: UUID, long hex, or base64url."""
    form = rng.randrange(4)
    if form == 0:
        return uuid_like(rng)
    if form == 1:
        return uuid_like(rng).upper()
    if form == 2:
        return hex_token(rng, rng.choice((16, 24, 32, 40)))
    return base64url_token(rng, rng.choice((22, 24, 32)))


def url_with_query(rng: random.Random, email: str | None = None) -> str:
    """A URL whose query string or fragment carries an e-mail address, id or token."""
    host = rng.choice(URL_HOSTS)
    path = rng.choice(("/mypage", "/login", "/account/verify", "/password/reset", "/order/detail", "/reserve/confirm",
                       "/campaign/entry", "/unsubscribe", ""))
    mail = (email or email_address(rng, fullwidth_at=False)).replace("＠", "@")
    style = rng.randrange(7)
    if style == 0:
        query = f"?email={mail.replace('@', '%40')}&token={hex_token(rng, 32)}"
    elif style == 1:
        query = f"?mail={mail}"
    elif style == 2:
        query = f"?id=U{_digits(rng, 8)}&sid={base64url_token(rng, 22)}"
    elif style == 3:
        query = f"?token={uuid_like(rng)}"
    elif style == 4:
        query = f"?uid={_digits(rng, 9)}&utm_source=mail&utm_medium=email"
    elif style == 5:
        query = f"#access_token={base64url_token(rng, 32)}&expires_in=3600"
    else:
        query = f"?order=ORD-{_digits(rng, 8)}&member_id={_digits(rng, 10)}&email={mail.replace('@', '%40')}"
    return f"https://{host}{path}{query}"


# --------------------------------------------------------------------------------------------------
# Things that are not personal data
# --------------------------------------------------------------------------------------------------

BRANDS: tuple[str, ...] = ("ミナライ", "minarai CS-Chat", "ミナライストア", "ミナライトラベル", "ミナライモバイル",
                           "ミナライフィット", "ミナライ会員", "minarai")
STATIONS: tuple[str, ...] = ("新宿駅", "梅田駅", "博多駅", "札幌駅", "名古屋駅", "仙台駅", "京都駅", "横浜駅",
                             "天神駅", "三宮駅", "渋谷駅", "金沢駅", "大宮駅", "那覇空港駅")
HOTELS: tuple[str, ...] = ("ホテルサンプル京都", "グランドホテル博多", "ビジネスホテル駅前イン", "温泉旅館 月見荘",
                           "エグザンプルホテル札幌", "リゾートホテル美ら海", "ホテルミナライ新宿", "湯けむりの宿 はなれ")
TRIP_PLACES: tuple[str, ...] = ("京都", "沖縄", "北海道", "金沢", "箱根", "大阪", "福岡", "長野県", "軽井沢", "広島",
                                "奈良", "伊豆", "鹿児島県", "仙台", "石垣島", "日光")
SEASONS: tuple[str, ...] = ("春頃", "来年の夏", "年末年始", "GW明け", "秋口", "梅雨の時期", "お盆休み", "冬休み",
                            "来月中旬", "年度末")
PLANS: tuple[str, ...] = ("プレミアムプラン", "ライトプラン", "家族プラン", "月額980円プラン", "年間パスポートプラン",
                          "5GギガMAXプラン")
FAQ_ANSWERS: tuple[tuple[str, str, str], ...] = (
    ("password_reset", "FAQ-0012", "パスワードの再設定は、ログイン画面の「パスワードをお忘れの方」から行えます。"),
    ("order_status", "FAQ-0101", "ご注文状況はマイページの「注文履歴」からご確認いただけます。"),
    ("return_refund", "FAQ-0203", "返品は商品到着後8日以内に受け付けております。未使用品に限ります。"),
    ("refund_timing", "FAQ-0207", "返金はクレジットカード会社経由で、通常1〜2か月後の請求で相殺されます。"),
    ("address_change", "FAQ-0301", "お届け先の変更は、発送前であればマイページの注文詳細から可能です。"),
    ("cancel", "FAQ-0110", "発送準備に入る前のご注文であれば、注文詳細画面からキャンセルできます。"),
    ("login_trouble", "FAQ-0015", "ログインできない場合は、ブラウザのキャッシュとCookieを削除してお試しください。"),
    ("payment", "FAQ-0401", "お支払いはクレジットカード、コンビニ払い、銀行振込がご利用いただけます。"),
    ("shipping_fee", "FAQ-0120", "送料は全国一律550円、税込5,000円以上のご注文で無料です。"),
    ("reservation_change", "FAQ-0502", "ご予約の変更は、宿泊日の3日前までマイページから承ります。"),
    ("cancellation_fee", "FAQ-0505", "キャンセル料は前日50%、当日100%となります。"),
    ("plan_change", "FAQ-0601", "料金プランの変更は翌月1日から適用されます。"),
    ("membership", "FAQ-0701", "会員ランクは過去12か月のご利用金額で毎月1日に更新されます。"),
    ("receipt", "FAQ-0420", "領収書は注文履歴の「領収書を発行」から何度でもダウンロードできます。"),
    ("app_update", "FAQ-0030", "アプリが起動しない場合は、最新版へのアップデートと端末の再起動をお試しください。"),
    ("unsubscribe", "FAQ-0710", "メールマガジンの配信停止は、マイページの「メール設定」から行えます。"),
    ("handoff_operator", "", "オペレーターにおつなぎします。しばらくお待ちください。"),
    ("greeting", "", "こんにちは。ご用件を入力してください。"),
    ("fallback", "", "申し訳ございません、うまく理解できませんでした。別の言葉でお試しください。"),
    ("closing", "", "他にご不明な点はございますか？"),
)


def order_number(rng: random.Random, day: dt.date | None = None) -> str:
    """ORD-20261123-0042, an 8-digit number, or R-123456."""
    day = day or dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
    form = rng.randrange(3)
    if form == 0:
        return f"ORD-{day:%Y%m%d}-{rng.randint(1, 9999):04d}"
    if form == 1:
        return str(rng.randint(10_000_000, 99_999_999))
    return f"R-{rng.randint(100000, 999999)}"


def price(rng: random.Random) -> str:
    """3,980円, ¥12,800, 税込5,500円, 980円（税込）."""
    n = rng.choice((980, 1280, 1650, 2200, 3980, 5500, 7700, 12800, 19800, 34800, 128000))
    form = rng.randrange(4)
    if form == 0:
        return f"{n:,}円"
    if form == 1:
        return f"¥{n:,}"
    if form == 2:
        return f"税込{n:,}円"
    return f"{n:,}円（税込）"


def delivery_date(rng: random.Random) -> str:
    """A delivery date (not personal): 12月3日, 12/5(金), 明後日."""
    d = dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
    wd = "月火水木金土日"[d.weekday()]
    return rng.choice((f"{d.month}月{d.day}日", f"{d.month}/{d.day}({wd})", f"{d.month}月{d.day}日（{wd}）", "明後日",
                       "来週の火曜日"))


def plain_date(rng: random.Random) -> str:
    """Some other date (not a birth date)."""
    d = dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
    return rng.choice((f"{d.month}月{d.day}日", f"{d.year}年{d.month}月{d.day}日", f"{d.month}/{d.day}", "先週の金曜日",
                       "昨日"))


def sku(rng: random.Random) -> str:
    """A product code: SKU-AB12-345, KX-200B, JAN-style 13 digits are avoided."""
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    form = rng.randrange(3)
    if form == 0:
        return f"SKU-{rng.choice(letters)}{rng.choice(letters)}{rng.randint(10, 99)}-{rng.randint(100, 999)}"
    if form == 1:
        return f"{rng.choice(letters)}{rng.choice(letters)}-{rng.randint(100, 999)}{rng.choice(letters)}"
    return f"品番{rng.randint(1000, 9999)}-{rng.choice(('BK', 'WH', 'NV', 'GY'))}"


def error_code(rng: random.Random) -> str:
    """E-1024, ERR_502, エラー番号 0x80070005 style codes."""
    form = rng.randrange(3)
    if form == 0:
        return f"E-{rng.randint(100, 9999)}"
    if form == 1:
        return f"ERR_{rng.choice((400, 401, 403, 404, 408, 429, 500, 502, 503))}"
    return f"0x{rng.randint(0x80000000, 0x8007FFFF):08X}"


def tracking_number(rng: random.Random) -> str:
    """A parcel tracking number: 1234-5678-9012 (never a valid My Number) or EJ123456789JP."""
    if rng.random() < 0.3:
        return f"E{rng.choice('JMR')}{_digits(rng, 9)}JP"
    while True:
        n = _digits(rng, 12)
        if not my_number.is_valid(n):
            return f"{n[:4]}-{n[4:8]}-{n[8:]}" if rng.random() < 0.7 else n


def business_hours(rng: random.Random) -> str:
    """Support opening hours."""
    return rng.choice(("平日9:00〜18:00", "10時〜19時（年末年始を除く）", "24時間365日", "平日10:00〜17:00、土日祝休み",
                       "毎日9時から21時まで"))


def young_age(rng: random.Random) -> str:
    """An age under 90 (not labelled): 35歳, 89歳, 80代, 七十歳."""
    n = rng.choice((5, 12, 18, 20, 35, 42, 60, 68, 75, 80, 85, 88, 89))
    form = rng.randrange(4)
    if form == 0:
        return f"{n // 10 * 10}代" if n >= 20 else f"{n}歳"
    if form == 1:
        return kanji_number(n) + "歳"
    return f"{n}歳"


def coupon_code(rng: random.Random) -> str:
    """A campaign coupon code."""
    return rng.choice(("WELCOME", "SPRING", "SUMMER", "AUTUMN", "WINTER", "THANKS")) + str(rng.choice((5, 10, 20, 2026)))


def points(rng: random.Random) -> str:
    """A loyalty point balance."""
    return f"{rng.choice((100, 500, 1200, 3000, 15000)):,}"


# --------------------------------------------------------------------------------------------------
# Slots and templates
# --------------------------------------------------------------------------------------------------

SlotFn = Callable[[random.Random, Persona | None], Fragment]


def _person_slot(form: str | None, *, use_persona: bool = True) -> SlotFn:
    full_forms = ("kanji", "kanji", "kanji_space", "kanji_space", "katakana", "hiragana", "roman", "foreign")

    def gen(rng: random.Random, persona: Persona | None) -> Fragment:
        person = persona.person if persona and use_persona else None
        f = form or rng.choice(full_forms)
        if f == "foreign":  # a foreign name is never the persona's (someone else in the chat)
            person = None
        if f == "fullname":
            f = rng.choice(("kanji", "kanji_space"))
        if f == "roman_any" and rng.random() < 0.15:
            return whole(E.PERSON, foreign_roman_name(rng))
        if f == "roman_any":
            f = "roman"
        return whole(E.PERSON, person_name(rng, f, person))

    return gen


def _postal_mark(rng: random.Random, persona: Persona | None) -> Fragment:
    mark = rng.choice(("〒", "〒", "〒 ", ""))
    return _labelled(mark, postal_code(rng), "", E.POSTAL_CODE)


def _phone(rng: random.Random, persona: Persona | None) -> Fragment:
    if persona:
        d = persona.phone_digits
        sizes = (3, 4, 4) if len(d) == 11 else (2, 4, 4)
        groups = (d[:sizes[0]], d[sizes[0]:sizes[0] + sizes[1]], d[sizes[0] + sizes[1]:])
        return whole(E.PHONE_NUMBER, format_phone(rng, groups))
    return whole(E.PHONE_NUMBER, phone_number(rng))


def _email(rng: random.Random, persona: Persona | None) -> Fragment:
    if persona:
        return whole(E.EMAIL_ADDRESS, persona.email if rng.random() < 0.9 else persona.email.replace("@", "＠"))
    return whole(E.EMAIL_ADDRESS, email_address(rng))


def _url(rng: random.Random, persona: Persona | None) -> Fragment:
    return whole(E.URL, url_with_query(rng, persona.email if persona else None))


def _w(entity_type: str, fn: Callable[[random.Random], str]) -> SlotFn:
    return lambda rng, persona: whole(entity_type, fn(rng))


def _p(fn: Callable[[random.Random], str]) -> SlotFn:
    return lambda rng, persona: plain(fn(rng))


SLOTS: dict[str, tuple[str | None, SlotFn]] = {
    # personal data
    "name": (E.PERSON, _person_slot(None)),
    "fullname": (E.PERSON, _person_slot("fullname")),
    "family": (E.PERSON, _person_slot("family")),
    "given": (E.PERSON, _person_slot("given")),
    "kana": (E.PERSON, _person_slot("katakana")),
    "hira": (E.PERSON, _person_slot("hiragana")),
    "roman": (E.PERSON, _person_slot("roman_any")),
    "foreign": (E.PERSON, _person_slot("foreign", use_persona=False)),
    "staff": (E.PERSON, _person_slot("family", use_persona=False)),
    "org": (E.ORGANIZATION, _w(E.ORGANIZATION, organization)),
    "company": (E.ORGANIZATION, _w(E.ORGANIZATION, company_name)),
    "employer_bank": (E.ORGANIZATION, _w(E.ORGANIZATION, bank_employer)),
    "school": (E.ORGANIZATION, _w(E.ORGANIZATION, school_name)),
    "dept": (E.ORGANIZATION, _w(E.ORGANIZATION, department_name)),
    "address": (E.ADDRESS, _w(E.ADDRESS, address)),
    "zip": (E.POSTAL_CODE, _w(E.POSTAL_CODE, postal_code)),
    "postal": (E.POSTAL_CODE, _postal_mark),
    "phone": (E.PHONE_NUMBER, _phone),
    "mobile": (E.PHONE_NUMBER, _w(E.PHONE_NUMBER, lambda rng: phone_number(rng, "mobile"))),
    "email": (E.EMAIL_ADDRESS, _email),
    "dob": (E.DATE_OF_BIRTH, _w(E.DATE_OF_BIRTH, date_of_birth)),
    "bank": (E.BANK_ACCOUNT, lambda rng, persona: bank_account(rng)),
    "acct": (E.BANK_ACCOUNT, _w(E.BANK_ACCOUNT, account_number)),
    "yucho": (E.BANK_ACCOUNT, lambda rng, persona: yucho_account(rng, with_bank=False)),
    "card": (E.CREDIT_CARD, _w(E.CREDIT_CARD, credit_card)),
    "visa": (E.CREDIT_CARD, _w(E.CREDIT_CARD, lambda rng: credit_card(rng, "visa"))),
    "jcb": (E.CREDIT_CARD, _w(E.CREDIT_CARD, lambda rng: credit_card(rng, "jcb"))),
    "amex": (E.CREDIT_CARD, _w(E.CREDIT_CARD, lambda rng: credit_card(rng, "amex"))),
    "license": (E.DRIVERS_LICENSE, _w(E.DRIVERS_LICENSE, drivers_license)),
    "mynumber": (E.MY_NUMBER, _w(E.MY_NUMBER, my_number_value)),
    "passport": (E.PASSPORT, _w(E.PASSPORT, passport_number)),
    "ip": (E.IP_ADDRESS, _w(E.IP_ADDRESS, ip_address)),
    "url": (E.URL, _url),
    "age": (E.AGE, _w(E.AGE, age_90_plus)),
    "token": (E.ID_TOKEN, _w(E.ID_TOKEN, id_token)),
    # not personal data
    "order": (None, _p(order_number)),
    "price": (None, _p(price)),
    "delivery": (None, _p(delivery_date)),
    "date": (None, _p(plain_date)),
    "season": (None, _p(lambda rng: rng.choice(SEASONS))),
    "sku": (None, _p(sku)),
    "error": (None, _p(error_code)),
    "station": (None, _p(lambda rng: rng.choice(STATIONS))),
    "hotel": (None, _p(lambda rng: rng.choice(HOTELS))),
    "trip": (None, _p(lambda rng: rng.choice(TRIP_PLACES))),
    "tracking": (None, _p(tracking_number)),
    "hours": (None, _p(business_hours)),
    "brand": (None, _p(lambda rng: rng.choice(BRANDS))),
    "young_age": (None, _p(young_age)),
    "coupon": (None, _p(coupon_code)),
    "points": (None, _p(points)),
    "plan": (None, _p(lambda rng: rng.choice(PLANS))),
}
NON_PII_KINDS: tuple[str, ...] = (*(k for k, (t, _) in SLOTS.items() if t is None), "faq", "misc")
_SLOT_RE = re.compile(r"\{([a-z_]+?)(\d*)\}")
SPEAKER_CODES = {"U": "user", "B": "bot", "O": "operator"}


@dataclass(frozen=True, slots=True)
class Template:
    """A message template: speaker, text with {slots}, the PII types it yields and its non-PII kinds."""

    speaker: str
    text: str
    types: frozenset[str]
    kinds: tuple[str, ...]


def parse_templates(lines: Iterable[str], default_kind: str | None = None) -> tuple[Template, ...]:
    """Parse 'U|text' / 'B|text' / 'O|text' lines into templates (a literal '\\n' is a newline)."""
    out = []
    for line in lines:
        code, _, text = line.partition("|")
        text = text.replace("\\n", "\n")
        slots = [m.group(1) for m in _SLOT_RE.finditer(text)]
        for s in slots:
            if s not in SLOTS:
                raise ValueError(f"unknown slot {s!r} in template {line!r}")
        types = frozenset(t for s in slots if (t := SLOTS[s][0]) is not None)
        kinds = tuple(dict.fromkeys(s for s in slots if SLOTS[s][0] is None))
        if not types and not kinds:
            kinds = (default_kind or ("faq" if code == "B" else "misc"),)
        out.append(Template(SPEAKER_CODES[code], text, types, kinds))
    return tuple(out)


def render(template: Template | str, rng: random.Random, persona: Persona | None = None
           ) -> tuple[str, list[dict[str, object]]]:
    """Fill a template; return the text and its gold entities {type, start, end, value}."""
    text_in = template.text if isinstance(template, Template) else template
    parts: list[str] = []
    entities: list[dict[str, object]] = []
    cache: dict[str, Fragment] = {}
    pos = last = 0
    for m in _SLOT_RE.finditer(text_in):
        literal = text_in[last:m.start()]
        parts.append(literal)
        pos += len(literal)
        key, base = m.group(0), m.group(1)
        frag = cache.get(key)
        if frag is None:
            frag = SLOTS[base][1](rng, None if m.group(2) else persona)
            cache[key] = frag
        for etype, s, e in frag.spans:
            entities.append({"type": etype, "start": pos + s, "end": pos + e, "value": frag.text[s:e]})
        parts.append(frag.text)
        pos += len(frag.text)
        last = m.end()
    parts.append(text_in[last:])
    text = "".join(parts)
    for ent in entities:
        assert text[ent["start"]:ent["end"]] == ent["value"]  # type: ignore[misc]
    return text, entities


TEMPLATE_LINES: tuple[str, ...] = (
    # PERSON
    "U|{fullname}と申します。先日注文した商品がまだ届いていません。",
    "U|注文者の名前は{fullname}です。確認をお願いします。",
    "U|名義は{kana}で登録しています",
    "U|はじめまして、{roman}です。ログインできなくて困っています",
    "U|すみません、{family}ですが、さっきの件どうなりましたか？",
    "U|予約の名前を{hira}に変更したいです",
    "U|夫の{given}が代わりに受け取ってもいいですか",
    "U|{foreign}と申します。にほんごすこしだけです。返品したいです。",
    "U|宛名は {fullname} 様でお願いします",
    "U|担当の{staff}さんにさっき電話で話した件です",
    "U|{name}",
    "O|お待たせいたしました。担当の{staff}が承ります。",
    "O|{family}様、お問い合わせありがとうございます。",
    "O|{fullname}様でお間違いないでしょうか？",
    "O|オペレーターの{staff}です。ご注文内容を確認いたしますので少々お待ちください。",
    "O|本日は{staff}が対応いたしました。またのご利用をお待ちしております。",
    "B|{kana}様のご予約を確認しました。",
    # ORGANIZATION
    "U|{company}の総務担当です。請求書の宛名を変更できますか",
    "U|勤務先は{org}です",
    "U|勤務先：{employer_bank}",
    "U|{school}の学生なんですが、学割は使えますか？",
    "U|領収書の宛名を「{company}」にしてください",
    "U|会社名は {company} で、請求書払いを希望します",
    "U|{dept}で法人契約しているのですが、担当者を変更したいです",
    "U|会員登録の勤務先欄に{org}と入力したらエラーになりました",
    "O|{company}様、いつもご利用ありがとうございます。",
    # ADDRESS
    "U|住所は{address}です",
    "U|{address}に引っ越しました。届け先を変更してください",
    "U|お届け先を {address} に変更できますか？",
    "U|新住所：{address}",
    "U|請求書の送付先は{address}でお願いします。",
    "U|実家（{address}）に送ってもらえますか",
    "U|旧住所の{address}にまだ荷物が届いてしまいます",
    "B|お届け先住所「{address}」で登録を承りました。",
    # POSTAL_CODE
    "U|郵便番号は{zip}です",
    "U|〒{zip}って入力してもエラーになります",
    "U|{postal} 以降の住所が自動入力されません",
    "U|郵便番号を{zip}に変更お願いします",
    "U|〒{zip}で合ってますか？",
    "U|郵便番号{zip}の地域は配送対象ですか",
    "B|郵便番号（{zip}）から住所を検索しました。番地以降を入力してください。",
    # PHONE_NUMBER
    "U|電話番号は{phone}です",
    "U|{phone}に折り返しお願いします",
    "U|連絡先 {phone}",
    "U|携帯{mobile}に電話いただけますか？日中は出られないので夕方以降で",
    "U|登録してる番号が{phone}から{phone2}に変わりました",
    "U|{phone}",
    "O|ご登録の電話番号{phone}宛にSMSを送信しました",
    # EMAIL_ADDRESS
    "U|メールアドレスは{email}です",
    "U|{email}に確認メールが届きません",
    "U|登録メアド{email}で合ってますか",
    "U|メールを{email}から{email2}に変更したい",
    "U|連絡はメール（{email}）でお願いします🙏",
    "U|ログインIDは {email} です。パスワードを忘れました",
    "O|{email}宛にパスワード再設定のご案内をお送りしました。",
    # DATE_OF_BIRTH
    "U|生年月日は{dob}です",
    "U|{dob}生まれです。年齢確認に必要ですか",
    "U|誕生日 {dob}",
    "U|誕生日を間違えて登録しました。正しくは{dob}です",
    "U|会員情報の生年月日が{dob}になっているので修正したい",
    "U|子どもの生年月日（{dob}）で登録できますか",
    "O|ご本人確認のため生年月日を確認いたします。{dob}でお間違いないですか？",
    # BANK_ACCOUNT
    "U|返金は{bank}に振り込んでください",
    "U|振込先：{bank}",
    "U|口座番号は{acct}です（普通）",
    "U|引き落とし口座を{bank}に変えたいです",
    "U|普通預金 {acct} 名義は本人です",
    "U|{bank}\n名義は本人です",
    "U|返金はゆうちょでお願いします。{yucho}です",
    "O|ご返金先として{bank}を承りました。",
    # CREDIT_CARD
    "U|カード番号は{card}です",
    "U|{card}のカードで決済できません",
    "U|クレジットカード（{card}）が二重に請求されています",
    "U|登録カードを{card}に変更したい",
    "U|さっき間違えてカード番号{card}って送っちゃったけど大丈夫ですか",
    "U|VISA {visa} で支払いました",
    "U|{card}",
    # DRIVERS_LICENSE
    "U|運転免許証番号は{license}です",
    "U|免許証の番号{license}で本人確認できますか",
    "U|運転免許証 第{license}号",
    "U|レンタカー予約の免許番号を{license}に訂正してください",
    "U|免許の更新で番号が変わりました。新しい番号は {license} です",
    "O|運転免許証番号（{license}）を確認いたしました。",
    # MY_NUMBER
    "U|マイナンバーは{mynumber}です",
    "U|個人番号{mynumber}を登録しました",
    "U|マイナンバー（{mynumber}）の入力欄でエラーが出ます",
    "U|{mynumber}がマイナンバーです。これで足りますか？",
    "U|源泉徴収の書類にマイナンバー {mynumber} って書いて送りました",
    "O|個人番号 {mynumber} の登録を確認しました。チャット履歴からは削除いたします。",
    # PASSPORT
    "U|パスポート番号は{passport}です",
    "U|旅券番号 {passport} で予約しました",
    "U|パスポート（{passport}）の有効期限が切れそうなんですが予約に影響ありますか",
    "U|{passport}がパスポート番号です",
    "U|同行者のパスポート番号を{passport}に修正してください",
    "O|旅券番号{passport}で航空券の名義を確認いたしました。",
    # IP_ADDRESS
    "U|IPアドレスは{ip}と表示されています",
    "U|{ip}からだとログインできません",
    "U|会社のネットワーク（{ip}）だけブロックされているようです",
    "U|ログイン履歴に知らないIP {ip} がありました。不正アクセスですか？",
    "U|エラー画面にIP: {ip} と出ました",
    "O|接続元IP {ip} からのアクセスを確認しました。",
    # URL
    "U|{url} を開くと真っ白になります",
    "U|このリンク{url}が期限切れと表示されます",
    "U|メールに書いてあったURL（{url}）からログインできません",
    "U|パスワード再設定のページ {url}",
    "U|{url}\nこのページで止まります",
    "O|お送りいただいたURL {url} はお客様専用のリンクのため、他の方と共有しないでください。",
    # AGE
    "U|祖母は{age}ですが、申し込めますか？",
    "U|{age}の父の代わりに問い合わせています",
    "U|利用者は{age}の母です。大きい文字の画面はありますか",
    "U|今年で{age}になる祖父へのプレゼントです",
    "U|曾祖母が{age}を迎えたのでお祝いのギフトを探しています",
    "O|{age}のお客様でもご利用いただけます。",
    # ID_TOKEN
    "U|端末IDは{token}です",
    "U|エラー画面に {token} と表示されました",
    "U|セッションID：{token}",
    "U|{token}というIDがアプリの設定画面に出ています",
    "U|クッキーの値が{token}になってます",
    "O|お問い合わせ識別子 {token} をお控えください。",
    # combinations
    "U|{fullname}です。電話番号は{phone}、メールは{email}です。",
    "U|住所：{postal}{address}\\n氏名：{fullname}\\n電話：{phone}",
    "U|{family}と申します。{address}に住んでいます。生年月日は{dob}です。",
    "U|返金先は{bank}、名義は{kana}です",
    "U|勤務先は{company}、連絡先は{phone}です",
    "U|{roman}（{email}）で登録しています",
    "U|パスポート番号{passport}、氏名{roman}で予約をお願いします",
    "U|カード名義{roman}、番号{card}です",
    "U|マイナンバー{mynumber}と運転免許証{license}の両方を提出しました",
    "U|{age}の祖母（{fullname}）の代わりに問い合わせています",
    "U|ログイン履歴のIP {ip} と、そのとき開いていた {url} を送ります",
    "U|郵便番号{zip} {address}に転居しました",
    "O|{family}様のご登録住所は{address}、お電話番号は{phone}でよろしいでしょうか。",
    "O|{family}様、{email}宛に確認メールをお送りしました。",
    # no personal data
    "U|注文番号{order}の配送状況を教えてください",
    "U|{order}の商品をキャンセルしたいです",
    "B|ご注文{order}は{delivery}にお届け予定です。",
    "U|{price}の商品を2つ買ったのに3つ分請求されています",
    "U|送料込みで{price}ですか？",
    "U|{sku}の在庫はいつ入りますか？{season}には再入荷しますか",
    "U|アプリでエラーコード{error}が出て先に進めません",
    "B|エラーコード{error}は通信が不安定な場合に表示されます。時間をおいて再度お試しください。",
    "U|{station}の近くに受け取りロッカーはありますか",
    "U|{hotel}を{delivery}から2泊で予約しています。チェックインは何時からですか",
    "U|{trip}に旅行するのでホテルを探しています",
    "U|追跡番号{tracking}で調べても反映されていません",
    "B|営業時間は{hours}です。",
    "B|{brand}をご利用いただきありがとうございます。",
    "U|{brand}のポイントはいつ付与されますか",
    "U|{season}に{trip}へ行く予定なので、それまでに届きますか",
    "U|{young_age}の母へのプレゼントにおすすめはありますか",
    "U|クーポンコード{coupon}が使えません",
    "U|{plan}から解約したいです",
    "U|{points}ポイントが消えてます",
    "U|{delivery}のお届けに間に合いますか？",
    "U|{date}に注文したものがまだ届きません",
    "U|ありがとうございました！助かりました😊",
    "U|了解です",
    "U|ログインできません",
    "U|返品したいのですが、どうすればいいですか",
    "U|オペレーターと話したいです",
    "U|支払い方法を変更できますか？",
    "O|確認いたしますので少々お待ちください。",
    "O|大変お待たせいたしました。ご注文はキャンセル済みとなっております。",
    "O|ご不便をおかけして申し訳ございません。",
)

TEMPLATES: tuple[Template, ...] = parse_templates(TEMPLATE_LINES) + parse_templates(
    f"B|{text}" for _, _, text in FAQ_ANSWERS)

# How often each type shows up when a message carries personal data (roughly what support chats see).
PII_WEIGHTS: dict[str, int] = {
    E.PERSON: 30, E.EMAIL_ADDRESS: 14, E.PHONE_NUMBER: 14, E.ADDRESS: 10, E.POSTAL_CODE: 5, E.ORGANIZATION: 6,
    E.DATE_OF_BIRTH: 5, E.BANK_ACCOUNT: 4, E.CREDIT_CARD: 4, E.URL: 4, E.IP_ADDRESS: 2, E.ID_TOKEN: 2,
    E.DRIVERS_LICENSE: 2, E.MY_NUMBER: 2, E.PASSPORT: 2, E.AGE: 2,
}


def random_kinds(rng: random.Random) -> list[str]:
    """One PII type, sometimes two, weighted by how often support chats carry them."""
    types, weights = list(PII_WEIGHTS), list(PII_WEIGHTS.values())
    first = rng.choices(types, weights)[0]
    if rng.random() < 0.2:
        second = rng.choices(types, weights)[0]
        if second != first:
            return [first, second]
    return [first]


def make_persona(rng: random.Random) -> Persona:
    """A person with a matching e-mail address and mobile number."""
    person = random_person(rng)
    return Persona(person, email_address(rng, person, fullwidth_at=False), "".join(phone_groups(rng, "mobile")))


def make_message(rng: random.Random, kinds: Iterable[str] = (), *, speaker: str | None = None,
                 persona: Persona | None = None, bank: Sequence[Template] = TEMPLATES
                 ) -> tuple[str, list[dict[str, object]]]:
    """A chat message containing exactly the PII types `kinds` (none: a message without personal data).

    Picks a template of `bank` whose types are exactly `kinds` (preferring `speaker`); when no template
    combines them, joins one message per type.
    """
    want = frozenset(kinds)
    unknown = want - set(E.ALL_TYPES)
    if unknown:
        raise ValueError(f"unknown entity types {sorted(unknown)}")
    if not want:
        return make_clean_message(rng, speaker=speaker, bank=bank)
    candidates = [t for t in bank if t.types == want]
    preferred = [t for t in candidates if speaker is None or t.speaker == speaker]
    if preferred or (candidates and len(want) == 1):
        return render(rng.choice(preferred or candidates), rng, persona)
    speaker = speaker or "user"  # one speaker for the whole composed message
    texts: list[str] = []
    entities: list[dict[str, object]] = []
    order = sorted(want)
    rng.shuffle(order)
    offset = 0
    for k in order:
        text, ents = make_message(rng, [k], speaker=speaker, persona=persona, bank=bank)
        if texts:
            sep = rng.choice(("\n", " "))
            texts.append(sep)
            offset += len(sep)
        for e in ents:
            entities.append({**e, "start": e["start"] + offset, "end": e["end"] + offset})  # type: ignore[operator]
        texts.append(text)
        offset += len(text)
    return "".join(texts), entities


def make_clean_message(rng: random.Random, kind: str | None = None, *, speaker: str | None = None,
                       bank: Sequence[Template] = TEMPLATES) -> tuple[str, list[dict[str, object]]]:
    """A message without personal data, optionally using a given non-PII kind (order, price, faq …)."""
    candidates = [t for t in bank if not t.types and (kind is None or kind in t.kinds)]
    preferred = [t for t in candidates if speaker is None or t.speaker == speaker]
    if not candidates:
        raise ValueError(f"no template without personal data for kind {kind!r}")
    text, entities = render(rng.choice(preferred or candidates), rng)
    assert not entities
    return text, entities


def validate_value(entity_type: str, value: str) -> bool:
    """Check a gold value against the validator of its type (True for types without one)."""
    ascii_value = to_ascii(value)
    digits = re.sub(r"\D", "", ascii_value)
    if entity_type == E.PHONE_NUMBER:
        return is_valid_jp_phone(value)
    if entity_type == E.CREDIT_CARD:
        return luhn.is_valid(digits) and len(digits) in (15, 16)
    if entity_type == E.MY_NUMBER:
        return my_number.is_valid(digits)
    if entity_type == E.DRIVERS_LICENSE:
        return len(digits) == 12
    if entity_type == E.PASSPORT:
        return re.fullmatch(r"[A-Z]{2}\d{7}", value) is not None
    if entity_type == E.POSTAL_CODE:
        return re.fullmatch(r"\d{3}-?\d{4}", re.sub(r"(?<=\d)ー(?=\d)", "-", ascii_value)) is not None
    if entity_type == E.IP_ADDRESS:
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return False
        return True
    if entity_type == E.EMAIL_ADDRESS:
        return re.fullmatch(r"[A-Za-z0-9._%+\-]+[@＠](?:[a-z0-9\-]+\.)*example\.(?:com|jp|co\.jp|ne\.jp|net|org)",
                            value) is not None
    if entity_type == E.AGE:
        m = re.fullmatch(r"(\d+)[歳才]", ascii_value)
        return int(m.group(1)) >= 90 if m else value.startswith(("九十", "百"))
    if entity_type == E.URL:
        return value.startswith("https://") and any(c in value for c in "?#")
    return True
