"""`make bench`: how fast coord is on a large production, beside the floor it cannot beat.

Prints figures; never fails on speed (timed tests flake, printed figures inform).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate

from coord import documents, render
from coord.checks import validate
from coord.model import ProductionFolder
from coord.publish import build_callsheets
from coord.schedule import shoot_days


def best_of(runs: int, function: Callable[[], object]) -> float:
    """The fastest of `runs` runs, in seconds: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_floor(root: Path) -> None:
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def bench_callsheets(root: Path, folder: ProductionFolder) -> None:
    """All call sheets as PDF, beside the floor: compiling the same Typst documents alone, in one process."""
    import json

    import typst

    days = shoot_days(folder)
    payloads = [json.dumps(documents.callsheet(folder, day)) for day in days]
    style, template = render.pdf_template_files(root, "callsheet.typ")
    source = style.read_bytes() + b"\n" + template.read_bytes()

    def floor() -> None:
        compiler = typst.Compiler(root=str(template.parent), font_paths=render.typst_fonts())
        for payload in payloads:
            compiler.compile(input=source, sys_inputs={"data": payload})

    def full() -> None:
        with tempfile.TemporaryDirectory() as out:
            build_callsheets(root, [], True, ["pdf"], Path(out), None)

    typst_floor = best_of(3, floor)
    took = best_of(3, full)
    print(f"typst floor ({len(payloads)} call sheets compiled alone): {typst_floor * 1000:7.1f} ms")
    print(
        f"coord callsheet --all (PDF, from YAML):   {took * 1000:7.1f} ms  = {took / typst_floor:.2f}x the floor (target: within 3x)"
    )
    with tempfile.TemporaryDirectory() as out:
        build_callsheets(root, [], True, ["pdf"], Path(out), None)
        again = best_of(3, lambda: build_callsheets(root, [], True, ["pdf"], Path(out), None))
    print(f"second --all with nothing changed:        {again * 1000:7.1f} ms  (writes nothing)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "synthetic"
        generate(root)
        size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
        folder, findings = validate(root)
        if folder is None or findings.errors:
            raise SystemExit(
                "the synthetic production does not validate: " + "; ".join(f"{f.pos} {f.message}" for f in findings[:5])
            )
        print(f"synthetic production: {len(folder.days)} shoot days, {len(folder.crew)} crew, {len(folder.cast)} cast, "
              f"{len(folder.scenes)} scenes, {len(folder.transport.pickups)} pickups; {size / 1024:.0f} KB of YAML")  # fmt: skip
        floor = best_of(5, lambda: parse_floor(root))
        took = best_of(5, lambda: validate(root))
        print(f"parse floor (yaml.load with CSafeLoader): {floor * 1000:7.1f} ms")
        print(
            f"coord validate (load + all checks):       {took * 1000:7.1f} ms  = {took / floor:.2f}x the floor (target: within 2x)"
        )
        bench_callsheets(root, folder)
    example = Path(__file__).parent.parent / "examples" / "harbour-lights"
    with tempfile.TemporaryDirectory() as out:
        first = best_of(1, lambda: build_callsheets(example, [], True, ["pdf"], Path(out), None))
        again = best_of(3, lambda: build_callsheets(example, [], True, ["pdf"], Path(out), None))
    print(f"example production, 15 call sheets (PDF): {first * 1000:7.1f} ms; again with nothing changed: {again * 1000:.1f} ms")
    coord = Path(sys.executable).parent / "coord"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    help_time = best_of(5, lambda: subprocess.run([str(coord), "--help"], check=True, capture_output=True, env=env))
    print(f"coord --help (process start to exit):     {help_time * 1000:7.1f} ms  (target: under 150 ms)")


if __name__ == "__main__":
    main()
