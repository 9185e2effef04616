"""Taking footback's records to a clinic: `footback export --format fhir`, a FHIR R4 Bundle.

- `content`: the codes and wording (data/clinic.toml), validated when loaded.
- `resources`: one function per kind of FHIR resource, plain dicts built from stored records.
- `questionnaire`: the assessment as a Questionnaire, the CodeSystem of its answers, a response.
- `bundle`: the Bundle written entry by entry (memory does not grow with the store).

The output is plain JSON: footback does not import a FHIR library at run time (the tests
validate every resource with `fhir.resources`).
"""
