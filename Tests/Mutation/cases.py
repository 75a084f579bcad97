"""The mutation case model: what a case writes into its copy of the samples and how it runs.

A case root is a fresh directory holding copies of everything a command reads:

    <root>/lianping/...   samples/lianping (the command's working directory)
    <root>/tables/...     the InVEST biophysical and carbon-pool tables from the test fixtures
    <root>/sets/...       coefficients/sets (mutated copies go to --coefficients)

and the places a command writes: ``<root>/out.json`` (``--output``) and ``<root>/outdir``
(``--out``), which do not exist before the run.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

#: The command's working directory inside a case root.
WORKDIR = "lianping"
#: ``--output`` of every command that has it, relative to the working directory.
OUTPUT = "../out.json"
#: ``--out`` of water-yield and carbon, relative to the working directory.
OUTDIR = "../outdir"
#: Where a written repro script recreates a case root (paths inside mutated files point here).
REPRO_ROOT = "/tmp/gep-mutation-repro"


@dataclass
class Applied:
    """What applying a mutation left behind, for the run and its classification."""

    #: Strings that name the mutated thing in an error message (besides the target file).
    names: list[str] = field(default_factory=list)
    #: Threads feeding FIFOs; released after the run.
    feeders: list["FifoFeeder"] = field(default_factory=list)
    #: Shell lines a repro script runs before the command (FIFOs, device nodes, directories).
    setup: list[str] = field(default_factory=list)
    #: Arguments replaced once the case root exists ("{special}" → the special path made).
    substitutions: dict[str, str] = field(default_factory=dict)


@dataclass
class Case:
    """One mutation applied to one copy of the samples, run through one command."""

    #: Command label for the counts ("account", "raster info", …).
    command: str
    #: The mutated file relative to the case root ("lianping/grid/precip.tif"), or "" when only
    #: the command line is mutated.
    target: str
    #: Mutation family for grouping ("json.number:1e308", "tif.flip-data", "flag.output:dev-full").
    kind: str
    #: The precise mutation (JSON path, byte offset, flag value).
    detail: str
    #: Arguments after ``gep``, relative to the working directory; "{root}" is the case root.
    argv: list[str]
    #: Writes the mutation into a case root; returns what the run needs to know.
    apply: Callable[[Path], Applied]
    #: When set, exit 0 is wrong: the reason why (a truncated raster, invalid JSON…).
    must_fail: Optional[str] = None
    #: A harmless change (CRLF, BOM, an equivalent re-encoding): a refusal is worth a note.
    benign: bool = False
    #: The control run whose output fixes which JSON paths hold numbers.
    control: tuple = ()
    #: An input file the command reads whose overwriting is worth a note (--output = input).
    watch_input: Optional[str] = None
    #: Seconds before the run counts as a hang (None: the run's --timeout).
    timeout: Optional[float] = None
    #: Index in the enumeration (set by the runner).
    index: int = 0

    @property
    def ident(self) -> str:
        """A stable name for --filter and the report."""
        return f"{self.command}|{self.target or '-'}|{self.kind}|{self.detail}"


@dataclass
class Consumer:
    """A command that reads a sample file: its label and its arguments."""

    command: str
    argv: list[str]
    #: Which mutations it runs, by kind and JSON path depth (None: all).
    accepts: Optional[Callable[[str, int], bool]] = None

    def takes(self, kind: str, depth: int = 0) -> bool:
        """Whether this consumer runs a mutation of that kind at that depth."""
        return self.accepts is None or self.accepts(kind, depth)


def case_for(consumer: Consumer, target: str, kind: str, detail: str,
             apply: Callable[[Path], Applied], **options) -> Case:
    """A case of ``consumer`` on a mutated ``target``, controlled by the unmutated command."""
    return Case(command=consumer.command, target=target, kind=kind, detail=detail,
                argv=list(consumer.argv), apply=apply, control=tuple(consumer.argv), **options)


def write_target(data: bytes) -> Callable[[Path, str], None]:
    """Returns a writer of ``data`` to a root-relative path."""

    def write(root: Path, target: str) -> None:
        path = root / target
        if path.is_symlink() or path.exists():
            path.unlink()
        path.write_bytes(data)

    return write


class FifoFeeder:
    """Writes bytes into a FIFO once a reader opens it, as process substitution does."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        self.data = data
        self.thread = threading.Thread(target=self._feed, daemon=True)
        self.thread.start()

    def _feed(self) -> None:
        try:
            descriptor = os.open(self.path, os.O_WRONLY)
        except OSError:
            return
        try:
            view = memoryview(self.data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
        except OSError:
            pass
        finally:
            os.close(descriptor)

    def release(self) -> None:
        """Unblocks the writer when the command never opened the FIFO or stopped reading."""
        deadline = time.monotonic() + 2
        while self.thread.is_alive() and time.monotonic() < deadline:
            try:
                reader = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
            except OSError:
                return
            time.sleep(0.01)
            os.close(reader)
            self.thread.join(0.05)


def make_fifo(root: Path, folder: Path, name: str, feed: Optional[bytes], applied: Applied) -> Path:
    """Creates a FIFO in ``folder`` (inside the case root, beside the file it stands for, so
    relative paths in what it feeds resolve as before); with ``feed``, a thread writes it once
    a reader opens it."""
    path = folder / name
    os.mkfifo(path)
    shown = f'"$CASE/{path.relative_to(root)}"'
    applied.setup.append(f"mkfifo {shown}")
    if feed is not None:
        applied.feeders.append(FifoFeeder(path, feed))
        applied.setup.append(f"# fed as process substitution would: cat ORIGINAL > {shown} &")
    return path


def make_directory(root: Path, name: str, applied: Applied) -> Path:
    """Creates a directory in the case root."""
    path = root / name
    path.mkdir()
    applied.setup.append(f'mkdir "$CASE/{name}"')
    return path


def make_file(root: Path, name: str, applied: Applied) -> Path:
    """Creates a small regular file in the case root."""
    path = root / name
    path.write_text("x")
    applied.setup.append(f'echo x > "$CASE/{name}"')
    return path


def make_full_device(root: Path, name: str, applied: Applied) -> Path:
    """Creates a private copy of /dev/full (character device 1:7) in the case root.

    The real /dev/full is not used: the engine writes its output to a temporary file beside the
    target and renames it over the target, which, run as root, would replace the system's
    /dev/full with a regular file.
    """
    path = root / name
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    applied.setup.append(f'mknod "$CASE/{name}" c 1 7   # a private /dev/full')
    return path


#: Special paths put where a file name belongs. Each maker gets the case root, the folder of
#: the file it stands for, that file's bytes (for a FIFO fed like process substitution) and its
#: base name, and returns the path string to write.
SpecialPath = Callable[[Path, Path, bytes, str, Applied], str]
#: Seconds before a run reading a FIFO nobody writes counts as a hang (it blocks in open()).
SILENT_FIFO_TIMEOUT = 5.0


def special_paths(fifo_without_writer: bool) -> list[tuple[str, SpecialPath]]:
    """The special paths of the mutation run, by label."""

    def constant(value: str) -> SpecialPath:
        return lambda root, folder, original, base, applied: value

    def fifo_fed(root: Path, folder: Path, original: bytes, base: str, applied: Applied) -> str:
        return str(make_fifo(root, folder, "fifo-fed", original, applied))

    def fifo_silent(root: Path, folder: Path, original: bytes, base: str, applied: Applied) -> str:
        return str(make_fifo(root, folder, "fifo-no-writer", None, applied))

    def directory(root: Path, folder: Path, original: bytes, base: str, applied: Applied) -> str:
        return str(root / WORKDIR / "grid")

    def missing(root: Path, folder: Path, original: bytes, base: str, applied: Applied) -> str:
        return str(folder / f"missing-{base}")

    def under_file(root: Path, folder: Path, original: bytes, base: str, applied: Applied) -> str:
        return str(root / WORKDIR / "lianping-2023.json" / base)

    paths: list[tuple[str, SpecialPath]] = [
        ("/dev/zero", constant("/dev/zero")),
        ("/dev/null", constant("/dev/null")),
        ("fifo-fed", fifo_fed),
        ("directory", directory),
        ("missing", missing),
        ("under-regular-file", under_file),
    ]
    if fifo_without_writer:
        paths.append(("fifo-no-writer", fifo_silent))
    return paths
