"""Number-shaped identifiers: cards, My Number, licences, passports, bank accounts, postal codes."""

from __future__ import annotations

from stdnum import luhn
from stdnum.jp import in_ as my_number

from anonymize import entities as E
from anonymize.recognizers.address import own_premises, starts_with_prefecture
from anonymize.recognizers.base import (
    GROUP_END,
    GROUP_START,
    NOT_AFTER_ALNUM,
    NOT_AFTER_DIGIT,
    NOT_BEFORE_ALNUM,
    NOT_BEFORE_DIGIT,
    RegexRecognizer,
    digits,
)

# Numbers customers quote that identify a parcel or an order, not a person.
NOT_PERSONAL_NUMBERS = ("追跡", "伝票", "問い合わせ番号", "問合せ番号", "お問合せ", "注文", "送り状", "配送", "荷物",
                        "受付番号", "予約番号", "オーダー", "製造番号", "シリアル", "型番", "商品番号", "JAN",
                        "品番", "ロット")
# Twelve digits, plain or grouped 4-4-4 with one kind of separator; not the tail of a code (ORD-2026…).
TWELVE_DIGITS = r"\d{4}([ -]?)\d{4}\1\d{4}"
NOT_CODE = r"(?<![A-Za-z]-)(?<![A-Za-z])"


class CreditCardRecognizer(RegexRecognizer):
    """13–19 digit card numbers, plain or grouped; Luhn decides, card context rescues a typo."""

    ENTITY = E.CREDIT_CARD
    PATTERNS = (
        (GROUP_START + r"\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,7}" + GROUP_END, 0.55),
        (GROUP_START + r"\d{4}([ -]?)\d{6}\1\d{4,5}" + GROUP_END, 0.55),  # Amex 4-6-5, Diners 4-6-4
    )
    CONTEXT = ("カード", "クレジット", "card", "Card", "CARD", "VISA", "Visa", "JCB", "Master", "AMEX", "Amex", "決済",
               "ダイナース", "Diners", "アメックス")
    NEGATIVE_CONTEXT = NOT_PERSONAL_NUMBERS  # a JAN code can pass Luhn
    ACCEPT_INVALID_WITH_CONTEXT = True

    def validate(self, value: str) -> bool | None:
        n = digits(value)
        if not 13 <= len(n) <= 19:
            return False
        return luhn.is_valid(n) or None


class MyNumberRecognizer(RegexRecognizer):
    """12-digit individual numbers (個人番号). Any bare 12-digit run is kept as an identifier unless the
    words before it say it is a parcel or order number: a valid check digit or context only raises the
    score, because an unlabelled 12-digit number in a support chat is an id of some kind (licence,
    member, My Number) far more often than anything an analyst needs."""

    ENTITY = E.MY_NUMBER
    PATTERNS = ((NOT_CODE + GROUP_START + TWELVE_DIGITS + GROUP_END, 0.45),)
    CONTEXT = ("マイナンバー", "個人番号", "通知カード")
    NEGATIVE_CONTEXT = NOT_PERSONAL_NUMBERS

    def validate(self, value: str) -> bool | None:
        return my_number.is_valid(digits(value)) or None



class DriversLicenseRecognizer(RegexRecognizer):
    """12-digit driving-licence numbers; only with licence context (else MY_NUMBER covers the digits)."""

    ENTITY = E.DRIVERS_LICENSE
    PATTERNS = ((NOT_CODE + GROUP_START + TWELVE_DIGITS + GROUP_END, 0.6),)
    CONTEXT = ("免許",)
    CONTEXT_BEFORE = 24
    CONTEXT_REQUIRED = True


class PassportRecognizer(RegexRecognizer):
    """Japanese passport numbers: two capital letters and seven digits."""

    ENTITY = E.PASSPORT
    PATTERNS = ((NOT_AFTER_ALNUM + r"[A-Z]{2}[ -]?\d{7}" + NOT_BEFORE_ALNUM, 0.5),)
    CONTEXT = ("旅券", "パスポート", "passport", "Passport", "PASSPORT")
    CONTEXT_BEFORE = 24
    # Serial and model numbers have the same shape (製造番号 KX4400001〜KX4450000 が対象です。KX4471920 は…).
    NEGATIVE_CONTEXT = NOT_PERSONAL_NUMBERS
    NEGATIVE_CONTEXT_BEFORE = 80


class BankAccountRecognizer(RegexRecognizer):
    """Account numbers next to 口座/普通/当座/支店, and ゆうちょ 記号・番号 pairs."""

    ENTITY = E.BANK_ACCOUNT
    PATTERNS = (
        (NOT_AFTER_DIGIT + r"(?<![A-Za-z]-)\d{6,8}" + NOT_BEFORE_DIGIT, 0.5),  # not TBM-883215
        (NOT_AFTER_DIGIT + r"\d{3}[ -]\d{4}" + NOT_BEFORE_DIGIT, 0.3),
        (r"記号\s*[:：]?\s*\d{5}[\s、,]*番号\s*[:：]?\s*\d{7,8}" + NOT_BEFORE_DIGIT, 0.9),
        (NOT_AFTER_DIGIT + r"1\d{4}[ -]\d{7,8}" + NOT_BEFORE_DIGIT, 0.5),
        (NOT_AFTER_DIGIT + r"1\d{4}(?=[\s、,]*番号)", 0.5),  # 記号 14090、番号 3375201: the 記号 alone
    )
    CONTEXT = ("口座", "普通", "当座", "支店", "預金", "ゆうちょ", "振込", "振り込み", "引き落とし", "貯金", "返金",
               "払い戻し", "払戻", "記号", "(普)", "(当)")
    CONTEXT_BEFORE = 20
    CONTEXT_REQUIRED = True


class PostalCodeRecognizer(RegexRecognizer):
    """〒123-4567; a bare 123-4567 scores lower, and seven bare digits need 郵便番号 context."""

    ENTITY = E.POSTAL_CODE
    PATTERNS = (
        (r"〒\s?\d{3}-?\d{4}" + NOT_BEFORE_DIGIT, 0.9),
        (NOT_AFTER_ALNUM + r"(?<!-)\d{3}-\d{4}" + NOT_BEFORE_ALNUM + r"(?!-)", 0.45),
        (NOT_AFTER_DIGIT + r"\d{7}" + NOT_BEFORE_DIGIT, 0.0),
    )
    CONTEXT = ("郵便", "〒", "住所", "ゆうびん", "Zip", "zip", "ZIP", "引っ越", "番地", "届け先", "送付先", "転居")
    CONTEXT_BOOST = 0.45

    def score_match(self, text: str, start: int, end: int, base_score: float) -> float | None:
        if own_premises(text, start, end):
            return None
        if starts_with_prefecture(text, end):  # 1500001 東京都渋谷区…: the code of the address after it
            return 0.85
        return super().score_match(text, start, end, base_score)
