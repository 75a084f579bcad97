"""Mutations of the JSON sample files: structured ones on the parsed tree, textual ones on the bytes.

Structured: every node (or a seeded sample in quick mode) is deleted, replaced by each other JSON
type, and, by its own type, numbers by NaN-ish strings and tokens and extreme values, strings by
empty, 100 KB, unknown-unit and deeply nested strings, and file paths by special paths. Textual:
truncations, bit flips, invalid UTF-8, a NUL, a BOM, CRLF, trailing garbage. Python's own strict
parse decides whether a textual corruption must be refused.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator, Optional

from cases import (SILENT_FIFO_TIMEOUT, Applied, Case, Consumer, case_for, special_paths,
                   write_target)


class Raw(str):
    """A token written into the JSON text as is (NaN, 1e999, a 10,000-digit number)."""


#: Marks a node to delete.
DELETE = object()

#: Replacements by each JSON type.
TYPE_REPLACEMENTS = [("string", "mutated"), ("number", 1), ("bool", True), ("null", None),
                     ("array", []), ("object", {})]

#: Replacements of a number; the label names the mutation in the report.
NUMBER_MUTATIONS = [
    ('"NaN"', "NaN"), ('"nan"', "nan"), ('"Infinity"', "Infinity"), ('"-inf"', "-inf"),
    ("NaN", Raw("NaN")), ("Infinity", Raw("Infinity")), ("-Infinity", Raw("-Infinity")),
    ("1e308", Raw("1e308")), ("-1e308", Raw("-1e308")), ("1e39", Raw("1e39")),
    ("-1", Raw("-1")), ("0", Raw("0")), ("1e-320", Raw("1e-320")), ("1e999", Raw("1e999")),
    ("10^300 as an integer", Raw("1" + "0" * 300)), ("10,000 digits", Raw("9" * 10_000)),
]
#: Extra replacements of an integer (ids, years, codes, counts).
INTEGER_MUTATIONS = [
    ("0.5", Raw("0.5")), ("2147483648", Raw("2147483648")),
    ("9223372036854775808", Raw("9223372036854775808")),
    ("-9223372036854775809", Raw("-9223372036854775809")),
]
#: Replacements of a string.
STRING_MUTATIONS = [
    ("empty", ""), ("100 KB", "x" * 102_400), ("unknown unit", "furlong/fortnight"),
    ("nested parentheses x10,000", "(" * 10_000 + "m" + ")" * 10_000),
]
#: Tokens that are not JSON: accepting them silently is wrong.
INVALID_TOKENS = {"NaN", "Infinity", "-Infinity"}
#: Keys of strings that only document (their mutations are sampled, not run for every one).
DOCUMENTATION_KEYS = {"source", "note", "description", "name_zh", "name_en", "label", "name"}
#: How many nodes of each documentation key a full run mutates per file.
DOCUMENTATION_CAP = 3
#: Endings of strings that are file paths.
PATH_ENDINGS = (".json", ".tif", ".tiff", ".csv", ".asc")


def dump(value, indent: int = 0) -> str:
    """Writes a tree as indented JSON, with ``Raw`` tokens verbatim."""
    pad = "  " * (indent + 1)
    if isinstance(value, Raw):
        return str(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if not value:
            return "[]"
        items = ",\n".join(pad + dump(item, indent + 1) for item in value)
        return "[\n" + items + "\n" + "  " * indent + "]"
    if not value:
        return "{}"
    members = ",\n".join(pad + json.dumps(key, ensure_ascii=False) + ": " + dump(item, indent + 1)
                         for key, item in value.items())
    return "{\n" + members + "\n" + "  " * indent + "}"


def walk(value, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Every node with its path (keys and list indices), root first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, path + (index,))


def path_text(path: tuple) -> str:
    """``services.agricultural_products.products[3].quantity``; the root is ``$``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "$"


def shape(path: tuple) -> str:
    """The path with list indices as ``*``: nodes of one shape play the same part."""
    return path_text(tuple("*" if isinstance(part, int) else part for part in path))


def replaced(tree, path: tuple, new):
    """A copy of ``tree`` with the node at ``path`` replaced by ``new`` (or deleted)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(tree, dict):
        copy = dict(tree)
        if not rest and new is DELETE:
            del copy[head]
        else:
            copy[head] = replaced(tree[head], rest, new)
        return copy
    copy = list(tree)
    if not rest and new is DELETE:
        del copy[head]
    else:
        copy[head] = replaced(tree[head], rest, new)
    return copy


def strict_json_error(data: bytes) -> Optional[str]:
    """Why strict JSON (RFC 8259, UTF-8) refuses ``data``, or None when it is valid.

    A leading byte-order mark is allowed (RFC 8259 §8.1 lets a parser ignore it).
    """
    def refuse(token: str):
        raise ValueError(f"non-standard token {token}")

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        json.loads(data.decode("utf-8"), parse_constant=refuse)
    except (UnicodeDecodeError, ValueError) as error:
        return f"not valid JSON ({str(error)[:80]})"
    return None


def type_name(value) -> str:
    """The JSON type of a parsed value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def short(value) -> str:
    """A replacement as the report shows it."""
    text = value if isinstance(value, Raw) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else f"{text[:12]}… ({len(text):,} chars)"


class JSONFile:
    """One sample JSON file and the cases its mutations make."""

    def __init__(self, target: str, original: bytes, consumers: list[Consumer],
                 rng: random.Random, quick: bool, shape_cap: Optional[int] = None,
                 all_numbers_under: tuple[str, ...] = (), silent_fifo_commands: Optional[set] = None):
        self.target = target
        self.original = original
        self.tree = json.loads(original)
        self.consumers = consumers
        self.rng = rng
        self.quick = quick
        self.shape_cap = shape_cap
        self.all_numbers_under = all_numbers_under
        self.silent_fifo_commands = set() if silent_fifo_commands is None else silent_fifo_commands
        self.cases: list[Case] = []

    # Node selection ------------------------------------------------------------------------

    def _select(self, nodes: list, quick_count: int) -> list:
        """A seeded sample in quick mode; in full mode every node, except that nodes playing
        one part are sampled, at most ``DOCUMENTATION_CAP`` per file of each documentation key
        (source, note…) and at most ``shape_cap`` of each shape when the file sets one."""
        if self.quick:
            picked = set(self.rng.sample(range(len(nodes)), min(quick_count, len(nodes))))
            return [node for index, node in enumerate(nodes) if index in picked]
        by_part: dict[str, list[int]] = {}
        for index, (path, value) in enumerate(nodes):
            key = path[-1] if path else None
            if isinstance(key, str) and (key in DOCUMENTATION_KEYS or key.startswith("_")):
                by_part.setdefault(f"doc:{key}", []).append(index)
            elif self.shape_cap is not None:
                by_part.setdefault(shape(path), []).append(index)
            else:
                by_part[str(index)] = [index]
        kept: set[int] = set()
        for part, group in by_part.items():
            cap = DOCUMENTATION_CAP if part.startswith("doc:") else self.shape_cap
            kept.update(group if cap is None or len(group) <= cap else self.rng.sample(group, cap))
        return [node for index, node in enumerate(nodes) if index in kept]

    # Case making -----------------------------------------------------------------------------

    def _tree_case(self, path: tuple, kind: str, new, must_fail: Optional[str] = None,
                   names: Optional[list[str]] = None) -> None:
        detail = f"{path_text(path)} deleted" if new is DELETE else f"{path_text(path)} ← {short(new)}"
        self._add(kind, detail,
                  lambda root: self._write(root, dump(replaced(self.tree, path, new)).encode(), names),
                  len(path), must_fail)

    def _write(self, root: Path, data: bytes, names: Optional[list[str]] = None) -> Applied:
        write_target(data)(root, self.target)
        return Applied(names=list(names or []))

    def _add(self, kind: str, detail: str, apply, depth: int, must_fail: Optional[str] = None,
             benign: bool = False) -> None:
        for consumer in self.consumers:
            if consumer.takes(kind, depth):
                self.cases.append(case_for(consumer, self.target, kind, detail, apply,
                                           must_fail=must_fail, benign=benign))

    def structured(self) -> "JSONFile":
        """Deletions, type changes, numbers, strings and paths on the parsed tree."""
        nodes = list(walk(self.tree))
        for path, value in self._select(nodes[1:], 6):
            self._tree_case(path, "json.delete", DELETE)
        for path, value in self._select(nodes, 5):
            for name, new in TYPE_REPLACEMENTS:
                if name != type_name(value):
                    self._tree_case(path, f"json.type:{name}", new)
        numbers = [node for node in nodes if type_name(node[1]) == "number"]
        chosen = self._select(numbers, 4)
        chosen_paths = {path for path, _ in chosen}
        if self.all_numbers_under and not self.quick:
            chosen = [node for node in numbers if node[0] in chosen_paths
                      or (node[0] and node[0][-1] in self.all_numbers_under)]
        for path, value in chosen:
            family = "json.number" if path in chosen_paths else "json.coefficient-value"
            mutations = NUMBER_MUTATIONS + (INTEGER_MUTATIONS if isinstance(value, int) else [])
            for label, new in mutations:
                invalid = isinstance(new, Raw) and new in INVALID_TOKENS
                must_fail = "the file holds a token that is not JSON" if invalid else None
                self._tree_case(path, f"{family}:{label}", new, must_fail)
        strings = [node for node in nodes if type_name(node[1]) == "string"]
        for path, value in self._select(strings, 4):
            for label, new in STRING_MUTATIONS:
                # A new file path counts as a name when the error names the file it cannot open.
                names = [new] if new and value.lower().endswith(PATH_ENDINGS) else []
                self._tree_case(path, f"json.string:{label}", new, names=names)
        self._paths([node for node in strings if node[1].lower().endswith(PATH_ENDINGS)])
        return self

    def _paths(self, nodes: list) -> None:
        """Each file path in the file replaced by each special path; a FIFO nobody writes only
        once per command (``silent_fifo_commands`` is shared by every file)."""
        if self.quick:
            nodes = nodes[:1] + self.rng.sample(nodes[1:], min(1, len(nodes) - 1)) if nodes else []
        for path, value in nodes:
            silent = [consumer.command for consumer in self.consumers
                      if consumer.command not in self.silent_fifo_commands][:1]
            self.silent_fifo_commands.update(silent)
            for label, make in special_paths(fifo_without_writer=bool(silent)):
                detail = f"{path_text(path)} ← {label} (was {value})"
                apply = self._path_applier(path, value, make)
                if label == "fifo-no-writer":
                    consumer = next(c for c in self.consumers if c.command == silent[0])
                    self.cases.append(case_for(consumer, self.target, f"json.path:{label}", detail,
                                               apply, timeout=SILENT_FIFO_TIMEOUT))
                else:
                    self._add(f"json.path:{label}", detail, apply, len(path))

    def _path_applier(self, path: tuple, value: str, make):
        def apply(root: Path) -> Applied:
            applied = Applied()
            referred = (root / self.target).parent / value
            original = referred.read_bytes() if referred.is_file() else b""
            special = make(root, referred.parent, original, Path(value).name, applied)
            applied.names.append(special)
            write_target(dump(replaced(self.tree, path, special)).encode())(root, self.target)
            return applied

        return apply

    def textual(self) -> "JSONFile":
        """Truncations, bit flips, invalid UTF-8, NUL, BOM, CRLF, trailing garbage, re-encoding."""
        data = self.original
        size = len(data)
        offsets = {0, size // 2, size - 2} if self.quick else \
            {0, 1, size // 8, size // 4, size // 2, 3 * size // 4, size - 2, size - 1} | \
            {self.rng.randrange(size) for _ in range(3)}
        for offset in sorted(offsets):
            self._text("text.truncate", f"truncated to {offset} of {size} bytes", data[:offset])
        for _ in range(2 if self.quick else 8):
            offset, bit = self.rng.randrange(size), self.rng.randrange(8)
            flipped = bytearray(data)
            flipped[offset] ^= 1 << bit
            self._text("text.flip", f"byte {offset} ^= 0x{1 << bit:02x}", bytes(flipped))
        opening = data.find(b': "', size // 2)
        quote = (opening if opening >= 0 else data.index(b': "')) + 3
        self._text("text.invalid-utf8", f"0xFF inserted at {quote} (inside a string)",
                   data[:quote] + b"\xff" + data[quote:])
        if not self.quick:
            self._text("text.invalid-utf8", "0xC3 0x28 (a cut two-byte sequence) at 0",
                       b"\xc3\x28" + data)
            multibyte = next((i for i, byte in enumerate(data) if byte >= 0xC0), None)
            if multibyte is not None:
                self._text("text.invalid-utf8", f"continuation byte at {multibyte + 1} → 'x'",
                           data[:multibyte + 1] + b"x" + data[multibyte + 2:])
            self._text("text.nul", f"NUL inserted at {quote} (inside a string)",
                       data[:quote] + b"\x00" + data[quote:])
            self._text("text.bom", "UTF-8 byte-order mark prepended", b"\xef\xbb\xbf" + data)
            self._text("text.crlf", "line ends CRLF", data.replace(b"\n", b"\r\n"), benign=True)
            self._text("text.reencoded", "re-serialised unchanged (control of the serialiser)",
                       dump(self.tree).encode(), benign=True)
            self._text("text.empty-object", "replaced by {}", b"{}")
        self._text("text.trailing-garbage", 'a second value appended ("{}")', data + b'\n{"x": 1}\n')
        return self

    def _text(self, kind: str, detail: str, data: bytes, benign: bool = False) -> None:
        self._add(kind, detail, lambda root: self._write(root, data), 0,
                  must_fail=strict_json_error(data), benign=benign)
