#!/usr/bin/env python3
"""Structured mutation run of every sample file through the `gep` binary (not part of `swift test`).

Usage:
    swift build -c release --product gep
    python3 Tests/Mutation/run.py [--gep .build/release/gep] [--coefficients-dir coefficients]
        [--report mutation-report.md] [--quick] [--seed 2023] [--timeout 20] [--jobs 1]
        [--filter REGEX] [--list] [--keep DIR]

For every file in samples/lianping/ (county inputs, scenarios, quotes, sensitivity parameter
files, grid inputs, the classes table, the GeoTIFF layers), the InVEST tables of the test fixtures
and coefficients/sets/, it works in a temporary copy of the samples (put back to the pristine
copy after every case: what a case added is removed, what it changed is copied again), applies one
mutation (structured JSON edits on the parsed tree, textual corruptions, CSV edits, raster
truncations, bit flips, header values, cells, size and type swaps, special paths, bad output
paths and flag values), runs the command that reads the file with a timeout, and classifies it:

    crash             killed by a signal, or an exit status other than 0, 64, 65, 66, 73, 74
    hang              no exit before the timeout
    nonfinite         exit 0 with NaN/Infinity/an overflowing number/"nan"/null in the JSON
                      output where the unmutated run has a number
    accepted-corrupt  exit 0 on a mutation that must be refused (truncated or corrupt raster,
                      invalid JSON, output to a full device)
    partial-output    a failed run left --output, a temporary file or a new --out directory
    nameless          an error naming neither the mutated file nor the injected path or flag
    rejected-valid, input-overwritten   notes, not failures
    ok                otherwise

It writes a Markdown report (counts per class and command; every failure class with a command
line, the mutation, the exit status and the first lines of stderr), a JSON report beside it with
every non-ok case, and for the first case of each class a repro script under --keep (default:
the report's name + ".repro/"). It exits 1 when any case failed, 2 when a control run of an
unmutated sample failed. Interrupted (Ctrl-C, SIGTERM), it reports the cases run so far.
--quick samples the nodes and mutations (seeded) for a run of a couple
of minutes; the full run mutates every node (coefficient sets: every coefficient value, and at
most three entries of each other shape). Each command runs with GEP_COEFFICIENTS_DIR set to
--coefficients-dir, the Swift backtracer on in a short non-interactive form (a crash's
source location goes into the report; --no-backtrace turns it off) and an
address-space limit (--memory-mib, default 1024), so a runaway allocation shows as a crash.

/dev/full is never written: the engine renames a temporary file over its --output, which would
replace the device when run as root; the run makes a private character device 1:7 instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import resource
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import (OUTDIR, OUTPUT, REPRO_ROOT, SILENT_FIFO_TIMEOUT, WORKDIR, Applied,  # noqa: E402
                   Case, Consumer, make_directory, make_file, make_full_device, special_paths)
from csvmut import CSVFile  # noqa: E402
from jsonmut import JSONFile, walk  # noqa: E402
from report import FAILURES, group, ordered, write_json, write_markdown  # noqa: E402
from tiffmut import RasterFile  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "lianping"
FIXTURES = REPO / "Tests" / "GEPGridTests" / "Fixtures"
SETS = REPO / "coefficients" / "sets"
ALLOWED_EXITS = {0, 64, 65, 66, 73, 74}
JSON_OUT = ["--format", "json", "--output", OUTPUT]

WATER_YIELD = [("--lulc", "grid/lulc.tif"), ("--precipitation", "grid/precip.tif"),
               ("--eto", "grid/eto.tif"), ("--depth-to-root-rest-layer", "grid/depth_to_root_rest_layer.tif"),
               ("--pawc", "grid/pawc.tif"), ("--biophysical-table", "../tables/biophysical_table.csv"),
               ("--seasonality-constant", "10"), ("--watersheds", "grid/subws_id.tif")]
CARBON = [("--lulc", "grid/lulc.tif"), ("--lulc-future", "grid/lulc_2022.tif"),
          ("--carbon-pools", "../tables/carbon_pools.csv"), ("--zones", "grid/ws_id.tif")]
GRID_2023 = {"lulc", "precip", "eto", "depth_to_root_rest_layer", "pawc", "erosivity",
             "erodibility", "ls", "townships", "subws_id", "xinfengjiang"}


def flagged(pairs: list[tuple[str, str]], **changes: str) -> list[str]:
    """Flag-value pairs as arguments, with some values changed."""
    argv: list[str] = []
    for flag, value in pairs:
        argv += [flag, changes.get(flag, value)]
    return argv


def water_yield(**changes: str) -> list[str]:
    """The water-yield command on the sample layers."""
    return ["water-yield"] + flagged(WATER_YIELD, **changes) + ["--out", OUTDIR] + JSON_OUT


def carbon(**changes: str) -> list[str]:
    """The carbon command on the sample layers."""
    return ["carbon"] + flagged(CARBON, **changes) + ["--out", OUTDIR] + JSON_OUT


def coefficient_consumers(name: str) -> list[Consumer]:
    """The commands that read a coefficient set file given with --coefficients."""
    return [Consumer("coefficients show", ["coefficients", "show", "--coefficients", f"../sets/{name}"] + JSON_OUT,
                     accepts=lambda kind, depth: not kind.startswith("json.coefficient-value")),
            Consumer("account", ["account", "lianping-2023.json", "--coefficients", f"../sets/{name}"] + JSON_OUT)]


def raster_consumers(stem: str) -> list[Consumer]:
    """The commands that read a layer."""
    consumers = []
    if stem in GRID_2023:
        consumers.append(Consumer("grid", ["grid", "grid/lianping-grid-2023.json"] + JSON_OUT))
    if stem == "lulc_2022":
        consumers.append(Consumer("grid", ["grid", "grid/lianping-grid-2022.json"] + JSON_OUT))
    if stem in {"lulc", "precip", "eto", "depth_to_root_rest_layer", "pawc", "subws_id"}:
        consumers.append(Consumer("water-yield", water_yield()))
    if stem in {"lulc", "lulc_2022", "ws_id"}:
        consumers.append(Consumer("carbon", carbon()))
    consumers.append(Consumer("raster info", ["raster", "info", f"grid/{stem}.tif", "--stats", "--format", "json"]))
    return consumers


def file_cases(rng: random.Random, quick: bool) -> list[Case]:
    """The mutations of every sample file, through the commands that read it."""
    cases: list[Case] = []
    silent_fifo_commands: set[str] = set()

    def json_file(target: str, consumers: list[Consumer], **options) -> None:
        data = (REPO / target.replace(f"{WORKDIR}/", "samples/lianping/", 1)).read_bytes() \
            if target.startswith(WORKDIR) else (SETS / Path(target).name).read_bytes()
        mutated = JSONFile(target, data, consumers, rng, quick,
                           silent_fifo_commands=silent_fifo_commands, **options)
        cases.extend(mutated.structured().textual().cases)

    for name in ("lianping-2023.json", "lianping-2022.json"):
        json_file(f"{WORKDIR}/{name}", [
            Consumer("account", ["account", name] + JSON_OUT),
            Consumer("coefficients show", ["coefficients", "show", "--input", name] + JSON_OUT,
                     accepts=lambda kind, depth: kind.startswith("text.") or depth <= 1)])
    for path in sorted((SAMPLES / "scenarios").glob("*.json")):
        json_file(f"{WORKDIR}/scenarios/{path.name}",
                  [Consumer("scenario", ["scenario", f"scenarios/{path.name}"] + JSON_OUT)])
    for path in sorted((SAMPLES / "compensation").glob("*.json")):
        json_file(f"{WORKDIR}/compensation/{path.name}",
                  [Consumer("compensate", ["compensate", f"compensation/{path.name}"] + JSON_OUT)])
    for path in sorted((SAMPLES / "sensitivity").glob("*.json")):
        subject = "grid/lianping-grid-2023.json" if path.name.startswith("grid") else "lianping-2023.json"
        params = f"sensitivity/{path.name}"
        json_file(f"{WORKDIR}/{params}", [
            Consumer("sensitivity tornado", ["sensitivity", "tornado", subject, "--params", params] + JSON_OUT),
            Consumer("sensitivity montecarlo",
                     ["sensitivity", "montecarlo", subject, "--params", params, "--n", "20"] + JSON_OUT)])
    for path in sorted((SAMPLES / "grid").glob("lianping-grid-*.json")):
        json_file(f"{WORKDIR}/grid/{path.name}", [Consumer("grid", ["grid", f"grid/{path.name}"] + JSON_OUT)])
    for name in ("guangdong.json", "lianping.json", "national.json"):
        json_file(f"sets/{name}", coefficient_consumers(name), shape_cap=3, all_numbers_under=("value",))

    for target, source, consumers in [
            (f"{WORKDIR}/grid/classes.csv", SAMPLES / "grid" / "classes.csv",
             [Consumer("grid", ["grid", "grid/lianping-grid-2023.json"] + JSON_OUT)]),
            ("tables/biophysical_table.csv", FIXTURES / "biophysical_table.csv",
             [Consumer("water-yield", water_yield())]),
            ("tables/carbon_pools.csv", FIXTURES / "carbon_pools.csv", [Consumer("carbon", carbon())])]:
        cases.extend(CSVFile(target, source.read_bytes(), consumers, rng, quick).mutations().cases)

    integer_layer = (SAMPLES / "grid" / "lulc.tif").read_bytes()
    float_layer = (SAMPLES / "grid" / "precip.tif").read_bytes()
    for path in sorted((SAMPLES / "grid").glob("*.tif")):
        raster = RasterFile(f"{WORKDIR}/grid/{path.name}", path.read_bytes(), raster_consumers(path.stem),
                            rng, quick, integer_layer, float_layer)
        cases.extend(raster.mutations().cases)
    return cases


def flag_cases(quick: bool) -> list[Case]:
    """Special paths in place of the files a command names, bad output paths, bad flag values."""
    cases: list[Case] = []
    county = ["account", "lianping-2023.json"] + JSON_OUT
    grid = ["grid", "grid/lianping-grid-2023.json"] + JSON_OUT
    tornado = ["sensitivity", "tornado", "lianping-2023.json", "--params",
               "sensitivity/prices-and-physics.json"] + JSON_OUT
    grid_mc = ["sensitivity", "montecarlo", "grid/lianping-grid-2023.json", "--params",
               "sensitivity/grid.json", "--n", "20"] + JSON_OUT
    commands = [
        ("account", county, [1]),
        ("scenario", ["scenario", "scenarios/dry-year.json"] + JSON_OUT, [1]),
        ("compensate", ["compensate", "compensation/gep-spillover-2023.json"] + JSON_OUT, [1]),
        ("grid", grid, [1]),
        ("sensitivity tornado", tornado, [2, 4]),
        ("sensitivity montecarlo", grid_mc, [2, 4]),
        ("water-yield", water_yield(), [2, 4, 10, 12]),
        ("carbon", carbon(), [2, 4, 6]),
        ("raster info", ["raster", "info", "grid/precip.tif", "--stats", "--format", "json"], [2]),
        ("coefficients show", ["coefficients", "show", "--input", "lianping-2023.json",
                               "--coefficients", "../sets/lianping.json"] + JSON_OUT, [3, 5]),
    ]

    def special_case(command: str, base: list[str], position: int, label: str, make) -> Case:
        original_name = base[position]
        flag = base[position - 1] if base[position - 1].startswith("--") else "<argument>"

        def apply(root: Path) -> Applied:
            applied = Applied()
            source = root / WORKDIR / original_name
            original = source.read_bytes() if source.is_file() else b""
            special = make(root, source.parent, original, Path(original_name).name, applied)
            applied.names += [special, flag]
            applied.substitutions["{special}"] = special
            return applied

        argv = list(base)
        argv[position] = "{special}"
        return Case(command, "", f"arg.path:{label}", f"{flag} {original_name} ← {label}", argv, apply,
                    control=tuple(base), timeout=SILENT_FIFO_TIMEOUT if label == "fifo-no-writer" else None)

    for command, base, positions in commands:
        for position in positions:
            for label, make in special_paths(fifo_without_writer=position == positions[0]):
                cases.append(special_case(command, base, position, label, make))
        if "--output" in base:
            cases.extend(output_cases(command, base, positions[0]))
    cases.extend(out_dir_cases())
    cases.extend(value_cases(county, grid, tornado, grid_mc, quick))
    return cases


def output_cases(command: str, base: list[str], input_position: int) -> list[Case]:
    """--output at an input file, a full device, a directory, a missing directory."""
    at = base.index("--output") + 1
    cases = []

    def case(kind: str, detail: str, value: str, make=None, **options) -> Case:
        def apply(root: Path) -> Applied:
            applied = Applied(names=["--output", value.replace("{root}", str(root))])
            if make:
                make(root, applied)
            return applied

        argv = list(base)
        argv[at] = value
        return Case(command, "", kind, detail, argv, apply, control=tuple(base), **options)

    cases.append(case("flag.output:input-file", f"--output {base[input_position]} (the input)",
                      base[input_position], watch_input=base[input_position]))
    cases.append(case("flag.output:full-device", "--output a full device (a private /dev/full)",
                      "{root}/dev-full", lambda root, applied: make_full_device(root, "dev-full", applied),
                      must_fail="writing the output to a full device must fail (exit 73/74)"))
    cases.append(case("flag.output:directory", "--output an existing directory", "{root}/existing-dir",
                      lambda root, applied: make_directory(root, "existing-dir", applied)))
    cases.append(case("flag.output:missing-directory", "--output in a missing directory",
                      "{root}/missing-dir/out.json"))
    if command.startswith("sensitivity"):
        for detail, value, make, must_fail in [
                ("--chart in a missing directory", "{root}/missing-dir/chart.svg", None, None),
                ("--chart a full device", "{root}/dev-full",
                 lambda root, applied: make_full_device(root, "dev-full", applied),
                 "writing the chart to a full device must fail (exit 73/74)")]:
            def apply(root: Path, value=value, make=make) -> Applied:
                applied = Applied(names=["--chart", value.replace("{root}", str(root))])
                if make:
                    make(root, applied)
                return applied

            cases.append(Case(command, "", "flag.chart", detail, base + ["--chart", value], apply,
                              control=tuple(base), must_fail=must_fail))
    return cases


def out_dir_cases() -> list[Case]:
    """--out of water-yield and carbon: must not be created by a failing run; bad places."""
    cases = []
    for command, make_argv in (("water-yield", water_yield), ("carbon", carbon)):
        base = make_argv()
        flag = "--lulc"
        failing = make_argv(**{flag: "grid/missing.tif"})
        cases.append(Case(command, "", "flag.out:failing-run", f"{flag} missing, --out a new directory",
                          failing, lambda root: Applied(names=["missing.tif", flag]), control=tuple(base)))
        at = base.index("--out") + 1
        for kind, detail, value, make in [
                ("flag.out:regular-file", "--out an existing regular file", "{root}/a-file", make_file),
                ("flag.out:under-file", "--out under a regular file", "{root}/a-file/out", make_file),
                ("flag.out:device", "--out /dev/null", "/dev/null", None)]:
            argv = list(base)
            argv[at] = value

            def apply(root: Path, value=value, make=make) -> Applied:
                applied = Applied(names=["--out", value.replace("{root}", str(root))])
                if make:
                    make(root, "a-file", applied)
                return applied

            cases.append(Case(command, "", kind, detail, argv, apply, control=tuple(base)))
    return cases


def value_cases(county: list[str], grid: list[str], tornado: list[str], grid_mc: list[str],
                quick: bool) -> list[Case]:
    """Bad values of numeric and structured flags."""
    changes: list[tuple[str, list[str], str, list[str]]] = [
        ("account", county, "--set", ["price.carbon=nan", "price.carbon=inf", "price.carbon=-1",
                                      "price.carbon=1e308", "price.carbon=1e-320", "price.carbon=abc",
                                      "price.carbon=", "price.carbon", "no.such.coefficient=1",
                                      "climate.ac_energy_efficiency_ratio=1e-320",
                                      "climate.ac_energy_efficiency_ratio=0"]),
        ("account", county, "--year", ["0", "-1", "99999", "1" + "0" * 300, "abc"]),
        ("account", county, "--prices", ["constant:0", "constant:99999", "constant:abc", "constant:",
                                         "current:2020"]),
        ("grid", grid, "--set", ["water_yield.seasonality_z=nan", "water_yield.seasonality_z=1e308",
                                 "water_yield.seasonality_z=-1", "water_yield.seasonality_z=1e-320",
                                 "price.reservoir_storage_cost=1e308"]),
        ("grid", grid, "--threads", ["0", "-1", "100000", "abc"]),
        ("sensitivity tornado", tornado, "--seed", ["-1", "abc", "18446744073709551616"]),
        ("sensitivity montecarlo", grid_mc, "--n", ["0", "-1", "abc", "1e3", "99999999999999999999"]),
        ("sensitivity montecarlo", grid_mc, "--zone", ["xinfengjiang=99", "nosuch=1", "=",
                                                       "xinfengjiang=abc", "xinfengjiang"]),
        ("water-yield", water_yield(), "--seasonality-constant", ["nan", "inf", "-1", "0", "1e308",
                                                                  "abc", "1e-320"]),
    ]
    cases = []
    for command, base, flag, values in changes:
        for value in values:
            argv = list(base) + [flag, value] if flag not in base else \
                [value if index == base.index(flag) + 1 else arg for index, arg in enumerate(base)]
            names = [flag] + [part for part in re.split(r"[=:]", value) if len(part) >= 2]
            cases.append(Case(command, "", f"flag.value:{flag}", f"{flag} {value[:40]}", argv,
                              lambda root, names=names: Applied(names=names), control=tuple(base)))
    sobol = ["sensitivity", "sobol", "lianping-2023.json", "--params", "sensitivity/prices.json",
             "--n", "8"] + JSON_OUT
    for flag, value in [("--confidence", "1.5"), ("--confidence", "nan"), ("--bootstrap", "-1"),
                        ("--levels", "3"), ("--sampler", "halton")]:
        cases.append(Case("sensitivity sobol", "", f"flag.value:{flag}", f"{flag} {value}",
                          sobol + [flag, value], lambda root, flag=flag: Applied(names=[flag]),
                          control=tuple(sobol)))
    return cases


# Running -----------------------------------------------------------------------------------------

class Runner:
    """Runs cases in fresh copies of the samples and classifies them."""

    def __init__(self, args: argparse.Namespace, work: Path):
        self.args = args
        self.work = work
        self.pristine = work / "pristine"
        self.environment = dict(os.environ, GEP_COEFFICIENTS_DIR=str(args.coefficients_dir))
        self.environment["SWIFT_BACKTRACE"] = (
            "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=24"
            if args.backtrace else "enable=no")
        self.controls: dict[tuple, dict] = {}
        self.local = threading.local()
        self._build_pristine()
        self.manifest: dict[str, Optional[tuple[int, int]]] = {}
        for directory, folders, files in os.walk(self.pristine):
            relative = Path(directory).relative_to(self.pristine)
            for name in folders:
                self.manifest[str(relative / name)] = None
            for name in files:
                state = (self.pristine / relative / name).stat()
                self.manifest[str(relative / name)] = (state.st_size, state.st_mtime_ns)

    def _build_pristine(self) -> None:
        shutil.copytree(SAMPLES, self.pristine / WORKDIR)
        (self.pristine / "tables").mkdir()
        for name in ("biophysical_table.csv", "carbon_pools.csv"):
            shutil.copy(FIXTURES / name, self.pristine / "tables" / name)
        shutil.copytree(SETS, self.pristine / "sets")

    def _execute(self, argv: list[str], cwd: Path,
                 timeout: Optional[float] = None) -> tuple[Optional[int], bytes, bytes, float]:
        started = time.monotonic()
        process = subprocess.Popen([str(self.args.gep)] + argv, cwd=cwd, env=self.environment,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
        limit = self.args.memory_mib << 20
        try:
            resource.prlimit(process.pid, resource.RLIMIT_AS, (limit, limit))
        except (ProcessLookupError, PermissionError):
            pass
        try:
            stdout, stderr = process.communicate(timeout=timeout or self.args.timeout)
            status: Optional[int] = process.returncode
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            status = None
        return status, stdout, stderr, time.monotonic() - started

    def control(self, argv: tuple) -> dict:
        """The unmutated run of a command: its status and which JSON paths hold numbers."""
        if argv not in self.controls:
            root = Path(tempfile.mkdtemp(prefix="control-", dir=self.work))
            shutil.copytree(self.pristine, root, dirs_exist_ok=True)
            status, stdout, stderr, _ = self._execute(list(argv), root / WORKDIR)
            text = _output_text(list(argv), root, stdout)
            numeric: set[str] = set()
            nullable: set[str] = set()
            problem = None
            if status == 0 and text is not None:
                problem = nonfinite(text, set(), set())
                try:
                    document = json.loads(text)
                except ValueError:
                    document = None
                for path, value in walk(document):
                    if value is None:
                        nullable.add(_shape(path))
                    elif isinstance(value, (int, float)) and not isinstance(value, bool):
                        numeric.add(_shape(path))
            self.controls[argv] = {"status": status, "numeric": numeric, "nullable": nullable,
                                   "problem": problem or (None if status == 0 else
                                                          stderr.decode(errors="replace")[:300])}
            shutil.rmtree(root, ignore_errors=True)
        return self.controls[argv]

    def _root(self) -> Path:
        """This thread's case root: a copy of the pristine tree, reset after every case."""
        root = getattr(self.local, "root", None)
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="case-", dir=self.work))
            shutil.copytree(self.pristine, root, dirs_exist_ok=True)
            self.local.root = root
        return root

    def _reset(self, root: Path) -> None:
        """Puts a case root back as the pristine tree: removes what a case added, restores
        what it changed (compared by type, size and modification time)."""
        for directory, folders, files in os.walk(root, topdown=False):
            relative = Path(directory).relative_to(root)
            for name in files + folders:
                path = relative / name
                if str(path) not in self.manifest:
                    full = root / path
                    if full.is_dir() and not full.is_symlink():
                        shutil.rmtree(full, ignore_errors=True)
                    else:
                        full.unlink(missing_ok=True)
        for path, state in self.manifest.items():
            full = root / path
            if state is None:
                full.mkdir(exist_ok=True)
                continue
            try:
                current = full.lstat()
                unchanged = stat.S_ISREG(current.st_mode) and (current.st_size, current.st_mtime_ns) == state
            except FileNotFoundError:
                unchanged = False
            if not unchanged:
                if full.is_dir() and not full.is_symlink():
                    shutil.rmtree(full)
                full.unlink(missing_ok=True)
                shutil.copy2(self.pristine / path, full)

    def run(self, case: Case) -> dict:
        """Runs one case in this thread's copy of the samples and classifies it."""
        control = self.control(case.control)
        root = self._root()
        try:
            applied = case.apply(root)
            argv = [applied.substitutions.get(arg, arg).replace("{root}", str(root)) for arg in case.argv]
            output, outdir = _flag_path(argv, "--output", root), _flag_path(argv, "--out", root)
            before = (output is not None and output.exists(), outdir is not None and outdir.exists())
            watched = (root / WORKDIR / case.watch_input).read_bytes() if case.watch_input else None
            status, stdout, stderr, seconds = self._execute(argv, root / WORKDIR, case.timeout)
            for feeder in applied.feeders:
                feeder.release()
            cls, reason = self._classify(case, applied, root, argv, status, stdout, stderr, control,
                                         output, outdir, before, watched)
        finally:
            self._reset(root)
        lines = stderr.decode("utf-8", errors="replace").replace(str(root), "$CASE").splitlines()
        if cls == "crash":
            lines = crash_summary(lines)
        return {"index": case.index, "id": case.ident, "class": cls, "reason": reason,
                "command": case.command, "target": case.target, "kind": case.kind,
                "detail": case.detail, "argv": _display(argv, root),
                "status": "timeout" if status is None else (f"signal {_signal_name(-status)}"
                                                            if status < 0 else f"exit {status}"),
                "seconds": round(seconds, 3), "stderr": [line[:300] for line in lines[:10]]}

    def _classify(self, case: Case, applied: Applied, root: Path, argv: list[str],
                  status: Optional[int], stdout: bytes, stderr: bytes, control: dict,
                  output: Optional[Path], outdir: Optional[Path], before: tuple[bool, bool],
                  watched: Optional[bytes]) -> tuple[str, str]:
        if status is None:
            return "hang", f"no exit within {case.timeout or self.args.timeout:g} s"
        if status < 0:
            return "crash", f"killed by signal {_signal_name(-status)}"
        if status not in ALLOWED_EXITS:
            return "crash", f"exit status {status}"
        if status == 0:
            text = _output_text(argv, root, stdout)
            if text is not None:
                problem = nonfinite(text, control["numeric"], control["nullable"])
                if problem:
                    return "nonfinite", problem
            if case.must_fail:
                device = _flag_path(argv, "--output", root) if "full device" in case.detail else None
                replaced = " (the device node was replaced by a regular file)" \
                    if device is not None and device.is_file() else ""
                return "accepted-corrupt", case.must_fail + replaced
            if watched is not None and (root / WORKDIR / case.watch_input).read_bytes() != watched:
                return "input-overwritten", f"{case.watch_input} was replaced by the report"
            return "ok", ""
        leftovers = []
        if output is not None and not before[0] and output.exists():
            leftovers.append(f"--output {output.name} left behind")
        if output is not None and output.parent.is_dir():
            leftovers += [f"temporary {path.name} left" for path in output.parent.glob(f".{output.name}.tmp-*")]
        if outdir is not None and not before[1] and outdir.exists():
            leftovers.append(f"--out {outdir.name} created")
        if leftovers:
            return "partial-output", "; ".join(leftovers)
        message = stderr.decode("utf-8", errors="replace")
        names = self._names(case, applied, root)
        if not any(name in message for name in names):
            return "nameless", "stderr names none of " + ", ".join(sorted({_display_name(n, root) for n in names}))[:200]
        if case.benign:
            return "rejected-valid", "a harmless change was refused"
        return "ok", ""

    def _names(self, case: Case, applied: Applied, root: Path) -> list[str]:
        names = [name for name in applied.names if name]
        if case.target:
            target = root / case.target
            names += [case.target, target.name, str(target),
                      os.path.relpath(target, root / WORKDIR)]
        return names


def _shape(path: tuple) -> str:
    return ".".join("*" if isinstance(part, int) else str(part) for part in path)


class _NonFinite:
    """A number in the output that is not a finite double."""

    def __init__(self, token: str):
        self.token = token


def nonfinite(text: str, numeric: set[str], nullable: set[str]) -> Optional[str]:
    """What in a JSON output is not a finite number where one belongs, or None."""
    def number(token: str):
        value = float(token)
        return value if math.isfinite(value) else _NonFinite(token)

    try:
        document = json.loads(text, parse_constant=_NonFinite, parse_float=number)
    except ValueError as error:
        return f"output is not JSON: {str(error)[:80]}"
    empty = {path for path, value in walk(document)
             if isinstance(value, dict) and value.get("valid_cells") == 0}
    for path, value in walk(document):
        where = _shape(path) or "$"
        if value is None and (path[:-1] in empty or where == "nodata"):
            continue  # a mean or extreme of no cells; a NaN nodata (JSON has no NaN)
        if isinstance(value, _NonFinite):
            return f"{value.token[:20]} at {where}"
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 1.8e308:
            return f"integer beyond Double at {where}"
        if isinstance(value, str) and re.fullmatch(r"[-+]?(nan|inf(inity)?)", value, re.IGNORECASE):
            return f'"{value}" at {where}'
        if value is None and where in numeric and where not in nullable:
            return f"null at {where} (a number in the unmutated run)"
    return None


def crash_summary(lines: list[str]) -> list[str]:
    """What a crash's stderr says: the runtime's message and the first frames in the sources."""
    messages = [line.strip() for line in lines
                if "Fatal error" in line or "runtime failure" in line or "Program crashed" in line]
    frames = [re.sub(r"^\s*\d+ (\[[^]]*\] )*0x[0-9a-f]+ ", "", line).strip()
              for line in lines if "/Sources/" in line]
    return (messages[:2] + frames[:4]) or lines[:10]


def _flag_path(argv: list[str], flag: str, root: Path) -> Optional[Path]:
    """Where a flag's file goes, when it is inside the case root."""
    for index, arg in enumerate(argv[:-1]):
        if arg == flag or (flag == "--output" and arg == "-o"):
            path = (root / WORKDIR / argv[index + 1]).resolve() if not argv[index + 1].startswith("/") \
                else Path(argv[index + 1])
            return path if str(path).startswith(str(root)) else None
    return None


def _output_text(argv: list[str], root: Path, stdout: bytes) -> Optional[str]:
    """The JSON output of a run: its --output file (when a regular file) or standard output."""
    if "--format" in argv and argv[argv.index("--format") + 1] != "json":
        return None
    if "--output" in argv:
        path = _flag_path(argv, "--output", root)
        if path is None or not path.is_file():
            return None
        return path.read_text("utf-8", errors="replace")
    return stdout.decode("utf-8", errors="replace")


def _display(argv: list[str], root: Path) -> str:
    return " ".join(shlex.quote(arg).replace(str(root), "$CASE") if str(root) not in arg
                    else '"' + arg.replace(str(root), "$CASE") + '"' for arg in argv)


def _display_name(name: str, root: Path) -> str:
    name = name.replace(str(root), "$CASE")
    return name if len(name) < 80 else name[:40] + "…"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


# Repro scripts -----------------------------------------------------------------------------------

def write_repro(case: Case, directory: Path, gep: Path, coefficients: Path, work: Path,
                runner: Runner) -> Path:
    """A script that rebuilds the case under /tmp/gep-mutation-repro and runs its command."""
    directory.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="repro-", dir=work))
    shutil.copytree(runner.pristine, root, dirs_exist_ok=True)
    applied = case.apply(root)
    for feeder in applied.feeders:
        feeder.release()
    lines = ["#!/bin/sh", f"# {case.command}: {case.target or '-'}: {case.kind}: {case.detail}",
             f'REPO="${{REPO:-{REPO}}}"', f'GEP="${{GEP:-{gep}}}"', f"CASE={REPRO_ROOT}",
             'rm -rf "$CASE"; mkdir -p "$CASE/tables"',
             'cp -R "$REPO/samples/lianping" "$CASE/lianping"',
             'cp -R "$REPO/coefficients/sets" "$CASE/sets"',
             'cp "$REPO/Tests/GEPGridTests/Fixtures/biophysical_table.csv" '
             '"$REPO/Tests/GEPGridTests/Fixtures/carbon_pools.csv" "$CASE/tables/"']
    if case.target:
        data = (root / case.target).read_bytes().replace(str(root).encode(), REPRO_ROOT.encode())
        (directory / Path(case.target).name).write_bytes(data)
        lines.append(f'cp "$(dirname "$0")/{Path(case.target).name}" "$CASE/{case.target}"')
    lines += applied.setup
    argv = [applied.substitutions.get(arg, arg).replace("{root}", str(root)) for arg in case.argv]
    lines += ['cd "$CASE/lianping"',
              f'GEP_COEFFICIENTS_DIR="${{GEP_COEFFICIENTS_DIR:-{coefficients}}}" "$GEP" {_display(argv, root)}',
              'echo "exit status $?"']
    shutil.rmtree(root, ignore_errors=True)
    script = directory / "repro.sh"
    script.write_text("\n".join(lines) + "\n")
    return script


# Main --------------------------------------------------------------------------------------------

def arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gep", type=Path, default=REPO / ".build" / "release" / "gep",
                        help="the gep binary to test (default: .build/release/gep)")
    parser.add_argument("--coefficients-dir", type=Path, default=REPO / "coefficients",
                        help="GEP_COEFFICIENTS_DIR for every run (default: the repo's coefficients/)")
    parser.add_argument("--report", type=Path, default=Path("mutation-report.md"),
                        help="the Markdown report; the JSON report goes beside it (.json)")
    parser.add_argument("--keep", type=Path, help="directory for repro scripts (default: REPORT.repro/)")
    parser.add_argument("--quick", action="store_true", help="a seeded sample of nodes and mutations")
    parser.add_argument("--seed", type=int, default=2023, help="seed of sampling and flip positions")
    parser.add_argument("--timeout", type=float, default=20, help="seconds before a run counts as a hang")
    parser.add_argument("--jobs", type=int, default=1, help="cases run at once (default 1)")
    parser.add_argument("--memory-mib", type=int, default=1024, help="address-space limit of a run")
    parser.add_argument("--no-backtrace", dest="backtrace", action="store_false",
                        help="turn the Swift backtracer off (crashes then show no source location)")
    parser.add_argument("--filter", help="run only cases whose id (command|target|kind|detail) matches")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    args = parser.parse_args()
    args.gep = args.gep.resolve()
    args.coefficients_dir = args.coefficients_dir.resolve()
    return args


def main() -> int:
    """Enumerates, runs and reports."""
    sys.set_int_max_str_digits(0)
    args = arguments()
    rng = random.Random(args.seed)
    cases = file_cases(rng, args.quick) + flag_cases(args.quick)
    for index, case in enumerate(cases):
        case.index = index
    if args.filter:
        cases = [case for case in cases if re.search(args.filter, case.ident)]
    if args.list:
        for case in cases:
            print(f"{case.index}\t{case.ident}")
        print(f"{len(cases)} cases", file=sys.stderr)
        return 0
    if not args.gep.is_file():
        print(f"error: no gep binary at {args.gep} (build it or pass --gep)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="gep-mutation-"))
    started = time.monotonic()
    try:
        runner = Runner(args, work)
        for argv in sorted({case.control for case in cases}):
            runner.control(argv)
        results: list[dict] = []
        interrupted = False
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        pool = ThreadPoolExecutor(max_workers=args.jobs)
        try:
            for result in pool.map(runner.run, cases):
                results.append(result)
                if len(results) % 250 == 0 or len(results) == len(cases):
                    elapsed = time.monotonic() - started
                    left = elapsed / len(results) * (len(cases) - len(results))
                    bad = sum(1 for item in results if item["class"] in FAILURES)
                    print(f"{len(results)}/{len(cases)} cases, {bad} failing, {elapsed:.0f} s, "
                          f"about {left:.0f} s left", file=sys.stderr)
        except KeyboardInterrupt:
            interrupted = True
            print(f"interrupted: reporting the {len(results)} cases run", file=sys.stderr)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        elapsed = time.monotonic() - started
        failed_controls = {" ".join(argv): control["problem"] for argv, control in runner.controls.items()
                           if control["status"] != 0 or control["problem"]}
        meta = {"gep": str(args.gep), "gep_sha256": hashlib.sha256(args.gep.read_bytes()).hexdigest()[:16],
                "coefficients_dir": str(args.coefficients_dir),
                "mode": "quick" if args.quick else "full", "seed": args.seed,
                "cases": len(results) if not interrupted else f"{len(results)} of {len(cases)} (interrupted)",
                "runtime_s": round(elapsed, 1), "timeout_s": args.timeout,
                "jobs": args.jobs, "memory_limit_mib": args.memory_mib,
                "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                "controls_failing": failed_controls or "none"}
        groups = ordered(group(results))
        keep = args.keep or args.report.with_name(args.report.name + ".repro")
        by_index = {case.index: case for case in cases}
        repros = {}
        for number, (_, members) in enumerate(groups, 1):
            case = by_index[members[0]["index"]]
            repros[members[0]["id"]] = str(write_repro(case, keep / f"{number:03d}", args.gep,
                                                       args.coefficients_dir, work, runner))
        write_markdown(args.report, meta, results, groups, repros)
        write_json(args.report.with_suffix(".json"), meta, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failing = sum(1 for result in results if result["class"] in FAILURES)
    print(f"{len(results)} cases in {elapsed:.0f} s: {failing} failing in "
          f"{sum(1 for key, _ in groups if key.split(chr(9))[0] in FAILURES)} classes; "
          f"report {args.report}", file=sys.stderr)
    if failed_controls:
        print(f"control runs failed: {failed_controls}", file=sys.stderr)
        return 2
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
