"""The engine's part of tokumei's one configuration object (flows.settings.Settings holds it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DetectionSettings:
    """How text is analysed. Defaults are the measured ones (see README, "Detection quality")."""

    model: str = "ja_ginza"
    score_threshold: float = 0.4
    # The tenant's own brand and product names: never redacted (not personal data).
    allow_list: tuple[str, ...] = ("minarai", "ミナライ", "CS-Chat", "minarai CS-Chat")
    # Keep the public figures and characters in anonymize/data/public_figures.txt where chat talks about them
    # (米津玄師の新曲) and nothing marks a customer. False redacts every listed name like any other.
    keep_public_figures: bool = True
    # Each tenant's own vocabulary, by tenant_id: its brands, products, plans and makers it sells, which
    # are never someone's personal data in that tenant's chats (and may be elsewhere: ひまわり is a name).
    # In TOML: [detection.tenant_allow_lists] then  tenant-a = ["ケラスターゼ", "イルミナカラー"].
    tenant_allow_lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Companies customers name as a service they use, not as their affiliation (carriers, banks as
    # payees, card brands, shops, telecoms, payment apps): naming them is not personal data, and redacting them would
    # cost analysts the very thing they count. An account number beside a bank is still redacted.
    public_names: tuple[str, ...] = (
        "ヤマト運輸", "クロネコヤマト",
        "クロネコメンバーズ", "佐川急便", "日本郵便", "ゆうパック", "ゆうパケット", "西濃運輸", "福山通運",
        "Amazon", "アマゾン", "楽天", "Yahoo", "ヤフー", "メルカリ", "PayPay", "LINE", "au PAY", "d払い",
        "VISA", "Visa", "JCB", "Mastercard", "マスターカード", "American Express", "アメックス", "AMEX", "Amex",
        "ダイナース", "Pay-easy", "ペイジー", "宅急便", "レターパック", "クリックポスト",
        "三菱UFJ銀行", "三井住友銀行", "みずほ銀行", "りそな銀行", "ゆうちょ銀行", "ゆうちょ", "楽天銀行",
        "PayPay銀行", "住信SBIネット銀行", "セブン銀行", "イオン銀行", "ソニー銀行", "三井住友カード",
        "ドコモ", "docomo", "NTTドコモ", "ソフトバンク", "SoftBank", "KDDI", "楽天モバイル", "NTT",
        "NURO", "BIGLOBE", "ビッグローブ", "OCN", "So-net", "ぷらら",
        "セブンイレブン", "セブン-イレブン", "ローソン", "ファミリーマート", "ファミマ", "ミニストップ",
        "JR東日本", "JR西日本", "JR東海", "JR九州", "JR北海道", "JR四国", "JR", "日本航空", "全日本空輸",
        "JAL", "ANA", "Google", "Apple", "Microsoft",
        "ニトリ", "ヤマダ電機", "ビックカメラ", "ヨドバシカメラ", "ヨドバシ", "ケーズデンキ", "エディオン", "ドン・キホーテ",
        "ドンキ", "マツモトキヨシ", "ユニクロ", "無印良品", "ダイソー", "イオン", "PayPal", "楽天ペイ", "メルペイ",
        "Apple Pay", "Google Pay", "吉野家", "すき家", "マクドナルド", "マック", "マクド",
        "スターバックス", "スタバ", "モスバーガー",
        "ケンタッキー", "ガスト", "サイゼリヤ", "ミスタードーナツ", "ミスド", "コメダ", "ドトール", "タリーズ", "出前館",
        "Uber Eats", "ウーバーイーツ", "Netflix", "Spotify", "YouTube", "Instagram", "インスタ", "Twitter", "TikTok",
        "Zoom", "Suica", "PASMO", "nanaco", "WAON", "コストコ", "ZOZOTOWN", "Hulu", "U-NEXT", "ABEMA", "Kindle",
        "東急ハンズ", "イトーヨーカドー", "西友", "まいばすけっと", "業務スーパー", "ツルハ", "ウエルシア",
        "スギ薬局", "ココカラファイン", "サンドラッグ", "キャンドゥ", "ABCマート", "オートバックス", "カインズ",
        "コーナン", "ジョーシン", "ソフマップ", "TSUTAYA", "ブックオフ", "タワーレコード", "楽天市場",
        "Qoo10", "SHEIN", "ラクマ", "ジモティー", "Airbnb", "じゃらん", "楽天トラベル", "ローチケ", "チケットぴあ",
        # Devices, systems and stores named as what a customer uses (iPhoneです, Androidの場合は).
        "iPhone", "iPad", "iOS", "iPadOS", "Android", "MacBook", "Mac", "Windows", "Pixel", "Galaxy", "Xperia",
        "AQUOS", "Apple Watch", "AirPods", "PlayStation", "PS5", "App Store", "Google Play", "e-Tax", "Chrome",
        "Safari", "Edge", "Gmail", "Outlook", "Google Chrome", "Microsoft Edge", "Firefox",
        # Car models customers rent, buy or fit parts to (プリウスの30後期, N-BOX（155/65R14）); not the ones that are
        # also given names or words (セレナ, ノア, ノート, アクア).
        "プリウス", "ヤリス", "カローラ", "アルファード", "ヴェルファイア", "ハリアー", "ヴォクシー", "シエンタ",
        "ランドクルーザー", "クラウン", "N-BOX", "N-WGN", "フィット", "フリード", "ヴェゼル", "ステップワゴン",
        "エクストレイル", "デイズ", "ハスラー", "ジムニー", "スペーシア", "ワゴンR", "スイフト", "タント", "ムーヴ",
        "ミライース", "CX-5", "ロードスター", "インプレッサ", "フォレスター", "レヴォーグ",
        # Public systems (マイナンバーをお送りにならないでください).
        "マイナンバー", "マイナンバーカード", "マイナポータル", "マイナ保険証",
    )
    # Makers customers name for the product they bought (パナソニックのドライヤー, ホンダのN-BOX, ソニー製):
    # kept only before a product word or a model, so that a maker as someone's employer
    # (パナソニックに勤めて) or as the subject of a sentence (トヨタは…) is still an organisation.
    product_makers: tuple[str, ...] = (
        "トヨタ", "ホンダ", "日産", "スズキ", "マツダ", "スバル", "ダイハツ", "レクサス", "ヤマハ", "カワサキ",
        "パナソニック", "Panasonic", "ソニー", "SONY", "Sony", "シャープ", "SHARP", "日立", "東芝", "三菱",
        "キヤノン", "Canon", "ニコン", "Nikon", "富士フイルム", "オリンパス", "リコー", "カシオ", "CASIO",
        "セイコー", "シチズン", "富士通", "NEC", "任天堂", "Nintendo", "サムスン", "Samsung", "ダイソン", "Dyson",
        "象印", "タイガー", "アイリスオーヤマ", "バルミューダ", "デロンギ", "ティファール", "ブラザー", "エプソン",
        "EPSON", "HP", "Dell", "デル", "Lenovo", "レノボ", "ASUS", "Xiaomi", "シャオミ", "Anker", "アンカー", "LG",
        "Bose", "ボーズ", "エレコム", "バッファロー", "ロジクール", "Logicool", "オムロン", "タニタ", "ブラウン",
        "フィリップス", "アップル", "Apple", "Google", "グーグル", "マイクロソフト", "Microsoft", "ナイキ", "NIKE",
        "アディダス", "adidas", "コロンビア", "ワークマン", "GU", "ジーユー", "しまむら", "IKEA", "イケア", "カワイ",
        "ローランド", "Roland", "コルグ", "KORG", "Buffalo", "資生堂", "花王", "小林製薬", "ライオン", "リンナイ",
        "ノーリツ", "パロマ",
        # Air conditioning, energy, tyres, bicycles, instruments, hair and skin care, pet food, sports.
        "ダイキン", "三菱電機", "富士通ゼネラル", "コロナ", "京セラ", "長州産業", "カナディアンソーラー", "テスラ", "Tesla",
        "ブリヂストン", "ヨコハマタイヤ", "ダンロップ", "ミシュラン", "シマノ", "スタインウェイ", "ミルボン", "ケラスターゼ",
        "ロレアル", "コーセー", "カネボウ", "ロイヤルカナン", "ヒルズ", "ユニ・チャーム", "ペティオ", "ミズノ", "アシックス",
        "デサント", "サロモン", "ロシニョール", "バートン", "ヨネックス", "ジャノメ",
        # Art supplies and pianos.
        "ターナー", "ホルベイン", "クサカベ", "ぺんてる", "サクラクレパス", "ベーゼンドルファー", "ベヒシュタイン",
        # Baby goods, and guitars and wind instruments.
        "ベビービョルン", "サイベックス", "コンビ", "アップリカ", "エルゴベビー", "ストッケ", "ピジョン", "ギブソン",
        "Gibson", "フェンダー", "Fender", "アイバニーズ", "Ibanez", "セルマー", "ヤナギサワ", "ムラマツ",
        # Bicycles, cars and cameras named after their founders.
        "ビアンキ", "トレック", "ミツオカ", "ハッセルブラッド", "Hasselblad", "ライカ", "Leica",
    )
    # The names NER head (anonymize/models/train_names.py); "" is the one shipped in anonymize/models/names_ner.
    names_model: str = ""
    batch_size: int = 128
    # Worker processes for large batches (tok2vec and NER use one core each); 1 = analyse in-process.
    n_process: int = 1
    # Distinct texts remembered across batches (bot templates repeat all day).
    cache_size: int = 20000
    # GiNZA components that detection does not use; excluding them only saves time.
    exclude_components: tuple[str, ...] = field(
        default=("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")
    )
