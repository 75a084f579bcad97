"""Mutations of the CSV tables: the grid's land-cover classes and the InVEST tables.

Deleted columns, short rows, extra fields, empty and non-numeric cells, duplicate codes, huge,
negative and non-finite numbers, an unclosed quote, and the harmless BOM, CRLF and missing final
newline (a refusal of those is noted, not a failure).
"""

from __future__ import annotations

import random
from pathlib import Path

from cases import Applied, Case, Consumer, case_for, write_target

#: Replacements of a numeric cell.
NUMBER_CELLS = ["1e308", "-1e308", "1e39", "-1", "NaN", "inf", "99999999999999999999", "9" * 10_000]


class CSVFile:
    """One CSV table and the cases its mutations make."""

    def __init__(self, target: str, original: bytes, consumers: list[Consumer],
                 rng: random.Random, quick: bool):
        self.target = target
        self.original = original
        self.rows = [line.split(",") for line in original.decode("utf-8").splitlines()]
        self.consumers = consumers
        self.rng = rng
        self.quick = quick
        self.cases: list[Case] = []
        body = self.rows[1:]
        self.numeric = [column for column in range(len(self.rows[0]))
                        if all(_is_number(row[column]) for row in body)]

    def _add(self, kind: str, detail: str, data: bytes, benign: bool = False) -> None:
        def apply(root: Path) -> Applied:
            write_target(data)(root, self.target)
            return Applied()

        for consumer in self.consumers:
            self.cases.append(case_for(consumer, self.target, kind, detail, apply, benign=benign))

    def _rows(self, rows: list[list[str]], ending: str = "\n") -> bytes:
        return "".join(",".join(row) + ending for row in rows).encode("utf-8")

    def _data_rows(self, count: int) -> list[int]:
        rows = list(range(1, len(self.rows)))
        if not self.quick:
            return rows
        return sorted(self.rng.sample(rows, min(count, len(rows))))

    def mutations(self) -> "CSVFile":
        """Every mutation of the table."""
        header = self.rows[0]
        for column, name in enumerate(header):
            rows = [row[:column] + row[column + 1:] for row in self.rows]
            self._add("csv.delete-column", f"column {name!r} deleted", self._rows(rows))
        for line in [0] + self._data_rows(2):
            rows = [row[:-1] if index == line else row for index, row in enumerate(self.rows)]
            self._add("csv.short-row", f"line {line + 1}: last field dropped", self._rows(rows))
            rows = [row + ["extra"] if index == line else row for index, row in enumerate(self.rows)]
            self._add("csv.extra-field", f"line {line + 1}: a field appended", self._rows(rows))
        for line in self._data_rows(2):
            for column, name in enumerate(header):
                self._cell("csv.empty-cell", line, column, "")
                if column not in self.numeric:
                    self._cell("csv.unknown-value", line, column, "no_such_thing")
        for column in self.numeric:
            for line in self._data_rows(2):
                self._cell("csv.non-numeric", line, column, "abc")
                for value in NUMBER_CELLS if not self.quick or line == 1 else NUMBER_CELLS[:3]:
                    self._cell(f"csv.number:{value if len(value) < 30 else f'{len(value)} digits'}",
                               line, column, value)
        self._add("csv.duplicate-code", f"line 2 repeated at the end",
                  self._rows(self.rows + [self.rows[1]]))
        other = list(self.rows[2])
        other[0] = self.rows[1][0]
        self._add("csv.duplicate-code", f"code {self.rows[1][0]} given a second, different row",
                  self._rows(self.rows + [other]))
        for line in (1, len(self.rows) - 1):
            self._cell("csv.unclosed-quote", line, len(header) - 1, '"' + self.rows[line][-1])
        self._cell("csv.unclosed-quote", 1, 0, '"' + self.rows[1][0])
        self._add("csv.header-only", "only the header line", self._rows(self.rows[:1]))
        self._add("csv.empty", "empty file", b"")
        self._add("csv.truncated", "cut in the middle of a line",
                  self.original[:len(self.original) // 2 + 3])
        self._add("csv.bom", "UTF-8 byte-order mark prepended", b"\xef\xbb\xbf" + self.original,
                  benign=True)
        self._add("csv.crlf", "line ends CRLF", self._rows(self.rows, "\r\n"), benign=True)
        self._add("csv.no-final-newline", "no newline after the last line",
                  self._rows(self.rows)[:-1], benign=True)
        self._add("csv.quoted", "every field quoted",
                  "".join(",".join(f'"{cell}"' for cell in row) + "\n" for row in self.rows).encode(),
                  benign=True)
        return self

    def _cell(self, kind: str, line: int, column: int, value: str) -> None:
        rows = [list(row) for row in self.rows]
        rows[line][column] = value
        shown = value if len(value) <= 30 else f"{value[:8]}… ({len(value):,} chars)"
        self._add(kind, f"line {line + 1}, column {self.rows[0][column]!r} ← {shown!r}", self._rows(rows))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
