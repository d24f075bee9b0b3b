"""Organisations a person belongs to (所属組織): GiNZA organisation labels plus legal-form patterns.
The tenant's own brand and product names are not personal data; the engine drops them (allow-list)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from anonymize import entities as E
from anonymize.recognizers.base import RegexRecognizer

ORGANIZATION_LABELS = frozenset({
    "Company", "Company_Group", "Corporation_Other", "School", "Organization_Other", "Research_Institute",
})
_NAME = r"[A-Za-z0-9ァ-ヴー\u4e00-\u9fff々&・＆]{1,16}?"
_LEGAL_FORM = r"(?:株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|（株）|\(有\)|（有）|一般社団法人|医療法人|学校法人)"
_SUFFIX = (r"(?:株式会社|有限会社|銀行|信用金庫|信金|証券|生命保険|損害保険|保険|商事|物産|工業|製作所|電機|建設"
           r"|大学|大学院|高等学校|高校|中学校|小学校|専門学校|学園|病院|クリニック|法律事務所|事務所|研究所|ホールディングス)")


class OrganizationRecognizer(RegexRecognizer):
    ENTITY = E.ORGANIZATION
    PATTERNS = (
        (_LEGAL_FORM + r"\s?[A-Za-z0-9ァ-ヴー\u4e00-\u9fff々&・]{1,16}", 0.75),
        (r"(?<![A-Za-z0-9ァ-ヴー\u4e00-\u9fff々])" + _NAME + _SUFFIX, 0.6),
    )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        if nlp_artifacts is not None and isinstance(nlp_artifacts.tokens, Doc):
            for ent in nlp_artifacts.tokens.ents:
                if ent.label_ in ORGANIZATION_LABELS:
                    results.append(RecognizerResult(self.ENTITY, ent.start_char, ent.end_char, 0.7))
        return results
