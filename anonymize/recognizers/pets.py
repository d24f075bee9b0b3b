"""Pets: their kinds and the words only animals get. A pet's name and its birth date are nobody's
personal data, so the person, animal-name and birth-date rules ask here, from one vocabulary."""

from __future__ import annotations

import re

# Kinds and breeds, written before or after a pet's name (柴犬のコタロウ, レオ(ﾄｲﾌﾟｰﾄﾞﾙ)).
PET_KINDS = ("トイプードル|トイプー|プードル|ポメ(?!ラ)|ダックスフンド|ミニピン|ボーダーコリー|ベンガル|メインクーン|"
             "ノルウェージャン|ブリティッシュショートヘア|ペルシャ|アビシニアン|ソマリ|サイベリアン|シベリアンハスキー|"
             "ジャックラッセル|シェルティ|ペキニーズ|ボストンテリア|秋田犬|"
             "柴犬|豆柴|チワワ|ダックス|ミニチュアダックス|ポメラニアン|マルチーズ|シーズー|"
             "ヨークシャーテリア|ヨーキー|フレンチブルドッグ|フレブル|パグ|ゴールデンレトリバー|ラブラドールレトリバー|レトリバー|ゴールデン|ラブラドール|コーギー|ビーグル|"
             "シュナウザー|パピヨン|キャバリア|ミックス|雑種|三毛猫?|キジトラ|サバトラ|茶トラ|黒猫|白猫|スコティッシュ"
             "(?:フォールド)?|マンチカン|アメショ|アメリカンショートヘア|ラグドール|ロシアンブルー|ハムスター|うさぎ|"
             "ウサギ|インコ|ハリネズミ|フェレット|愛犬|愛猫|子猫|仔猫|子犬|仔犬|犬|猫|ワンちゃん|わんちゃん|ねこちゃん|猫ちゃん|"
             # an aquarium's or a zoo's animals, which have names and birthdays too
             "ラッコ|アザラシ|アシカ|オットセイ|セイウチ|イルカ|シャチ|ペンギン|カワウソ|ジンベエザメ|ベルーガ|パンダ|ゾウ|キリン"
             "|レッサーパンダ|カピバラ|山羊|ヒツジ|ポニー|アルパカ|ウマ|ウシ|ブタ|ニワトリ|アヒル"
             "|黒柴|赤柴|白柴|胡麻柴|文鳥|セキセイ|オカメ|モルモット|チンチラ|リクガメ|金魚|メダカ")
# The breed is no one's name (スコティッシュフォールドの…), nor is it with the sex (スコティッシュフォールド・オス).
PET_KIND = re.compile("(?:" + PET_KINDS + ")(?:[・･ ](?:オス|メス|♂|♀))?")
# Words only animals get (里親, 毛色, お昼寝中 of a café cat, トリミング).
ANIMAL_TALK = re.compile(r"猫|ねこ|ネコ|にゃ|ニャ|犬|わんこ|ワンちゃん|わんちゃん|うさぎ|ウサギ|フクロウ|ふくろう|インコ"
                         r"|ハムスター|ハリネズミ|カワウソ|里親|譲渡|毛色|毛並み|肉球|トリミング|看板[猫犬]|ケージ|ペット"
                         r"|ドッグラン|爪切り|去勢|避妊|首輪|しっぽ|尻尾|鳴き|子猫|子犬|仔猫|人懐っこ|お昼寝|保護[猫犬]|動物"
                         r"|もふもふ|モフモフ|カリカリ|ちゅーる|チュール|猫砂|キャットフード|ドッグフード")
# Someone in the sentence: then a date in it may be theirs (飼い主様の生年月日, 子猫を買う私の…).
_SOMEONE = re.compile(r"私|わたし|僕|俺|本人|お客様|者|主人|名義|会員|登録|息子|娘|子ども|子供|夫|妻|母|父|祖|孫|様|さん|氏")


# How a sentence points at an animal the message is about (この子は…, 男の子, ミルクちゃん, オス).
_THE_ANIMAL = re.compile(r"[こそあ]の子|男の子|女の子|オス|メス|♂|♀|ちゃん|くん|兄弟|姉妹")
# A pet lives twenty years at most: an older date is a person's, whatever the message says of animals.
_EARLIEST_PET_BIRTH_YEAR = 2005


def a_pets_date(message: str, sentence: str, year: int | None) -> bool:
    """A date in a sentence about an animal that names no person, of a year a pet can be born in
    (キジトラの男の子は2025年8月1日生まれ). A sentence that says only この子 or ちゃん is about the animal when
    the message is (子猫の件です。この子は2025/8/3生まれです); 生年月日は… alone there is the customer's."""
    if (year is not None and year < _EARLIEST_PET_BIRTH_YEAR) or _SOMEONE.search(sentence) is not None:
        return False
    return _speaks_of_animals(sentence) or (_THE_ANIMAL.search(sentence) is not None and _speaks_of_animals(message))


def _speaks_of_animals(text: str) -> bool:
    """A pet's kind or a word only animals get is in `text`."""
    return PET_KIND.search(text) is not None or ANIMAL_TALK.search(text) is not None
