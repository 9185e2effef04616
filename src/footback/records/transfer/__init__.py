"""Export everything (JSON or CSV), import a JSON export without duplicates, forget everything.

The export holds rows without their internal ids, in a stable order, so exporting, forgetting,
importing and exporting again gives the same file. Both directions stream: export writes record
by record and import reads record by record, so memory does not grow with the store. A record's
identity for de-duplication is its `uid` (a shoe pair's is its name), a unique key in SQL.

- `layout`: what an export holds (format, versions, record kinds, columns read from the migrations).
- `rows`: which columns hold JSON or stay in the store, and a row's content digest.
- `uids`: record identities for stores made before uids (migration 10).
- `export`: the store as JSON or CSV, record by record.
- `reader`: an export read incrementally, one record at a time.
- `importer`: the import policy (checks, de-duplication, the plan).
- `forget`: the files footback keeps, counted and deleted.
"""
