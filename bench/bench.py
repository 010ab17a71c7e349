"""`make bench`: how fast coord is on a large production, each figure beside the floor it cannot beat.

The short-notice change (coord publish --send of one day to 330 recipients, each their own
sheet) is timed against a real SMTP server on loopback (aiosmtpd, from the test extras).

Prints figures; never fails on speed (timed tests flake, printed figures inform).
Every floor is measured in the same run, on the same machine, as the figure beside it.
"""

from __future__ import annotations

import copy
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate

from coord import render, typesetting
from coord.build import build
from coord.checks import CHECKS, Reporter, validate
from coord.documents.callsheet import callsheet
from coord.errors import CoordError
from coord.findings import Findings
from coord.load import load_folder
from coord.model import ProductionFolder
from coord.plan import shoot_days

EXAMPLE = Path(__file__).parent.parent / "examples" / "harbour-lights"


def best_of(runs: int, function: Callable[[], object]) -> float:
    """The fastest of `runs` runs, in seconds: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def line(label: str, seconds: float, floor: float | None = None, note: str = "") -> None:
    against = f"  = {seconds / floor:4.2f}x the floor" if floor else ""
    print(f"  {label:<52} {seconds * 1000:8.1f} ms{against}{('  ' + note) if note else ''}")


def parse_floor(root: Path) -> None:
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def all_sheets(root: Path, formats: list[str], out: Path) -> None:
    build(root, "callsheet", formats, out, days=[], all_days=True)


def bench_validate(tmp: Path) -> tuple[Path, ProductionFolder]:
    """validate at 1x, 2x and 4x the synthetic production: the growth should follow the data's."""
    print("validate (load + every check), beside parsing the same YAML alone:")
    first: tuple[Path, ProductionFolder] | None = None
    base: tuple[float, float] | None = None
    for scale in (1, 2, 4):
        root = tmp / f"synthetic-{scale}x"
        generate(root, scale=scale)
        folder, findings = validate(root)
        if folder is None or findings.errors:
            raise SystemExit(
                "the synthetic production does not validate: " + "; ".join(f"{f.pos} {f.message}" for f in findings[:5])
            )
        size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
        floor = best_of(3, lambda root=root: parse_floor(root))  # type: ignore[misc]
        took = best_of(3, lambda root=root: validate(root))  # type: ignore[misc]
        growth = f"growth {took / base[0]:.2f}x for {floor / base[1]:.2f}x the parsing" if base else ""
        line(
            f"{scale}x: {len(folder.crew)} crew, {len(folder.transport.pickups)} pickups, {size / 1024:.0f} KB",
            took,
            floor,
            growth,
        )
        if first is None:
            first, base = (root, folder), (took, floor)
    assert first is not None
    return first


#: The checks of transport and hotels (issue 9): runs, arrivals, seats, drivers, pickups from hotels, rooms, bookings.
TRANSPORT_CHECKS = (
    "arrival-before-call", "run-arrival", "run-seats", "runs-overlap", "cast-without-pickup", "pickup-from-booked-hotel",
    "rooms-away-from-home", "bookings-overlap", "booking-dates", "bookings",
)  # fmt: skip


def bench_transport(tmp: Path) -> None:
    """The transport and hotel checks alone at 1x and 4x the synthetic production: growth should follow the data's (4x)."""
    print("transport and hotel checks (runs, arrivals, seats, drivers, hotels, rooms, bookings), 1x and 4x:")
    base: float | None = None
    for scale in (1, 4):
        root = tmp / f"synthetic-{scale}x"
        if not root.exists():
            generate(root, scale=scale)
        folder, _ = load_folder(root)
        assert folder is not None

        def run(loaded: ProductionFolder = folder) -> Findings:
            # A new folder object, as each validate has: its runs are made once in each timed run, not once in all.
            fresh = copy.copy(loaded)
            findings = Findings()
            for name in TRANSPORT_CHECKS:
                CHECKS[name].function(fresh, Reporter(findings, name))
            return findings

        errors = [f for f in run() if f.level == "error"]
        if errors:
            raise SystemExit(
                "the synthetic production has transport errors: " + "; ".join(f"{f.pos} {f.message}" for f in errors[:5])
            )
        took = best_of(3, run)
        bookings = sum(len(h.bookings) for h in folder.hotels)
        growth = f"growth {took / base:.2f}x for 4x the data (at most 4.5x is near-linear)" if base else ""
        line(f"{scale}x: {len(folder.transport.pickups)} pickups, {bookings} bookings", took, note=growth)
        base = base or took


def bench_worktime(tmp: Path) -> None:
    """Every working-time check on the synthetic production under de-film at 1x and 4x: the growth should follow the shifts'."""
    from coord.checks import CHECKS, Reporter
    from coord.findings import Findings
    from coord.load import load_folder
    from coord.workrules import evaluate

    print("working-time checks (every person's planned days under de-film), beside the number of shifts:")
    base: tuple[float, int] | None = None
    for scale in (1, 4):
        root = tmp / f"worktime-{scale}x"
        generate(root, scale=scale, working_time="de-film")
        folder, _ = load_folder(root)
        assert folder is not None
        shifts = sum(len(who.days.effective) for who in evaluate(folder)[0])

        def run(folder: ProductionFolder = folder) -> None:
            for name in ("working-time-profile", "working-time", "working-days"):
                CHECKS[name].function(folder, Reporter(Findings(), name))

        took = best_of(3, run)
        growth = f"growth {took / base[0]:.2f}x for {shifts / base[1]:.2f}x the shifts" if base else ""
        line(f"{scale}x: {len(folder.crew) + len(folder.cast)} people, {shifts} shifts", took, note=growth)
        base = base or (took, shifts)


def bench_text(root: Path, folder: ProductionFolder) -> None:
    """HTML and Markdown of every sheet, beside rendering the same contexts with templates compiled once."""
    import jinja2  # noqa: F401 - imported here so that neither side pays for it

    contexts = [callsheet(folder, day) for day in shoot_days(folder)]

    def floor() -> None:
        renderer = render.Renderer(root)
        for fmt in ("html", "md"):
            template = renderer.template("callsheet", fmt)
            for context in contexts:
                renderer.text(template, fmt, context)

    def full() -> None:
        with tempfile.TemporaryDirectory() as out:
            all_sheets(root, ["html", "md"], Path(out))

    print(f"callsheet --all to HTML and Markdown ({len(contexts)} days), beside the templates rendered alone:")
    line("coord callsheet --all --format html --format md", best_of(3, full), best_of(3, floor))


def coord_command(*args: str) -> None:
    """coord as a user runs it: its own process, which starts its own typesetting workers."""
    subprocess.run([str(Path(sys.executable).parent / "coord"), *args], check=True, capture_output=True)


def cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def bench_pdf(root: Path, folder: ProductionFolder) -> None:
    """All call sheets as PDF, beside compiling the same Typst documents one after the other in one process.

    Typst spreads one document over more than one core of its own, so the parallel floor is given
    twice: the one-process time divided by the cores, and Typst's CPU time divided by the cores.
    """
    template = render.PdfTemplate(root, "callsheet.typ")
    jobs = [template.job(callsheet(folder, day)) for day in shoot_days(folder)]

    def floor() -> None:
        for job in jobs:
            typesetting.one(job)

    def full() -> None:
        with tempfile.TemporaryDirectory() as out:
            coord_command("callsheet", "--all", "--format", "pdf", "--out", out, "-C", str(root))

    floor()  # fonts loaded and compiler made before timing, as in a worker
    cpu = cpu_seconds()
    typst_floor = best_of(2, floor)
    typst_cpu = (cpu_seconds() - cpu) / 2
    cores = typesetting.workers()
    print(f"callsheet --all to PDF ({len(jobs)} days), beside Typst alone in one process, on {cores} cores:")
    line("Typst alone, one document after the other", typst_floor, note=f"using {typst_cpu / typst_floor:.2f} cores")
    line(f"the same divided by {cores} cores (the parallel floor)", typst_floor / cores)
    line(f"Typst's CPU time divided by {cores} cores", typst_cpu / cores)
    took = best_of(2, full)
    line(
        "coord callsheet --all (own process, from YAML)",
        took,
        typst_floor / cores,
        f"= {took / (typst_cpu / cores):.2f}x the CPU floor",
    )
    with tempfile.TemporaryDirectory() as out:
        all_sheets(root, ["pdf"], Path(out))
        line("again with nothing changed (writes nothing)", best_of(3, lambda: all_sheets(root, ["pdf"], Path(out))))


def bench_example() -> None:
    with tempfile.TemporaryDirectory() as out:
        first = best_of(1, lambda: coord_command("callsheet", "--all", "--format", "pdf", "--out", out, "-C", str(EXAMPLE)))
        again = best_of(3, lambda: all_sheets(EXAMPLE, ["pdf"], Path(out)))
    print("the example production:")
    line("15 call sheets to PDF (own process)", first)
    line("again with nothing changed (in this process)", again)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def smtp_sink(port: int) -> subprocess.Popen[bytes]:
    """A real SMTP server on loopback in a process of its own (aiosmtpd's Sink), as a mail server would be."""
    import socket

    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.1)
    server.kill()
    raise SystemExit("the SMTP server for the benchmark did not start")


def bench_publish(tmp: Path, day: int = 30) -> None:
    """The short-notice change: a call time moves; how long until every recipient's own copy is with the SMTP server."""
    import socket

    from coord.documents import document
    from coord.publish import Delivery, publish

    os.environ.update(GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@bench.example")
    os.environ.update(GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@bench.example")
    root = tmp / "short-notice"
    generate(root)
    (root / "distribution.yaml").write_text("send:\n  - documents: [callsheet]\n    to: [all crew, all cast]\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (root / "production.yaml").open("a", encoding="utf-8") as production:
        production.write(f"mail: {{host: 127.0.0.1, port: {port}, security: none, sender: office@bench.example}}\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "The schedule")
    options = {"days": [str(day)]}
    publish(root, "callsheet", ("pdf",), None, options)  # revision 1, printed for the office
    schedule = root / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    start = text.index(f"- day: {day}\n")
    schedule.write_text(text[:start] + text[start:].replace("crew_call: 7:00", "crew_call: 6:30", 1), encoding="utf-8")
    git(root, "commit", "-qam", f"Day {day}: crew call half an hour earlier")

    handed: list[float] = []

    def progress(delivery: Delivery) -> None:
        if delivery.status == "sent":
            handed.append(time.perf_counter())

    server = smtp_sink(port)
    try:
        began = time.perf_counter()
        run = publish(root, "callsheet", ("pdf",), None, options, send=True, progress=progress)
        took = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait()
    if len(handed) != len(run.deliveries):
        raise SystemExit(f"the short-notice change reached {len(handed)} of {len(run.deliveries)} recipients")

    folder = load_for(root)
    doc = document("callsheet")
    contexts = [doc.make(folder, **options)[0].context]
    for member in [*folder.crew, *folder.cast]:
        try:
            contexts += [item.context for item in doc.make(folder, **options, person=member.id)]
        except CoordError:  # not called that day: they get everyone's copy
            continue
    renderer = render.Renderer(root)
    typeset = best_of(
        1, lambda: renderer.pdfs(("callsheet.typ", context, f"sheet {i + 1}") for i, context in enumerate(contexts))
    )
    print(
        f"the short-notice change: day {day}'s crew call moves; coord publish callsheet {day} --send "
        f"({len(handed)} recipients, {len(contexts)} different sheets), beside typesetting those sheets alone:"
    )
    line(f"typesetting the {len(contexts)} sheets alone (Typst, {typesetting.workers()} cores)", typeset)
    line("coord publish --send: from the commit to the last message handed over", took, typeset)
    line(f"  of which handing the {len(handed)} messages to the SMTP server", handed[-1] - handed[0])


def load_for(root: Path) -> ProductionFolder:
    folder, findings = validate(root)
    if folder is None or findings.errors:
        raise SystemExit("the synthetic production does not validate")
    return folder


def bench_help() -> None:
    coord = Path(sys.executable).parent / "coord"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    python = best_of(5, lambda: subprocess.run([sys.executable, "-c", "pass"], check=True, env=env))
    took = best_of(5, lambda: subprocess.run([str(coord), "--help"], check=True, capture_output=True, env=env))
    print("coord --help, beside starting Python:")
    line("coord --help (process start to exit)", took, python, "target: under 150 ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root, folder = bench_validate(Path(tmp))
        bench_transport(Path(tmp))
        bench_worktime(Path(tmp))
        bench_text(root, folder)
        bench_pdf(root, folder)
        bench_publish(Path(tmp))
    bench_example()
    bench_help()


if __name__ == "__main__":
    main()
