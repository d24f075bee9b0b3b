"""The personal-data types tokumei detects, as named in ../shared/docs/pii-taxonomy.md."""

from __future__ import annotations

from dataclasses import dataclass

PERSON = "PERSON"
ORGANIZATION = "ORGANIZATION"
ADDRESS = "ADDRESS"
POSTAL_CODE = "POSTAL_CODE"
PHONE_NUMBER = "PHONE_NUMBER"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
BANK_ACCOUNT = "BANK_ACCOUNT"
CREDIT_CARD = "CREDIT_CARD"
DRIVERS_LICENSE = "DRIVERS_LICENSE"
MY_NUMBER = "MY_NUMBER"
PASSPORT = "PASSPORT"
IP_ADDRESS = "IP_ADDRESS"
URL = "URL"
ID_TOKEN = "ID_TOKEN"
AGE = "AGE"

ALL_TYPES: tuple[str, ...] = (
    PERSON, ORGANIZATION, ADDRESS, POSTAL_CODE, PHONE_NUMBER, EMAIL_ADDRESS, DATE_OF_BIRTH,
    BANK_ACCOUNT, CREDIT_CARD, DRIVERS_LICENSE, MY_NUMBER, PASSPORT, IP_ADDRESS, URL, ID_TOKEN, AGE,
)


@dataclass(frozen=True, slots=True)
class Detection:
    """One piece of personal data found in a text: character offsets into the original text."""

    type: str
    start: int
    end: int
    score: float
