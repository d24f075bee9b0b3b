"""Things and animals that chat names like people: trains, typhoons, shops, café animals and pets.

A conversation about a trip, a shop or a cat café is full of words that are also given names (あずさ, まこと,
ミルク). Each rule here looks at the words right around one candidate, because a message can hold both a
person and a thing of the same name (みずほと私の2名で、みずほ号に乗ります). The person recognizer asks `a_shop`
in every register, and the others in the conversation register (`in_chat_register`) or in a line with no
sentence end at all, where those things are talked about.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from anonymize.recognizers.pets import ANIMAL_TALK

# Named trains (JR and private lines, past and present): the names chat uses for a train, many of them given
# names as well (ひかり, さくら, あずさ, つばさ).
TRAIN_NAMES = frozenset(
    "のぞみ ひかり こだま みずほ さくら つばめ はやぶさ はやて やまびこ なすの つばさ こまち "
    "とき たにがわ かがやき はくたか あさま つるぎ あずさ かいじ ひたち ときわ しおさい わかしお "
    "さざなみ あやめ 踊り子 サフィール踊り子 湘南 成田エクスプレス スペーシア けごん きぬ "
    "りょうもう ロマンスカー はこね えのしま メトロはこね スカイライナー イブニングライナー ひのとり "
    "アーバンライナー しまかぜ ラピート サンダーバード しらさぎ ひだ しなの 南紀 くろしお はるか "
    "こうのとり きのさき まいづる はしだて やくも 八雲 スーパーおき おき スーパーまつかぜ "
    "いなば スーパーはくと はまかぜ しおかぜ いしづち 南風 しまんと あしずり うずしお 剣山 むろと "
    "かもめ リレーかもめ みどり ハウステンボス ソニック にちりん ひゅうが きりしま 有明 ゆふ "
    "ゆふいんの森 あそぼーい かわせみやませみ 指宿のたまて箱 いさぶろう しんぺい ななつ星 いなほ "
    "つがる 白鳥 スーパー白鳥 北斗 おおぞら とかち すずらん カムイ ライラック 宗谷 サロベツ "
    "オホーツク 大雪 サンライズ瀬戸 サンライズ出雲 瀬戸 出雲 カシオペア トワイライトエクスプレス "
    "北斗星 富士山ビュー特急 ドリーム号 ムーンライトながら ながら 能登 はまなす あけぼの 日本海 "
    "きたぐに 銀河 ".split())
_TRAIN_ALTERNATION = "|".join(sorted(TRAIN_NAMES, key=len, reverse=True))  # longest first
_TRAIN_BEFORE = re.compile(r"(?:特急|新幹線|寝台特急|寝台|快速|急行|臨時|列車|観光列車)[「『]?$")
_TRAIN_AFTER = re.compile(r"[」』]?(?:号|[0-9０-９]{1,3}号|の?(?:指定席|自由席|グリーン車?|車内|切符|きっぷ"
                          r"|時刻|始発|最終|停車|号車|座席|乗車|車両|窓側|通路側|グランクラス)|の[^\s、。]{1,4}行き|に乗|で(?:行|向|帰|移動)|が運休"
                          r"|(?:と|か|や|・)(?:" + _TRAIN_ALTERNATION + "))")
_TRAIN_PREFIXES = re.compile(r"^(?:特急|新幹線|寝台特急|快速|急行|臨時)")


def a_train(text: str, start: int, end: int) -> bool:
    """A named train, with a train's word right before or after it (特急あずさ, のぞみ号, あずさとかいじ、…乗る)."""
    name = _TRAIN_PREFIXES.sub("", unicodedata.normalize("NFKC", text[start:end])).removesuffix("号")
    if name not in TRAIN_NAMES:
        return False
    return (name != text[start:end] and text[start:end].endswith(name)) or bool(
        _TRAIN_BEFORE.search(text, max(0, start - 6), start) or _TRAIN_AFTER.match(text, end)
        or (_TRAIN_LIST_BEFORE.search(text, max(0, start - 12), start) and "乗" in text)
        or (text[start - 1:start] == "「" and text[end:end + 1] == "」" and _TRAIN_TALK.search(text) is not None))


_TRAIN_TALK = re.compile(r"乗|駅|新幹線|特急|号車|指定席|自由席|遅れ|運休|ダイヤ")
_TRAIN_LIST_BEFORE = re.compile(r"(?:" + _TRAIN_ALTERNATION + r")(?:と|か|や|・)$")
# 台風コイヌ, 台風「ヤギ」: a typhoon's international name.
_TYPHOON_BEFORE = re.compile(r"(?:台風|タイフーン|サイクロン|ハリケーン)[ \u3000]?[0-9０-９]*号?[「『]?[ \u3000]?$")
_TYPHOON_START = re.compile(r"(?:台風|タイフーン)[0-9０-９]*号?[「『]?[ァ-ヴー]{2,}")


def a_typhoon(text: str, start: int, end: int) -> bool:
    """A storm's name, right after 台風."""
    return _TYPHOON_BEFORE.search(text, max(0, start - 8), start) is not None or _TYPHOON_START.match(
        text, start, end) is not None


# A shop's name right after its kind, quoted or not (ラーメン「一郎」, ホビーショップ・ケンジ, 民宿まさお, 喫茶ゆかり,
# 洋菓子店エミリー): the shop, named after its owner or not.
_SHOP_KINDS = (r"ラーメン|カフェ|焼肉|居酒屋|寿司|鮨|喫茶|食堂|ベーカリー|パン|そば|蕎麦|うどん|バー|ビストロ|レストラン"
               r"|定食|料理|旅館|民宿|ホテル|ペンション|ゲストハウス|サロン|美容室|ヘアサロン|理容室?|トリミングサロン"
               r"|ショップ|トイショップ|ホビーショップ|パティスリー|洋菓子|和菓子|菓子|割烹|小料理|スナック|珈琲|コーヒー"
               r"|ブティック|工房|商店|書店|古書店|花屋|フラワーショップ|クリーニング|鍼灸院|整骨院|教室|スタジオ"
               r"|オートガレージ|オートサービス|ガレージ|モータース|整備工場|自動車整備|ボディショップ|麺屋|麺処|中華そば|らーめん|拉麺")
_QUOTED_SHOP_BEFORE = re.compile(r"(?:" + _SHOP_KINDS + r")(?:屋|店)?「$")
_SHOP_BEFORE = re.compile(r"(?<![のな])(?:" + _SHOP_KINDS + r")(?:屋|店)?[・ \u3000]?$")

# …and inside a candidate that took the kind in, the name set off by ・ or a change of script (not バーバラ).
_SHOP_START = re.compile(r"(?:" + _SHOP_KINDS + r")(?:屋|店)?(?:[・ \u3000].|(?<=[ァ-ヴー])[^ァ-ヴー・\s]"
                         r"|(?<=[\u4e00-\u9fff])[^\u4e00-\u9fff・\s])")


def a_shop(text: str, start: int, end: int) -> bool:
    """The whole of a quote right after a shop's kind, or a name written right after the kind."""
    if text[end:end + 1] == "」" and _QUOTED_SHOP_BEFORE.search(text, max(0, start - 8), start) is not None:
        return True
    return _SHOP_BEFORE.search(text, max(0, start - 10), start) is not None or _SHOP_START.match(
        text, start, end) is not None




# A room, a plan, a model or a colour by its quoted name (部屋は「楓」と「椿」, プランは『ひなた』, ソファの「ハルカ」): the
# quote follows the thing's word, or another quote that does (「楓」と「椿」).
_THING_BEFORE_QUOTE = re.compile(r"(?:部屋|お部屋|客室|個室|和室|洋室|離れ|コテージ|棟|ルーム|の間|会場|宴会場|ホール"
                                 r"|プラン|コース|メニュー|セット|シリーズ|モデル|カラー|色|柄|品種|銘柄|商品|ソファー?|テント|ドレス"
                                 r"|テーブル|チェア|椅子|ベッド|ラグ|カーテン|照明|ランプ|棚|デスク|着物|振袖|袴|浴衣"
                                 r"|キャラクター|キャラ|マスコット|ゆるキャラ|パック|花束|ブーケ|ケーキ|リング|指輪|ネックレス"
                                 r"|ピアス|ジュエリー|キャンピングカー|車種|バラ|薔薇|ばら|ローズ|苗)"
                                 r"(?:名|の名前)?(?:は|が|の|も|なら|って|、)?$")
# …or the thing's word follows the quote or the last of several (「アリス」ルーム, 「桜小町」「椿」「雪輪」の3柄).
_THING_AFTER_QUOTE = re.compile(r"[」』](?:[「『][^「」『』\n]{1,12}[」』])*(?:の)?[0-9０-９]*"
                                r"(?:ルーム|の間|ホール|プラン|コース|モデル|シリーズ|柄|色|カラー|種類|タイプ|クラス|ラウンジ|組"
                                r"|の(?:四合瓶|一升瓶|ボトル|瓶|在庫)"
                                r"|って名前の(?!子|人|方|スタッフ|娘|息子|男|女|お客|先生|友達)[^\s、。]{1,6}"
                                r"|(?:って|という|っていう)(?:名前の)?(?:シティサイクル|ママチャリ|自転車|ソファ|テーブル|ケーキ"
                                r"|花束|ブーケ|商品|モデル|プラン|コース|メニュー|セット))")
_EARLIER_QUOTE = re.compile(r"[「『][^「」『』\n]{1,16}[」』](?:と|、|・|や|か|or|/)?$")


def a_quoted_thing(text: str, start: int, end: int) -> bool:
    """The whole of a quote that names a room, a plan, a model or a colour."""
    if text[start - 1:start] not in ("「", "『") or text[end:end + 1] not in ("」", "』"):
        return False
    opened = start - 1
    while (earlier := _EARLIER_QUOTE.search(text, max(0, opened - 20), opened)) is not None:
        opened = earlier.start()
    return _THING_BEFORE_QUOTE.search(text, max(0, opened - 10), opened) is not None or (
        _THING_AFTER_QUOTE.match(text, end) is not None)


# A quote that starts with a name and goes on (「こうちゃん盛り」, 「ゆいの花束」, 「だるまさんが」): a menu item's,
# a product's or a book's name, unless a name label or a plate comes right before it.
_QUOTE_GOES_ON = re.compile(r"(?:(?:ちゃん|くん|さん|君)(?![のはをに])|の)?(?![様さ殿氏])[ぁ-ゖァ-ヴー\u4e00-\u9fff]{1,6}"
                            r"(?<!です)(?<!ます)[」』]")  # not 「大川さんの紹介です」, 「岩崎様のお荷物」
_QUOTED_PREFIX = re.compile(r"[ぁ-ゖァ-ヴー\u4e00-\u9fff]{1,6}")
_MASCOT_END = re.compile(r"(?:くん|ちゃん|君)[」』]")
_NAME_PLACE_BEFORE = re.compile(r"(?:名前|氏名|名義|宛名|名札|表札|プレート|カード|ボード|台紙|キャプション|名入れ)"
                                r"[^「『」』。！？\n]{0,6}$")


def a_quoted_title(text: str, start: int, end: int) -> bool:
    """The name at the start of a longer quoted name of a thing, or a mascot's name after a word inside the
    quote (「帳簿まもるくん」)."""
    opened = max(text.rfind("「", 0, start), text.rfind("『", 0, start))
    if opened < 0 or _NAME_PLACE_BEFORE.search(text, max(0, opened - 11), opened) is not None:
        return False
    if opened == start - 1:
        return _QUOTE_GOES_ON.match(text, end) is not None
    return _QUOTED_PREFIX.fullmatch(text, opened + 1, start) is not None and _MASCOT_END.match(text, end) is not None


# Car models, many of them given names too (ノア, セレナ, ミラ, ルークス): a model in a message about a car.
CAR_MODELS = frozenset(
    "シルビア ノア ヴォクシー アクア プリウス ヤリス カローラ クラウン アルファード ヴェルファイア "
    "ハリアー ライズ ルーミー シエンタ パッソ ヴィッツ エスティマ ウィッシュ カムリ スープラ "
    "セリカ ランドクルーザー ハイエース セレナ ノート リーフ デイズ ルークス エクストレイル "
    "キックス マーチ キューブ ティーダ ジューク エルグランド オーラ フィット フリード "
    "ステップワゴン ヴェゼル シビック オデッセイ ライフ ゼスト ミラ タント ムーヴ "
    "ムーヴキャンバス ミライース コペン キャスト ウェイク タフト ロッキー トール ラパン "
    "ジムニー スイフト ハスラー スペーシア アルト ソリオ エブリイ クロスビー イグニス デミオ "
    "アクセラ アテンザ ロードスター フォレスター インプレッサ レヴォーグ レガシィ アウトバック "
    "デリカ アウトランダー パジェロ ミニキャブ".split())
_CAR_TALK = re.compile(r"車検|車|エンジン|エアコン|タイヤ|オイル|燃費|走行|運転|納車|買取|査定|整備|点検|修理|板金"
                       r"|ディーラー|クラッチ|ブレーキ|バッテリー|ミッション|ワイパー|ナビ|ドラレコ|試乗|F1|レース|ｸﾗｯﾁ|ｴﾝｼﾞﾝ"
                       r"|座席|トランク|荷室|駐車|給油|ガソリン|カーシェア|レンタカー|チャイルドシート|入庫")
_CAR_OWNER_AFTER = re.compile(r"さん|様|くん|ちゃん|君|と申|が担当")
_CAR_LIST_SPLIT = re.compile(r"[・、/]")
_KATAKANA_RUN = re.compile(r"[ァ-ヴー]+")
_COMPARED = re.compile(r"どっち|どちら|比べ|比較|違い|vs|VS|人乗り|[ァ-ヴー](?:か|とか|や)[ァ-ヴ]")
_GRADE = re.compile(r"(?<=[ァ-ヴー])[ -]?(?:e-POWER|e:HEV|HYBRID|ハイブリッド|[A-Z][A-Za-z0-9-]{0,8})$")  # ノートe-POWER


def a_car_model(text: str, start: int, end: int) -> bool:
    """A car model, or a list of them (ルークス・ミラ・ラパン), in a message about a car."""
    models = [_GRADE.sub("", unicodedata.normalize("NFKC", w)) for w in _CAR_LIST_SPLIT.split(text[start:end])]
    # two models compared are car talk too (セレナe-POWERとアルファード、どっちが)
    return (all(m in CAR_MODELS for m in models) and _CAR_OWNER_AFTER.match(text, end) is None
            and (_CAR_TALK.search(text) is not None
                 or (len({w for w in _KATAKANA_RUN.findall(text) if w in CAR_MODELS}) >= 2
                     and _COMPARED.search(text) is not None)))

# Wine by its château, house or maker (シャトー・マルゴーの2015年, ドン・ペリニヨンのロゼ, ルイ・ジャドのシャブリ): katakana
# in a message about wine, unless someone is addressed, introduced or written to.
_WINE_TALK = re.compile(r"ワイン|シャンパン|シャンパーニュ|ロゼ|ヴィンテージ|ビンテージ|シャブリ|ボーヌ|ボルドー"
                        r"|ブルゴーニュ|カベルネ|メルロー|ピノ|シャルドネ|ソーヴィニヨン|リースリング|ワイナリー|醸造|🍷|🍾")
_WINE_HOUSE = re.compile(r"(?:シャトー|ドメーヌ|メゾン|ドン)・")
_WINE_PERSON_AFTER = re.compile(r"[ \u3000]?(?:さん|様|くん|ちゃん|君|氏|と申|です|宛|名義|名で|に|へ"
                                r"|が(?:担当|対応|ご案内|承))")
_KATAKANA_NAME = re.compile(r"[ァ-ヴー]+(?:・[ァ-ヴー]+)+")


def a_wine(text: str, start: int, end: int) -> bool:
    """A wine or its maker, named like a person, in a message about wine."""
    name = unicodedata.normalize("NFKC", text[start:end])
    if _WINE_TALK.fullmatch(name):  # シャブリ
        return True
    if not _KATAKANA_NAME.fullmatch(name) or _WINE_PERSON_AFTER.match(text, end):
        return False
    return _WINE_HOUSE.match(name) is not None or _WINE_TALK.search(text) is not None


# Varieties of produce, many named after a person or a hero (桃太郎トマト, 男爵いも, りんごは紅玉とふじ): the name
# right before the produce's word, or after the produce as topic, unless a grower is meant (トマトは田中さんが).
_PRODUCE = (r"トマト|ミニトマト|じゃがいも|ジャガイモ|じゃが芋|馬鈴薯|さつまいも|いも|芋|りんご|リンゴ|林檎|いちご|イチゴ|苺"
            r"|お米|米|ぶどう|ブドウ|葡萄|梨|みかん|柑橘|メロン|すいか|スイカ|ナス|なす|茄子|きゅうり|キュウリ|かぼちゃ"
            r"|カボチャ|玉ねぎ|たまねぎ|大根|にんじん|人参|キャベツ|レタス|とうもろこし|トウモロコシ|枝豆|白桃|黄桃|品種")
_PRODUCE_AFTER = re.compile(r"(?:" + _PRODUCE + r")(?![\u4e00-\u9fffァ-ヴー])")
_PRODUCE_BEFORE = re.compile(r"(?:" + _PRODUCE + r")(?:の品種)?(?:は|って|が|も|なら)[^。！？!?\n]{0,10}$"
                             r"|(?:" + _PRODUCE + r")(?:と|、|・|や)$")  # 男爵いもとメークイン
_NAMED_PRODUCE = re.compile(r".+?(?:" + _PRODUCE + ")")
_ORIGIN_AFTER = re.compile(r"(?:さん|くん|ちゃん)?[（(][^（）()]{1,8}産[^（）()]{0,3}[）)]")  # （熊本県産米）
# Varieties known by a name alone (佐藤錦 is a cherry, 紅秀峰 another).
VARIETIES = frozenset("佐藤錦 紅秀峰 紅さやか 高砂 幸水 豊水 王林 紅玉 秋映 シナノゴールド 夢つくし 紅ほっぺ".split())
_GROWER_AFTER = re.compile(r"さん|様|くん|ちゃん|氏|農園|が(?:育て|作|栽培|担当|収穫)")
_INTRODUCED = re.compile(r"です|でございます|と申|が(?:担当|対応|承)")  # 担当の高梨です: a surname ending in 梨


def a_variety(text: str, start: int, end: int) -> bool:
    """A variety of produce named like a person: before the produce's word, or said of the produce, or with
    where it is grown in brackets (森のくまさん（熊本県産）)."""
    if _ORIGIN_AFTER.match(text, end) or text[start:end] in VARIETIES:
        return True
    if _GROWER_AFTER.match(text, end):
        return False
    named = _NAMED_PRODUCE.fullmatch(text, start, end) is not None and _INTRODUCED.match(text, end) is None
    return _PRODUCE_AFTER.match(text, end) is not None or named or (
        _PRODUCE_BEFORE.search(text, max(0, start - 16), start) is not None)

# Words only animals get (里親, 毛色, お昼寝中 of a café cat, トリミング): in a message with one of them, a kana name
# with ちゃん/くん or none is the animal's. A person there comes with さん, a label, a kin word or staff.
_ANIMAL_NAME = re.compile(r"[ぁ-ゖー]{2,5}|[ァ-ヴー]{2,6}")
_ANIMAL_NAME_AFTER = re.compile(r"(?:ちゃん|くん|君|チャン|クン)?(?!さん|様|です|と申|でござ|と一緒|が担当|の担当)")
_PERSON_BEFORE = re.compile(r"(?:娘|息子|子|夫|妻|主人|旦那|彼氏|彼女|友達|友人|父|母|兄|姉|弟|妹|孫|同僚|先輩|後輩"
                            r"|スタッフ|店員|担当|トリマー|獣医|先生|店長|オーナー|名前は|氏名|名義|予約者|会員|名札|私|僕|俺)"
                            r"(?:の名前)?の?[はがも]?[ \u3000]?[「『]?$")  # 祖母の名前「キヨ」


def an_animal(text: str, start: int, end: int) -> bool:
    """A café animal's or a pet's kana name in a message about animals (ミルクちゃんまだいますか？里親さん…)."""
    return (_ANIMAL_NAME.fullmatch(text, start, end) is not None and _ANIMAL_NAME_AFTER.match(text, end) is not None
            and _PERSON_BEFORE.search(text, max(0, start - 8), start) is None and ANIMAL_TALK.search(text) is not None)


# 渋野日向子プロ, 菅原道真公, 坂本龍馬像: the NER took the title, or the statue, in
_FIGURE_TITLE = re.compile(r"プロ|選手|監督|先生|氏|公|妃|像|銅像")
PUBLIC_FIGURES_FILE = Path(__file__).resolve().parent.parent / "data" / "public_figures.txt"
# Around a listed name, what makes it a customer's or a staff member's own (山田涼介様, 氏名：渡辺翔太, 私、小林誠です).
_CUSTOMER_AFTER = re.compile(r"[ \u3000]?(?:様|さま|殿|です|でござ|と申|といいます|名義|宛|[（(]"
                             r"|の(?:予約|注文|名義|口座|会員|契約|申込))")
_CUSTOMER_BEFORE = re.compile(r"(?:氏名|名前|名義|予約者|宿泊者|契約者|受取人|申込者|会員|担当|スタッフ|私|僕|俺|わたし"
                              r"|本人)(?:の|は|が|も|:|：|、|（|\()?[ \u3000]?$")


@functools.cache
def _public_figures() -> dict[str, tuple[str, ...]]:
    """The list, by first character, longest first."""
    names: dict[str, list[str]] = {}
    for line in PUBLIC_FIGURES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names.setdefault(line[0], []).append(line)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in names.items()}


def a_public_figure(text: str, start: int, end: int) -> bool:
    """A listed public figure or character written whole around the candidate (米津玄師の新曲, 松山英樹すごいね,
    虎杖悠仁): talked about, not a customer. A name with a customer's marks stays a name (山田涼介様です)."""
    figures = _public_figures()
    folded = unicodedata.normalize("NFKC", text[start:end])
    if folded != text[start:end] and folded in figures.get(folded[:1], ()):  # ｼｬﾈﾙ, typed half-width
        return _CUSTOMER_AFTER.match(text, end) is None
    for pos in range(max(0, start - 12), start + 1):
        for name in figures.get(text[pos], ()):
            stop = pos + len(name)
            if (stop >= end or _FIGURE_TITLE.fullmatch(text, stop, end) or (  # Prada Galleria: a brand's model
                    name.isascii() and text[stop:stop + 1] == " " and pos == start)) and text.startswith(name, pos):
                return (_CUSTOMER_AFTER.match(text, stop) is None
                        and _CUSTOMER_BEFORE.search(text, max(0, pos - 8), pos) is None
                        and _PERSON_BEFORE.search(text, max(0, pos - 8), pos) is None)
    return False
