"""One recognizer class per personal-data type (see ../shared/docs/pii-taxonomy.md)."""

from presidio_analyzer import EntityRecognizer

from anonymize.recognizers.address import AddressRecognizer
from anonymize.recognizers.contact import (
    EmailRecognizer,
    IdTokenRecognizer,
    IpAddressRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
)
from anonymize.recognizers.dates import AgeRecognizer, DateOfBirthRecognizer
from anonymize.recognizers.foreign_names import ForeignScriptNameRecognizer
from anonymize.recognizers.numbers import (
    BankAccountRecognizer,
    CreditCardRecognizer,
    DriversLicenseRecognizer,
    MyNumberRecognizer,
    PassportRecognizer,
    PostalCodeRecognizer,
)
from anonymize.recognizers.organization import OrganizationRecognizer
from anonymize.recognizers.person import PersonRecognizer
from anonymize.recognizers.written_names import WrittenNameRecognizer


def all_recognizers(keep_public_figures: bool = True) -> list[EntityRecognizer]:
    """A fresh instance of every recognizer tokumei registers for Japanese; `keep_public_figures` is
    DetectionSettings.keep_public_figures."""
    person, organization = PersonRecognizer(), OrganizationRecognizer()
    person.keep_public_figures = organization.keep_public_figures = keep_public_figures
    return [
        person, organization, AddressRecognizer(), PostalCodeRecognizer(),
        PhoneRecognizer(), EmailRecognizer(), DateOfBirthRecognizer(), BankAccountRecognizer(),
        CreditCardRecognizer(), DriversLicenseRecognizer(), MyNumberRecognizer(), PassportRecognizer(),
        IpAddressRecognizer(), UrlRecognizer(), IdTokenRecognizer(), AgeRecognizer(), WrittenNameRecognizer(),
        ForeignScriptNameRecognizer(),
    ]
