"""tokumei's engine: Japanese personal-data detection and anonymization. A pure library: batch in, batch out."""

from anonymize.engine import Detector, ModelNotInstalledError
from anonymize.entities import ALL_TYPES, Detection
from anonymize.operators import PlaceholderBook, Redaction, apply
from anonymize.settings import DetectionSettings


class Anonymizer:
    """Detect and replace personal data in batches of messages, numbering placeholders per conversation."""

    def __init__(self, settings: DetectionSettings | None = None) -> None:
        self.detector = Detector(settings)

    def redact(self, texts: list[str], conversation_ids: list[str | None] | None = None,
               book: PlaceholderBook | None = None) -> list[Redaction]:
        """Anonymize `texts`. Pass one `book` across calls to keep numbering for a conversation stable;
        texts without a conversation id are numbered on their own."""
        ids = conversation_ids or [None] * len(texts)
        book = book or PlaceholderBook()
        out = []
        for text, conv, found in zip(texts, ids, self.detector.detect(texts), strict=True):
            if conv is None:
                out.append(apply(text, found, None, PlaceholderBook()))
            else:
                out.append(apply(text, found, conv, book))
        return out


__all__ = ["ALL_TYPES", "Anonymizer", "Detection", "DetectionSettings", "Detector", "ModelNotInstalledError",
           "PlaceholderBook", "Redaction", "apply"]
