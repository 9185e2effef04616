"""An export read incrementally: the header, then one record at a time, never the whole file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

from footback.core.errors import BadInputError
from footback.core.files import DuplicateKey, NumberTooLong, json_decoder
from footback.core.text import excerpt
from footback.records.transfer.layout import NotJson, no_constant

# The longest single record read, and how much is read at a time.
MAX_RECORD_CHARS = 8_000_000
CHUNK = 1 << 16


class Readable(Protocol):
    def read(self, size: int, /) -> str: ...


_DECODER = json_decoder(parse_constant=no_constant)


class ExportReader:
    """Reads an export incrementally: the header, then one record at a time, never the whole file."""

    def __init__(self, fh: Readable, where: str) -> None:
        self.fh = fh
        self.where = where
        self.buf = ""
        self.pos = 0
        self.offset = 0  # characters dropped from the front of the buffer
        self.eof = False

    def fail(self, what: str) -> BadInputError:
        return BadInputError(f"{self.where}: not valid JSON at character {self.offset + self.pos}: {what}")

    def _fill(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self.fh.read(CHUNK)
        except UnicodeDecodeError as exc:
            raise BadInputError(f"{self.where}: not valid UTF-8 text ({exc.reason})") from None
        except OSError as exc:
            raise BadInputError(f"{self.where}: cannot read: {exc.strerror}") from None
        if not chunk:
            self.eof = True
            return False
        self.offset += self.pos
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf) or not self._fill():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, chars: str) -> str:
        found = self.peek()
        if not found or found not in chars:
            raise self.fail(f"expected {' or '.join(repr(c) for c in chars)}")
        self.pos += 1
        return found

    def value(self) -> Any:
        """One JSON value; reads more while the buffer ends inside it."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except NumberTooLong as exc:
                where = f"character {self.offset + self.pos}"
                raise BadInputError(f"{self.where}: {exc} (the value at {where})") from None
            except (NotJson, DuplicateKey) as exc:
                raise self.fail(str(exc)) from None
            except RecursionError:
                raise self.fail("nested too deeply") from None
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > MAX_RECORD_CHARS:
                    raise self.fail(f"a record longer than {MAX_RECORD_CHARS} characters") from None
                if self._fill():
                    continue
                raise self.fail(exc.msg) from None
            # A number at the very end of the buffer may continue in the next chunk.
            if end == len(self.buf) and self._fill():
                continue
            self.pos = end
            return value

    def entries(self) -> Iterator[tuple[str, Any]]:
        """The top-level fields: (name, value), or (table, iterator of records) for the lists."""
        if self.peek() == "t" and self.buf.startswith("table,", self.pos):
            # footback's own CSV (its header's first column): say so, not "expected '{'".
            raise BadInputError(
                f"{self.where}: this is footback's CSV export (for spreadsheets); only the JSON "
                "export can be imported (footback export --format json)"
            )
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise self.fail("expected a field name")
            self.expect(":")
            yield key, self
            if self.expect(",}") == "}":
                break
        if self.peek():
            raise self.fail("extra data after the export")

    def records(self, name: str) -> Iterator[Any]:
        """The records of the list `name` (anything but a list is refused, named)."""
        if self.peek() != "[":
            found = self.value()
            raise BadInputError(f"{self.where}: {name}: must be a list of records, not {excerpt(found)}")
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.expect(",]") == "]":
                return
