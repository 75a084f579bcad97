"""The mutation run's report: counts per class and command, and the failures grouped into classes."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

#: Classes that fail the run, most serious first.
FAILURES = ["crash", "hang", "nonfinite", "accepted-corrupt", "partial-output", "nameless"]
#: Classes worth a look that do not fail the run.
NOTES = ["rejected-valid", "input-overwritten"]
#: Every class in report order.
CLASSES = FAILURES + NOTES + ["ok"]
#: What each class means, for the report.
MEANINGS = {
    "crash": "killed by a signal, or an exit status other than 0, 64, 65, 66, 73, 74",
    "hang": "still running at the timeout (killed)",
    "nonfinite": "exit 0, but the JSON output holds NaN/Infinity, an overflowing number, "
                 "a \"nan\"/\"inf\" string, or null where the unmutated run has a number",
    "accepted-corrupt": "exit 0 on a mutation that must be refused (truncated or corrupt raster, "
                        "invalid JSON, output to a full device)",
    "partial-output": "a failed run left its --output file, a temporary file, or a new --out directory",
    "nameless": "an error that names neither the mutated file (path or base name), the injected "
                "path, nor the mutated flag",
    "rejected-valid": "a harmless change (CRLF, BOM, re-encoding) refused",
    "input-overwritten": "--output equal to an input file replaced the input and exited 0",
}


def signature(result: dict) -> str:
    """What failures of one kind have in common: the crash site, the message made generic, the
    JSON path of a bad number, the kind of an accepted corruption."""
    cls = result["class"]
    if cls == "crash":
        lines = result["stderr"]
        message = next((line for line in lines if "failure" in line or "Fatal error" in line), "")
        site = next((line for line in lines if "/Sources/" in line), "")
        site = re.sub(r".* at (/\S*?/Sources/|Sources/)", "Sources/", site)
        frames = [line for line in lines if "/Sources/" in line]
        functions = [re.sub(r"^(specialized |static )*", "", line).split("(")[0] for line in frames]
        files = {re.sub(r".*/Sources/", "", line).split(":")[0] for line in frames}
        if len(frames) >= 3 and len(files) == 1 and len(set(functions)) < len(functions):
            return f"{result['status']}: deep recursion (stack overflow) in Sources/{files.pop()}"
        if site:
            return f"{result['status']} at {site}"[:240]
        return re.sub(r"\d{5,}", "#", f"{result['status']}: {message}".strip())[:240]
    if cls == "hang":
        return result["kind"].split(":", 1)[-1]
    if cls == "accepted-corrupt":
        return result["kind"].split(":")[0] + ": " + result["reason"]
    if cls in ("partial-output", "nonfinite"):
        return re.sub(r"\(a number in the unmutated run\)", "", result["reason"]).strip()
    if cls == "input-overwritten":
        return "--output equal to an input file"
    return normalise(first_message(result["stderr"]))


def first_message(lines: list[str]) -> str:
    """The first line that says what went wrong (after an "N problems found" line)."""
    for index, line in enumerate(lines):
        if re.match(r"Error: \d+ problems? found:?$", line.strip()) and index + 1 < len(lines):
            return lines[index + 1].strip()
        if line.strip():
            return line.strip()
    return "(no message)"


def normalise(text: str) -> str:
    """The message with locations, numbers, paths and quoted values made generic."""
    text = re.sub(r"(.)\1{7,}", r"\1…", text)
    text = re.sub(r"'[^']*'?|\"[^\"]*\"?", "'…'", text)
    text = re.sub(r"\$CASE\S*", "<path>", text)
    text = re.sub(r"(?:[\w./-]+\.(?:json|tif|csv|svg)|/dev/\w+)(?::\d+:\d+)?", "<file>", text)
    text = re.sub(r"\b[a-z_]\w*(?:\[\d+\]|\.\w+)+\b", "<json.path>", text)
    text = re.sub(r"-?\d[\d.,eE+-]*", "#", text)
    return text[:180]


def group(results: list[dict]) -> dict[str, list[dict]]:
    """Non-ok results by class and signature (across commands)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for result in results:
        if result["class"] != "ok":
            groups[f"{result['class']}\t{signature(result)}"].append(result)
    return groups


def ordered(groups: dict[str, list[dict]]) -> list[tuple[str, list[dict]]]:
    """Groups by class priority, then by size."""
    return sorted(groups.items(), key=lambda item: (CLASSES.index(item[0].split("\t")[0]),
                                                    -len(item[1]), item[0]))


def write_markdown(path: Path, meta: dict, results: list[dict], groups: list[tuple[str, list[dict]]],
                   repros: dict[str, str]) -> None:
    """The readable report."""
    counts = Counter(result["class"] for result in results)
    by_command: dict[str, Counter] = defaultdict(Counter)
    for result in results:
        by_command[result["command"]][result["class"]] += 1
    lines = ["# gep mutation run", ""]
    lines += [f"- {key}: {value}" for key, value in meta.items()]
    lines += ["", "## Counts", "", "| class | cases | meaning |", "|---|---:|---|"]
    lines += [f"| {cls} | {counts.get(cls, 0)} | {MEANINGS.get(cls, 'no problem found')} |" for cls in CLASSES]
    shown = [cls for cls in CLASSES if counts.get(cls)]
    lines += ["", "| command | " + " | ".join(shown) + " | total |",
              "|---|" + "---:|" * (len(shown) + 1)]
    for command in sorted(by_command):
        row = by_command[command]
        lines.append(f"| {command} | " + " | ".join(str(row.get(cls, 0)) for cls in shown)
                     + f" | {sum(row.values())} |")
    lines += ["", f"## Failure classes ({sum(1 for key, _ in groups if key.split(chr(9))[0] in FAILURES)})", ""]
    number = 0
    for key, members in groups:
        cls, sig = key.split("\t")
        commands = Counter(member["command"] for member in members)
        if cls in NOTES and (number == 0 or groups[number - 1][0].split("\t")[0] in FAILURES):
            lines += ["## Notes (not failures)", ""]
        number += 1
        first = members[0]
        kinds = Counter(member["kind"] for member in members)
        lines += [f"### {number}. {cls} · {len(members)} case(s)", "",
                  f"Signature: `{sig}`", "",
                  "Commands: " + ", ".join(f"{name} ×{count}" for name, count in commands.most_common()), "",
                  "Mutations: " + ", ".join(f"`{kind}` ×{count}" for kind, count in kinds.most_common(8))
                  + (" …" if len(kinds) > 8 else ""), "",
                  f"- command: `gep {first['argv']}` (in a copy of samples/lianping)",
                  f"- mutation: `{first['target'] or '-'}`: {first['detail']}",
                  f"- exit: {first['status']} after {first['seconds']:.2f} s; {first['reason']}"]
        if first["id"] in repros:
            lines.append(f"- reproduce: `sh {repros[first['id']]}`")
        if first["stderr"]:
            lines += ["", "```", *first["stderr"][:6], "```"]
        others = _varied(members[1:], 5)
        for member in others:
            lines.append(f"- also {member['command']} `{member['target'] or '-'}`: {member['detail']}"
                         f" → {member['status']}")
        if len(members) > 1 + len(others):
            lines.append(f"- … and {len(members) - 1 - len(others)} more (see the JSON report)")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _varied(members: list[dict], count: int) -> list[dict]:
    """Up to ``count`` members, different commands and files first."""
    chosen, seen = [], set()
    for member in members:
        if (member["command"], member["target"]) not in seen:
            seen.add((member["command"], member["target"]))
            chosen.append(member)
    chosen += [member for member in members if member not in chosen]
    return chosen[:count]


def write_json(path: Path, meta: dict, results: list[dict]) -> None:
    """Every non-ok case, for tools."""
    counts = Counter(result["class"] for result in results)
    path.write_text(json.dumps({"meta": meta, "counts": dict(counts),
                                "cases": [result for result in results if result["class"] != "ok"]},
                               ensure_ascii=False, indent=1), encoding="utf-8")
