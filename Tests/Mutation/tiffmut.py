"""Mutations of the GeoTIFF layers: truncations, bit flips, header values, cells, size and type.

The layers are classic little-endian TIFFs with DEFLATE tiles (predictor 2 for integers, 3 for
floats). Cells are changed by decoding the layer here (zlib and the predictors) and writing it
back as an uncompressed striped TIFF with the same tags; a rewrite without change is the control
that the writer itself is sound.
"""

from __future__ import annotations

import math
import random
import struct
import zlib
from itertools import accumulate
from pathlib import Path
from typing import Callable, Optional

from cases import Applied, Case, Consumer, case_for, write_target

#: Bytes per value of each TIFF field type.
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8, 17: 8, 18: 8}
#: struct codes of the numeric field types.
TYPE_CODES = {1: "B", 3: "H", 4: "I", 6: "b", 7: "B", 8: "h", 9: "i", 11: "f", 12: "d", 16: "Q", 17: "q", 18: "Q"}
#: Names of the tags the mutations touch, for the report.
TAG_NAMES = {256: "ImageWidth", 257: "ImageLength", 258: "BitsPerSample", 259: "Compression",
             262: "Photometric", 273: "StripOffsets", 277: "SamplesPerPixel", 278: "RowsPerStrip",
             279: "StripByteCounts", 284: "PlanarConfig", 317: "Predictor", 322: "TileWidth",
             323: "TileLength", 324: "TileOffsets", 325: "TileByteCounts", 339: "SampleFormat",
             33550: "ModelPixelScale", 33922: "ModelTiepoint", 34264: "ModelTransformation",
             34735: "GeoKeyDirectory", 34736: "GeoDoubleParams", 34737: "GeoAsciiParams",
             42113: "GDAL_NODATA"}
#: Tags copied into a rewritten file.
KEPT_TAGS = (258, 262, 277, 284, 339, 33550, 33922, 34264, 34735, 34736, 34737, 42112, 42113)


class Entry:
    """One IFD entry: where it is and what it holds."""

    def __init__(self, data: bytes, position: int):
        self.position = position
        self.tag, self.type, self.count = struct.unpack_from("<HHI", data, position)
        size = TYPE_SIZES.get(self.type, 1) * self.count
        self.value_at = position + 8 if size <= 4 else struct.unpack_from("<I", data, position + 8)[0]
        self.raw = data[self.value_at:self.value_at + size]

    def values(self) -> tuple:
        """The entry's values (bytes for ASCII)."""
        if self.type == 2:
            return (self.raw,)
        return struct.unpack(f"<{self.count}{TYPE_CODES[self.type]}", self.raw)


class TIFF:
    """A parsed classic little-endian TIFF with its decoded cells."""

    def __init__(self, data: bytes):
        if data[:4] != b"II*\x00":
            raise ValueError("only classic little-endian TIFFs are mutated")
        self.data = data
        self.ifd = struct.unpack_from("<I", data, 4)[0]
        count = struct.unpack_from("<H", data, self.ifd)[0]
        self.entries = {entry.tag: entry for entry in
                        (Entry(data, self.ifd + 2 + 12 * index) for index in range(count))}
        self.width = self.value(256)
        self.height = self.value(257)
        self.bits = self.value(258)
        self.format = self.value(339, 1)
        self.compression = self.value(259, 1)
        self.predictor = self.value(317, 1)
        self.tiled = 322 in self.entries
        offsets, counts = (324, 325) if self.tiled else (273, 279)
        self.blocks = list(zip(self.entries[offsets].values(), self.entries[counts].values()))
        self.block_width = self.value(322) if self.tiled else self.width
        self.block_height = self.value(323) if self.tiled else self.value(278, self.height)
        nodata = self.entries.get(42113)
        self.nodata = float(nodata.raw.rstrip(b"\x00")) if nodata else None
        self.rows = self._decode()

    def value(self, tag: int, default: Optional[int] = None) -> int:
        """The first value of a tag."""
        entry = self.entries.get(tag)
        return entry.values()[0] if entry else default

    @property
    def code(self) -> str:
        """The struct code of a cell."""
        return {(3, 32): "f", (3, 64): "d", (2, 32): "i", (1, 32): "I", (2, 16): "h",
                (1, 16): "H", (1, 8): "B", (2, 8): "b"}[(self.format, self.bits)]

    @property
    def block_size(self) -> int:
        """Bytes of one decoded block."""
        return self.block_width * self.block_height * self.bits // 8

    def referenced_end(self) -> int:
        """The end of the last byte the file refers to: cutting before it loses data."""
        ends = [self.ifd + 2 + 12 * len(self.entries) + 4]
        ends += [entry.value_at + len(entry.raw) for entry in self.entries.values()]
        ends += [offset + count for offset, count in self.blocks]
        return max(ends)

    def inflates(self, block: bytes) -> bool:
        """Whether a block decodes cleanly to its full size (zlib checks its Adler-32)."""
        if self.compression not in (8, 32946):
            return True
        try:
            return len(zlib.decompress(block)) == self.block_size
        except zlib.error:
            return False

    def _decode(self) -> list[bytearray]:
        size = self.bits // 8
        across = -(-self.width // self.block_width)
        rows = [bytearray(self.width * size) for _ in range(self.height)]
        for index, (offset, count) in enumerate(self.blocks):
            block = self.data[offset:offset + count]
            if self.compression in (8, 32946):
                block = zlib.decompress(block)
            elif self.compression != 1:
                raise ValueError(f"compression {self.compression} is not decoded here")
            top = (index // across) * self.block_height
            left = (index % across) * self.block_width
            stride = self.block_width * size
            for line in range(self.block_height):
                row = top + line
                if row >= self.height:
                    break
                cells = self._unpredict(bytearray(block[line * stride:(line + 1) * stride]))
                width = min(self.block_width, self.width - left)
                rows[row][left * size:(left + width) * size] = cells[:width * size]
        return rows

    def _unpredict(self, row: bytearray) -> bytearray:
        size = self.bits // 8
        if self.predictor == 2:
            mask = (1 << self.bits) - 1
            unsigned = {1: "B", 2: "H", 4: "I", 8: "Q"}[size]
            values = struct.unpack(f"<{len(row) // size}{unsigned}", row)
            return bytearray(struct.pack(f"<{len(values)}{unsigned}",
                                         *(value & mask for value in accumulate(values))))
        if self.predictor == 3:
            summed = bytearray(value & 0xFF for value in accumulate(row))
            count = len(row) // size
            cells = bytearray(len(row))
            for plane in range(size):
                cells[size - 1 - plane::size] = summed[plane * count:(plane + 1) * count]
            return cells
        return row

    def cell(self, row: int, column: int) -> float:
        """A decoded cell."""
        size = self.bits // 8
        return struct.unpack_from(f"<{self.code}", self.rows[row], column * size)[0]

    def valid_cell(self) -> tuple[int, int]:
        """A cell near the centre that is not nodata."""
        for row in range(self.height // 2, self.height):
            for column in range(self.width // 2, self.width):
                value = self.cell(row, column)
                if value != self.nodata and not math.isnan(value):
                    return row, column
        return self.height // 2, self.width // 2

    def packed(self, value: float) -> bytes:
        """A value as a cell of this layer (Float32 overflows to ±inf, as a cast would)."""
        if self.code == "f" and math.isfinite(value) and abs(value) > 3.4028234663852886e38:
            value = math.copysign(math.inf, value)
        return struct.pack(f"<{self.code}", value)

    def rewritten(self, rows: list[bytearray], width: int, height: int) -> bytes:
        """The cells as an uncompressed single-strip TIFF with this file's other tags."""
        image = b"".join(bytes(row) for row in rows)
        entries = {tag: (entry.type, entry.count, entry.raw)
                   for tag, entry in self.entries.items() if tag in KEPT_TAGS}
        entries[256] = (4, 1, struct.pack("<I", width))
        entries[257] = (4, 1, struct.pack("<I", height))
        entries[259] = (3, 1, struct.pack("<H", 1))
        entries[273] = (4, 1, struct.pack("<I", 8))
        entries[278] = (4, 1, struct.pack("<I", height))
        entries[279] = (4, 1, struct.pack("<I", len(image)))
        ifd = 8 + len(image) + (len(image) & 1)
        extra = ifd + 2 + 12 * len(entries) + 4
        directory, values = struct.pack("<H", len(entries)), b""
        for tag in sorted(entries):
            kind, count, raw = entries[tag]
            if len(raw) <= 4:
                directory += struct.pack("<HHI", tag, kind, count) + raw.ljust(4, b"\x00")
            else:
                directory += struct.pack("<HHII", tag, kind, count, extra + len(values))
                values += raw + b"\x00" * (len(raw) & 1)
        directory += b"\x00\x00\x00\x00"
        return b"II*\x00" + struct.pack("<I", ifd) + image + b"\x00" * (len(image) & 1) + directory + values


def with_tag(data: bytes, entry: Entry, kind: int, count: int, raw: bytes) -> bytes:
    """The file with one entry's value replaced (appended at the end when it is long)."""
    out = bytearray(data)
    if len(raw) <= 4:
        struct.pack_into("<HI", out, entry.position + 2, kind, count)
        out[entry.position + 8:entry.position + 12] = raw.ljust(4, b"\x00")
        return bytes(out)
    if len(out) & 1:
        out += b"\x00"
    struct.pack_into("<HII", out, entry.position + 2, kind, count, len(out))
    return bytes(out + raw)


class RasterFile:
    """One GeoTIFF layer and the cases its mutations make."""

    def __init__(self, target: str, original: bytes, consumers: list[Consumer],
                 rng: random.Random, quick: bool, integer_layer: bytes, float_layer: bytes):
        self.target = target
        self.original = original
        self.tiff = TIFF(original)
        self.consumers = consumers
        self.rng = rng
        self.quick = quick
        self.other_type = integer_layer if self.tiff.format == 3 else float_layer
        self.cases: list[Case] = []

    def _add(self, kind: str, detail: str, make: Callable[[], bytes],
             must_fail: Optional[str] = None, benign: bool = False) -> None:
        def apply(root: Path) -> Applied:
            write_target(make())(root, self.target)
            return Applied()

        for consumer in self.consumers:
            if consumer.takes(kind):
                self.cases.append(case_for(consumer, self.target, kind, detail, apply,
                                           must_fail=must_fail, benign=benign))

    def _bytes(self, kind: str, detail: str, data: bytes, must_fail: Optional[str] = None) -> None:
        self._add(kind, detail, lambda: data, must_fail)

    def mutations(self) -> "RasterFile":
        """Every mutation of the layer."""
        self._truncations()
        self._header_flips()
        self._data_flips()
        self._header_values()
        self._cells()
        self._shapes()
        return self

    def _truncations(self) -> None:
        tiff, size = self.tiff, len(self.original)
        offset, count = tiff.blocks[0]
        cuts = {0, 4, 7, 8, 100, offset + count // 2, offset + count - 1, tiff.ifd,
                tiff.ifd + 2 + 12 * 5, size - 1}
        if self.quick:
            cuts = {7, offset + count // 2, tiff.ifd + 2 + 12 * 5}
        else:
            cuts |= {self.rng.randrange(size) for _ in range(3)}
        end = tiff.referenced_end()
        for cut in sorted(cuts):
            must_fail = f"cut at {cut}, before byte {end} the file refers to" if cut < end else None
            self._bytes("tif.truncate", f"truncated to {cut} of {size} bytes", self.original[:cut], must_fail)

    def _flip(self, kind: str, detail: str, position: int, mask: int, length: int = 1,
              must_fail: Optional[str] = None) -> None:
        data = bytearray(self.original)
        for index in range(position, position + length):
            data[index] ^= mask
        self._bytes(kind, detail, bytes(data), must_fail)

    def _header_flips(self) -> None:
        tiff = self.tiff
        flips = [(0, 0x01, "byte-order mark"), (2, 0x01, "magic 42 → 43 (BigTIFF's)"),
                 (4, 0x01, "IFD offset low byte"), (7, 0x80, "IFD offset high byte"),
                 (tiff.ifd, 0x01, "IFD entry count low byte"), (tiff.ifd + 1, 0x80, "IFD entry count high byte")]
        for entry in tiff.entries.values():
            name = TAG_NAMES.get(entry.tag, str(entry.tag))
            at = entry.position
            flips += [(at + 2, 0xFF, f"{name}: type"), (at + 4, 0x01, f"{name}: count low byte"),
                      (at + 7, 0x80, f"{name}: count high byte"), (at + 8, 0x01, f"{name}: value low byte"),
                      (at + 11, 0x80, f"{name}: value high byte")]
        if self.quick:
            flips = flips[:2] + self.rng.sample(flips[2:], 6)
        for position, mask, what in flips:
            self._flip("tif.flip-header", f"{what}: byte {position} ^= 0x{mask:02x}", position, mask)

    def _data_flips(self) -> None:
        tiff = self.tiff
        offset, count = tiff.blocks[0]
        spots = [2, count // 4, count // 2, 3 * count // 4, count - 4]
        if self.quick:
            spots = [count // 2, count - 4]
        else:
            spots += [self.rng.randrange(2, count - 4) for _ in range(4)]
        for spot in spots:
            self._data_flip(offset, count, spot, 4, 0xFF)
        for spot, mask in ([(count // 2, 0x10), (count - 1, 0x01)] if not self.quick else [(count // 2, 0x10)]):
            self._data_flip(offset, count, spot, 1, mask)

    def _data_flip(self, offset: int, count: int, spot: int, length: int, mask: int) -> None:
        block = bytearray(self.original[offset:offset + count])
        for index in range(spot, spot + length):
            block[index] ^= mask
        where = "the Adler-32 checksum" if spot >= count - 4 else f"byte {spot} of {count}"
        must_fail = None if self.tiff.inflates(bytes(block)) else \
            "the tile no longer inflates (zlib refuses it)"
        self._flip("tif.flip-data", f"{length} byte(s) ^= 0x{mask:02x} at {where} of tile 0",
                   offset + spot, mask, length, must_fail)

    def _header_values(self) -> None:
        tiff = self.tiff
        scale, tiepoint, nodata = tiff.entries.get(33550), tiff.entries.get(33922), tiff.entries.get(42113)
        changes = []
        if scale:
            for value in (0.0, -30.0, math.nan, math.inf, 1e308, 1e-320):
                values = list(scale.values())
                values[0] = value
                changes.append((f"ModelPixelScale x = {value!r}", scale, 12, 3, struct.pack("<3d", *values)))
            values = list(scale.values())
            values[1] = 0.0
            changes.append(("ModelPixelScale y = 0.0", scale, 12, 3, struct.pack("<3d", *values)))
        if tiepoint:
            for value in (math.nan, math.inf, 1e308):
                values = list(tiepoint.values())
                values[3] = value
                changes.append((f"ModelTiepoint X = {value!r}", tiepoint, 12, 6, struct.pack("<6d", *values)))
        if nodata:
            for text in ("nan", "inf", "1e39", "abc", ""):
                raw = text.encode() + b"\x00"
                changes.append((f"GDAL_NODATA = {text!r}", nodata, 2, len(raw), raw))
        if self.quick:
            changes = self.rng.sample(changes, min(4, len(changes)))
        for detail, entry, kind, count, raw in changes:
            self._bytes("tif.header-value", detail, with_tag(self.original, entry, kind, count, raw))

    def _cells(self) -> None:
        tiff = self.tiff
        if tiff.format == 3:
            values = [math.nan, 1e39, -1.0, -3.4e38, 3.4e38, 0.0]
        else:
            values = [-1, -5, 0, 11, 2147483647, -2147483648]
        if self.quick:
            values = values[:3]
        row, column = tiff.valid_cell()
        for value in values:
            shown = f"{value!r}" + (" (Float32: inf)" if value == 1e39 and tiff.code == "f" else "")
            self._add("tif.cells", f"cell ({row}, {column}) = {shown}",
                      self._celled(value, [(row, column)]))
            self._add("tif.cells", f"every cell = {shown}", self._celled(value, None))
        self._add("tif.rewritten", "rewritten uncompressed, cells unchanged (control of the writer)",
                  lambda: tiff.rewritten(tiff.rows, tiff.width, tiff.height), benign=True)

    def _celled(self, value: float, cells: Optional[list[tuple[int, int]]]) -> Callable[[], bytes]:
        tiff = self.tiff

        def make() -> bytes:
            packed = tiff.packed(value)
            size = len(packed)
            if cells is None:
                rows = [bytearray(packed * tiff.width) for _ in range(tiff.height)]
            else:
                rows = [bytearray(row) for row in tiff.rows]
                for row, column in cells:
                    rows[row][column * size:(column + 1) * size] = packed
            return tiff.rewritten(rows, tiff.width, tiff.height)

        return make

    def _shapes(self) -> None:
        tiff = self.tiff
        size = tiff.bits // 8
        crops = [(tiff.height, tiff.width - 50), (tiff.height - 50, tiff.width), (1, 1)]
        for height, width in crops if not self.quick else crops[:1]:
            self._add("tif.size", f"swapped for a {height} × {width} raster (was {tiff.height} × {tiff.width})",
                      lambda height=height, width=width: tiff.rewritten(
                          [row[:width * size] for row in tiff.rows[:height]], width, height))
        self._bytes("tif.type", "swapped for a layer of the other data type (int ↔ float)", self.other_type)
        self._bytes("tif.not-tiff", "swapped for a JSON file", b'{"not": "a raster"}\n')
