"""Organisations a person belongs to (所属組織): GiNZA organisation labels plus legal-form patterns.
The tenant's own brand and product names are not personal data; the engine drops them (allow-list)."""

from __future__ import annotations

import itertools
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Token

from anonymize import entities as E
from anonymize.lexicon import (
    COMMON_ACRONYMS,
    HIRAGANA_WORD,
    KATAKANA_WORD,
    has_proper_noun,
    is_common_noun_phrase,
    is_one_common_noun,
    known_organizations,
)
from anonymize.names_ner import MORE_NAMES_KEY, NAMES_KEY
from anonymize.recognizers.base import (
    NOT_ONE_NAME,
    RegexRecognizer,
    ascii_bounded,
    extend_foreign_name,
    in_chat_register,
    tokens_in,
)
from anonymize.recognizers.foreign_names import HANGUL
from anonymize.recognizers.named_things import a_public_figure
from anonymize.recognizers.person import is_pet

ORGANIZATION_LABELS = frozenset({
    "Company", "Company_Group", "Corporation_Other", "School", "Organization_Other", "Research_Institute",
    "Government", "Public_Institution", "Pro_Sports_Organization", "Show_Organization",
})
_NAME = r"[A-Za-z0-9ァ-ヴーヶ\u4e00-\u9fff々&・＆]{1,16}?"
_LEGAL_FORM = (r"(?:株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|（株）|\(有\)|（有）|一般社団法人|一般財団法人"
               r"|公益社団法人|公益財団法人|医療法人社団|医療法人財団|医療法人|学校法人|社会福祉法人|NPO法人|特定非営利活動法人"
               r"|社団法人|財団法人|独立行政法人|宗教法人|税理士法人|弁護士法人|監査法人|司法書士法人)")
_SUFFIX = (r"(?:株式会社|有限会社|銀行|信用金庫|信金|商事|物産|工業|製作所|電機|建設"
           r"|(?:大学|高等学校|高校|中学校|小学校|専門学校)(?!生)|大学院|学園|病院|クリニック|法律事務所|事務所|研究所|ホールディングス"
           r"|電鉄|鉄道|航空(?!券)|交通|自動車|製薬|(?<!医)薬品|書店|レコード|通信|放送|新聞社|新聞|出版|食品|化学|重工業?|電気|電工"
           r"|精機|精工|精密|化成|興業|産業|不動産|観光|運輸|急便|百貨店|商会|商店|工務店|製菓|製紙|酒造|技研|システムズ|ソフト"
           r"|製鐵|製鐡|製鉄(?!所)|製鋼(?!所)|造船(?!所)"
           r"|エレクトロニクス|コーポレーション|グループ|ジャパン|インターナショナル|商社|信託|生命|損保|workshop|Inc\.?|Corp\.?"
           r"|Co\., ?Ltd\.?|Ltd\.?|LLC|HD|エンタテインメント|エンターテインメント|プロダクション"
           r"|市役所|区役所|町役場|村役場|役所|役場)")
# Words after a name that only a company takes (…の株式, …に勤めて, …と業務提携); katakana and Latin
# names only, since a kanji run has no visible start.
_COMPANY_CONTEXT = (r"(?=の株式|の子会社|の傘下|傘下の|との?業務提携|と提携|より発売|より販売|から発売|に勤め|に勤務|に入社"
                    r"|を退社|に転職|が開発した|に出資|の社長|の代表取締役|を創業|として創業|の社員|で働いて|の従業員)")
_WORKPLACE_AFTER = re.compile(_COMPANY_CONTEXT)
_HONORIFIC_END = re.compile(r"(?:さん|様|氏)?$")
_LEGAL_FORM_RE = re.compile(_LEGAL_FORM)
_LIST_ITEM = re.compile(r"[、・][A-Za-z0-9ァ-ヴー\u4e00-\u9fff々&]{2,12}[、・]")
# …、エキサイト等と同じく: the last item of a list of companies, before 等 or など.
_ETC_ITEM = re.compile(r"、([A-Za-z0-9ァ-ヴー\u4e00-\u9fff々&]{2,12}?)(?:等|など)(?=[がはのとをにも、])")
_LAST_ITEM = re.compile(r"(?:、|および|及び|と)([A-Za-z0-9ァ-ヴー\u4e00-\u9fff々&]{2,12}?)"
                        r"(?:の[2-9二三四五六七八九]社|などの?(?:各社|企業|\d社))")
_KANA_OR_LATIN_NAME = (r"(?<![ァ-ヴーA-Za-z0-9\u4e00-\u9fff])"
                       r"(?:[ァ-ヴ][ァ-ヴー・]{1,20}|[A-Z][A-Za-z0-9&]{1,15}(?: [A-Z][A-Za-z0-9&]+)*)")
# A department on its own (営業部の山田, 所属は経理部です): two or more characters before 部/課, so
# 全部, 一部 never match; 室 only after a company (会議室 is a room).
_DEPARTMENT_ALONE = (r"(?<![\u4e00-\u9fffァ-ヴー])(?:[\u4e00-\u9fffァ-ヴーA-Za-z]{2,12}[ \u3000])?"
                     r"[\u4e00-\u9fffァ-ヴー]{2,10}?(?:事業部|本部|部|課)"
                     # not 工事部の調整担当より: a role of the shop's own, not anyone's department
                     r"(?=の(?![^\s、。]{0,6}(?:担当|担当者|係|窓口|スタッフ)(?:より|から))[^\s、。]{1,8}"
                     r"(?:です|と申します|が担当|より|から)|に所属|所属|で働|に勤)"
                     r"|(?<=所属は|所属:|所属：)[\u4e00-\u9fffァ-ヴー]{2,10}?(?:事業部|本部|部|課|室)")
# A kanji name before company-only context (凸版印刷の株式, 東宝と提携); never 弊社, 同社 and the like.
_KANJI_NAME = (r"(?<![ァ-ヴーA-Za-z0-9\u4e00-\u9fff々])"
               r"(?!(?:同社|弊社|当社|御社|貴社|本社|自社|他社|会社|親会社|各社)(?:の|と|に|を|が|より|から))"
               r"[\u4e00-\u9fff々]{2,8}")
# Latin names with an English legal form: Hokuto Trading Co., Ltd., Acme Inc.
_LATIN_LEGAL = (r"(?<![A-Za-z])[A-Z][A-Za-z&]*(?: [A-Z][A-Za-z&]*){0,4},? (?:Co\., ?Ltd\.?|Co\.|Inc\.?|Corp\.?|Ltd\.?"
                r"|LLC|GmbH|K\.K\.)")
# A name with hiragana in it before a school, hospital or office suffix: さくら総合病院, 県立みどり台高校.
# After a particle too (勤務先はみなと台信用金庫): the match then starts at the particle, which is trimmed off.
_KANA_MIXED_NAME = (r"(?:(?<![ぁ-ん])|(?<=[^ぁ-ん][はがもをにでとへの]))(?:[\u4e00-\u9fff]{1,4}(?![はがもをにでとへの]))?"
                    r"[ぁ-ん]{2,5}[\u4e00-\u9fffァ-ヴー]{0,6}?"
                    r"(?:総合病院|病院|クリニック|大学|高校|高等学校|中学校|小学校|幼稚園|保育園|学園|銀行|信用金庫)")
# A public school by its owner (柏市立柏の葉中学校, 県立みどり台高校): whatever kana its own name has.
_PUBLIC_SCHOOL = (r"(?<![\u4e00-\u9fff々ァ-ヴー])[\u4e00-\u9fff]{0,4}[都道府県市区町村国]立"
                  r"[\u4e00-\u9fffぁ-んァ-ヴー々]{1,12}?(?:小学校|中学校|中等教育学校|高等学校|高校|特別支援学校|幼稚園"
                  r"|保育園|こども園|大学)(?!生)")
_PUBLIC_SCHOOL_RE = re.compile(_PUBLIC_SCHOOL)
# Latin and katakana company names written with 社: BLW社, Swan and Hunter社, メカノ社, ワゴン・リ社 (not 社長,
# 社員, 社内 …).
_LATIN_SHA = r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&]*(?: (?:and|&|of) [A-Z][A-Za-z0-9&]*| [A-Z][A-Za-z0-9&]*)*社(?![会長員内外])"
_KATAKANA_SHA = r"(?<![ァ-ヴー・])[ァ-ヴ][ァ-ヴー・]{1,20}(?<!・)社(?![会長員内外宅])"
# Words after a katakana name that only a company takes, strong enough to need no dictionary check
# (コロワイドの専務, シンビアンと合併: Sudachi lists many company names as common nouns).
_STRONG_COMPANY_AFTER = re.compile(r"と合併|と経営統合|の董事長|の前董事長|の専務|の常務|の取締役|の代表取締役|の株を|の株式"
                                   r"|の子会社|の傘下|という社名|に入社|を退社|の創業者|の時価総額|に吸収合併|に商号変更"
                                   # …の堀江信彦社長: a company before someone with its title (the message has a name
                                   # anyway); タランテラを2500万ドルで買収: what is bought for money is a company.
                                   r"|の[\u4e00-\u9fff々]{2,5}(?:社長|副社長|専務|常務|会長|取締役|CEO)(?![\u4e00-\u9fff々])"
                                   r"|を[0-9,.]+[万億千]*(?:米?ドル|円|ユーロ|ポンド)で買収")
_KATAKANA_RUN = re.compile(r"(?<![ァ-ヴー・])[ァ-ヴ][ァ-ヴー・]{2,20}")


# What may follow an organisation's name and still be its name: 共同通信|社, 野沢|屋, 美登利|総本店,
# MBS|ラジオ, 中部電力|パワーグリッド (the tokenizer or the dictionary stopped short).
_NAME_TAIL = re.compile(r"(?:総本店|本店|社|屋|堂|[\u4e00-\u9fff]{0,2}店|連盟|ラジオ|テレビ|放送|グループ|ホールディングス"
                        r"|ネットワーク|パワーグリッド|電灯|軌道|映像|(?:集団)?有限公司|総合企画|企画"
                        # 東京大学|医学部附属病院: a university's hospital or school is the university's name too.
                        r"|(?:[\u4e00-\u9fff]{1,4}学部)?附属(?:病院|小学校|中学校|高等学校|高校|幼稚園)"
                        # 青葉台学園|高等学校: a school corporation's school is its name too
                        r"|(?<=学園|学院)(?:高等学校|中学校|小学校|高校|中学|大学))(?![\u4e00-\u9fff々ァ-ヴー])")

# A katakana or Latin name joined by と or や to a company found (ドリームワークスとパラマウント映画が,
# スタンダード・オイルやSocony): another company.
_COORDINATED_NAME = (r"([ァ-ヴ][ァ-ヴー・]{1,20}(?<!・)[\u4e00-\u9fff]{0,3}"
                     r"|[A-Z][A-Za-z0-9&]*(?: [A-Z][A-Za-z0-9&]*){0,3})")
_COORDINATED_AFTER = re.compile(r"側?[とや]" + _COORDINATED_NAME + r"(?=側|[がはのをにとも、。]|$)")
_COORDINATED_BEFORE = re.compile(r"(?<![ァ-ヴー・A-Za-z0-9\u4e00-\u9fff])" + _COORDINATED_NAME + r"側?[とや]$")

# GiNZA labels under which a word IPAdic lists as an organisation is a place to visit (浅草寺, 東京ドーム).
PLACE_LABELS = frozenset({"Worship_Place", "Facility_Other", "Park", "Museum", "Theater", "Sports_Facility",
                          "Amusement_Park", "Zoo", "Station", "Airport", "Port", "City", "Province", "Country",
                          "GPE_Other", "Location_Other", "Domestic_Region"})
# Names checked against the dictionary, unless quoted (a common noun is not a company name):
# - with a weaker suffix: ヘグルント社, イギリス東インド会社, 日本サッカー協会, 東京電力 (not 同社, 航空会社,
#   食堂, 消費電力, 保険証券);
# - before words only a company takes: ボンバルディア製の車両, アポジーが開発, エースピクチャーズと合併;
# - after them: 子会社の東北電力ネットワーク, 傘下のタタ・イスパノ;
# - quoted with them: コンビニエンスストア「ココストア」, 「ファミリア」社長.
_NAME_RUN = r"[A-Za-z0-9ァ-ヴー\u4e00-\u9fff々・&]"
_CHECKED_NAME_PATTERNS = tuple(re.compile(p) for p in (
    r"(?P<name>(?<![A-Za-z0-9ァ-ヴー\u4e00-\u9fff々])" + _NAME_RUN + r"{1,16}?"
    r"(?:会社|協会|組合|財団|公社|基金|機構|社|堂|証券|保険|電力))(?![\u4e00-\u9fff々ァ-ヴー])",
    r"(?<![A-Za-z0-9ァ-ヴー\u4e00-\u9fff々・])(?P<name>[ァ-ヴ][ァ-ヴー・]{2,20}(?:映画|電機|通信|放送)?"
    r"|[A-Z][A-Za-z0-9&]{1,15})"
    r"(?=製の|製[ァ-ヴ\u4e00-\u9fff]|が共同で(?:配給|開発|製作|制作|運行|運営)|が開発|が製造|が発売|が販売|が運営|が買収|から出版|より出版|から販売|を買収|に買収"
    r"|から発行|より発行|より販売|から発売|より発売|が開催|が主催|が配給|が制作|が出資"
    r"|と合併|と経営統合|の工場|の本社|の創業者|の株主|という社名|は自社|の自社|の董事長|の前董事長|の専務|の常務"
    r"|の取締役|の会長|の株を|と合弁|との合弁|の合弁|から独立|を設立|が設立|の店舗|の経営陣|の買収|に買収され|に吸収"
    r"|から分社|が出資|の新社長|の前社長|の元社長|社長の|の社員|に所属し|のCEO|の創業)",
    r"(?:子会社|親会社|傘下|系列|関連会社|グループ会社|買収先)の(?P<name>" + _NAME_RUN + r"{2,20})",
    r"(?:会社|企業|メーカー|チェーン|レーベル|出版社|商社|事務所|法人|ブランド|ストア|エージェント|団体|工場|商店|材木店"
    r"|呉服店|[\u4e00-\u9fff]{1,3}店)「(?P<name>[^」]{2,20})」",
    r"「(?P<name>[^」]{2,20})」(?=社長|会長|社員|の社長|の会長|の株式|に入社|に商号変更|を開業|を創業|を設立)",
    # A production company by its founder's name: 円谷プロ作品, 石森プロの (not 現役プロの, all common nouns).
    r"(?P<name>(?<![A-Za-z0-9ァ-ヴー\u4e00-\u9fff々])[\u4e00-\u9fff々]{1,6}プロ)(?=[のはがをにとで、。」]|作品|制作|所属)",
))
# The new name of a company (社名をアルテックと改称): a name whatever the dictionary says of it.
_RENAMED = re.compile(r"(?:社名|商号)を「?(?P<name>" + _NAME_RUN + r"{2,20}?)」?(?=と|に)(?:改称|改め|変更)?")
# A department after the company: 総務部, 情報システム部, カスタマーサクセス部, 第二営業部.
# A department after the name, a graduate school's before it (…大学大学院 工学研究科).
_DEPARTMENT = r"(?:大学院)?(?:[ \u3000]?[\u4e00-\u9fffァ-ヴー]{1,12}?(?:事業部|本部|研究科|学部|学科|部|課|室))?"
_START = r"(?<![A-Za-z0-9ァ-ヴー\u4e00-\u9fff々])"
# NER organisations that are really places to stay, stations or venues (not a person's affiliation).
_VENUE_END = (r"(?:(?:アリーナ|ドーム|スタジアム|球場|ホール(?!ディングス))[\u4e00-\u9fff]{0,3}"
              r"|美術館|博物館|水族館|動物園|公園|神社|寺|城|タワー|迎賓館|結婚式場|式場|チャペル|アウトレット|劇場|(?<![学稚育])園|中華街|エリア|地区|地域"
              r"|方面)$")
_FACILITY = re.compile(r"ホテル|旅館|宿|荘|温泉|駅|空港|東横イン|ルートイン|" + _VENUE_END)
_VENUE = re.compile(_VENUE_END)
# A venue named after a company, not the company (NHKホール, 京セラドーム大阪); a town (横浜市青葉区).
_VENUE_AFTER = re.compile(r"ホール(?!ディングス)|ドーム|アリーナ|スタジアム|球場|劇場|美術館"
                          r"|博物館")
_MUNICIPALITY = re.compile(r"(?:[\u4e00-\u9fff]{1,4}[都道府県])?(?:[\u4e00-\u9fffぁ-んァ-ヴー]{1,5}[市区町村郡]){1,3}"
                           r"[内外]?")
# Time words a kanji run may glue before a name (明日ヤマト運輸で); not 毎日, 現代 (毎日新聞社, 現代重工業).
_TIME_WORDS = frozenset("今日 明日 明後日 本日 昨日 今週 来週 先週 今月 来月 先月 今年 来年 昨年 去年 今度 先日 後日 "
                        "今朝 今夜 今晩 翌日 当日".split())
# Clinics and hospitals: in a support chat, where a patient goes; someone's workplace only with words saying so.
_MEDICAL_END = re.compile(r"(?:病院|医院|クリニック|歯科|診療所|薬局|医療センター)$")
# The rest of the word after a name, up to four characters (大森|赤十字|病院: the clinic is the whole word).
_WORD_RUN = re.compile(r"[\u4e00-\u9fff々ァ-ヴー]{0,4}(?![\u4e00-\u9fff々ァ-ヴー])|")
# Nurseries and kindergartens in an admission chat: places applied to; someone's only with words saying a
# child attends or an adult works there (ひまわり保育園に通っています, …の年長です, …で保育士を).
_CHILDCARE_END = re.compile(r"(?:保育園|幼稚園|こども園|保育所|託児所)$")
_ATTENDS_THERE = re.compile(r"通っ|通わ|通園|在園|在籍|年長|年中|年少|[ぁ-んァ-ヴー\u4e00-\u9fff]組|勤務|勤め"
                            r"|働い|職員|保育士|先生|卒園")
# Words that tie someone to an organisation: with any of them in the message, every organisation stays.
# (会社 alone: 保証会社 and 保守会社 are kinds of service.)
_AFFILIATED = re.compile(r"勤務|勤め|所属|職場|社員|働い|働き|就職|転職|入社|退職|退社|転籍|出向|(?<![\u4e00-\u9fff])会社"
                         r"|宛|御中|名義|領収書"
                         r"|請求書|通っ|通わ|通う|在籍|生徒|学生|年生|教員|職員|内定|派遣|バイト|パート|の者|経理|総務|人事"
                         r"|部長|課長|代表|法人|取引先|本社|支社|工場|営業所|所長|店長|社長|役員|経営|勤|介護職|介護士|看護師|保育士")
_AFFILIATED_EN = re.compile(r"(?i:\bwork(?:s|ing)? (?:at|for|in)\b|\b(?:teacher|engineer|nurse|doctor|manager|developer"
                            r"|designer|intern|employee|staff|researcher|lecturer|professor|student)s? (?:at|for)\b"
                            r"|\bcolleagues?\b|\bon business\b|\bemploy|\bcompany\b"
                            r"|\bstudent\b|\battends?\b|\bstud(?:y|ies|ying) at\b|\boffice\b|\binvoice\b)")
# Kinds of organisation that are someone's in a chat whatever the message says: a school, a department.
_KIND_KEPT = re.compile(r"学校|高校|中学|小学|大学|学園|学院|幼稚園|保育園|こども園|(?:部|課|室|支店)$|事務所|病院"
                        r"|クリニック"
                        r"|\b(?:Inc|Corp|Co|Ltd|LLC|GmbH|Pte|PLC|AG|University|College|School|Institute)\b")
# A person, a department or an honorific after the name (ミナト精工様, …の山田です, …の佐藤より).
_SOMEONE_AFTER = re.compile(r"[ \u3000]?(?:様|さま|御中|さん"
                            r"|の?[ \u3000]?(?P<who>[\u4e00-\u9fff々ァ-ヴーA-Z][^\s、。！？!?]{0,7}?)"
                            r"(?:です|と申|宛|様|さん|(?:より|から)(?:ご?連絡|お?電話|伺|お伺|お送り)|が担当|が伺|がお伺))")
_WORKS_THERE = re.compile(r"勤務|勤め|職員|働い|働き|看護師|医師|薬剤師|スタッフ|入職|就職|転職|院長|事務|職場|勤務先")
# After a school one aims at, not belongs to (多摩高校を目指す, 慶應の過去問; a job offer, に内定, is personal).
_GOAL_AFTER = re.compile(r"を目指|を受験|に合格|を志望|志望|の入試|の過去問|の偏差値|のオープンキャンパス|の合格")
# Before it (志望校は県立の…, 第一志望は…, 第一希望はひまわり保育園); not 志望動機, which is about an employer too.
_GOAL_BEFORE = re.compile(r"(?:志望校|志望先|第[一二三1-3](?:志望|希望))(?:は|:|：)?[^、。]{0,4}$")
# A form's example, not a name (株式会社〇〇, ○○銀行).
_PLACEHOLDER = re.compile(r"[〇○◯●×＊*]{2}|[〇○◯●]")
# Last words of things, never of an organisation's name (迷惑メールフォルダ, 有機ELパネル, ガムテープ, 古物営業法).
_THING_END = re.compile(r"(?:フォルダー?|ボタン|画面|ページ|メニュー|アイコン|パネル|テープ|セット|ケース|ケーブル"
                        r"|バッテリー|ストレージ|フォト|クラス|コース|講座|見積もり|見積り"
                        # a colour (ソウルレッド, シャンパンゴールド, ミントグリーン)
                        r"|レッド|ゴールド|グリーン|オレンジ|ホワイト|ブラック|ブルー|シルバー|ピンク|グレー|ベージュ|ネイビー"
                        r"|パープル|イエロー|ブラウン"
                        r"|(?<![魔])法|法令|条例|規則|規約|約款|制度|ルーム|マシン|(?<!ブ)ラック|ピアノ|メーター|フォン|ブース"
                        r"|センタービル|ビルディング)$"
                        # Produce named by where it is grown (岡山県産シャインマスカット; not 県産業), and a flight
                        # by where it lands (関空着, 羽田発便).
                        r"|(?:[都道府県市町村]|(?<![\u4e00-\u9fff])国)産(?!業)|(?:空港?|港|駅)[着発]便?$")
# After a team or a company that fans watch, not belong to: 浦和レッズ戦, 阪神タイガースのチケット.
_FAN_AFTER = re.compile(r"戦|対|vs|VS|の試合|のチケット|のホーム|のファン|ファン|の応援|のグッズ|のユニフォーム|の公式"
                        r"|のライブ")
# After a railway one rides, not works for: 阪急の駅から, 西鉄福岡駅, 京王線で.
_RIDE_AFTER = re.compile(r"の駅|の電車|電車|沿線|に乗|(?![がはをにでとものへやか])(?:[\u4e00-\u9fffぁ-んァ-ヴー]{0,6}"
                         r"(?:[（(][^）)]{1,6}[）)])?駅|[\u4e00-\u9fffぁ-んァ-ヴー]{0,6}線(?![\u4e00-\u9fff]))")
# A railway company's own name (名古屋鉄道|各務原線の駅, 西武バス): the company, whatever follows it.
_RAILWAY_COMPANY = re.compile(r"鉄道|電鉄|軌道|交通|バス|急行|運輸")
# A shop's branch named by its place (大和店, 梅田店, 博多駅前店): where to go, not anyone's affiliation.
_BRANCH = re.compile(r"[\u4e00-\u9fff々ァ-ヴー]{1,6}(?:駅前|駅)?(?:店|(?<![学高])校)")
# Public offices named as places to go (博多警察署で大丈夫？, 清掃事務所の職員が): an affiliation only before
# workplace words (…に勤務).
_PUBLIC_OFFICE = re.compile(r"(?:警察署|消防署|税務署|郵便局|保健所|図書館|公民館|清掃事務所|年金事務所|ハローワーク"
                            r"|受付センター|コールセンター|交番|児童相談所|法務局|入国管理局|運輸支局|国土安全保障省)$")
# A department right after an organisation found (東邦テクノ 品質管理課): part of it, as the gold convention
# has it; two characters at least before 部 or 課, so that 全部 and 一部 never are.
_DEPARTMENT_AFTER = re.compile(r"[ \u3000]?[\u4e00-\u9fffァ-ヴー]{2,10}?(?:事業部|本部|部|課|室|支店|営業所|工場|事業所|支社"
                               r"|研究所)"
                               r"(?:(?=宛|御中)|(?![\u4e00-\u9fffァ-ヴー]))")  # …総務部宛て
# Words right after a workplace that say someone works or studies there (湘南みなと訪問看護ステーションに勤めて,
# とんかつ かつ久 三軒茶屋店の店長の…, オクト設計様の法人契約): whatever name stands before them is an affiliation.
_WORKS_AT_AFTER = re.compile(r"に勤め|に勤務|で働い|で働き|の職員|の社員|の従業員|に所属|に入社|に通勤|の店長|のスタッフ"
                             r"|で(?:パート|アルバイト|バイト|派遣|アシスタント"
                             r"|事務|ドライバー|運転手|店員|エンジニア"
                             r"|[\u4e00-\u9fff]{0,3}(?:看護師|保育士|教員|介護職|介護士|ヘルパー))"
                             r"|様の(?:法人|ご担当|担当者|研修|人事|総務|経理|社員|従業員)"
                             # where someone studies: あさひ看護専門学校に4月から通う, みどり幼稚園の年長
                             r"|(?<=[校園学])(?:に(?:[^、。]{0,6}?)通[うっわえ]|に在籍|の(?:生徒|学生|年長|年中|年少|[1-6１-６]年))")
# An organisation named in English by its kind (Lyon Riverside University, Northwind Consulting).
_ENGLISH_BODY = (r"(?<![A-Za-z])(?:[A-Z][A-Za-z&'-]+ ){1,4}(?:University|College|School|Academy|Institute|Consulting"
                 r"|Corporation|Company|Holdings|Group|Partners|Associates|Logistics|Trading|Technologies|Systems"
                 r"|Labs|Studios?)(?![A-Za-z])")
# A label for someone's workplace before it (職場はあおば総合法律事務所なので, 勤務先：…).
_WORKPLACE_LABEL = re.compile(r"(?:職場|勤務先|勤め先|勤務地|学校|通っている学校)(?:は|[:：][ \u3000]*)")
_NAME_TOKEN_POS = ("名詞-固有名詞", "名詞-普通名詞", "接頭辞", "接尾辞-名詞的")
# Before 様の…, a role addressed politely (お客様の, ご担当者様の, 会員様の), not a company.
_ROLE_END = re.compile(r"(?:者|員|客|方|人|様|皆)$")
# Space-separated words of a shop's name before its branch (とんかつ かつ久 |三軒茶屋店).
_NAME_WORDS_BEFORE = re.compile(r"(?:(?<=[\s、。！？!?「」：:])|^)(?:[^\s、。！？!?「」：:]{1,12}(?<![はがをにでとものへ])"
                                r"[ \u3000]){1,2}$")


def _name_token(tok: Token) -> bool:
    return (tok.tag_.startswith(_NAME_TOKEN_POS) and not tok.tag_.startswith("名詞-普通名詞-副詞可能")) or (
        tok.tag_.startswith("形状詞") and bool(KATAKANA_WORD.fullmatch(tok.text)))  # ユニバーサル|航研


def _names_a_body(run: list[Token], end: int | None = None) -> bool:
    """Nouns (up to `end`) that name a body rather than a kind of one: not all common nouns (会社, 訪問看護
    ステーション), unless a kana word starts them (みどり|幼稚園, あおば|総合|法律|事務所)."""
    text = run[0].doc.text[run[0].idx:end if end is not None else run[-1].idx + len(run[-1].text)]
    return (len(run) >= 2 and HIRAGANA_WORD.fullmatch(run[0].text) is not None) or not is_common_noun_phrase(text)


def _workplaces_before_work_words(doc: Doc) -> list[tuple[int, int]]:
    """The noun run right before words saying someone works there (湘南みなと訪問看護ステーション|に勤めて); a
    shop's branch takes the words of its name before it (とんかつ かつ久 三軒茶屋店|の店長). A run of common nouns
    (会社, 訪問看護ステーション) names no one's workplace, unless it is addressed with 様 (オクト設計様の法人契約)."""
    text, spans = doc.text, []
    for m in _WORKPLACE_LABEL.finditer(text):  # the noun run after the label
        run = list(itertools.takewhile(_name_token, (t for t in doc if t.idx >= m.end())))
        if run and run[0].idx == m.end() and _names_a_body(run):
            spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    for m in _WORKS_AT_AFTER.finditer(text):
        at = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        run: list[Token] = []
        for i in range(at.start - 1 if at is not None else -1, -1, -1):  # back from the token before the words
            if not _name_token(doc[i]):
                break
            run.insert(0, doc[i])
        if not run or run[-1].idx + len(run[-1].text) != m.start():
            continue
        start, end = run[0].idx, m.start()
        if text.endswith("店", start, end) and (words := _NAME_WORDS_BEFORE.search(text, 0, start)) is not None:
            start = words.start()
        addressed = m.group().startswith("様") and len(run) >= 2 and not _ROLE_END.search(text, start, end)
        if end - start >= 2 and (addressed or _names_a_body(run, end)):
            spans.append((start, end))
    return spans


_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def _acronym_and_common_nouns(name: str) -> bool:
    """A common acronym, alone or with common nouns (MT, 普通車MT, 交通系IC, MT教習車): a kind of thing."""
    acronyms = _LATIN_WORD.findall(name)
    if not acronyms or any(a.upper() not in COMMON_ACRONYMS for a in acronyms):
        return False
    rest = _LATIN_WORD.sub("", name).strip()
    return not rest or is_common_noun_phrase(rest)


def _is_common_noun(name: str) -> bool:
    """Dictionary common nouns, no name. Sudachi reads many katakana names as common nouns in pieces
    (ヴィレッジ|ブックス), so a katakana name is judged whole: one dictionary common noun."""
    if KATAKANA_WORD.fullmatch(name.replace("・", "")):
        return is_one_common_noun(name)
    return is_common_noun_phrase(name)


# Bodies every company or town has, named by their kind alone (会社の健康保険組合, 町内会): no one's in particular.
_GENERIC_BODIES = frozenset("健康保険組合 健保組合 労働組合 労組 協同組合 生活協同組合 生協 農協 漁協 信用組合 管理組合 "
                            "町内会 自治会 商工会 商工会議所 PTA 保護者会 後援会 同窓会 組合".split())
# What makes a school or hospital a kind of one (出身中学校, 提携病院, 最寄りの病院): no name follows them.
_GENERIC_PREFIX = re.compile(r"(?:出身|母校|志望|地元|近所|近隣|最寄り?|提携|指定)")


def _generic_body(name: str) -> bool:
    """健康保険組合, 出身中学校, 提携病院: a body or place named by its kind, whatever the dictionary says."""
    return name in _GENERIC_BODIES or (_GENERIC_PREFIX.match(name) is not None and is_common_noun_phrase(name))


def _a_public_figure_addressed(text: str, start: int, end: int) -> bool:
    """A listed public figure, with or without the honorific the span took in (隈研吾さん)."""
    return a_public_figure(text, start, end - len(_HONORIFIC_END.search(text, start, end)[0]))


def _kinds_of_place(name: str) -> bool:
    """One dictionary common noun, addressed or not (企業様), or a list of them (税理士・会計事務所): a kind of
    place, not a named one."""
    parts = name.removesuffix("様").split("・")
    if len(parts) > 1 and any(KATAKANA_WORD.fullmatch(p) for p in parts):
        return False  # センチュリー・メディア・レコード: katakana words make up many a name
    return all(is_one_common_noun(part) for part in parts)


def _one_kanji_common_noun(text: str, start: int, end: int) -> bool:
    """An entity the NER calls an organisation that is one dictionary common noun in kanji (企業, 保育料,
    巨人): a thing, unless a department or a workplace. Katakana and Latin names are not judged so, since
    many companies are dictionary words there (アップル, アトラス, GM)."""
    if text.endswith("様", start, end):  # 企業様, addressed
        end -= 1
    return (_KANJI_ONLY.fullmatch(text, start, end) is not None and is_one_common_noun(text[start:end])
            and text[end - 1] not in "部課室科" and not _WORKPLACE_AFTER.match(text, end))


_KANJI_ONLY = re.compile(r"[\u4e00-\u9fff々]+")


def _could_be_company_name(word: str) -> bool:
    """A katakana or Latin word joined to a company found that is not a common noun or acronym."""
    return word.upper() not in COMMON_ACRONYMS and not _FACILITY.search(word) and not _is_common_noun(word)


def _place_branch(name: str) -> bool:
    """大和店, 梅田店, 博多駅前店, 三鷹校: a branch named by a proper noun of its place, not a kind of shop
    (星野商店, 三省堂書店, 美登利総本店) or a school (開成高校)."""
    return (bool(_BRANCH.fullmatch(name)) and len(name) <= 7 and name[-2] not in "商書物本木品器具服屋貨"
            and has_proper_noun(name[:-1]))


def _a_service_named(text: str, start: int, end: int) -> bool:
    """A company named without a legal form, a school or a department, and no person or 様 after it: in a
    message that says nothing of anyone working or studying anywhere, it is a maker, a utility or a shop
    the customer uses (TOTOのウォシュレット, 関西電力から中部電力への切り替え, ソニー損保の自動車保険)."""
    return (not _LEGAL_FORM_RE.search(text, start, end) and not _KIND_KEPT.search(text, start, end)
            and not _someone_after(text, end) and not _WORKPLACE_AFTER.match(text, end))


def _someone_after(text: str, end: int) -> bool:
    """An honorific, or a name and です/と申します/より after the company (日立の田中です); 三菱電機の換気扇です
    names a thing, a common noun."""
    m = _SOMEONE_AFTER.match(text, end)
    return m is not None and (m.group("who") is None or not is_common_noun_phrase(m.group("who")))


def _a_place_or_fan(text: str, start: int, end: int) -> bool:
    """A public office, a shop's branch, a team fans watch, a venue, a town, a railway one rides or a school one
    aims at: where one goes, not where one belongs (unless the text says they work there)."""
    return bool(_PUBLIC_OFFICE.search(text, start, end) or _place_branch(text[start:end]) or _FAN_AFTER.match(text, end)
                or _GOAL_AFTER.match(text, end) or _GOAL_BEFORE.search(text[max(0, start - 10):start])
                or _VENUE_AFTER.match(text, end) or _MUNICIPALITY.fullmatch(text, start, end)
                or (_RIDE_AFTER.match(text, end) and not _RAILWAY_COMPANY.search(text, start, end))
                or (_VENUE.search(text, start, end) and not _LEGAL_FORM_RE.search(text, start, end)))


_HOME_NAME_END = re.compile(r"の(?:里|家|杜|森|郷|園|丘|苑)$")
# A school or a workplace named in brackets after its kind (塾（翠嶺アカデミー）, 職場（みなと総研）).
_KIND_IN_BRACKETS = re.compile(r"(?:(?<=塾[（(])|(?<=職場[（(])|(?<=勤務先[（(])|(?<=勤め先[（(])|(?<=会社[（(])"
                               r"|(?<=学校[（(]))[^0-9（()）、。\s]{2,14}(?=[）)])")
_OWN_LABEL_END = re.compile(r"】(?:所在地|住所)?[:：]?[ \u3000]*(?:〒|[\u4e00-\u9fff]{2,3}[都道府県])")
_SCHOOL_CLUB = re.compile(r"(?:吹奏楽|軽音楽?|合唱|演劇|美術|写真|放送|科学|文芸|茶道|華道|書道|囲碁|将棋|野球|サッカー"
                          r"|(?:ソフト)?テニス|バスケ(?:ットボール)?|バレー(?:ボール)?|陸上|水泳|剣道|柔道|空手|弓道|卓球"
                          r"|バドミントン|ハンドボール|ラグビー|新?体操|ダンス|チア|山岳|天文|鉄道|料理|手芸|漫画|アニメ)部"
                          r"|日本史|世界史|数学|国語|英語|理科|社会|物理|化学|生物|地理|古文|漢文")  # school subjects


def _kana_not_noun(doc: Doc, start: int, end: int) -> bool:
    """Kana in a name without a legal form that are particles or verb endings (中学生から大学, 精算できる動物病院):
    a phrase, not a name (さくら総合病院 and みずほ銀行 have nouns there)."""
    if (_LEGAL_FORM_RE.search(doc.text, start, end) or doc.text[start - 1:start] == "「"  # quotes vouch
            or _PUBLIC_SCHOOL_RE.fullmatch(doc.text, start, end)  # and so does 市立 (柏市立柏の葉中学校)
            or _HOME_NAME_END.search(doc.text, start, end)):  # and a home's name (白樫の里)
        return False
    return any(HIRAGANA_WORD.search(t.text) and t.tag_.startswith(("助詞", "助動詞", "動詞", "形容詞"))
               for t in tokens_in(doc, start, end))


class OrganizationRecognizer(RegexRecognizer):
    ENTITY = E.ORGANIZATION
    keep_public_figures = True  # DetectionSettings.keep_public_figures
    PATTERNS = (
        (_LEGAL_FORM + r"[ \u3000]?[A-Za-z0-9ァ-ヴー\u4e00-\u9fff々&・]{1,16}?(?:" + _SUFFIX + ")?" + _DEPARTMENT
         + r"(?![A-Za-z0-9ァ-ヴー\u4e00-\u9fff々])", 0.9),
        (_START + _NAME + _SUFFIX + r"(?:[ \u3000]?" + _LEGAL_FORM + ")?" + _DEPARTMENT, 0.6),
        # A name with hiragana after a legal form, up to a particle (株式会社エフエムいみずは) or before one
        # (てぃーだ観光株式会社).
        (_LEGAL_FORM + r"[ \u3000]?(?:[A-Za-z0-9ァ-ヴーヶ\u4e00-\u9fff々]|(?![はがのをにとでもへやよかけ])[ぁ-ん])"
         r"[ぁ-んA-Za-z0-9ァ-ヴーヶ\u4e00-\u9fff々&・]{1,15}?"
         + _DEPARTMENT + r"(?=です|は|が|の|を|に|と|、|。|」|\s|$)", 0.8),
        (r"(?<![ぁ-んー\u4e00-\u9fff々])[ぁ-ん][ぁ-んー]{1,6}[\u4e00-\u9fffァ-ヴー]{1,8}" + _LEGAL_FORM, 0.8),
        # A name with hiragana after a legal form, up to a suffix or 会: 有限会社さくら不動産, 医療法人社団ひだまり会.
        (_LEGAL_FORM + r"[ \u3000]?[ぁ-んA-Za-z0-9ァ-ヴーヶ\u4e00-\u9fff々&・]{1,16}?(?:" + _SUFFIX + r"|会)"
         + _DEPARTMENT + r"(?![A-Za-z0-9ァ-ヴー\u4e00-\u9fff々])", 0.9),
        (_KANA_OR_LATIN_NAME + _COMPANY_CONTEXT, 0.6),
        (_KANJI_NAME + _COMPANY_CONTEXT, 0.6),
        (_LATIN_SHA, 0.6),
        (_KATAKANA_SHA, 0.6),

        (_LATIN_LEGAL, 0.9),
        # An account holder's legal form as banks abbreviate it (カ）コトノハコウボウ, ユ）ヤマダショウテン).
        (r"(?<![ァ-ヴA-Za-z])(?:カ|ユ|ド|シャ|ザイ|イ)[）)][ァ-ヴー][ァ-ヴー ・]{1,20}(?<! )", 0.8),
        (_KANA_MIXED_NAME + _DEPARTMENT, 0.6),
        (_ENGLISH_BODY, 0.6),
        # I'm a student at 日本文化語学院, I work at ミナト精工: a Japanese name after an English "at"
        (r"(?:(?<=student at )|(?<=teacher at )|(?<=studying at )|(?<=study at )|(?<=studies at )|(?<=work at )"
         r"|(?<=works at )|(?<=working at )|(?<=worked at )|(?<=intern at ))[\u4e00-\u9fff々ァ-ヴー]{2,20}", 0.6),
        (_PUBLIC_SCHOOL, 0.7),
        (_DEPARTMENT_ALONE, 0.6),
        # A care home or day service by its kind, then its own name (グループホームひだまり西新井で,
        # 特別養護老人ホーム 白樫の里で).
        (r"(?:特別養護|介護付き?有料|住宅型有料|有料)?"
         r"(?:グループホーム|デイサービス|ケアハウス|老人ホーム|訪問看護ステーション|小規模多機能ホーム)"
         r"(?:[ \u3000](?!入居|見学|費用|空き|利用|選び|探し|体験|申込|申し込))?"
         r"(?![のはがをにでとへもや])[ぁ-んァ-ヴー\u4e00-\u9fff々]{2,12}?(?:の(?:里|家|杜|森|郷|園|丘|苑))?"
         r"(?=で|の|に|は|を|が|、|。|\s|$)", 0.6),
    )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        # A generic place of work is no one's affiliation: 市役所, 大学病院, 動物病院, 軽自動車 are one dictionary
        # common noun each (a named one, 中央病院 aside, has a proper noun or an unknown word in it). A
        # department (営業部の山田です) is one.
        results = [r for r in super().analyze(text, entities, nlp_artifacts)
                   if not _kinds_of_place(text[r.start:r.end]) or text[r.end - 1] in "部課室科"
                   or (_WORKPLACE_AFTER.match(text, r.end) and text[r.end - 1] != "様")]  # 企業様の従業員
        # ツアーと提携: a short common noun before company words is no company (オーバーフローから発売 is one)
        results = [r for r in results if not (r.end - r.start <= 4 and _WORKPLACE_AFTER.match(text, r.end)
                                              and is_one_common_noun(text[r.start:r.end]))]
        doc = nlp_artifacts.tokens if nlp_artifacts is not None and isinstance(nlp_artifacts.tokens, Doc) else None
        if doc is not None:
            sure = [*doc.ents, *(s for s in doc.spans.get(NAMES_KEY, ()) if s.label_ == "Company")]
            more = [s for s in doc.spans.get(MORE_NAMES_KEY, ()) if s.label_ == "Company"]
            for i, ent in enumerate([*sure, *more]):
                if (ent.label_ in ORGANIZATION_LABELS and ascii_bounded(text, ent.start_char, ent.end_char)
                        and not _FACILITY.search(ent.text) and not HIRAGANA_WORD.fullmatch(ent.text.rstrip("、。"))
                        and not _acronym_and_common_nouns(ent.text) and not _place_branch(ent.text)
                        and not _one_kanji_common_noun(text, ent.start_char, ent.end_char)):
                    start, end = extend_foreign_name(text, ent.start_char, ent.end_char)
                    results.append(RecognizerResult(self.ENTITY, start, end, 0.7 if i < len(sure) else 0.5))
        for pattern in (*_CHECKED_NAME_PATTERNS, _RENAMED):
            for m in pattern.finditer(text):  # the quotes vouch (ココストア), and so does 社名を…と改称
                vouched = text[m.start("name") - 1:m.start("name")] == "「" or pattern is _RENAMED
                name = m.group("name")  # before company-only words a katakana name is judged whole (ヴィレッジブックス)
                common = _is_common_noun(name) if pattern is _CHECKED_NAME_PATTERNS[1] else is_common_noun_phrase(name)
                if (vouched or not common) and not _FACILITY.search(name):
                    results.append(RecognizerResult(self.ENTITY, m.start("name"), m.end("name"), 0.6))
        for m in _KIND_IN_BRACKETS.finditer(text):  # 塾（翠嶺アカデミー）, not 塾（個別指導）
            if not is_common_noun_phrase(m.group()):
                results.append(RecognizerResult(self.ENTITY, m.start(), m.end(), 0.7))
        for m in _KATAKANA_RUN.finditer(text):
            if _STRONG_COMPANY_AFTER.match(text, m.end()):
                results.append(RecognizerResult(self.ENTITY, m.start(), m.end(), 0.6))
        places = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS} if doc is not None else set()
        for start, end in known_organizations(text):
            # 浅草寺 is a temple; レオ(ﾄｲﾌﾟｰﾄﾞﾙ) a dog
            if not _FACILITY.search(text, start, end) and (start, end) not in places and not is_pet(text, start, end):
                start, end = extend_foreign_name(text, start, end)
                results.append(RecognizerResult(self.ENTITY, start, end, 0.6))
        for r in results:
            if (tail := _NAME_TAIL.match(text, r.end)) is not None:
                r.end = tail.end()
            if (department := _DEPARTMENT_AFTER.match(text, r.end)) is not None:
                r.end = department.end()
        results = [r for r in results if not _THING_END.search(text, r.start, r.end)
                   or _LEGAL_FORM_RE.search(text, r.start, r.end) or _WORKPLACE_AFTER.match(text, r.end)]
        results = [r for r in results if not _a_place_or_fan(text, r.start, r.end) or _WORKPLACE_AFTER.match(text, r.end)]
        results = [r for r in results if not _generic_body(text[r.start:r.end])
                   and not _SCHOOL_CLUB.fullmatch(text, r.start, r.end) and not HANGUL.search(text, r.start, r.end)
                   and not (r.start == 1 and text[0] == "【" and _OWN_LABEL_END.match(text, r.end))]
        if self.keep_public_figures:  # 隈研吾さんの建物: NER took the architect and his honorific for a company
            results = [r for r in results if not _a_public_figure_addressed(text, r.start, r.end)]
        if not _ATTENDS_THERE.search(text):  # a nursery one applies to (ひまわり保育園は募集枠が…) is where, not whose
            results = [r for r in results if _LEGAL_FORM_RE.search(text, r.start, r.end) or not _CHILDCARE_END.search(
                text, r.start, _WORD_RUN.match(text, r.end).end())]
        if not _WORKS_THERE.search(text):  # a clinic one visits (大森赤十字病院の小児科で…) is where, not whose
            results = [r for r in results if _LEGAL_FORM_RE.search(text, r.start, r.end) or not _MEDICAL_END.search(
                text, r.start, _WORD_RUN.match(text, r.end).end())]  # …赤十字|病院 too
        for r in results:  # 明日|ヤマト運輸, は|みなと台信用金庫: a time word or a particle is not part of a name
            first = tokens_in(doc, r.start, r.end)[:2] if doc is not None else []
            if len(first) == 2 and first[0].idx == r.start and (first[0].text in _TIME_WORDS or (
                    first[0].tag_.startswith("助詞") and HIRAGANA_WORD.match(first[1].text))):
                r.start = first[1].idx
        results = [r for r in results if not _PLACEHOLDER.search(text, r.start, r.end) and not NOT_ONE_NAME.search(
            text, r.start, r.end)
                   and (doc is None or not _kana_not_noun(doc, r.start, r.end))]
        workplaces = [RecognizerResult(self.ENTITY, s, e, 0.8) for s, e in _workplaces_before_work_words(doc)
                      ] if doc is not None else []
        results = results + self._list_items(text, results)
        # TOTOのウォシュレット, 東京電力とのセット割: in a chat saying nothing of work or school, a service one uses
        if in_chat_register(text) and not _AFFILIATED.search(text) and not _AFFILIATED_EN.search(
                text):
            results = [r for r in results if not _a_service_named(text, r.start, r.end)]
        return results + workplaces

    def _list_items(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Companies listed beside found ones: an item between two (日本航空、全日本空輸、AIRDO), and the last
        item before a count of companies (…、AIRDOの3社)."""
        spans = sorted({(r.start, r.end) for r in results})
        items = [(a_end + 1, b_start - 1) for (_, a_end), (b_start, _) in itertools.pairwise(spans)
                 if _LIST_ITEM.fullmatch(text, a_end, b_start)]
        items += [(m.start(1), m.end(1)) for _, end in spans[-1:] if (m := _LAST_ITEM.match(text, end))]
        items += [(m.start(1), m.end(1)) for _, end in spans
                  if (m := _ETC_ITEM.match(text, end))  # not 家電等; Sudachi lists エキサイト as a common noun too
                  and (KATAKANA_WORD.fullmatch(m.group(1)) or not is_one_common_noun(m.group(1)))]
        items += [(m.start(1), m.end(1)) for r in results if r.score >= 0.6
                  for m in (_COORDINATED_AFTER.match(text, r.end), _COORDINATED_BEFORE.search(text, 0, r.start))
                  if m is not None and _could_be_company_name(m.group(1))]
        return [RecognizerResult(self.ENTITY, s, e, 0.6) for s, e in items]
