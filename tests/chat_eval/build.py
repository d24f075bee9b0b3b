"""Build tests/chat_eval/chat_eval.jsonl: a labelled, synthetic evaluation set of support-chat messages.

    .venv/bin/python tests/chat_eval/build.py

Deterministic (seeded): running it again rewrites the same bytes. Messages come from a template bank of
this file (worded differently from flows/synthetic.py, which flows/sample.py uses) and, for a minority,
from the library's bank; values come from flows/synthetic.py. See README.md for the format.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from anonymize import entities as E  # noqa: E402
from flows import synthetic as S  # noqa: E402

SEED = 20261123
OUT = Path(__file__).with_name("chat_eval.jsonl")
OWN_BANK_SHARE = 0.65

# Messages that contain each type (a message counts once per type), before combinations add more.
SINGLE_QUOTA: dict[str, int] = {t: 30 for t in E.ALL_TYPES} | {E.PERSON: 70, E.ORGANIZATION: 38, E.ADDRESS: 38}
COMBO_COUNT = 75
CLEAN_PER_KIND = 12
MINIMUM: dict[str, int] = {t: 30 for t in E.ALL_TYPES} | {E.PERSON: 80, E.ORGANIZATION: 40, E.ADDRESS: 40}
MIN_CLEAN = 200
MIN_TOTAL = 600

EVAL_LINES: tuple[str, ...] = (
    # PERSON
    "U|お世話になっております、{fullname}です。昨日の返品の件で連絡しました",
    "U|{kana}（フリガナ）で登録されているはずです",
    "U|宛名が{hira}さんになってるんですが、漢字に直せますか",
    "U|{roman} の名前でホテルを取りました",
    "U|友人の{foreign}さんの分もまとめて予約したいです",
    "U|受取人：{fullname}",
    "U|{given}ちゃんの名前で子ども会員を作れますか？",
    "U|前回対応してくれた{staff}さんをお願いできますか",
    "U|登録者名を{fullname}から{fullname2}に変更したいです（結婚のため）",
    "U|予約者は{name}、人数は2名です",
    "U|{family}といいます。荷物が届いていません",
    "U|{foreign}です。日本の住所以外にも送れますか",
    "U|ふりがなは{hira}です",
    "U|{hira}です！ポイントが反映されてません",
    "U|予約名：{roman}",
    "O|{family}様、大変お待たせいたしました。",
    "O|本件は私、{staff}が引き続き担当いたします",
    "O|{kana}様、ご本人様でいらっしゃいますか。",
    # ORGANIZATION
    "U|{company}で経費精算するので、インボイス対応の領収書をください",
    "U|職場（{org}）宛てに届けてもらうことは可能ですか",
    "U|{school}の研究室で使うので、大学名で見積もりを出してほしいです",
    "U|{employer_bank}に勤めている者ですが、法人プランについて聞きたいです",
    "U|所属：{dept}",
    "U|請求先を{company}に変えて、担当は総務でお願いします",
    "U|{org}の福利厚生で割引があると聞きました",
    "O|{company}様の法人アカウントを確認いたしました",
    # ADDRESS
    "U|配送先、{address} になってますか？",
    "U|{address}の者ですが、置き配の指定をしたいです",
    "U|送り先を変更：{address}",
    "U|今月から{address}に住んでいるので、会員情報を更新してほしいです",
    "U|領収書の住所は{address}でお願いします",
    "U|{address}\\nここに再配達してください",
    "O|登録住所は{address}となっております。",
    # POSTAL_CODE
    "U|郵便番号が{zip}なのに違う県が出てきます",
    "U|{postal}、番地は後で送ります",
    "U|〒{zip}の住所で登録しています",
    "U|ZIPコード（{zip}）を入れても住所が表示されません",
    "U|引っ越し先の郵便番号は {zip} です",
    "O|郵便番号{zip}で承りました",
    # PHONE_NUMBER
    "U|日中つながる番号は{phone}です",
    "U|TEL {phone}",
    "U|{phone}から何度か着信がありましたが、そちらからの電話ですか？",
    "U|SMS認証の番号は{mobile}で登録してます",
    "U|電話番号を間違えて{phone}で登録してしまいました",
    "U|自宅{phone}、携帯{mobile2}です",
    "O|{phone}へ明日の午前中にお電話いたします",
    # EMAIL_ADDRESS
    "U|{email}宛てのメールが迷惑メールに入っていました",
    "U|アカウントのメール、{email}であってますか？",
    "U|ID:{email}",
    "U|メアド変わりました→{email}",
    "U|会社のアドレス（{email}）でも注文できますか",
    "U|{email}",
    "O|{email}に領収書を再送しました。ご確認ください。",
    # DATE_OF_BIRTH
    "U|生年月日：{dob}",
    "U|{dob}生まれなので、シニア割の対象になりますか",
    "U|誕生日の{dob}にクーポンが届きませんでした",
    "U|子どもの誕生日は{dob}です。年齢制限は大丈夫ですか",
    "U|本人確認で生年月日を聞かれました。{dob}です",
    "O|登録の生年月日は{dob}となっております。",
    # BANK_ACCOUNT
    "U|払い戻しの口座：{bank}",
    "U|{bank} 名義カナで登録しています",
    "U|口座は{acct}、普通預金です",
    "U|引き落とし口座の変更です。新しい口座は{bank}",
    "U|給与振込と同じ口座（{bank}）にしてください",
    "U|ゆうちょ銀行の{yucho}に振り込んでもらえますか",
    "O|お振込先は{bank}で間違いございませんか",
    # CREDIT_CARD
    "U|決済カードは{card}です",
    "U|{card}で払ったのに支払い待ちのままです",
    "U|家族カード {card} を追加したい",
    "U|JCB {jcb} で決済エラーになりました",
    "U|アメックス（{amex}）は使えますか",
    "U|カードの番号({card})を削除してください",
    "U|登録してあるカードが{card}のままになってます",
    # DRIVERS_LICENSE
    "U|免許証番号：{license}",
    "U|運転免許の番号は{license}で合ってます",
    "U|{license}（運転免許証）で本人確認お願いします",
    "U|運転免許証の番号 {license} を入力すると桁数エラーになります",
    "U|免許証番号を入力したら{license}は登録済みと言われました",
    "O|免許証番号 {license} を控えさせていただきました",
    # MY_NUMBER
    "U|個人番号：{mynumber}",
    "U|年末調整でマイナンバー{mynumber}を送ります",
    "U|マイナンバーカードの番号は{mynumber}です",
    "U|{mynumber} ←マイナンバーです",
    "U|個人番号の入力欄に{mynumber}と入れたのに保存できません",
    "O|マイナンバー{mynumber}の取り扱いには十分注意いたします",
    # PASSPORT
    "U|旅券番号：{passport}",
    "U|パスポートの番号は{passport}、有効期限は2030年です",
    "U|子どものパスポート番号({passport})も必要ですか",
    "U|海外ツアーの申込でパスポート{passport}を入力しました",
    "U|{passport}ってパスポート番号でいいんですよね？",
    "O|パスポート番号{passport}にて搭乗者情報を登録しました",
    # IP_ADDRESS
    "U|接続元は{ip}です",
    "U|{ip} からのアクセスを許可してください",
    "U|管理画面に{ip}がブロックされましたと出ます",
    "U|自宅のIPアドレス：{ip}",
    "U|VPNを切ると{ip}になります",
    "O|{ip}からのログイン試行が複数回ございました",
    # URL
    "U|これです→{url}",
    "U|{url}にアクセスするとエラー403になります",
    "U|届いたメールのリンク {url} を押しても反応がありません",
    "U|マイページのURLは{url}です",
    "U|招待URL {url} の有効期限はいつまでですか",
    "O|いただいたリンク（{url}）を確認いたしました",
    # AGE
    "U|{age}の祖父でも会員になれますか",
    "U|施設にいる{age}の祖母に送りたいです",
    "U|{age}のひいおばあちゃんがスマホを使いたいと言っていて",
    "U|父はもう{age}なので、代理で手続きしてもいいですか",
    "U|年齢欄に{age}と入れるとエラーになります",
    "O|{age}のお客様向けに、お電話での注文も承っております",
    # ID_TOKEN
    "U|アプリの問い合わせIDは{token}です",
    "U|device_id={token} で合ってますか",
    "U|{token} これがエラーの識別子です",
    "U|ログインの度に{token}って文字列が表示されます",
    "U|サポートID：{token}",
    "O|ログ識別子{token}で調査いたします",
    # combinations
    "U|氏名：{fullname}\\n電話：{phone}\\nメール：{email}",
    "U|{family}です。引っ越したので、{postal}{address}に変更お願いします",
    "U|{roman}、パスポート{passport}、生年月日{dob}で申し込みます",
    "U|勤務先{company}、連絡は{email}まで",
    "U|返金先：{bank}（{kana}）",
    "U|カード{card}が使えなかったので、{email}に請求書を送ってください",
    "U|{age}の母、{fullname}の代理です。電話は{phone}",
    "U|IP {ip} から {url} にアクセスしたらエラーでした",
    "U|マイナンバー{mynumber}、免許証{license}を提出済みです",
    "U|{fullname}（{school}の学生）です。学割の申請をしたいです",
    "U|郵便番号{zip}、{address}、{fullname}宛てでお願いします",
    "U|{token}が端末IDで、接続元は{ip}です",
    "U|{dept}の{fullname}です。請求書を{email}に送ってください",
    "O|{family}様、{address}へのお届けで、ご連絡先は{phone}ですね。",
    "O|{fullname}様、生年月日{dob}で本人確認が完了しました。",
    # no personal data
    "U|{order}の注文、まだ発送されてないですか？",
    "U|注文番号は{order}です。キャンセルできますか",
    "O|ご注文番号{order}を確認いたしました。",
    "U|{price}で買った商品が翌日にはセール価格になっていました",
    "U|合計{price}になっているのですが、送料は含まれますか",
    "U|{delivery}にお届けと表示されているのですが、もっと早くなりませんか",
    "B|ご注文の商品は{delivery}にお届けする予定です。",
    "U|{season}に発売予定の新作はもう予約できますか",
    "U|{season}までに届けば大丈夫です",
    "U|{sku}のサイズ違いに交換したいです",
    "U|商品コード{sku}はもう販売終了ですか",
    "U|{error}と表示されて決済できません",
    "B|{error}が表示された場合は、アプリを最新版に更新してください。",
    "U|{station}から{hotel}まで送迎はありますか",
    "U|{station}の改札で受け取りできますか",
    "U|{hotel}の予約を1名から2名に変更したいです",
    "U|{hotel}の駐車場は予約が必要ですか",
    "U|{trip}旅行のプランで、朝食付きのものはありますか",
    "U|{season}に{trip}に行くのですが、おすすめのプランはありますか",
    "U|追跡番号は{tracking}です。今どこにありますか",
    "O|お問い合わせ番号{tracking}で配送業者に確認いたします。",
    "B|チャットサポートの受付時間は{hours}です。",
    "U|電話窓口は{hours}ですか？",
    "U|{brand}の会員ランクはどうやって上がりますか",
    "B|{brand}のご利用ありがとうございます。ご用件を選択してください。",
    "U|{brand}アプリが開きません",
    "U|{young_age}の父でも使いやすいスマホプランはありますか",
    "U|{young_age}の祖母へのプレゼントを探しています",
    "U|{points}ポイントで交換できる商品を教えてください",
    "U|{points}ポイントの有効期限はいつですか",
    "U|クーポン{coupon}の有効期限を知りたいです",
    "U|{coupon}を入れたら対象外と出ました",
    "U|{plan}の月額料金はいくらですか",
    "U|{plan}に変えたら何が変わりますか",
    "U|{date}に届いた商品が壊れていました",
    "U|{date}に予約した分をキャンセルしたいです",
    "U|はい、お願いします",
    "U|もう大丈夫です。ありがとう",
    "U|わかりました！",
    "U|返品の方法を教えて",
    "U|領収書は発行できますか",
    "U|配送料はいくらですか",
    "U|退会したいです",
    "U|お客様番号ってどこに書いてありますか？",
    "U|担当者の方に代わってもらえますか",
    "O|お待たせして申し訳ございません。ただいま確認しております。",
    "O|担当部署に確認のうえ、メールにてご連絡いたします。",
)
EVAL_FAQ: tuple[str, ...] = (
    "会員登録は無料です。メールアドレスだけで登録できます。",
    "ギフトラッピングはご注文手続きの画面で選択できます（1点220円）。",
    "商品の交換は、到着から7日以内であれば送料無料で承ります。",
    "ポイントはご購入の翌月10日に付与されます。",
    "定期便のお届け周期はマイページからいつでも変更できます。",
    "お客様番号は、会員証またはマイページの右上に表示されています。",
    "予約の確認メールが届かない場合は、迷惑メールフォルダをご確認ください。",
    "解約のお手続きは、更新月の前月末までにお願いいたします。",
    "チャットの内容はサービス改善のために記録されます。",
    "店舗受け取りをご希望の場合は、受け取り店舗を選択してください。",
)

OWN_BANK = S.parse_templates(EVAL_LINES) + S.parse_templates(f"B|{t}" for t in EVAL_FAQ)
LIB_BANK = S.TEMPLATES

Spec = tuple[str, object]  # ("pii", frozenset of types) | ("combo", None) | ("clean", kind)


def _specs(rng: random.Random) -> list[Spec]:
    specs: list[Spec] = []
    for etype in E.ALL_TYPES:
        specs += [("pii", frozenset([etype]))] * SINGLE_QUOTA[etype]
    specs += [("combo", None)] * COMBO_COUNT
    for kind in S.NON_PII_KINDS:
        specs += [("clean", kind)] * CLEAN_PER_KIND
    rng.shuffle(specs)
    return specs


def _render(rng: random.Random, spec: Spec, persona: S.Persona) -> tuple[str, list[dict[str, object]]]:
    what, arg = spec
    first, second = (OWN_BANK, LIB_BANK) if rng.random() < OWN_BANK_SHARE else (LIB_BANK, OWN_BANK)
    for bank in (first, second):
        if what == "pii":
            candidates = [t for t in bank if t.types == arg]
        elif what == "combo":
            candidates = [t for t in bank if len(t.types) >= 2]
        else:
            candidates = [t for t in bank if not t.types and arg in t.kinds]
        if candidates:
            return S.render(rng.choice(candidates), rng, persona)
    raise ValueError(f"no template for {spec}")


def build(seed: int = SEED) -> list[dict[str, object]]:
    """The evaluation records, in file order."""
    rng = random.Random(seed)
    specs = _specs(rng)
    records: list[dict[str, object]] = []
    seen: set[str] = set()
    conv = 0
    i = 0
    while i < len(specs):
        conv += 1
        size = rng.randint(2, 6)
        persona = S.make_persona(rng)
        for spec in specs[i:i + size]:
            for _ in range(20):
                text, entities = _render(rng, spec, persona)
                if text not in seen:
                    break
            seen.add(text)
            records.append({
                "id": f"ce-{len(records) + 1:04d}",
                "conversation_id": f"ce-conv-{conv:03d}",
                "text": text,
                "entities": sorted(entities, key=lambda e: (e["start"], e["end"])),  # type: ignore[arg-type,return-value]
            })
        i += size
    return records


def check(records: list[dict[str, object]]) -> tuple[Counter[str], int]:
    """Assert offsets, validators, no overlaps and the minimum counts; return per-type message counts."""
    per_type: Counter[str] = Counter()
    clean = 0
    for r in records:
        text = r["text"]
        assert isinstance(text, str)
        ents = r["entities"]
        assert isinstance(ents, list)
        if not ents:
            clean += 1
        last_end = -1
        for e in ents:
            assert e["type"] in E.ALL_TYPES, e
            assert text[e["start"]:e["end"]] == e["value"], (r["id"], e)
            assert e["start"] >= last_end, f"overlapping entities in {r['id']}"
            assert e["value"] == e["value"].strip(), (r["id"], e)
            assert S.validate_value(e["type"], e["value"]), (r["id"], e)
            last_end = e["end"]
        for t in {e["type"] for e in ents}:
            per_type[t] += 1
    assert len({r["text"] for r in records}) == len(records), "duplicate texts"
    assert len(records) >= MIN_TOTAL, len(records)
    assert clean >= MIN_CLEAN, clean
    for t, n in MINIMUM.items():
        assert per_type[t] >= n, (t, per_type[t], n)
    return per_type, clean


def _person_form(value: str) -> str:
    if "・" in value:
        return "foreign katakana"
    if re.fullmatch(r"[A-Za-z .]+", value):
        return "roman"
    if re.fullmatch(r"[ァ-ヴー\s]+", value):
        return "katakana"
    if re.fullmatch(r"[ぁ-んー\s]+", value):
        return "hiragana"
    return "kanji (full)" if len(value.replace(" ", "").replace("\u3000", "")) >= 3 and (
        " " in value or "\u3000" in value or len(value) >= 4) else "kanji (short: family or given)"


def main() -> None:
    """Build, check and write the set; print a summary."""
    records = build()
    per_type, clean = check(records)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} messages to {OUT.relative_to(ROOT)} ({clean} without personal data)")
    for t in E.ALL_TYPES:
        print(f"  {t:<16} {per_type[t]:>4} messages")
    forms = Counter(_person_form(e["value"]) for r in records for e in r["entities"]  # type: ignore[attr-defined]
                    if e["type"] == E.PERSON)
    print("  PERSON forms:", dict(sorted(forms.items())))


if __name__ == "__main__":
    main()
