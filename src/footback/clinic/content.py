"""The FHIR export's codes and wording, loaded from data/clinic.toml."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from footback.core.models import StrictModel

CLINIC = "clinic.toml"


class Code(StrictModel):
    """A code from a standard terminology, with where it came from."""

    system: str = Field(pattern=r"^https?://\S+$")
    code: str = Field(min_length=1)
    display: str
    sources: list[str] = Field(min_length=1)

    def coding(self) -> dict[str, str]:
        return {"system": self.system, "code": self.code, "display": self.display}


class Sites(StrictModel):
    foot: Code
    back: Code


class Concept(StrictModel):
    code: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    display: str
    definition: str


class CodeSystemText(StrictModel):
    name: str = Field(pattern=r"^[A-Z][A-Za-z0-9]*$")
    title: str
    description: str
    concepts: list[Concept] = Field(min_length=1)


class ClinicContent(StrictModel):
    canonical: str = Field(pattern=r"^https?://\S+[^/]$")
    publisher: str
    not_diagnosis: str
    note_prefix: str
    pain: Code
    sites: Sites
    codesystem: CodeSystemText

    @property
    def system(self) -> str:
        """The url of footback's own CodeSystem."""
        return f"{self.canonical}/CodeSystem/footback"

    @property
    def answers_url(self) -> str:
        """The url of the CodeSystem of the assessment's answers."""
        return f"{self.canonical}/CodeSystem/footback-answers"

    @property
    def questionnaire_url(self) -> str:
        return f"{self.canonical}/Questionnaire/footback-assessment"

    def concept(self, code: str) -> dict[str, str]:
        """A Coding of footback's CodeSystem; a code it does not define is a programming error."""
        found = next((c for c in self.codesystem.concepts if c.code == code), None)
        if found is None:
            raise KeyError(f"{code!r} is not in data/{CLINIC} codesystem.concepts")
        return {"system": self.system, "code": code, "display": found.display}


@cache
def load_clinic_content() -> ClinicContent:
    """data/clinic.toml, validated, with every source id checked and every code listed once."""
    from footback.content.loader import ContentProblems, kept_or_loaded, sources

    def check(content: ClinicContent) -> None:
        found = ContentProblems()
        for where, code in (
            ("pain", content.pain),
            ("sites.foot", content.sites.foot),
            ("sites.back", content.sites.back),
        ):
            found.add(sources().missing(code.sources, f"data/{CLINIC}: {where}.sources"))
        codes = [c.code for c in content.codesystem.concepts]
        found.add(
            [
                f"data/{CLINIC}: codesystem.concepts: {c} is listed twice"
                for c in sorted(set(codes))
                if codes.count(c) > 1
            ]
        )
        found.raise_if_any()

    return kept_or_loaded("clinic", ClinicContent, CLINIC, check)
