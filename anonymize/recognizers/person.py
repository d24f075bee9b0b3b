"""Person names from several signals, because GiNZA's NER alone finds about 70% of them:

- GiNZA NER `Person` spans;
- runs of tokens Sudachi tags 名詞-固有名詞-人名 (joined across ・ and a space);
- honorifics after a name (山田様, 太郎さん), self-introductions (佐藤と申します, 担当の鈴木);
- romanized names next to one of those signals;
- who someone is to the writer (娘の凛が, 小学3年のはるとと) and an age after a name (そうた（8歳）);
- other mentions, in the same text, of a name part found (Yuki Tanabeさん … Tanabeって).

Names found earlier in a conversation are looked for again by the Anonymizer (anonymize/__init__.py).
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Span, Token

from anonymize import entities as E
from anonymize.lexicon import (
    HIRAGANA_WORD,
    KATAKANA_WORD,
    has_inflecting_word,
    has_person_name_word,
    has_proper_noun,
    has_unknown_word,
    is_common_noun_phrase,
    is_one_known_word,
    is_romaji_name,
    is_romaji_word_name,
    only_common_noun,
    spells_in_romaji,
)
from anonymize.names_ner import MORE_NAMES_KEY, NAMES_KEY
from anonymize.recognizers.address import PREFECTURES
from anonymize.recognizers.base import NOT_ONE_NAME, ascii_bounded, extend_foreign_name, in_chat_register, tokens_in
from anonymize.recognizers.foreign_names import HANGUL, chinese_line
from anonymize.recognizers.named_things import (
    a_car_model,
    a_public_figure,
    a_quoted_thing,
    a_quoted_title,
    a_shop,
    a_train,
    a_typhoon,
    a_variety,
    a_wine,
    an_animal,
)
from anonymize.recognizers.pets import PET_KIND, PET_KINDS

HONORIFICS = frozenset({"様", "さま", "さん", "サン", "君", "くん", "氏", "殿", "ちゃん", "先生", "どの"})
# Words that take an honorific but are not names (お客様, 担当者様, 皆さん, 運転手さん …).
NOT_NAMES = frozenset(
    "お客 客 皆 みな 皆さん みなさん 担当 担当者 会員 利用者 ユーザー ユーザ 店長 社長 部長 課長 係長 先輩 後輩 "
    "運転手 配達員 ドライバー スタッフ オペレーター オペレータ 管理者 お母 お父 母 父 奥 旦那 娘 息子 お子 子供 "
    "おばあ おじい お兄 お姉 兄 姉 弟 妹 家族 ご家族 ご主人 主人 奥様 お嬢 坊 医者 先方 相手 業者 皆様 各位 "
    "お得意 貴社 御社 お店 店員 係 係員 窓口 受付 担当窓口 ご担当 みんな 誰 どなた 方 人 私 僕 俺 自分 当方 "
    "カスタマー サポート メンバー ゲスト ホスト オーナー 大家 管理人 お医者 看護師 先生方 神 仏 王 姫 "
    "選手 監督 教授 議員 会長 容疑者 被告 投手 捕手 代表 理事 委員 博士 女史 夫人 一家 家 派 様 さん 君 氏 殿 "
    "ら 達 たち 等 側 自身 本人 ご本人 宛 宛て 行 御中 一同 みなさま みなさん みんな あかちゃん ねえ にい じい ばあ "
    "だれ どなた かみ 孫 嫁 婿 夫 妻 隣 お隣 近所 ご近所 板前 お巡り 巡り 甥 姪 義母 義父 祖父 祖母 叔父 叔母 "
    "伯父 伯母 友 友達 彼 彼女 相方 上司 部下 同僚 仲間 大工 庭師 職人 猫 犬 ねこ いぬ ネコ イヌ わんちゃん ワンちゃん "
    "にゃんこ うさぎ ウサギ ワン わん ニャン にゃん".split()
)
# Words that are never a name on their own, whatever signal found them (担当の者, ご契約者様, フルネーム).
NEVER_NAMES = frozenset(
    "者 もの 契約者 申込者 予約者 購入者 注文者 代表者 加入者 名義人 受取人 依頼主 送り主 差出人 当選者 登録者 "
    "フルネーム 名前 お名前 氏名 本名 旧姓 名字 苗字 アプリ カタカナ ひらがな 漢字 ローマ字 マイナンバー "
    "お巡りさん 先名 社名 店名 会社名 学校名 氏名欄 "  # 勤務|先名: a form's label, read as a surname
    "ツール・ド・フランス ノクターン ソナタ エチュード ワルツ ポロネーズ "  # a race and pieces of music
    "山田錦 美山錦 八反錦 五百万石 雄町 亀の尾 愛山 ライ角 ロフト角 "  # rice for sake, golf clubs
    # Jobs people are called by (シッターさん, トリマーさん), which GiNZA takes for names.
    "シッター ベビーシッター ペットシッター ヘルパー ケアマネ ケアマネージャー トリマー 美容師 保育士 先生 コーチ "
    "トレーナー インストラクター ガイド 整備士 職員 事務員 警備員 清掃員 作業員 営業 店主 女将 親方 "
    # A family temple and the sects, which GiNZA tags as persons (浄土真宗なんですけど, うちの菩提寺が).
    "菩提寺 浄土真宗 真宗 浄土宗 日蓮宗 曹洞宗 臨済宗 天台宗 真言宗 禅宗 入口 出口 宮司 禰宜 神主 住職 巫女 調律 "
    # things GiNZA tags as persons (ケージはお持ちのもの, サロン向けプラン, アクスタまだある？)
    "ケージ サロン ワンピース アクスタ グッズ Lake Mount "
    # instruments (バイオリンは分数サイズまで)
    "バイオリン ヴァイオリン ビオラ ヴィオラ チェロ フルート クラリネット サックス トランペット トロンボーン ホルン "
    "ウクレレ オーボエ ファゴット アンコール "
    # what a label holds when it holds no name (差出人は不明です)
    "不明 未定 未記入 空欄 本人 同上".split()
)
NOT_NAMES |= NEVER_NAMES
# Titles written after a name (鈴木部長, ファルエル学長, バルダッチ知事): a name before them, unless a place.
TITLES = frozenset(
    "部長 課長 係長 社長 会長 店長 室長 所長 支店長 館長 学長 院長 園長 理事長 教授 准教授 講師 監督 選手 投手 捕手 "
    "知事 市長 町長 村長 議員 大臣 首相 大統領 大使 領事 博士 医師 弁護士 税理士 容疑者 被告 被告人 元帥 大将 大佐 "
    "中佐 少佐 伯爵 侯爵 公爵 男爵 子爵 卿 夫人 一家 名誉教授 記者 アナウンサー 編集長 主任 マネージャー コーチ".split()
)
# でございます only after a proper noun: 4色でございます, 以上でございます are not introductions.
SELF_INTRO_AFTER = ("と申します", "と申しま", "といいます", "と言います", "と申す", "っていいます", "って言います")
INTRO_BEFORE = re.compile(
    r"(?:担当の|担当者の|担当は|担当者は|担当|名前は|氏名は|氏名[:：]|名前[:：]|名義は|名義[:：]|名義人は"
    r"|フリガナ[:：]|ふりがな[:：]|カナ[:：]|私は|わたしは|私、|わたくし、|名前を|申込者[:：]|契約者[:：]|宛名[:：]"
    r"|窓口の|センターの|サポートの|デスクの|事務局の|チームの|係の|カメラマンの|スタッフの|講師の|店長の|塾長の"
    r"|コーチの|トレーナーの|プランナーの|コンシェルジュの|ドライバーの|整備士の|衛生士の|看護師の|薬剤師の"
    # A staff member after their role (院長の早瀬が伺います, 担当医の…, スタイリストの…)
    r"|院長の|副院長の|医師の|獣医師?の|主治医の|担当医の|先生の|トリマーの|スタイリストの|美容師の|保育士の|教官の"
    r"|指導員の|インストラクターの|ガイドの|主任の|リーダーの|マネージャーの|アドバイザーの|カウンセラーの)\s*$"
)
ROMAN_NAME = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]{1,15}|[A-Z]{2,15})(?: [A-Z]\.)? "
                        r"(?:[A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,10})?|[A-Z]{2,15})(?: [A-Z][a-z]{1,15}(?=[,.!?]|\s*$))?"
                        r"(?: [A-Z]{2,15}(?= ?です))?(?![A-Za-z])")  # Lee Jun-ho; NGUYEN THI MAI です
# A romaji name joined by an underscore, as in a game handle or a login (Kenta_Arai).
ROMAN_HANDLE = re.compile(r"(?<![A-Za-z0-9_])[A-Z][a-z]{1,15}_[A-Z][a-z]{1,15}(?![A-Za-z0-9_])")
_HANDLE_CONTEXT = re.compile(r"本名|名前|ユーザー?名|アカウント|ID|ＩＤ|ハンドル|ニックネーム")
_LOWER_WORDS_BEFORE_NAME = re.compile(r"(?:[a-z][a-z'-]*\s+)+(?=[A-Z][a-z]+)")

_SPELLING_CONTEXT = re.compile(r"ローマ字|スペル|綴り|つづり|英字|アルファベット|英訳|英語表記")
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9@._-])[A-Z][a-z]{2,12}(?![A-Za-z0-9@.])")
# Two lower-case romaji words (aya nakamura), kept when the dictionary reads a name in them.
ROMAN_NAME_LOWER = re.compile(r"(?<![A-Za-z0-9@._/-])[a-z]{3,12} [a-z]{3,12}(?![A-Za-z0-9@.])")
ROMAJI_INTRO_AFTER = re.compile(r" (?:desu|to moushimasu|to iimasu)\b")
ROMAJI_NAME_DESU = re.compile(r"(?:^|(?<=[\s、。,.!?！？]))([a-z]{3,12})(?=" + ROMAJI_INTRO_AFTER.pattern + ")")
# Words of romanized chat (hai-sou ryou wa ikura desu ka?) that a lower-case name never holds.
ROMAJI_CHAT_WORDS = frozenset("desu masu deshita kudasai onegai shimasu arigato arigatou gozaimasu ikura nani "
                              "doko itsu dare kore sore are sumimasen hai iie dekimasu dame yoroshiku".split())
# A name's reading said in words (伊藤 菫様で、すみれって読みます).
READING_SAID = re.compile(r"(?:^|(?<=[、。,\s]))([ぁ-ゖ]{2,6}|[ァ-ヴー]{2,8})(?=って読み|と読み|っていう読み|と読みます)")
ROMAN_VOUCHED_AFTER = ("です", "と申します", "の名前", "名義", "名で", "の名義", "宛", "（", "(", "より")
LIST_ITEM = re.compile(r"、[ぁ-んァ-ヴー\u4e00-\u9fff々]{1,8}、")
# A name right after a label for one: 名前は四月一日陽翔です, 予約の名前をどうめきに変更.
NAME_AFTER_LABEL = re.compile(r"(?:(?<=名前は|名前を|氏名は|名義は|名前が|宛名は|旧姓 |旧姓は|旧姓:|よみは|読みは)"
                              r"|(?<=登録名は|予約名は|受付名は|受取人は|契約者は|申込者は|新しくは)|(?<=ふりがなは|フリガナは)"
                              r"|(?<=注文者は|予約者は|購入者は|名義人は|利用者は|差出人は|送り主は|依頼主は)"
                              r"|(?<=名字は|苗字は|新姓は)|(?<=フルネームは))"
                              r"[^\s、。!！?？]{1,10}?"
                              r"(?:[ \u3000][^\s、。!！?？]{1,6}?)?"
                              r"(?=です|に変更|で登録|で予約|でお願い|と申|様|さん|になって|[）)（(]|$)")
# An account holder's name in kana after the account (…普通 1234567（ヤマダ タロウ）, or after a space).
# A full name in katakana after a name label (名義人 カデノコウジ タダシ, フリガナ：ヤマダ タロウ).
LABELLED_KANA_NAME = re.compile(r"(?:(?<=名義人)|(?<=名義 )|(?<=名義)|(?<=氏名 )|(?<=フリガナ)|(?<=ふりがな)|(?<=カナ)"
                                r"|(?<=会員名)"
                                r"|(?<=会員名は)|(?<=登録名)|(?<=登録名は)|(?<=契約者名)|(?<=受取人)|(?<=受取人は))"
                                r"[）)]?[ \u3000:：]*([ァ-ヴー]{2,}[ \u3000][ァ-ヴー]{1,})(?![ァ-ヴー])")
ACCOUNT_HOLDER = re.compile(r"(?<=[（(])[ァ-ヴー]{2,}(?:[ \u3000][ァ-ヴー]{1,})?(?=[）)])"
                            r"|(?<=[0-9][ \u3000])[ァ-ヴー]{2,}[ \u3000][ァ-ヴー]{1,}(?![ァ-ヴー])")
ACCOUNT_CONTEXT = ("口座", "名義", "振込", "振り込", "返金", "銀行", "支店", "普通", "当座", "ゆうちょ", "(普)", "(当)")
# The second half of a name written with a space (ふじた つむぎです, 山田 太郎様).
_SECOND_HALF = re.compile(r"[ \u3000]([ぁ-んァ-ヴー\u4e00-\u9fff々]{1,4})(?=です|と申|様|さん|、|。|！|!|（|\(|\s|$|・"
                          r"|で(?:登録|予約|申し込|申込))")
# Two words of half-width katakana (ﾔﾏﾀﾞ ﾀﾛｳ): how bank and card systems print a holder's name.
HALFWIDTH_NAME = re.compile(r"(?<![ｦ-ﾟ])[ｦ-ﾟ]{2,}[ \u3000][ｦ-ﾟ]{1,}")
# …or what it is booked under (ﾅｶﾞｲ ﾕｳﾄで取ってます).
_BOOKED_UNDER = re.compile(r"[ \u3000]?(?:で|の名前で|名義で)(?:取|予約|登録|申し込|申込|入って|とって)")
# A label a half-width holder name may follow without the dictionary knowing it (会員名はﾐﾔｻﾞｷ ｱｵｲ).
_NAME_LABEL_BEFORE = re.compile(r"(?:名義人?|氏名|名前|会員名|登録名|契約者名?|受取人|カナ|フリガナ)"
                                r"(?:は|[:：、])?[ \u3000]*$")
# Names in English sentences: I am Kana, This is Mika from…, my name is Maria Garcia, Ms. Garcia, Kaneko sama.
# Ji-woo Park, Watanabe-Reid; never a title (Our instructor Ms. Aoyama)
_LATIN_NAME = (r"(?!(?:Mr|Ms|Mrs|Dr|Miss)\b)([A-Z][a-zà-öø-ÿ]+(?:-[A-Za-z][a-zà-öø-ÿ]+)?"
               r"(?: [A-Z][a-zà-öø-ÿ]+(?:-[A-Za-z][a-zà-öø-ÿ]+)?){0,2})")  # Sophie Müller
_GREETING = re.compile(r"\b(?:Hi|Hello|Hey|Dear|Thanks|Thank you|(?<=[\"“「『])To),? ")  # a card: “To Mia, love Dad”
# The words an English self-introduction starts with; a name may follow even when it is an English word.
ENGLISH_SELF_INTRO = r"I am|I'm|[Tt]his is|[Mm]y name is"
ENGLISH_INTRO = re.compile(r"(?:\b(?:" + ENGLISH_SELF_INTRO + r"|[Ww]e're|[Ww]e are|[Nn]ame:"
                           r"|(?:[Ww]ife|[Hh]usband|[Ss]on|[Dd]aughter"
                           r"|[Mm]other|[Ff]ather|[Ff]riend|[Nn]ame|[Pp]assenger|[Gg]uest) is|[Nn]ame,?"
                           r"|under the name(?: of)?|(?:is|are|was|booked|reserved|made) under"
                           # my exchange partner Haruto, our wedding planner Aya: one word may say what kind
                           r"|(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er) (?:[a-z]+ )?(?:colleague|co-?worker|friend|daughter|son|wife"
                           r"|husband|mother|father|mom|mum|dad|sister|brother|boss|manager|partner|child|kid|grandson|granddaughter"
                           r"|niece|nephew|teacher|roommate|flatmate|housemate|classmate|girlfriend|boyfriend"
                           r"|fianc[eé]e?|cousin|aunt|uncle|grandma|grandpa|grandmother|grandfather|planner|photographer"
                           r"|guide|instructor|coordinator|interpreter),?"
                           r"|[Tt]he (?:photographer|planner|guide|instructor|stylist|coordinator|receptionist|interpreter"
                           r"|driver|captain|host|chef|teacher),?"
                           r"|(?:appointment|booking|reservation|session|lesson)s? with"
                           r"|(?:trainer|teacher|instructor|coach|stylist|staff|agent|driver|guy|man|woman|lady|person"
                           r"|seller|buyer|user|member|customer|owner|host)"
                           r" (?:called|named))"
                           r"|\b(?:Mr|Ms|Mrs|Dr)\.?) "
                           + _LATIN_NAME
                           + r"(?![A-Za-z])|" + r"(?<![A-Za-z])([A-Z][a-z]+)(?= ?-?(?:sama|san|-sama|-san)\b)"
                           + r"|(?:(?<=担当の)|(?<=サポートの)|(?<=スタッフの)|(?<=オペレーターの))"
                           + r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![A-Za-z])"
                           # A greeting to someone by name (Hi Olivia, / Thanks Anna!): the name before , or !.
                           + r"|" + _GREETING.pattern + r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?= ?[,!])")
# A bag's or an instrument's size after its katakana name (ケリー28, バーキン30), not an age or a count.
_MODEL_SIZE_AFTER = re.compile(r"[0-9０-９]{1,3}"
                               r"(?![0-9０-９]|歳|才|さい|名|人|年|月|日|時|分|か月|ヶ月|回|個|件|枚|本|円|万|千)")
_LATIN_END = re.compile(r"[A-Za-z]$")  # a candidate ending in a Latin letter (OPPO Reno|9 A: a model)
# Who is in a party, in brackets (me (Sophie), My friend and I (Anna and Lucas)).
_LATIN_PARTY = re.compile(r"\b(?:me|I|us|we) \(([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?: and ([A-Z][a-z]+(?: [A-Z][a-z]+)?))?\)")
# A katakana full name quoted before an honorific (「ナカムラ　アイ」様名義).
_QUOTED_KANA_FULL_NAME = re.compile(r"「([ァ-ヴー]{2,}[ \u3000][ァ-ヴー]{1,})」(?=様|さん|名義)")
# A second full name joined to a Latin name found (Daniel Brooks and Emma Lindqvist).
_LATIN_LIST_NEXT = re.compile(r"\)?, ([A-Z][a-z]+)(?=,? and |, [A-Z][a-z]+,)")
_LATIN_AND_NAME = re.compile(r" (?:and|&) ([A-Z][a-z]+(?:-[A-Za-z][a-z]+)? [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![A-Za-z])")
# A Latin full name in a Japanese line, said to be someone (Kevin Harlow ってユーザーが, Anna Berg という方).
LATIN_NAME_CALLED = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?:-[A-Za-z][a-z]+)? [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)[ \u3000]?"
                               r"(?=(?:って|という|っていう)(?:ユーザー|人|方|相手|会員|男性|女性|子|お客))")
# Words of a Latin name right before a passport number (Tan Wei Ming TS2602256, Lim Shu Fen: TR1945388): a
# travel party listed with their documents; a Korean given name goes on in lower case (Park Mi-young).
NAME_BEFORE_PASSPORT = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?: [A-Z][a-z]+|-[A-Za-z][a-z]+){1,3})"
                                  r"(?=[ ,:：]{1,3}[A-Z]{1,2}[0-9]{7}(?![0-9]))")
# A reading in brackets after a name: 我妻 颯（わがつま はやて）.
_READING_LABELS = r"フリガナ|ふりがな|カナ|かな|カタカナ|ひらがな|読み|よみ"
READING_AFTER = re.compile(r"[ \u3000]?[（(](?!(?:" + _READING_LABELS + r")[）)])"
                           r"([ぁ-んァ-ヴー]{1,12}(?:[ \u3000・][ぁ-んァ-ヴー]{1,12})?"
                           r"|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})[）)]")  # (イ・ジュノ), ホワイト 彩（Aya White）
# A hiragana given name before an honorific (はるとくん, そうた様), which Sudachi splits into particles.
HIRAGANA_BEFORE_HONORIFIC = re.compile(r"(?:^|(?<=[\s、。！？!?「（(の:：]))(?![おご])([ぁ-ゖ]{2,4})"
                                       r"(?=くん|ちゃん|様|さま|さん)")
# A kanji name the tokenizer merged with its honorific (翔く|ん と: read as a verb): a known one-kanji name
# or a word Sudachi reads as a name, before くん/ちゃん/さん/様/君 and the end of the word.
KANJI_BEFORE_HONORIFIC = re.compile(r"(?<![\u4e00-\u9fff々ァ-ヴー])([\u4e00-\u9fff々]{1,3})"
                                    r"(?=(?:くん|ちゃん|さん|様|君)(?:[とがはのにもをへ、。！？!?\s]|$))")
# A name in hiragana with a space (やまもと ゆかりです), and one after a department or shop (経営企画室のひらのです).
HIRAGANA_FULL_NAME = re.compile(r"(?:^|(?<=[\s、。！？!?「:：]))([ぁ-ゖ]{2,5}[ \u3000][ぁ-ゖ]{2,4})"
                                r"(?=です|と申|様|さん|[、。（(]|$)")
# Hiragana words those two rules see that are not names (はい そうです, どちらさま, みなさま, あかちゃん).
HIRAGANA_WORDS = frozenset("はい いいえ ええ うん そう まあ あの えっと どちら こちら そちら あちら どなた みな あか かあ "
                           "とう ねえ にい じい ばあ おじ おば ちょっと よろしく".split())
# Chat replies that open a message before です (りょうかいです, おけです), which Sudachi may split into a name.
CHAT_REPLIES = frozenset("りょうかい りょーかい おけ おっけー オッケー オーケー リョウカイ だいじょうぶ だいじょぶ よろしく "
                         "おつかれ おつかれさま ありがと ありがとう ごめん ほんと ほんとう".split())
HIRAGANA_AFTER_UNIT = re.compile(r"(?<=[部課室店係社所]の)([ぁ-ゖ]{2,4})(?=です|と申|でございます)")
# A message that starts with a one-word name and です (森です。シャワーが…): a surname Sudachi tags, or a
# one-kanji name that is also a word (森, 誠, 光), which only this position vouches for.
# A message that opens with a kana word and です (あらがきです！ポイントが…): a name when the dictionary does not
# know the word (not よろしくです).
KANA_FIRST = re.compile(r"(?:^|(?<=\n))([ぁ-ゖ]{3,6}|[ァ-ヴー]{3,6}|[ｦ-ﾟ]{3,8})(?=です[。！!、,\s])")  # ｺｳｷです
SURNAME_FIRST = re.compile(r"(?:^|(?<=\n))(?:はい[、,]?\s*)?([\u4e00-\u9fff々]{1,3})(?=です(?:[。！!、,\s笑wｗ]|が[、,]|$))")
# …の桜井です: a surname after の and before です (ひまわりエナジーの桜井です), vouched by the same test.
SURNAME_AFTER_NO = re.compile(r"(?<=の)([\u4e00-\u9fff々]{1,4}(?:[ \u3000][\u4e00-\u9fff々]{1,3})?)"
                              r"(?=です(?:[。！!、,\s]|$)|でございます|と申)")
# A family member's or a child's given name after who they are (娘の凛が, 夫の樹が, 小学3年のはるとと), and a
# name before an age in brackets (そうた（8歳）): what follows them is a particle, what is tried is the rest.
KIN_BEFORE = re.compile(r"(?:(?:娘|息子|むすめ|むすこ|夫|妻|主人|旦那|長男|長女|次男|次女|三男|三女|子ども|子供|孫|弟|妹"
                        r"|双子|三つ子|甥っ子|姪っ子"
                        # a nursery class (ひまわり組のそうた)
                        r"|(?<![ぁ-ゖァ-ヴー\u4e00-\u9fff])[ぁ-ゖァ-ヴー\u4e00-\u9fff]{1,6}組"
                        r"|兄|姉|嫁|婿|甥|姪|彼氏|彼女|友達|友人|祖母|祖父|父|母|父親|母親|お父さん|お母さん|叔母|叔父|伯母|伯父|(?:お|おお)?(?:ばあ|じい)ちゃん|義母|義父|いとこ"
                        r"|家内|奥さん|かみさん|相方|パートナー|婚約者|(?<![\u4e00-\u9fff])(?:上|下)(?!の子)"
                        r"|年長|年中|年少|[小中]学[1-6１-６]年生?|高校[1-3１-３]年生?|[1-9１-９]歳"
                        r"|(?<![\u4e00-\u9fff])[小中高][1-6１-６](?:年生?)?)の"
                        # 友達、みなみに: who they are, a comma, the name
                        r"|(?<![\u4e00-\u9fff])(?:友達|友人|同僚|先輩|後輩|彼氏|彼女)、"
                        # 祖父・陸の: who they are, a middle dot, the name
                        r"|(?<![\u4e00-\u9fff])(?:祖父|祖母|父|母|夫|妻|息子|娘|長男|長女|次男|次女|兄|姉|弟|妹|孫|義父|義母)・"
                        # 娘（りん）, 息子（大地、小２）: who they are, then the name in brackets
                        r"|(?<![\u4e00-\u9fff])(?:娘|息子|長男|長女|次男|次女|子ども|子供|子|孫|弟|妹|兄|姉|夫|妻|甥|姪)"
                        r"(?:[0-9０-９一二三四五]人)?[（(]"
                        # 子どもは葵で, 下の子は光で: who they are, then the name
                        r"|(?:子ども|子供|上の子|下の子|末っ子|娘|息子|長男|長女|次男|次女)[はが](?=[^はがをにで]{1,4}(?:で|です|と|、)))")
AGE_AFTER = re.compile(r"[（(][0-9０-９]{1,2}歳[）)]|[（(][小中高][1-6１-６](?:年生?)?[）)、,]"
                       r"|[（(](?:娘|息子|長男|長女|次男|次女|孫|弟|妹|兄|姉|夫|妻|甥|姪|祖母|祖父|母|父)[）)、,]")
# A birth date right after a name and a comma (湊、2019年4月3日生まれ): a child or a member being registered.
BIRTH_AFTER = re.compile(r"[、,][ \u3000]?(?:(?:昭和|平成|令和)[0-9０-９元]{1,2}|[0-9０-９]{4})年[0-9０-９]{1,2}月"
                         r"[0-9０-９]{1,2}日(?:生まれ|生)")
_GIVEN_NAME_CANDIDATE = re.compile(r"[\u4e00-\u9fff々]{1,3}(?![\u4e00-\u9fff々])|[ぁ-ゖ]{2,4}|[ァ-ヴー]{2,6}")
# How kana phrases that follow の start, never a given name: ために, いうこと, したい…, ものが.
_KANA_PHRASE_STARTS = ("ため", "いう", "こと", "もの", "とこ", "よう", "ほう", "した", "する", "なる", "いる", "ある")
_PARTICLE_AFTER_NAME = re.compile(r"から|より|[がはもをにとへやの、。）)]|で(?=[、,])|です|ちゃん|くん|さん|様"
                                  r"|[（(][0-9０-９ぁ-ゖ]|[（(][小中高][1-6１-６]"
                                  r"|・(?=[^（()）\n]{1,8}[）)])")  # （りく・うみ）: names listed in brackets
_NAME_BEFORE_AGE = re.compile(r"(?:^|(?<=[\s、。：:「/,，はが])|(?<=[）)]と))"  # 陸（5歳）と|海（3歳）
                              r"([\u4e00-\u9fff々]{1,4}(?:[ \u3000][\u4e00-\u9fff々]{1,3})?"
                              r"|[ぁ-ゖ]{2,5}|[ァ-ヴー]{2,8})$")
# A word joined by と right before or after a name (得意なミズキと|相良, 相良と|ミズキを).
_COORDINATED_BEFORE = re.compile(r"(?:^|(?<=[\s、。「なのはがも]))([ァ-ヴ][ァ-ヴー]{1,6}|[\u4e00-\u9fff々]{2,4})と$")
_ONE_KANJI_JOINED = re.compile(r"(?:^|(?<=[\s、。「]))([\u4e00-\u9fff])と$")
_DOTTED_IN_BRACKETS = re.compile(r"・([ぁ-ゖ]{2,4}|[ァ-ヴー]{2,6}|[\u4e00-\u9fff々]{1,3})(?=[）)・])")
_OPEN_BRACKET = re.compile(r"[（(][^）)]*$")
_COORDINATED_AFTER = re.compile(r"」?と「?([ァ-ヴ][ァ-ヴー]{1,6}|[\u4e00-\u9fff々]{2,4}|(?<=「)[ぁ-ゖ]{2,4}(?=」))"
                                r"」?(?=[をがはにのも、。]|です|さん|様)"
                                # a name changed into another (名前を西村から松本に変えたい, 旧姓の佐藤から田中に変更)
                                r"|から([ァ-ヴ][ァ-ヴー]{1,6}|[\u4e00-\u9fff々]{1,4})(?=に(?:変更|変え|改姓|改名|なり|なっ))")
# Parts of a Latin or katakana name found once, looked for again in the same text (Yuki Tanabeさん … Tanabeって).
_NAME_PARTS = re.compile(r"[A-Z][a-z]{2,}|[ァ-ヴ][ァ-ヴー]{1,}")
ONE_KANJI_NAMES = frozenset("森 林 堀 関 辻 岡 谷 沢 島 畑 泉 光 誠 桜 楓 翼 蓮 薫 望 忍 茜 舞 恵 萌 凛 柊 栞 葵 陽 翔 "
                            "颯 湊 樹 杏 椿 紬 司 聡 茂 勇 豊 稔 悟 徹 隆 剛 修 浩 仁 純 彩 瞳 遥 渚 澪 雫 梓 藍 蘭 圭 亮 "
                            "健 匠 碧 蒼 海 陸 武 律 凪 晴 朔 咲 鈴 結 暖 環 雅 真 正 歩 愛 空 岬 奏 響 要 慧 "
                            "理 努 央 勝 進 実 博 清 学 明 守 昇 満 保".split())
# Two-kanji given names that are also words (息子の大地が): names only where a given name is expected.
KANJI_NAME_WORDS = frozenset("大地 大河 大空 未来 青空 大和 拓海 光希 蒼空 天空 大雅 一輝 海斗 優".split())
# Given names that are also words in kana (さくら 桜, ひなた 日向, みずほ 瑞穂): the dictionary knows them as words,
# so they are names only where a given name is expected (娘のひなたに, みずほの誕生日), never on GiNZA's word alone.
KANA_NAME_WORDS = frozenset("さくら ひかり ひなた あおい かえで つばさ みずほ なぎさ すみれ あかり ひびき いぶき ゆうき "
                            "まこと のぞみ めぐみ みのり かおり しずく こころ あゆみ はるか ひまわり つむぎ いちご "
                            "あんず もも ゆず なな みどり ひとみ あきら ひろし まさる すばる ゆかり かのん みさき ほのか "
                            "あかね まどか こはる かおる ひかる あやめ さやか そら りく かい れん りん ゆい めい ひな "
                            "はな こう しょう まい あい らん みらい こうき みなみ".split())
# Given names among the most common in kana that Sudachi does not read as names in katakana (彼氏のユウト, 弟のソウタ).
COMMON_KANA_NAMES = frozenset("はると ゆうと そうた ゆいと みなと そうま ゆうま かいと たくみ しょうた けんた だいき はるき "
                              "りょう しゅん かずま はやと りょうた ゆうた こうた そうすけ けんと たいが りと あらた いつき "
                              "ひろと かける たける まさと なおき ゆうせい りゅうせい あさひ かなた ゆずき りお こはる "
                              "ひまり ゆな さな いろは みお ゆうな ことは えま あいり みゆ ゆあ りこ まお ちひろ ももか "
                              "あやか ゆか はるな ゆきな えみ りな ななみ かほ しおり".split())
# Older women's given names in katakana that are words too (ハツ, トメ, ウメ): names only where one is expected.
ELDER_KATAKANA_NAMES = frozenset("ハツ トメ キク ウメ マツ フミ ツル シズ ヨネ チヨ キヨ タケ スエ イネ".split())
# Where a kana name ends: before a particle, an honorific or punctuation (みずほへ, ゆいが).
KANA_NAME_END = r"(?=[がはもをにとへやの、。！？!?\s」）)]|です|さん|くん|ちゃん|様|$)"
# Someone addressed at the start of a sentence or clause, a name however rare unless a role
# (四月一日様、確認いたしました; ありがとうございます、東雲様。).
ADDRESSED = re.compile(r"(?:^|(?<=[。、\n！!「]))([\u4e00-\u9fff々]{2,4})(?=(?:様|さま|殿)[、,。！!\s])")
_ROLE_END = re.compile(r"(?:者|員|客|主|長|族|婦|方|位|様|社|店|局)$")
# A full name before its reading in kana (四月一日 圭（わたぬき けい）), and a quoted name after a name
# label (名前は「きよ」).
NAME_BEFORE_READING = re.compile(r"(?<![\u4e00-\u9fff々])([\u4e00-\u9fff々]{1,4}[ \u3000][\u4e00-\u9fff々]{1,3})[ \u3000]?"
                                 r"[（(][ぁ-ゖァ-ヴー]{1,8}[ \u3000・][ぁ-ゖァ-ヴー]{1,8}[）)]")
_QUOTE_LABELS = r"名前|氏名|お名前|名入れ|名入れ内容"
_NAME_LABEL_END = re.compile(r"(?:" + _QUOTE_LABELS + r")(?:は|を|の|:|：|、)?$")
QUOTED_AFTER_LABEL = re.compile(r"(?:" + _QUOTE_LABELS + r"|予約名|登録名|会員名)(?:は|を|の|:|：|、)?"
                                r"[「『]([^「」『』\s、。]{1,8}|[A-Z][a-z]+ ?[&＆] ?[A-Z][a-z]+)[」』]")
# A name before the label of its reading in brackets (ミタライエイタ（フリガナ）で登録).
NAME_BEFORE_READING_LABEL = re.compile(r"(?:^|(?<=[\s、。「:：]))(?!(?:" + _READING_LABELS + r")[（(])"
                                       r"([ァ-ヴー]{2,8}(?:[ \u3000][ァ-ヴー]{1,6})?|[ぁ-ゖ]{2,8}(?:[ \u3000][ぁ-ゖ]{1,6})?)"
                                       r"(?=[（(](?:" + _READING_LABELS + r")[）)])")
# Staff naming themselves after 私、 (本件は私、四月一日が引き続き担当いたします).
STAFF_SELF = re.compile(r"(?:(?<=私、)|(?<=わたくし、)|(?<=わたし、))([^\s、。！？!?]{1,6}?)"
                        r"(?=が(?:引き続き|担当|対応|承|お伺|伺|ご案内|お受け))")
# A quoted word that someone is called (「Raj」さん, わたしは「ミキ」です, 名札に「早川」と, 表札は…「Sato」):
# kept when the dictionary reads a name in it or does not know it, or it is a capitalised Latin word.
QUOTED_NAME = re.compile(r"「([^「」\s、。]{1,8})」(?=さん|様|くん|君|ちゃん|って名前|という名前|って呼|と呼)"
                         r"|(?:(?<=私は)|(?<=わたしは)|(?<=僕は)|(?<=名札に)|(?<=名札には)|(?<=表札に)|(?<=表札は)"
                         r"|(?<=宛名に)|(?<=メモに)|(?<=表札が)|(?<=名札が))"
                         r"「([^「」\s、。]{1,6}(?:[ \u3000][^「」\s、。]{1,4})?)」")  # 表札は「森 光」, 子どもは「こはる」
KIN_QUOTED = re.compile(r"(?:(?<=子どもは)|(?<=子供は)|(?<=娘は)|(?<=息子は))「([^「」\s、。]{1,6})」"
                        r"(?=です|、[ \u3000]?[0-9０-９]{1,2}歳)")
_TAG_WORDS = ("名札に", "名札には", "名札が", "表札に", "表札は", "表札が")
# A name before what it is called by (あおいって名前で予約した, 佐藤という名前で).
CALLED_NAME = re.compile(r"(?:^|(?<=[\s、。！？!?は]))"
                         r"([ぁ-ゖ]{2,4}|[ァ-ヴー]{2,6}|[\u4e00-\u9fff々]{1,4}(?:[ \u3000][\u4e00-\u9fff々]{1,3})?)"
                         r"(?=って名前で|という名前で|って名前の|という名前の|っていう(?:んです|名前|子|娘|息子))")
# Someone said to be a person by name (出品者の小池って人から, 担当の佐々木という方).
CALLED_PERSON = re.compile(r"(?:^|(?<=[のは、\s]))([\u4e00-\u9fff々]{1,4}|[ァ-ヴー]{2,6}|[ぁ-ゖ]{2,4})"
                           r"(?=って人|という人|っていう人|って方|という方|っていう方"
                           r"|って(?:講師|先生|スタッフ|インストラクター|トレーナー|コーチ|担当)(?:さん)?(?:[はがのをにも]|い[まる]))")
# A name and its reading in brackets, introduced (楓（かえで）です, 陸（りく）で登録しています).
NAME_WITH_READING = re.compile(r"(?:^|(?<=[\s、。！？!?「])|(?<=担当の)|(?<=担当、))"  # 担当の東雲（しののめ）です
                               r"([\u4e00-\u9fff々]{1,4})[（(][ぁ-ゖ]{2,8}[）)](?=です|と申|で登録|で予約|でお願い)")
_INTRO_AFTER = re.compile(r"です|と申|(?:っ|と)いいます|と言います")
# A given name opening a sentence, doing what people do (大地が運転して, ケンタが予約してくれた).
SUBJECT_DOING = re.compile(r"(?:^|(?<=[\n。！!？?]))([ぁ-ゖ]{2,4}|[ァ-ヴー]{2,6}|[\u4e00-\u9fff々]{1,2})が"
                           r"(?=[^。\n]{0,8}?(?:運転|予約|参加|申し込|申込|希望|使[いうっ]|乗[りるっ]|通[いうっ]|習[いうっ]"
                           r"|休[みむん]|熱|風邪|ケガ|怪我))")
_SKY_WORDS = frozenset("未来 青空 大空 天空".split())
# One-kanji given names that are no everyday subject of a sentence (翼が乗ってる; not 海が, 光が, 実は).
_NAME_ONLY_KANJI = frozenset("翼 蓮 凛 柊 栞 葵 颯 湊 紬 翔 蒼 碧 澪 雫 梓 茜 萌 楓 椿 杏 彩 遥 渚 亮 圭 "
                             "匠 凪 朔 咲 奏 慧 聡 稔 悟 徹 隆 剛 浩 薫".split())
# A list of Latin names after a label (乗船名簿：Nguyen Thi Lan, Tran Van Minh).
LATIN_LIST_LABEL = re.compile(r"(?:名簿|参加者|同行者|メンバー|乗客|乗船者|宿泊者|出席者|利用者)[^:：\n]{0,4}[:：]"
                              r"[ \u3000]*")
_LATIN_LIST_ITEM = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+){1,3})(?:[ \u3000]*[,、][ \u3000]*|[ \u3000]*$)")
# A name before what only a person has (みずほの誕生日が, ゆいの名前で), or what one signs up under (みのりで登録).
_NAME_BEFORE_OWN = re.compile(r"(?:^|(?<=[\s、。！!？?「]))([ぁ-ゖ]{2,4}|[ァ-ヴー]{2,6})(?:の(?:お?誕生日|名前|名義"
                              r"|(?:メール)?アドレス|アカウント|スマホ|携帯)|に聞い[たて]"
                              r"|(?:の名前|名義)?で(?:登録|予約|申し込|申込)|(?:ママ|パパ)(?:です|で|から|より|、|。|！))")
# Names joined to the writer (みずほと私の2名で, さとみとゆかりと私の3人で): each must pass as a given name.
_WITH_ME = re.compile(r"(?:^|(?<=[\s、。！!？?「]))((?:(?:[ぁ-ゖ]{2,4}|[ァ-ヴー]{2,6}|[\u4e00-\u9fff々]{1,4})と){1,3})"
                      r"(?=(?:私|わたし|僕|ぼく|俺|自分)[のでがはもと、]|(?:二人|ふたり|2人|２人)(?:で|きり))")
_JOINED_NAME = re.compile(r"([ぁ-ゖ]{2,4}|[ァ-ヴー]{2,6}|[\u4e00-\u9fff々]{1,4})と")
# A katakana word the dictionary does not know, before a particle (メイウェザーが, ナーセルは, …のブリムの): a
# foreign name far more often than anything else in running text (measured: no chat message changed).
UNKNOWN_KATAKANA_SUBJECT = re.compile(r"(?:^|(?<=[\s、。「（(のとがはをにも]))([ァ-ヴ][ァ-ヴー]{2,11})"
                                      r"(?=は|が|の|と|に|を|も|たち|自身|氏|一家|家の|率いる)")
# Common nouns for a role, which take an honorific as names do (保護者様, 検針員さん, ご相談者様).
ROLE_NOUN = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fffぁ-ん]*(?:者|員|係|手|師|士|人|生|主|徒|郎|婦|客|屋)")  # 飼い主
# Self-introductions the tokenizer splits badly (やまだと申します → やま/だ/と/申し/ます).
SELF_INTRO = re.compile(r"(?:^|(?<=[\s、。!！?？「」:：])|(?<=私は)|(?<=わたしは)|(?<=わたくしは)|(?<=担当の))"
                        r"((?:(?![のはがをにでへ])[ぁ-んァ-ヴー\u4e00-\u9fff々]){2,8}?)(?:と申します|と申しま|といいます|と言います)")
# What ends a thing, never a name (GiNZA tags 製造番号 and 払込票番号 as Person; the head ハチワレ柄,
# モペットプラン, ワンストップ特例制度, イルミナカラー).
NOT_NAME_TAIL = re.compile(r"(?:番号|コード|票|証|書|料金|金額|料|額|率|欄|画面|ボタン|メール|アプリ|カード|口座"
                           r"|柄|プラン|制度|カラー|コース|メニュー|キャンペーン|マシン|見学|近く"
                           # a shop, a class or a model named after someone (コメダ珈琲, 錦織圭モデル), a town (大阪市内)
                           r"|珈琲|製麺|クラス|ボクシング|モデル|企業|市内|区内|県内|都内|町内"
                           # 仙台みやげ, 河合塾, 加賀友禅, P.O.Pシリーズ
                           r"|みやげ|土産|名物|銘菓|教室|塾|予備校|ゼミナール|友禅|シリーズ"
                           r"|紙|弁当|御膳|定食|茶碗|焼|眼鏡|メガネ|コンサート|ショコラ"  # ワトソン紙, 松花堂弁当, 金子眼鏡
                           # 源氏物語, ジャン・バルジャン役 (a part; not 取締役), 大島紬 (not 佐藤紬, a given name)
                           r"|物語|(?<=[ァ-ヴー])役|(?:大島|結城|塩沢|久米島|牛首|琉球|本場)紬|小紋|ヨガ)$")
# After a name, a shop, station, venue or hospital named after the place (宮崎店で, 岡崎駅, 宮崎病院, 伊東の温泉):
# the place; a room named after a flower (「あやめの間」); a pier (大さん橋, さん as in 桟橋, not an honorific).
_PLACE_AFTER_NAME = re.compile(r"の間[」』]|支?店(?![長員主])|駅(?!員)|迎賓館|(?:結婚)?式場|チャペル|の?温泉"
                               r"|さん橋(?![本口爪田下元詰場谷])|東照宮|線(?!香)|の[0-9０-９]{1,2}階|(?<=駅)[東西南北]|園(?![長児])"
                               # 羽田の第3ターミナル, 嵐山の渡月橋, 三浦半島の三崎港: a place's landmark
                               r"|の[^\s、。のがはを]{0,4}?(?:ターミナル|港|橋|寺|神社|神宮|公園|城|空港|海岸|湾|記念館|博物館"
                               r"|美術館|資料館)|島(?=[でにへのをはがも、。]|から|まで)"
                               r"|[\u4e00-\u9fffァ-ヴー]{0,6}?(?:病院|医院|クリニック|歯科)")
# Kana of a compound with the katakana after it (ペットらくのりサービス, あさぎポータル), not a name before サン/クン.
_KATAKANA_AFTER_KANA = re.compile(r"(?!サン|クン|チャン|サマ|ママ|パパ)[ァ-ヴ]")
# Shapes no name has: a range's tilde first (札幌〜旭川), a place's last word (別府湾, 羽田空港国際線ターミナル,
# 世田谷区, 会議室B; 市 町 村 only after a prefecture: 高市, 木村, 岡本吾市 are names).
_NOT_A_NAME_SHAPE = re.compile(r"^[~〜～]|(?:湾|空港|ターミナル|区|駅|線|街|港|温泉|公園|店|病院|医院"
                               r"|クリニック|歯科|製薬|薬品|フォルダー?|室[A-Za-z0-9]|半島|ブロードウェイ|モール"
                               # 吉田一丁目, 天満宮; 草月流 (not 物流, 女流); A. はい (a FAQ's answer)
                               r"|アウトレット|[一二三四五六七八九十0-9０-９]丁目|(?:天満|八幡)宮)$|^[QAＱＡ][.．:：]"
                               r"|^[\u4e00-\u9fff]{1,2}(?<![物女上中下一二])流$"
                               # 菅平高原, 堀川通; Lake Kawaguchi, Mt. Fuji
                               r"|^.{2,}(?:高原|通)$|^(?:Lake|Mt\.?|Mount) "
                               # 伊良部大橋, 伏見稲荷, 氷川丸 (a ship), セラピー犬
                               r"|^.{1,3}[都道府県].{1,6}[市町村]$|^.{2,}(?:大橋|東照宮|神宮|神社|大社|城|稲荷|丸|犬|猫)$"
                               r"|^.{2,}(?:峡|渓谷|峠|滝)$"  # 諏訪峡
                               # not the surname Park after a Korean given name (Ji-woo Park)
                               r"|(?<!-[a-z]{2})(?<!-[a-z]{3})(?<!-[a-z]{4}) (?:Station|Airport|Exit|Line|Park|Tower|Hotel"
                               r"|Temple|Shrine|Castle)$")
_TEMPLE_OR_VILLAGE = re.compile(r".{2,}(?:寺|郷)")


def _a_temple_or_village(doc: Doc, text: str, start: int, end: int) -> bool:
    """清水寺, 白川郷: a temple or a village, unless the dictionary knows a surname (薬師寺, 小野寺); 善光寺 is one
    too, so GiNZA calling the very span a place of worship settles it."""
    if _TEMPLE_OR_VILLAGE.fullmatch(text, start, end) is None:
        return False
    return not has_person_name_word(text[start:end]) or any(
        e.label_ == "Worship_Place" and (e.start_char, e.end_char) == (start, end) for e in doc.ents)


# Pets: a name with its breed or kind in brackets after it (レオ(ﾄｲﾌﾟｰﾄﾞﾙ)), or right after its kind (柴犬のコタロウ).
_PET_AFTER = re.compile(r"(?:ちゃん|くん)?[ \u3000]?[（(](?:" + PET_KINDS + r"|オス|メス|♂|♀)")
_PET_BEFORE = re.compile(r"(?<![ァ-ヴー])(?:" + PET_KINDS + r")の(?:名前(?:は|が|を)?[「『]?)?$"  # not コアミックスの
                         r"|(?<![ァ-ヴー])(?:" + PET_KINDS + r")[、,][ \u3000]?名前(?:は|が)[「『]?$")
_KANA_NAME = re.compile(r"[ぁ-ゖー]{2,5}|[ァ-ヴー]{2,6}|[ｦ-ﾟ]{2,8}")
# 犬の名前がジョンで、猫がミケです: a kana name said of the kind
_PET_TOPIC_BEFORE = re.compile(r"(?<![ァ-ヴー])(?:" + PET_KINDS + r")(?:は|が)[「『]?$")


def is_pet(text: str, start: int, end: int) -> bool:
    """A pet's name, not a person's (the kind is written next to it; widths as typed: ﾄｲﾌﾟｰﾄﾞﾙ)."""
    after = unicodedata.normalize("NFKC", text[end:end + 16])
    return bool(_PET_AFTER.match(after) or _PET_BEFORE.search(text, max(0, start - 24), start)
                or text.startswith(("愛猫", "愛犬", "愛鳥"), start)
                or (_KANA_NAME.fullmatch(text, start, end) and _PET_TOPIC_BEFORE.search(text, max(0, start - 12), start)))


# After a name, words that make it a work's title or its author (ハリー・ポッターの全巻セット, 名探偵コナン 100巻,
# 村上春樹の小説, 米津玄師の新しいアルバム).
WORK_AFTER = re.compile(r"[」』]?[ \u3000]?の?[ \u3000]?(?:全\d*巻|全巻|\d+巻|シリーズ|セット|グッズ|DVD|Blu-ray|ブルーレイ"
                        r"|原作|最新刊|本(?![名人])|映画|フィギュア|ぬいぐるみ|コラボ|新しいアルバム|アルバム|新曲|曲|文庫|初版本?|新刊|小説"
                        r"|ノクターン|ソナタ|交響曲|協奏曲|単行本)")
# After a name in a conversation, a show, a match or merchandise of someone famous (米津玄師の東京ドーム公演,
# 羽生結弦さんのアイスショー, 大谷翔平選手の試合, 五条悟のアクスタ, 東野圭吾の『白夜行』): the public figure as a
# topic. Prose keeps them (Wikipedia quotes works after their authors' names too).
_EVENT_AFTER = re.compile(r"(?:さん|選手|氏)?の?(?:[^\s、。の]{1,6}?)?(?:ライブ|公演|ツアー|コンサート|アイスショー"
                          r"|引退試合|試合|対局|歌詞|朗読|ドラマ|出演|主演|アクスタ|ファンクラブ|アナログ盤|パブリックビューイング"
                          r"|ニュース|記事|インタビュー|サイン|写真集|ボイス|シーン|CM|新作|新刊|最新刊|新曲|サイン本|モデル|コラボ"
                          r"|(?<=の)[『「])")  # a work quoted after its author's name: 村上春樹の『海辺のカフカ』
# Merchandise of whoever is named (五条先生のアクスタ, ルフィのフィギュア), or a band member by their part
# (ボーカルのREI): in a conversation, a character or a performer, whatever the name's shape.
_MERCH_AFTER = re.compile(r"(?:先生|くん|君|ちゃん|さん|様)?の?(?:アクスタ|缶バッジ|グッズ|フィギュア|ぬいぐるみ"
                          r"|キーホルダー|アクキー|タペストリー|ブロマイド|トレカ|生写真|抱き枕|コスプレ|推し活)")
# …or a role in a story (ヒロインの紗季, 作中のハル, 主人公の): a character.
_BAND_PART_BEFORE = re.compile(r"(?:(?:ボーカル|ギター|ベース|ドラム|キーボード|メンバー|推し)(?:担当)?[の、]"
                               r"|(?:ヒロイン|主人公|作中|劇中|登場人物|悪役|ライバル役?|相棒役?)の)$")  # 推しの蓮くん


def _a_character_or_performer(text: str, start: int, end: int) -> bool:
    """Merchandise of the name or a band part before it, with no kin word before (not 息子の翔太のグッズ)."""
    return ((_MERCH_AFTER.match(text, end) is not None or _BAND_PART_BEFORE.search(text, max(0, start - 10), start)
             is not None) and not KIN_BEFORE.search(text[max(0, start - 8):start]))


# Right after a full name, a likeness asked for (大谷翔平みたいな髪型, 羽生結弦くらいの前髪); not after さん.
# (with さん a likeness is of someone met: 山田花子さんみたいな対応)
_LIKENESS_AFTER = re.compile(r"みたいな|みたいに|くらいの|ぐらいの|っぽい|風の|風に")
# Words of a game's chat (天井まで回した, 限定ボイス, 推しは…): the katakana names there are characters, and a
# player's own name comes with an honorific or a label that scores it higher.
_GAME_CONTEXT = re.compile(r"ガチャ|天井|[0-9０-９]+連(?![番休泊勝敗])|推し|限定ボイス|キャラ|SSR|ピックアップ|排出|周回"
                           r"|編成|凸")  # not 2連番 (two seats in a row)
_KATAKANA_CHAR = re.compile(r"[ァ-ヴー]")
_NAME_TAIL = re.compile(r"^(?:[\u4e00-\u9fff々]{1,2}|[ぁ-ゖ]{1,2})$")
_KANJI_WORD = re.compile(r"^[\u4e00-\u9fff々]{1,3}$")
_KANJI_NAME_PART = re.compile(r"^[\u4e00-\u9fff々]{1,4}$")
_KANJI_TAIL = re.compile(r"[\u4e00-\u9fff々]{1,2}(?=[はがのをにともや、。（(」]|$)")
_NOT_NAME_POS = ("助詞", "助動詞", "補助記号", "接尾辞", "動詞", "形容詞", "副詞", "接続詞", "名詞-普通名詞-助数詞")
KATAKANA_DOTTED = re.compile(r"(?<![ァ-ヴー・=])[ァ-ヴ][ァ-ヴー]{1,}(?:[・=][ァ-ヴ][ァ-ヴー]*)+(?![ァ-ヴー])")
# NER labels under which a ・-joined katakana phrase is a place or a work, not a person. (GiNZA's
# Dish/Car/Product_Other labels on such phrases were names far more often in measurement.)
NOT_PERSON_LABELS = frozenset({"Country", "City", "Province", "GPE_Other", "Location_Other", "Domestic_Region",
                               "Continental_Region", "Facility_Other", "Station", "Airport", "Game",
                               "Broadcast_Program", "Movie", "Book", "Music", "Show"})
# A route between places (伊丹⇔羽田) and a prefecture's name joined to a place (新千歳と宮崎): places.
_ROUTE_SIGN = re.compile(r"[⇔↔⇄]")
_PREFECTURE_NAMES = frozenset(p.rstrip("都府県") for p in PREFECTURES)
_JOINED_PLACE_BEFORE = re.compile(r"[と・や、]$")
_COME_FROM = re.compile(r"から(?:来る|来た|来て|くる|きた|きて|遊びに来る|上京する|引っ越してくる)[^。、]{0,3}?"
                        r"(?:叔母|叔父|伯母|伯父|祖母|祖父|両親|家族|友達|友人|親戚|母|父|娘|息子|孫|兄|姉|弟|妹|お客|方|人)")
_GIVEN_NAME = re.compile(r"^(?:[\u4e00-\u9fff々]{1,3}|[ぁ-ん]{1,3}|[ァ-ヴー]{2,4})$")
_HIRAGANA_TAIL = re.compile(r"[ぁ-ん]{1,3}(?=です|と申|さん|様|くん|ちゃん)")
_ROMAN = re.compile(r"^[A-Za-z]+$")


# A Latin given name after who they are to the writer (友達のSophieに, 夫のOliverが); the word must be unknown to
# the dictionary or a name in it, so that 娘のSwitchが and 妻のMacに stay.
KIN_LATIN_NAME = re.compile(r"(?:友達|友だち|友人|彼氏|彼女|夫|妻|娘|息子|母|父|兄|姉|弟|妹|主人|旦那|同僚|上司|先輩|後輩"
                            r"|子ども|子供|孫|インストラクター|講師|担当|スタッフ|トレーナー|コーチ|ガイド|カメラマン"
                            r"|ドライバー|プランナー)の([A-Z][a-z]{2,14})(?=[にとがはもへをの]|さん|ちゃん|くん|です)")


def plausible_given_name(word: str) -> bool:
    """A word where a given name is expected that the dictionary does not contradict: a kanji name Sudachi
    knows or one that is also a word (凛, 樹), kana it does not know as a word (はると, そうた)."""
    if word in NOT_NAMES or word in HIRAGANA_WORDS or word in TITLES:
        return False
    if _KANJI_NAME_PART.match(word.replace(" ", "").replace("\u3000", "")):
        return (word in ONE_KANJI_NAMES or word in KANJI_NAME_WORDS or has_person_name_word(word)
                or _two_kanji_not_a_word(word))
    if KATAKANA_WORD.fullmatch(word):  # アオイ as あおい
        return (has_person_name_word(word) or has_unknown_word(word) or as_hiragana(word) in KANA_NAME_WORDS
                or as_hiragana(word) in COMMON_KANA_NAMES or word in ELDER_KATAKANA_NAMES)
    if word in KANA_NAME_WORDS:
        return True
    return not is_one_known_word(word) and (  # not いうこと, ために, したい; but ことね is a name
        not word.startswith(_KANA_PHRASE_STARTS) or (len(word) >= 3 and word[-1] not in "いたてるだにをはがものとこ"))


def as_hiragana(word: str) -> str:
    """Katakana read as hiragana, character for character (アオイ → あおい), for the kana word lists."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in word)


def _two_kanji_not_a_word(word: str) -> bool:
    """Two kanji the dictionary reads only as two one-kanji nouns (心|春): a given name where one is expected
    (娘の心春は), where 部屋, 体調 and 進学 are words."""
    return len(word) == 2 and not is_one_known_word(word) and not NUMBER_KANJI.search(word)


NUMBER_KANJI = re.compile(r"[一二三四五六七八九十百千万]")


def given_name_at(text: str, pos: int, depth: int = 0) -> tuple[int, int] | None:
    """The shortest plausible given name at `pos` that a particle follows (はると|と、, 凛|の)."""
    m = _GIVEN_NAME_CANDIDATE.match(text, pos)
    if m is None:
        return None
    shortest = 1 if _KANJI_WORD.match(m.group()[0]) else 2
    for end in range(pos + shortest, m.end() + 1):
        particle = _PARTICLE_AFTER_NAME.match(text, end)
        # The second of two joined names (あおいと|みなと|を) may also be a word (港): its place vouches.
        second = depth > 0 and particle is not None and particle.group() in "をがはとも" and HIRAGANA_WORD.fullmatch(
            text[pos:end]) is not None and text[pos:end] not in NOT_NAMES and text[pos:end] not in HIRAGANA_WORDS
        read = (particle is not None and particle.group()[0] in "（(" and HIRAGANA_WORD.match(particle.group()[1:])
                is not None and _KANJI_WORD.fullmatch(text[pos:end]) is not None and text[pos:end] not in NOT_NAMES)
        if particle is None or not (second or read or plausible_given_name(text[pos:end])):
            continue
        if (particle.group() == "と" and text[pos:particle.end()] in COMMON_KANA_NAMES
                and _PARTICLE_AFTER_NAME.match(text, particle.end())):
            return pos, particle.end()  # 息子のかいと|が, not かい|と
        # A kana name's particle ends the kana (はると|と、): 娘のいうこ|と|を…, 息子のため|に|も… are words.
        if (shortest == 1 or len(particle.group()) > 1 or particle.end() >= len(text) or particle.group() in "）)、"
                or not HIRAGANA_WORD.match(text[particle.end()]) or text[pos:end] in KANA_NAME_WORDS  # 妹のかのん|と|はぐれ
                or (end - pos >= 3 and not has_inflecting_word(text[pos:end]))  # 娘のひまり|が|また; not いうこ|と
                or (particle.group() == "と" and depth == 0 and given_name_at(text, particle.end(), 1) is not None)):
            return pos, end  # 孫のあおい|と|みなと|を: two names joined
    return None


def _without_copula(text: str, start: int, end: int) -> int:
    """The end of a name without a copula the tokens carried into it (ナカムラ アヤです)."""
    for tail in ("でございます", "です"):
        if text.endswith(tail, start, end) and end - len(tail) > start:
            return end - len(tail)
    return end


def _is_place(doc: Doc, start: int, end: int) -> bool:
    """True when GiNZA's NER labels exactly this kanji span as a place (梅田 is a family name and a
    district). Katakana names it calls places (パウル, ミハイロフ) are people more often."""
    return not KATAKANA_WORD.fullmatch(doc.text[start:end]) and any(
        e.start_char == start and e.end_char == end and e.label_ in NOT_PERSON_LABELS for e in doc.ents)


# The end of a sentence of prose: a line of chat often has none (ダルビッシュの投球フォームまじで綺麗).
_PROSE_END = re.compile(r"[。」）)]\s*$")
_ALL_KANJI = re.compile(r"[\u4e00-\u9fff々]+")
_KANJI_BEFORE_HONORIFIC = re.compile(r"[\u4e00-\u9fff々](?:さん|様|くん|君|ちゃん)")


def _historical_figure(doc: Doc, start: int, end: int) -> bool:
    """A full name in kanji that the dictionary lists as one word (坂本龍馬, 徳川家康, 宮沢賢治): Sudachi lists
    historical figures so, and splits everyone else's name into surname and given name. APPI's personal data
    is about the living, so in a conversation such a name is a topic; encyclopaedic prose keeps it."""
    tokens = tokens_in(doc, start, end)
    return (len(tokens) == 1 and tokens[0].tag_ == "名詞-固有名詞-人名-一般" and len(tokens[0].text) >= 3
            and bool(_ALL_KANJI.fullmatch(tokens[0].text)) and not doc.text.startswith(tuple(HONORIFICS), end))


def _in_a_title(text: str, start: int, end: int) -> bool:
    """Inside 『…』, where a conversation quotes a book's, a film's or a game's title (『海辺のカフカ』)."""
    opened = text.rfind("『", 0, start)
    closes = text.find("』", end)
    return (opened > text.rfind("』", 0, start) and closes >= 0 and "『" not in text[end:closes]
            and not _labelled_quote(text, opened))


def _labelled_quote(text: str, opened: int) -> bool:
    """The quote at `opened` comes right after a name label (名前『環』): a name quoted, not a title."""
    return _NAME_LABEL_END.search(text, max(0, opened - 7), opened) is not None


# ジャン=ジャック, the F of ジョン・F・ケネディ, a position before a player's name (FWハーフナー・マイク)
_DOTTED_NAME_PART = re.compile(r"[A-Za-z]*[ァ-ヴ][ァ-ヴー=＝]*|[A-Z]\.?|")
_LATIN_BESIDE_KANA = re.compile(r"[A-Za-z][ぁ-ゖ]|[ぁ-ゖ][A-Za-z]")


def _dotted_list(doc: Doc, text: str, start: int, end: int) -> bool:
    """Items joined by ・ that are not all katakana (溝の口・高津・二子新地, BODYPUMP・ズンバ・ホットヨガ): a list of
    places, classes or products. A name written with ・ is a foreign one in katakana, initials allowed
    (ジョン・F・ケネディ); names listed so (山田・佐藤) are kept when the dictionary reads every item as a name."""
    parts = text[start:end].split("・")  # the last may go on with a title or a number (ジョン・ビング提督, パウロ2世)
    if len(parts) < 2 or (all(_DOTTED_NAME_PART.fullmatch(p) for p in parts[:-1])
                          and (_KATAKANA_CHAR.match(parts[-1]) is not None
                               or _DOTTED_NAME_PART.fullmatch(parts[-1]) is not None)):
        return False
    return not all(is_name_tag(t) for t in tokens_in(doc, start, end) if t.text != "・")


def _not_a_name_word(doc: Doc, start: int, end: int) -> bool:
    """Words no name is: Latin beside kana in one word (auひかり), a count (二輪), a katakana adjective
    (ジャイアント), katakana words before a place (グランフォレスト三鷹, a building's name)."""
    tokens = tokens_in(doc, start, end)
    if not tokens or any(is_name_tag(t) for t in tokens):
        return False
    katakana = [bool(KATAKANA_WORD.fullmatch(t.text)) for t in tokens]
    return (bool(_LATIN_BESIDE_KANA.search(doc.text, start, end))
            or (len(tokens) == 2 and tokens[0].tag_ == "名詞-数詞" and tokens[1].tag_.startswith("接尾辞"))
            or (len(tokens) == 1 and katakana[0] and tokens[0].tag_ == "名詞-普通名詞-形状詞可能")
            or (len(tokens) == 1 and tokens[0].tag_.startswith("名詞-普通名詞") and _a_long_katakana_word(tokens[0].text))
            or (len(tokens) >= 2 and katakana[0] and not katakana[-1] and tokens[-1].tag_.startswith("名詞-固有名詞-地名")))


_LONG_KATAKANA = re.compile(r"[ァ-ヴ][ァ-ヴー]{5,}")


def _a_long_katakana_word(word: str) -> bool:
    """A long katakana word the dictionary knows as a common noun (アップライト, ｴﾝｹﾞｰｼﾞﾘﾝｸﾞ): no given name is
    one; a full name written without a space (ミタライエイタ) is unknown to it."""
    folded = unicodedata.normalize("NFKC", word)
    return _LONG_KATAKANA.fullmatch(folded) is not None and not has_unknown_word(folded)


_CHAN_AFTER = re.compile(r"ちゃん|くん|チャン|クン")
_KANA = re.compile(r"[ぁ-ゖァ-ヴー]+")


def _a_word_with_chan(doc: Doc, text: str, start: int, end: int) -> bool:
    """A kana common noun with ちゃん or くん (ミルクちゃん, ごまちゃん, うにちゃん): an animal's or a toy's pet
    name, where a child's is a given name (ユキ, ハル) or a word that is one too (さくら, もも, そら), or comes
    after who they are (娘の…)."""
    if not (_KANA.fullmatch(text, start, end) and _CHAN_AFTER.match(text, end)):
        return False
    tokens = tokens_in(doc, start, end)
    return (len(tokens) == 1 and tokens[0].tag_ == "名詞-普通名詞-一般"
            and as_hiragana(text[start:end]) not in KANA_NAME_WORDS
            and not KIN_BEFORE.search(text, max(0, start - 8), start))


def _after_kin(text: str, start: int) -> bool:
    """Who someone is comes right before `start` (双子の|ひかり, 子ども3人（|りく)."""
    return (kin := KIN_BEFORE.search(text, max(0, start - 10), start)) is not None and kin.end() == start


def _among_places(doc: Doc, start: int, end: int) -> bool:
    """An item of a ・ list next to a place (溝の口・高津・二子新地): a stop or a district, not a surname.
    Only a ・ next to the span, spaces aside, can make one, so the token scans run only then."""
    if not (doc.text[:start].rstrip().endswith("・") or doc.text[end:].lstrip().startswith("・")):
        return False
    if _after_kin(doc.text, start):
        return False  # 子ども3人（りく・うみ）: children listed
    before = [t for t in doc if t.idx + len(t.text) <= start][-2:]  # place, ・
    after = [t for t in doc if t.idx >= end][:2][::-1]  # place, ・ (reversed)
    return any(len(pair) == 2 and pair[1].text == "・" and pair[0].tag_.startswith("名詞-固有名詞-地名")
               for pair in (before, after))


_MAKER_LABELS = frozenset({"Company", "Company_Group", "Corporation_Other"})
STAFF_AFTER = re.compile(r"です|でございます|と申|さん|様|が(?:担当|対応|承)")


def _a_makers_product(doc: Doc, text: str, start: int, end: int) -> bool:
    """Katakana right after a company and の, in a conversation (ブリヂストンのビッケ, パナソニックのギュット): the
    company's product, unless it is staff naming themselves (パナソニックのタナカです)."""
    if not KATAKANA_WORD.fullmatch(text, start, end) or STAFF_AFTER.match(text, end) is not None:
        return False
    if text[end:end + 1] in "（(":  # ビビ（パナソニック）: the maker in brackets after it
        return any(e.start_char == end + 1 and text[e.end_char:e.end_char + 1] in "）)" and e.label_ in _MAKER_LABELS
                   for e in doc.ents)
    return text[start - 1:start] == "の" and any(e.end_char == start - 1 and e.label_ in _MAKER_LABELS for e in doc.ents)


def _a_known_katakana_thing(doc: Doc, text: str, start: int, end: int) -> bool:
    """Katakana the dictionary lists as a proper noun that is no name (ピカチュウ, ポケモン), or a name word
    before a katakana common noun in one word (マリオカート): in a conversation a character, a work or a
    product, unless it is addressed or introduced (わたしは「ミキ」です), a role follows (ケンジトレーナー) or it
    is the reading of a name in the text (鈴木です。スズキのスマホに)."""
    tokens = tokens_in(doc, start, end)
    if (not tokens or not KATAKANA_WORD.fullmatch(text, start, end)
            or STAFF_AFTER.match(text, end + (text[end:end + 1] in "」』"))
            or any(is_name_tag(t) and text[start:end] in t.morph.get("Reading") for t in doc)):
        return False
    return ((len(tokens) == 1 and tokens[0].tag_ == "名詞-固有名詞-一般")
            or (len(tokens) >= 2 and tokens[-1].tag_.startswith("名詞-普通名詞") and is_name_tag(tokens[0])
                and tokens[-1].text not in NOT_NAMES and tokens[-1].text not in TITLES))


# A profession the famous are known by (作庭家の重森三玲), and a medium they were seen in (田崎真也さんが雑誌で).
_PROFESSION_BEFORE = re.compile(r"(?:評論家|批評家|建築家|作曲家|漫画家|小説家|作家|映画監督|指揮者|俳優|女優|歌手|声優"
                                r"|芸人|棋士)の$")
_MEDIA_AFTER = re.compile(r"(?:さん|氏|先生)?が(?:雑誌|テレビ|番組|ラジオ|CM|インタビュー|著書|ブログ|YouTube)で")


def _famous_at_an_event(doc: Doc, text: str, start: int, end: int) -> bool:
    """A full name (surname and given name, as the dictionary reads them, or katakana joined by ・) before a
    show, a match, merchandise, a likeness asked for or a medium, or after a profession, with no kin word
    before it: 米津玄師の公演, 大谷翔平みたいな髪型, 作庭家の重森三玲, not 息子の翔太の試合. A stage name may end
    in a word the dictionary does not read as a name (藤井風)."""
    tokens = [t for t in tokens_in(doc, start, end) if t.text not in ("選手", "氏")]
    full = KATAKANA_DOTTED.fullmatch(text, start, end) is not None or (  # ジョン・レノンっぽい丸メガネ
        len(tokens) >= 2 and tokens[0].tag_ == "名詞-固有名詞-人名-姓"
        and all(t.tag_.startswith("名詞-固有名詞-人名") or _ALL_KANJI.fullmatch(t.text) for t in tokens[1:]))
    cue = (_EVENT_AFTER.match(text, end) or _LIKENESS_AFTER.match(text, end) or _MEDIA_AFTER.match(text, end)
           or (_PROFESSION_BEFORE.search(text, max(0, start - 8), start) and not STAFF_AFTER.match(text, end)))
    return full and cue is not None and not KIN_BEFORE.search(text[max(0, start - 8):start])


def _in_a_route(doc: Doc, text: str, start: int, end: int) -> bool:
    """A place on a route (伊丹⇔羽田, 福島から仙台へ), or a prefecture's name right after a place and と
    (新千歳と宮崎)."""
    if _ROUTE_SIGN.search(text, max(0, start - 1), min(len(text), end + 1)):
        return True
    if (text[start:end] in _PREFECTURE_NAMES and text.startswith("から", end) and any(
            e.label_ in NOT_PERSON_LABELS and e.start_char == end + 2 and text.startswith(("へ", "まで", "に"), e.end_char)
            for e in doc.ents)):
        return True
    if text[start:end] in _PREFECTURE_NAMES and _COME_FROM.match(text, end):
        return True  # 秋田から来る叔母
    if text[start:end] not in _PREFECTURE_NAMES or any(text.startswith(h, end) for h in HONORIFICS):
        return False  # 大阪と宮崎さん: a person
    return _JOINED_PLACE_BEFORE.search(text, 0, start) is not None and any(
        e.label_ in NOT_PERSON_LABELS and e.end_char == start - 1 for e in doc.ents)


# The writer speaking of what they did before (さっきチャットした者です, 先ほど電話した): a message opening
# with a proper noun and です introduces the writer.
_SELF_REFERENCE = re.compile(r"した者|の者です|(?:さっき|先ほど|先日|昨日|以前|前に)[^。]{0,12}(?:チャット|問い合わせ|問合せ"
                             r"|電話|連絡|注文|予約|申し込)|問い合わせ番号")
_UNIT_NO = frozenset(c + "の" for c in "部課室店係社所")
# A surname after the role of whoever is named (代表者は上野です, 運転士の千葉が): a place's name too, often.
_ROLE_SURNAME = re.compile(r"(?:代表者?|幹事|担当者?|運転士|運転手|ドライバー|ガイド|添乗員|乗務員|講師|インストラクター"
                           r"|コーチ)(?:は|の)([\u4e00-\u9fff々]{1,3})(?<![人語側製])"
                           r"(?=です|が|から|でございます|と申|より)")
# Someone's role before their surname (飼い主の千葉です, 幹事の長崎です): a surname, even one that is a place.
_ROLE_NO = re.compile(r"(?:飼い主|幹事|代表|担当|担当者|保護者|申込者|予約者|契約者|名義人|責任者|世話人|引率)の$")
# Staff naming themselves after a greeting and their company (ありがとうございます。つばめ引越便の千葉です).
_STAFF_GREETING = re.compile(r"(?:ありがとうございます|お世話になっております|お待たせ(?:いた)?しました|失礼いたします)"
                             r"[。、！!]\s*[^\s。、！？!?]{2,16}の$")


def _english_fragment(value: str) -> bool:
    """Latin words, capitalised and not (Brazil, my friend Ana Souza): a piece of a sentence, which would hide
    the name inside it when overlapping results are merged."""
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", value)  # Jun-ho is one word
    return bool(_LATIN_SPAN.fullmatch(value)) and any(w[0].isupper() for w in words) and any(
        w.islower() and w not in _PARTICLES for w in words)


_LATIN_SPAN = re.compile(r"[A-Za-z0-9 ,.'’-]+")
# A Latin word after where someone comes from or lives (coming from Sydney, we live in Austin): a place.
_LATIN_PLACE_BEFORE = re.compile(r"\b(?:coming|come|came|flying in|flying|flew in|travell?ing|moved|moving|live|living"
                                 r"|based|visiting) (?:in|from|to) $")
_PARTICLES = frozenset("de da van von der la le du di bin al".split())  # van der Berg, bin Ahmad
_LOWER_WORD_AFTER_NAME = re.compile(r"\s+(?!(?:" + "|".join(_PARTICLES) + r")\b)[a-z]")


def _place_words(doc: Doc, start: int, end: int) -> bool:
    """True when the sentence's tokens over the span are all place names (三軒茶屋 in 世田谷区の三軒茶屋です,
    which Sudachi alone splits into 三軒|茶|屋, a surname and a given name)."""
    tokens = tokens_in(doc, start, end)
    return bool(tokens) and all(t.tag_.startswith("名詞-固有名詞-地名") for t in tokens)


def _place_before_no(doc: Doc, start: int) -> bool:
    """True when a place name and の come right before `start` (世田谷区の|三軒茶屋; not ひまわりエナジーの|桜井)."""
    if start < 2 or doc.text[start - 1:start] != "の":
        return False
    before = doc.char_span(start - 2, start - 1, alignment_mode="expand")  # the token ending before の
    return before is not None and before.end_char == start - 1 and (
        before[-1].tag_.startswith("名詞-固有名詞-地名") or before[-1].text[-1] in "都道府県市区町村")


def _station_exit(doc: Doc, start: int, end: int) -> bool:
    """A station's exit named by its place (筑紫口・博多口, 八重洲口); 山口, 川口 and 野口 are surnames."""
    return doc.text[end - 1:end] == "口" and end - start > 2 and _place_words(doc, start, end - 1)


def _surname_then_given(doc: Doc, start: int, end: int) -> bool:
    """A family name then a given name (小鳥遊 ハル): a person, whatever GiNZA's label for the span (Game)."""
    tags = [t.tag_ for t in tokens_in(doc, start, end) if not t.is_space]
    return any(a.startswith("名詞-固有名詞-人名-姓") and b.startswith("名詞-固有名詞-人名-名")
               for a, b in itertools.pairwise(tags))


def _inside_kana_word(token: Token) -> bool:
    """A kana token glued to the kana of a word before it: no name starts there (おねがい|しま|s); a name may
    follow a particle, an interjection or a conjunction (こんにちはゆうきです)."""
    prev = token.nbor(-1) if token.i > 0 else None
    return (prev is not None and bool(HIRAGANA_WORD.match(token.text)) and bool(HIRAGANA_WORD.fullmatch(prev.text[-1]))
            and not prev.tag_.startswith(("助詞", "感動詞", "接続詞")) and prev.idx + len(prev.text) == token.idx)


def _only_a_word(word: str) -> bool:
    """A katakana word, or a kanji word of two or more characters, that the dictionary has only as a common
    noun (パスポート, 人気|講師, 新人): no name. Kana given names (つばさ) and one-kanji names (空, 海) are
    written with common nouns, so they are not judged this way."""
    return (bool(KATAKANA_WORD.fullmatch(word)) or (len(word) >= 2 and bool(_KANJI_WORD.match(word)))) and (
        only_common_noun(word))


def _ginza_alone(ent: Span, heads: list[Span]) -> bool:
    """A GiNZA Person that neither the names head nor the dictionary backs (ひかり, さくら, はやめ, ケージ as
    common words): in chat it is a word more often than a name, and a real name there has other signals
    (an honorific, 娘の…, introducing oneself: ゆうきです) that still find it."""
    return (ent.label_ == "Person" and not any(t.tag_.startswith("名詞-固有名詞") for t in ent)
            and (HIRAGANA_WORD.fullmatch(ent.text) is not None or any(t.tag_.startswith("動詞") for t in ent))
            and not any(h.start_char < ent.end_char and ent.start_char < h.end_char for h in heads))


_VENUE_KINDS = frozenset("チャペル ヴィラ ホテル カフェ サロン スタジオ レジデンス ガーデン テラス パーク ホール ハウス "
                         "レストラン ビストロ トラットリア リストランテ ブラッスリー".split())


def _kind_and_its_name(name: str) -> bool:
    """A katakana phrase joined by ・ that starts with a kind of venue (チャペル・ルミエール, ヴィラ・ルミエール): a
    place named, not a person (ソフィア・シュミット starts with a name, though Sudachi knows ソフィア as a word)."""
    parts = re.split(r"[・=]", name)
    return len(parts) > 1 and parts[0] in _VENUE_KINDS


def is_name_tag(token: Token) -> bool:
    return token.tag_.startswith("名詞-固有名詞-人名")


def could_be_name(token: Token) -> bool:
    """A token that may be (part of) a name when an honorific or introduction vouches for it."""
    if token.text in NOT_NAMES or not token.tag_.startswith("名詞"):
        return False
    if token.tag_.startswith(("名詞-固有名詞", "名詞-普通名詞-一般")) and not token.tag_.startswith("名詞-固有名詞-地名-国"):
        return token.tag_.startswith("名詞-固有名詞") or bool(
            KATAKANA_WORD.fullmatch(token.text) or HIRAGANA_WORD.fullmatch(token.text) or _ROMAN.match(token.text)
            or len(token.text) <= 3
        )
    return False


class PersonRecognizer(EntityRecognizer):
    ENTITY = E.PERSON
    keep_public_figures = True  # DetectionSettings.keep_public_figures

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language="ja", name="PersonRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None or not isinstance(nlp_artifacts.tokens, Doc):
            return []
        doc: Doc = nlp_artifacts.tokens
        spans: dict[tuple[int, int], float] = {}

        def add(start: int, end: int, score: float) -> None:
            if (intro := text.find("と申", start, end)) > start:  # 王偉と申し: the name ends before と申します
                end = intro
            if (like := text.find("っぽい", start, end)) > start:  # ジョン・レノンっぽい丸メガネ: the name ends there
                end = like
            end = _without_copula(text, start, end)
            # David Lee. ends at the name; F. G. keeps its initials
            while end > start and (text[end - 1] in " ・," or (text[end - 1] == "." and text[end - 2:end - 1].islower())):
                end -= 1
            if _ALL_KANJI.fullmatch(text, start, end) and end - start <= 2 and _KANJI_BEFORE_HONORIFIC.match(text, end):
                end += 1  # 陽向さん: Sudachi cut the given name; the honorific shows where it ends
            if (greeting := _GREETING.match(text, start, end)) is not None and greeting.end() < end:
                start = greeting.end()  # Hi Olivia: the name after the greeting
            if (lead := _LOWER_WORDS_BEFORE_NAME.match(text, start, end)) is not None:
                # my colleague David Lee from Osaka: the NER's span holds the English words around the name
                start = lead.end()
                if (tail := _LOWER_WORD_AFTER_NAME.search(text, start, end)) is not None:
                    end = tail.start()
            if end > start:
                spans[(start, end)] = max(score, spans.get((start, end), 0.0))

        # GiNZA's own Person entities and the names head's (doc.spans["names"]), honorifics left out.
        # The head's places are dropped unless Sudachi reads a name in them (伊豆, 仙台; not 梅田).
        # Names only the head's beam found (doc.spans["names_more"]) score lower.
        head, more = ([s for s in doc.spans.get(key, ())
                       if not _is_place(doc, s.start_char, s.end_char) or any(is_name_tag(t) for t in s)]
                      for key in (NAMES_KEY, MORE_NAMES_KEY))
        sure = [*doc.ents, *head]
        heads = [s for s in (*head, *more) if s.label_ == "Person"]
        for i, ent in enumerate([*sure, *more]):
            if i < len(doc.ents) and _ginza_alone(ent, heads) and not _INTRO_AFTER.match(text, ent.end_char):
                continue
            if ent.label_ == "Person" and ascii_bounded(text, ent.start_char, ent.end_char):
                # The name ends at its honorific (田中さん|チーム); it never starts inside a kana word.
                toks = list(itertools.takewhile(lambda t: t.text not in HONORIFICS, ent))
                name_tagged = any(is_name_tag(t) for t in toks)
                if toks and not NOT_NAME_TAIL.search(ent.text) and not _inside_kana_word(toks[0]):
                    score = 0.5 if i >= len(sure) else 0.85 if name_tagged else 0.6
                    add(toks[0].idx, toks[-1].idx + len(toks[-1].text), score)
        for start, end in self._name_tag_runs(doc):
            if not _is_place(doc, start, end) or _surname_then_given(doc, start, end):
                add(start, end, 0.6)
        for start, end in self._vouched_runs(doc, text):
            add(start, end, 0.85)
        for m in SELF_INTRO.finditer(text):
            add(m.start(1), m.end(1), 0.8)
        for m in ROMAN_NAME.finditer(text):
            if self._roman_vouched(text, m.start(), m.end(), spans) or is_romaji_name(m.group()):
                add(m.start(), m.end(), 0.8)
        for m in ROMAN_HANDLE.finditer(text):  # Kenta_Arai: Sudachi knows few names in katakana; 本名 vouches
            if is_romaji_name(m.group().replace("_", " ")) or _HANDLE_CONTEXT.search(text):
                add(m.start(), m.end(), 0.7)
        for m in ROMAJI_NAME_DESU.finditer(text):  # yamaguchi desu!
            if is_romaji_word_name(m.group(1)):
                add(m.start(1), m.end(1), 0.7)
        for m in ROMAN_NAME_LOWER.finditer(text):
            if not ROMAJI_CHAT_WORDS.intersection(m.group().split()) and is_romaji_name(m.group()):
                add(m.start(), m.end(), 0.7)
        for m in NAME_AFTER_LABEL.finditer(text):
            if m.group() not in NOT_NAMES and (m.group() in ONE_KANJI_NAMES or not any(  # 名前は恵です: 恵 read as 恵む
                    t.tag_.startswith(("動詞", "形容詞", "助動詞")) for t in tokens_in(doc, m.start(), m.end()))):
                add(m.start(), m.end(), 0.8)  # not お名前を伺ってもよろしいですか
        for m in (*HIRAGANA_FULL_NAME.finditer(text), *HIRAGANA_AFTER_UNIT.finditer(text)):
            if m.group(1) not in NOT_NAMES and not HIRAGANA_WORDS.intersection(m.group(1).split()):
                add(m.start(1), m.end(1), 0.7)
        for m in (*SURNAME_FIRST.finditer(text), *SURNAME_AFTER_NO.finditer(text)):
            # 営業部の千葉です, 千葉です、さっきチャットした者です: a surname that is a place too
            staff = text[m.start() - 2:m.start()] in _UNIT_NO or _ROLE_NO.search(text, max(0, m.start() - 5), m.start()) or (
                m.re is SURNAME_AFTER_NO and _STAFF_GREETING.search(text, 0, m.start()) is not None) or (
                m.re is SURNAME_FIRST and _SELF_REFERENCE.search(text, m.end()) is not None)
            named = m.group(1) in ONE_KANJI_NAMES or has_person_name_word(m.group(1)) or (
                staff and has_proper_noun(m.group(1)))
            where = _place_words(doc, m.start(1), m.end(1)) and _place_before_no(doc, m.start(1))  # 世田谷区の三軒茶屋です
            if named and (staff or not where):
                add(m.start(1), m.end(1), 0.7)
        for m in _ROLE_SURNAME.finditer(text):
            name = m.group(1)
            if name not in NOT_NAMES and name not in TITLES and (
                    name in ONE_KANJI_NAMES or has_person_name_word(name) or has_proper_noun(name)):
                add(m.start(1), m.end(1), 0.7)
        for m in KANJI_BEFORE_HONORIFIC.finditer(text):
            name = m.group(1)
            if name not in NOT_NAMES and name not in TITLES and (
                    name in ONE_KANJI_NAMES if len(name) == 1 else has_person_name_word(name)):
                add(m.start(1), m.end(1), 0.8)
        for m in HIRAGANA_BEFORE_HONORIFIC.finditer(text):
            if m.group(1) not in NOT_NAMES and m.group(1) not in HIRAGANA_WORDS:
                add(m.start(1), m.end(1), 0.8)
        for m in LABELLED_KANA_NAME.finditer(text):
            add(m.start(1), m.end(1), 0.8)
        for m in ACCOUNT_HOLDER.finditer(text):
            if any(w in text[max(0, m.start() - 40):m.start()] for w in ACCOUNT_CONTEXT):
                add(m.start(), m.end(), 0.8)
        # Katakana the dictionary does not know, with nothing around it that marks a name: a foreign name in
        # prose (メイウェザーが), but in a conversation a product or a brand far more often (カロナールの, ミルボンの
        # オージュア), where a customer's own foreign name comes with さん, 様, です or a label.
        conversation = in_chat_register(text)
        for m in KATAKANA_DOTTED.finditer(text):
            if has_person_name_word(m.group()):
                add(m.start(), m.end(), 0.6)
            elif not conversation and not is_common_noun_phrase(m.group()) and not is_one_known_word(m.group()) and not any(
                    e.label_ in NOT_PERSON_LABELS and e.start_char < m.end() and m.start() < e.end_char for e in doc.ents):
                add(m.start(), m.end(), 0.45)
        for m in () if conversation else UNKNOWN_KATAKANA_SUBJECT.finditer(text):
            if has_unknown_word(m.group(1)) and not _is_place(doc, m.start(1), m.end(1)):
                add(m.start(1), m.end(1), 0.45)
        for m in KIN_BEFORE.finditer(text):
            if (found := given_name_at(text, m.end())) is not None:
                add(*found, 0.7)
                if text.startswith(("と", "、"), found[1]) and (second := given_name_at(text, found[1] + 1, 1)) is not None:
                    add(*second, 0.7)
        for m in KIN_LATIN_NAME.finditer(text):
            if has_person_name_word(m.group(1)) or has_unknown_word(m.group(1)):
                add(m.start(1), m.end(1), 0.7)
        for m in ADDRESSED.finditer(text):
            name = m.group(1)
            if name not in NOT_NAMES and name not in TITLES and not _ROLE_END.search(name) and not _is_place(
                    doc, m.start(1), m.end(1)):
                add(m.start(1), m.end(1), 0.7)
        for m in (*NAME_BEFORE_READING.finditer(text), *QUOTED_AFTER_LABEL.finditer(text)):
            if m.group(1) not in NOT_NAMES:
                add(m.start(1), m.end(1), 0.8)
        for m in KANA_FIRST.finditer(text):
            word = unicodedata.normalize("NFKC", m.group(1))
            if word not in CHAT_REPLIES and (has_person_name_word(word) or plausible_given_name(word)) and not any(
                    # not よかったです
                    t.tag_.startswith(("動詞", "形容詞", "助動詞", "副詞", "形状詞", "感動詞"))
                    for t in tokens_in(doc, m.start(1), m.end(1))):
                add(m.start(1), m.end(1), 0.7)
        for m in CALLED_NAME.finditer(text):
            if has_person_name_word(m.group(1)) or plausible_given_name(m.group(1)):
                add(m.start(1), m.end(1), 0.7)
        for m in NAME_WITH_READING.finditer(text):
            add(m.start(1), m.end(1), 0.8)
        for m in SUBJECT_DOING.finditer(text):  # a name, not a word (曲目, 海, 未来, ひかり)
            name = m.group(1)
            if (name in KANJI_NAME_WORDS and name not in _SKY_WORDS) or name in _NAME_ONLY_KANJI or (
                    as_hiragana(name) in COMMON_KANA_NAMES) or (
                    not _ALL_KANJI.fullmatch(name) and name not in KANA_NAME_WORDS and as_hiragana(name) not in
                    KANA_NAME_WORDS and (has_person_name_word(name) or has_unknown_word(name))):
                add(m.start(1), m.end(1), 0.7)
        for m in LATIN_LIST_LABEL.finditer(text):
            at = m.end()
            while (item := _LATIN_LIST_ITEM.match(text, at)) is not None:
                add(item.start(1), item.end(1), 0.8)
                at = item.end()
        for m in NAME_BEFORE_READING_LABEL.finditer(text):
            add(m.start(1), m.end(1), 0.8)
        for m in STAFF_SELF.finditer(text):
            if m.group(1) not in NOT_NAMES and m.group(1) not in TITLES:
                add(m.start(1), m.end(1), 0.8)
        for m in CALLED_PERSON.finditer(text):
            if m.group(1) not in NOT_NAMES and m.group(1) not in TITLES and (
                    has_person_name_word(m.group(1)) or plausible_given_name(m.group(1))):
                add(m.start(1), m.end(1), 0.7)
        for m in QUOTED_NAME.finditer(text):
            group = m.lastindex or 1
            word = m.group(group)
            tag = group == 2 and text.endswith(_TAG_WORDS, 0, m.start(group) - 1)  # a name tag holds a name: 「白馬」
            if word not in NOT_NAMES and (tag or has_person_name_word(word) or has_unknown_word(word)
                                          or ((as_hiragana(word) in KANA_NAME_WORDS or word in ONE_KANJI_NAMES)
                                              and text.startswith(("さん", "様", "くん", "ちゃん"), m.end(group) + 1))
                                          or bool(_LATIN_WORD.fullmatch(word)) or is_romaji_word_name(word)
                                          or (group == 2 and (bool(KATAKANA_WORD.fullmatch(word))
                                                              or plausible_given_name(word)))
                                          or (text.startswith(("って名前", "という名前"), m.end(group) + 1)
                                              and plausible_given_name(word))):
                add(m.start(group), m.end(group), 0.7)
        for m in KIN_QUOTED.finditer(text):
            if plausible_given_name(m.group(1)):
                add(m.start(1), m.end(1), 0.7)
        for m in _WITH_ME.finditer(text):
            for part in _JOINED_NAME.finditer(text, m.start(1), m.end(1)):
                if plausible_given_name(part.group(1)):
                    add(part.start(1), part.end(1), 0.7)
        for m in _NAME_BEFORE_OWN.finditer(text):
            if plausible_given_name(m.group(1)):
                add(m.start(1), m.end(1), 0.7)
        for m in (*AGE_AFTER.finditer(text), *BIRTH_AFTER.finditer(text)):
            if (name := _NAME_BEFORE_AGE.search(text, 0, m.start())) and plausible_given_name(name.group(1)):
                add(name.start(1), name.end(1), 0.7)
        for m in HALFWIDTH_NAME.finditer(text):
            if has_person_name_word(unicodedata.normalize("NFKC", m.group())) or _NAME_LABEL_BEFORE.search(
                    text, max(0, m.start() - 8), m.start()) or _BOOKED_UNDER.match(text, m.end()):  # not ﾎﾟｲﾝﾄｶﾞ ﾂｲﾃﾅｲﾃﾞｽ
                add(m.start(), m.end(), 0.7)
        for m in NAME_BEFORE_PASSPORT.finditer(text):
            add(m.start(1), m.end(1), 0.8)
        for m in ENGLISH_INTRO.finditer(text):
            add(m.start(m.lastindex or 0), m.end(m.lastindex or 0), 0.8)
        for m in (*_LATIN_PARTY.finditer(text), *_QUOTED_KANA_FULL_NAME.finditer(text)):
            for g in range(1, (m.lastindex or 0) + 1):
                if m.group(g):
                    add(m.start(g), m.end(g), 0.8)
        for m in READING_SAID.finditer(text):
            add(m.start(1), m.end(1), 0.7)
        for m in LATIN_NAME_CALLED.finditer(text):
            add(m.start(1), m.end(1), 0.85)
        for (_, end), score in list(spans.items()):
            if score >= 0.6 and (pair := _LATIN_AND_NAME.match(text, end)) is not None:
                add(pair.start(1), pair.end(1), score)
            at = end  # me (Sophie), Tom, and my sister Grace: the next names of a list
            while score >= 0.8 and _LATIN_END.search(text, 0, at) and (item := _LATIN_LIST_NEXT.match(text, at)):
                add(item.start(1), item.end(1), 0.6)
                at = item.end(1)
        if _SPELLING_CONTEXT.search(text):  # ローマ字が違って…いまは Tubasa になってる: a name misspelt
            found = {w for s, e in spans for w in text[s:e].split() if _LATIN_WORD.fullmatch(w)}
            kana = {text[s:e] for s, e in spans if _KANA.fullmatch(text, s, e)}  # 「トメ」はTome
            for m in _LATIN_WORD.finditer(text):
                if m.group() not in found and (is_romaji_word_name(m.group()) or any(
                        difflib.SequenceMatcher(None, m.group(), w).ratio() >= 0.8 for w in found)
                                               or any(spells_in_romaji(m.group(), k) for k in kana)):
                    add(m.start(), m.end(), 0.7)
        extended = sorted((s, _without_copula(text, s, e), score)
                          for (s, e), score in ((self._extend(doc, text, *span), score) for span, score in spans.items()))
        readings = [(r.start(1), r.end(1), score) for _, end, score in extended
                    if (r := READING_AFTER.match(text, end)) is not None]
        extended = sorted(extended + readings + self._repeated_parts(text, extended))
        # A list of people (前田青邨、中村岳陵、長野草風、吉村忠夫): an item between two names is a name.
        between = [(a[1] + 1, b[0] - 1) for a, b in itertools.pairwise(extended)
                   if LIST_ITEM.fullmatch(text, a[1], b[0])]
        extended += [(s, e, 0.6) for s, e in between] + self._coordinated(text, extended)
        # A pet's name is the pet's wherever else it comes (犬の名前「さくら」…さくらちゃんのお母さん).
        pets = {text[s:e] for s, e, _ in extended if is_pet(text, s, e)}
        if _GAME_CONTEXT.search(text):
            extended = [(s, e, score) for s, e, score in extended if score >= 0.8 or not _KATAKANA_CHAR.search(text, s, e)]
        return [RecognizerResult(self.ENTITY, s, e, score) for s, e, score in extended
                if text[s:e] not in pets and not self._not_a_person(doc, text, s, e, conversation)]

    def _not_a_person(self, doc: Doc, text: str, s: int, e: int, conversation: bool) -> bool:
        """The last word on a candidate: a word, a thing, a place, a work or a pet's kind, not a person;
        `conversation` is `in_chat_register(text)`, taken once per text."""
        folded = unicodedata.normalize("NFKC", text[s:e])  # ｽﾀｯﾌ as スタッフ
        return (folded in NEVER_NAMES or HANGUL.search(folded) is not None
                or (_ALL_KANJI.search(folded) is not None and chinese_line(text))  # foreign_names.py reads those
                or (folded != text[s:e] and folded in NOT_NAMES) or text[s:e] in CHAT_REPLIES
                or _english_fragment(text[s:e]) or _LATIN_PLACE_BEFORE.search(text, max(0, s - 24), s) is not None
                or bool(PET_KIND.fullmatch(text, s, e))
                or bool(NOT_NAME_TAIL.search(unicodedata.normalize("NFKC", text[s:e])))  # ｱﾌﾟﾘ as アプリ
                or bool(_NOT_A_NAME_SHAPE.search(text[s:e])) or bool(NOT_ONE_NAME.search(text, s, e))
                or _a_temple_or_village(doc, text, s, e)
                or text.endswith("駅", 0, s) or bool(_PLACE_AFTER_NAME.match(text, e))
                or (e - s == 1 and text[s - 1:s].isdigit())  # 100均
                or text.endswith(("the ", "The "), 0, s)  # the Rose Hall, the Sakura Suite: a place, not a person
                or (_LATIN_END.search(text, s, e) is not None and text[e:e + 1].isdigit())  # OPPO Reno9 A: a model
                or (KATAKANA_WORD.fullmatch(text, s, e) is not None and _MODEL_SIZE_AFTER.match(text, e) is not None)
                or self._not_a_name(doc, text, s, e) or bool(WORK_AFTER.match(text, e)) or self._role(doc, s, e)
                or _kind_and_its_name(text[s:e]) or _in_a_route(doc, text, s, e) or _station_exit(doc, s, e)
                or _dotted_list(doc, text, s, e) or _not_a_name_word(doc, s, e) or _among_places(doc, s, e)
                or a_shop(text, s, e) or a_quoted_thing(text, s, e) or (a_car_model(text, s, e) and not _after_kin(text, s))
                or a_quoted_title(text, s, e)
                or (conversation and (_historical_figure(doc, s, e) or _famous_at_an_event(doc, text, s, e)
                                      or _in_a_title(text, s, e) or _a_makers_product(doc, text, s, e)
                                      or _a_known_katakana_thing(doc, text, s, e)))
                # with a cue of their own, also in a line of chat with no marks at all (作中のハルとナツの関係性が尊い)
                or ((conversation or not _PROSE_END.search(text)) and (
                    _a_character_or_performer(text, s, e) or (a_train(text, s, e) and not _after_kin(text, s))
                    or a_typhoon(text, s, e)
                    or an_animal(text, s, e) or (self.keep_public_figures and a_public_figure(text, s, e))
                    or _a_word_with_chan(doc, text, s, e)
                    or a_variety(text, s, e) or a_wine(text, s, e))))

    @staticmethod
    def _coordinated(text: str, names: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        """A name joined by と to a name found (ミズキと相良をご紹介, 相良とミズキが), or the one it changes into
        (西村から松本に): a katakana word the
        dictionary reads as a name or does not know, or a kanji name it knows."""
        found = []
        for start, end, score in names:
            if score < 0.6:
                continue
            candidates = [m for m in (_COORDINATED_BEFORE.search(text, 0, start), _COORDINATED_AFTER.match(text, end))
                          if m is not None]
            for m in candidates:
                group = m.lastindex or 1
                word = m.group(group)
                quoted = text[m.start(group) - 1:m.start(group)] == "「" and text[start - 1:start] == "「"
                if word not in NOT_NAMES and word not in TITLES and (
                        has_person_name_word(word) or (KATAKANA_WORD.fullmatch(word) and (
                            has_unknown_word(word) or as_hiragana(word) in KANA_NAME_WORDS))
                        or (quoted and plausible_given_name(word))):
                    found.append((m.start(group), m.end(group), 0.6))
            at = end  # 子ども2人（そら・うみ）: the rest of a list of names in brackets
            while (_OPEN_BRACKET.search(text, 0, start) and (dot := _DOTTED_IN_BRACKETS.match(text, at)) and (
                    plausible_given_name(dot.group(1)) or (HIRAGANA_WORD.fullmatch(dot.group(1)) and dot.group(1)
                                                           not in NOT_NAMES and dot.group(1) not in HIRAGANA_WORDS))):
                found.append((dot.start(1), dot.end(1), 0.6))
                at = dot.end(1)
            if (text[start:end] in ONE_KANJI_NAMES and (one := _ONE_KANJI_JOINED.search(text, 0, start)) is not None
                    and one.group(1) in ONE_KANJI_NAMES):
                found.append((one.start(1), one.end(1), 0.6))  # 光と舞の兄妹: two one-kanji names
        return found

    @staticmethod
    def _repeated_parts(text: str, names: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        """Other mentions, in the same text, of a Latin or katakana part of a name found (Yuki Tanabeさん
        … Tanabeって出てる人), or of a whole kana name found with a context (みずほの誕生日 … 「みずほへ」)."""
        covered = bytearray(len(text))
        for start, end, _ in names:
            covered[start:end] = b"\x01" * (end - start)
        parts = {p for start, end, _ in names for p in _NAME_PARTS.findall(text, start, end)}
        kana = {text[start:end] for start, end, score in names
                if score >= 0.7 and HIRAGANA_WORD.fullmatch(text, start, end) and end - start >= 2}
        found = []
        for part in sorted(parts | kana):
            if part in NOT_NAMES or (part not in kana and is_one_known_word(part)):
                continue
            bounds = (r"(?<![ぁ-ゖ])", KANA_NAME_END) if part in kana else (r"(?<![A-Za-zァ-ヴー])", r"(?![A-Za-zァ-ヴー])")
            for m in re.finditer(bounds[0] + re.escape(part) + bounds[1], text):
                if not covered[m.start()]:
                    covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                    found.append((m.start(), m.end(), 0.7))
        return found

    @staticmethod
    def _not_a_name(doc: Doc, text: str, start: int, end: int) -> bool:
        """A title in 『』 (『ステラ・クロニクル』), an inflected verb (長崎いきます, あった　できた), or kana glued
        to the katakana word after them (あさぎポータル)."""
        if text[start - 1:start] in "「『" and text[end:end + 1] in "」』" and start > 0:
            if _labelled_quote(text, start - 1):
                return False  # 名前「こはる」: a name quoted, not こ|はる read as a verb
            if text[start - 1] == "『":
                return True
        if HIRAGANA_WORD.fullmatch(text[start:end]) and _KATAKANA_AFTER_KANA.match(text, end):
            return True
        if (_after_kin(text, start) and (text[start:end] in KANA_NAME_WORDS or text[start:end] in COMMON_KANA_NAMES)) or any(
                m.start(1) == start for m in KIN_QUOTED.finditer(text, max(0, start - 6))):
            return False  # 娘のこはる, 子どもは「こはる」: not こ|はる read as a verb
        # A verb and its ending (長崎いき|ます; in kana, in every word: あっ|た　でき|た, not みや|し|た さら).
        words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
        verbs = [any(a.tag_.startswith("動詞") and b.tag_.startswith("助動詞") for a, b in itertools.pairwise(
            [t for t in tokens_in(doc, s, e) if t.idx + len(t.text) <= e])) for s, e in words]
        kana = HIRAGANA_WORD.fullmatch(re.sub(r"\s", "", text[start:end])) is not None
        return bool(verbs) and (all(verbs) if kana else any(verbs))

    @staticmethod
    def _role(doc: Doc, start: int, end: int) -> bool:
        """A role, not a name: dictionary common nouns ending in one for a role (保護者, 検針員, 飼い主,
        申告者ご本人), or a polite prefix and common nouns (ご指定, お名前)."""
        tokens = tokens_in(doc, start, end)
        if not tokens or tokens[0].idx != start or tokens[-1].idx + len(tokens[-1].text) != end or not all(
                t.tag_.startswith(("名詞-普通名詞", "接頭辞", "接尾辞")) for t in tokens):
            return False
        first = tokens[0].text
        polite = (first in ("ご", "御", "お") and len(tokens) > 1 and bool(_KANJI_WORD.match(tokens[1].text))) or (
            first[0] in "ごお" and bool(_KANJI_WORD.match(first[1:])))  # ご|指定, ご指定
        last = tokens[-1].text
        if len(tokens) > 1 and (last in HONORIFICS or last in TITLES):
            return False  # 東|先生: a name before its title
        return polite or bool(ROLE_NOUN.fullmatch(last)) or (len(tokens) > 1 and last in ("者", "員"))

    @staticmethod
    def _extend(doc: Doc, text: str, start: int, end: int) -> tuple[int, int]:
        """Complete a partial name: a family name alone takes the given name after it (伊藤|大司 where
        Sudachi tags only 伊藤), and a katakana name takes the rest of its ・-joined parts."""
        tokens = tokens_in(doc, start, end)
        if len(tokens) == 1 and tokens[0].tag_.startswith("名詞-固有名詞-人名-姓") and tokens[0].i + 1 < len(doc):
            nxt = doc[tokens[0].i + 1]
            if (nxt.idx == end and nxt.tag_.startswith("名詞") and nxt.text not in NOT_NAMES
                    and _GIVEN_NAME.match(nxt.text) and not nxt.tag_.startswith("名詞-普通名詞-助数詞")):
                end = nxt.idx + len(nxt.text)
                tokens.append(nxt)
        if tokens and is_name_tag(tokens[-1]) and len(tokens[-1].text) >= 1:
            # A given name Sudachi cut short: 中野雅|至, 河北義次|郎, 中山ち|ゑ.
            nxt = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
            if (nxt is not None and nxt.idx == end and len(nxt.text) <= 2 and _NAME_TAIL.match(nxt.text)
                    and nxt.text not in NOT_NAMES and not nxt.tag_.startswith(_NOT_NAME_POS)):
                end = nxt.idx + len(nxt.text)
            elif nxt is not None and nxt.idx == end and nxt.text == "子" and KATAKANA_WORD.fullmatch(tokens[-1].text):
                end += 1  # 田村ヨシ|子さん: Sudachi tags the 子 of a katakana given name a suffix
        if tokens and tokens[0].tag_.startswith("名詞-固有名詞-人名-名") and tokens[0].i > 0:
            # A family name Sudachi did not recognise: 河下|水希, 車|吉章.
            prev = doc[tokens[0].i - 1]
            if (prev.idx + len(prev.text) == start and _KANJI_WORD.match(prev.text) and prev.text not in NOT_NAMES
                    and (prev.tag_.startswith("名詞-固有名詞") or len(prev.text) == 1)):
                start = prev.idx
        if HIRAGANA_WORD.fullmatch(text[start:end]) and (tail := _HIRAGANA_TAIL.match(text, end)) is not None:
            end = tail.end()  # りょう|たです: the tokenizer cut a hiragana name short
        if (_KANJI_NAME_PART.match(text[start:end]) and (tail := _KANJI_TAIL.match(text, end)) is not None
                and tail.end() - start <= 5 and tail.group() not in NOT_NAMES and tail.group() not in TITLES
                and tail.group()[0] not in "様氏殿君"):
            end = tail.end()  # 奈良|竜樹に, 松平正|質は: the rest of a kanji name before a particle
        second = _SECOND_HALF.match(text, end)
        if second and end - start <= 4 and " " not in text[start:end]:
            end = second.end(1)
        start, end = extend_foreign_name(text, start, end)
        return start, end

    @staticmethod
    def _name_tag_runs(doc: Doc) -> list[tuple[int, int]]:
        """Maximal runs of 人名 tokens, joined across '・' and single spaces (ジョン・スミス, ヤマダ タロウ)."""
        runs: list[tuple[int, int]] = []
        i, n = 0, len(doc)
        while i < n:
            if not is_name_tag(doc[i]) or _inside_kana_word(doc[i]):
                i += 1
                continue
            j = i
            while j + 1 < n and (
                is_name_tag(doc[j + 1])
                or (doc[j + 1].text == "・" and j + 2 < n
                    and (is_name_tag(doc[j + 2]) or KATAKANA_WORD.fullmatch(doc[j + 2].text)))
                or (doc[j].text == "・" and KATAKANA_WORD.fullmatch(doc[j + 1].text))
            ):
                j += 1
            runs.append((doc[i].idx, doc[j].idx + len(doc[j].text)))
            i = j + 1
        return runs

    @staticmethod
    def _vouched_runs(doc: Doc, text: str) -> list[tuple[int, int]]:
        """Noun runs right before an honorific or と申します, or right after 担当の / 名前は."""
        found: list[tuple[int, int]] = []
        n = len(doc)
        for i, tok in enumerate(doc):
            after = text[tok.idx + len(tok.text):tok.idx + len(tok.text) + 6]
            before_honorific = i + 1 < n and (doc[i + 1].text in HONORIFICS or (
                doc[i + 1].text in TITLES and not tok.tag_.startswith("名詞-固有名詞-地名"))) and not (
                i + 2 < n and KATAKANA_WORD.match(doc[i + 2].text))  # 熱さま|シート is a product
            before_intro = after.startswith(SELF_INTRO_AFTER) or (
                after.startswith("でございます") and tok.tag_.startswith("名詞-固有名詞")
                and (tok.tag_.startswith("名詞-固有名詞-人名") or not KATAKANA_WORD.fullmatch(tok.text)))  # ロールケーキ
            if (before_honorific or before_intro) and could_be_name(tok):
                j = i
                while j - 1 >= 0 and j > i - 3 and (could_be_name(doc[j - 1]) or doc[j - 1].text == "・"):
                    j -= 1
                if doc[j].text == "・":
                    j += 1
                if j < i or not _only_a_word(tok.text):  # 人気|講師; ミナト精工|様 is a name of two words
                    found.append((doc[j].idx, tok.idx + len(tok.text)))
            if INTRO_BEFORE.search(text[max(0, tok.idx - 8):tok.idx]) and could_be_name(tok):
                k = i
                while k + 1 < n and k < i + 3 and (could_be_name(doc[k + 1]) or doc[k + 1].text == "・"
                                                   or (doc[k + 1].is_space and k + 2 < n and could_be_name(doc[k + 2]))):
                    k += 1
                if k > i or not _only_a_word(tok.text):  # 氏名は|パスポートと同じ
                    found.append((tok.idx, doc[k].idx + len(doc[k].text)))
        return found

    @staticmethod
    def _roman_vouched(text: str, start: int, end: int, spans: dict[tuple[int, int], float]) -> bool:
        after = text[end:end + 6].lstrip()
        if after.startswith((*HONORIFICS, *SELF_INTRO_AFTER, *ROMAN_VOUCHED_AFTER)):
            return True
        before = text[max(0, start - 12):start]
        if INTRO_BEFORE.search(text[max(0, start - 8):start]) or any(
                w in before for w in ("名義", "氏名", "名前", "予約は", "予約者")):
            return True
        if (start == 0 or text[start - 1] == "\n") and after.startswith(("、", ",")):
            return True
        return any(s < end and start < e for s, e in spans)
