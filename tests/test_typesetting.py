"""PDFs typeset in worker processes: on every core, the same bytes, failures named, Ctrl-C and lost workers handled.

Everything here runs real Typst in real processes; only the test of a machine that cannot start
processes replaces the pool, as no such machine can be had here.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pypdf
import pytest
from conftest import EXAMPLE, REPO, flat, invoke, pdf_text

from coord import typesetting
from coord.build import build
from coord.errors import CoordError
from coord.output import uninterrupted
from coord.render import Renderer

DAYS = ["1", "2", "3", "10"]

#: The production's own shared style, in front of the template: only the data.
STYLE = "#let data = json(bytes(sys.inputs.data))\n"
#: A template that panics for data with `fail`, and counts to `loops` (to take its time) before it prints `who`.
TEMPLATE = """#if data.fail { panic("cannot typeset " + data.who) }
#let n = 0
#for i in range(data.loops) { n += 1 }
Sheet of #data.who
"""


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parallel path, also on a machine of one core."""
    monkeypatch.setattr(typesetting, "workers", lambda: 2)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "coord-style.typ").write_text(STYLE, encoding="utf-8")
    (tmp_path / "templates" / "sheet.typ").write_text(TEMPLATE, encoding="utf-8")
    return tmp_path


def sheets(*people: tuple[str, bool, int]) -> list[tuple[str, dict[str, object], str]]:
    return [("sheet.typ", {"who": who, "fail": fail, "loops": loops}, f"sheet of {who}") for who, fail, loops in people]


def processes() -> list[dict[str, str]]:
    """Every process of this machine: its id, parent, group, state, command line and CPU ticks."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:  # it ended while we looked
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            found.append(
                {
                    "pid": entry.name,
                    "state": fields[0],
                    "ppid": fields[1],
                    "pgid": fields[2],
                    "ticks": str(int(fields[11]) + int(fields[12])),
                    "command": command,
                }
            )
    return found


def workers_of(pid: int) -> list[dict[str, str]]:
    """The live typesetting workers that the process `pid` started."""
    return [p for p in processes() if p["ppid"] == str(pid) and "typesetting import serve" in p["command"] and p["state"] != "Z"]


def busy_worker(pid: int) -> str:
    """The worker of `pid` that keeps a core busy (its CPU time grows), once there is one."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        before = {w["pid"]: int(w["ticks"]) for w in workers_of(pid)}
        time.sleep(0.5)
        grown = [w["pid"] for w in workers_of(pid) if int(w["ticks"]) - before.get(w["pid"], 0) > 25]
        if len(grown) == 1:
            return grown[0]
    raise AssertionError("no worker was busy")


def read_pdfs(pdfs: list[bytes]) -> list[str]:
    return [pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text() for pdf in pdfs]


def test_several_pdfs_are_typeset_by_worker_processes_each_doing_part_of_the_work(tmp_path: Path) -> None:
    before = {worker["pid"]: int(worker["ticks"]) for worker in workers_of(os.getpid())}  # idle ones serve again
    build(EXAMPLE, "callsheet", ["pdf"], tmp_path, days=DAYS)
    workers = workers_of(os.getpid())
    assert len(workers) == 2
    assert all(int(w["ticks"]) > before.get(w["pid"], 0) for w in workers)  # each spent CPU time: each typeset some
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert [p.name.rsplit("-", 1)[1] for p in pdfs] == ["01.pdf", "02.pdf", "03.pdf", "10.pdf"]
    assert [flat(pdf_text(p)).split("CALL SHEET · ")[1].split(" OF ")[0] for p in pdfs] == [f"DAY {d}" for d in DAYS]


def test_pdfs_come_back_in_the_order_given_whichever_worker_finishes_first(folder: Path) -> None:
    pdfs = Renderer(folder).pdfs(sheets(("Ada", False, 600_000), ("Ben", False, 0), ("Cleo", False, 0)))
    assert read_pdfs(pdfs) == ["Sheet of Ada", "Sheet of Ben", "Sheet of Cleo"]


def test_the_first_failing_document_in_order_is_named_even_when_a_later_one_fails_sooner(folder: Path) -> None:
    with pytest.raises(CoordError) as raised:
        Renderer(folder).pdfs(sheets(("Ada", False, 0), ("Ben", True, 600_000), ("Cleo", False, 0), ("Dan", True, 0)))
    message = str(raised.value)
    assert message.startswith("sheet of Ben: template sheet.typ: ")
    assert "cannot typeset Ben" in message and "Dan" not in message


def kill_busy_workers(times: int) -> tuple[threading.Thread, list[str]]:
    """A thread that kills the busy worker of this process `times` times, as the kernel does when memory runs out."""
    killed: list[str] = []

    def kill() -> None:
        for _ in range(times):
            killed.append(busy_worker(os.getpid()))
            os.kill(int(killed[-1]), signal.SIGKILL)

    killer = threading.Thread(target=kill)
    killer.start()
    return killer, killed


def test_a_worker_killed_mid_document_is_replaced_and_the_document_typeset_again(folder: Path) -> None:
    killer, killed = kill_busy_workers(1)
    pdfs = Renderer(folder).pdfs(sheets(("Ada", False, 0), ("Ben", False, 5_000_000)))  # Ada is done at once
    killer.join()
    assert read_pdfs(pdfs) == ["Sheet of Ada", "Sheet of Ben"]
    assert len(killed) == 1 and killed[0] not in {w["pid"] for w in workers_of(os.getpid())}


def test_a_document_whose_worker_dies_twice_is_named_and_the_next_run_goes_on(folder: Path) -> None:
    killer, killed = kill_busy_workers(2)
    with pytest.raises(CoordError) as raised:
        Renderer(folder).pdfs(sheets(("Ada", False, 0), ("Ben", False, 30_000_000)))
    killer.join()
    assert len(set(killed)) == 2
    assert str(raised.value) == (
        "sheet of Ben: the process typesetting it ended before it was done, twice (the machine may be out of "
        "memory, or something stops coord's processes); run the command again"
    )
    assert read_pdfs(Renderer(folder).pdfs(sheets(("Cleo", False, 0), ("Dan", False, 0)))) == ["Sheet of Cleo", "Sheet of Dan"]


def test_a_worker_killed_between_two_runs_is_replaced_for_the_next(folder: Path) -> None:
    Renderer(folder).pdfs(sheets(("Ada", False, 0), ("Ben", False, 0)))
    idle = workers_of(os.getpid())
    assert len(idle) == 2
    os.kill(int(idle[0]["pid"]), signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(w["pid"] == idle[0]["pid"] for w in workers_of(os.getpid())) and time.monotonic() < deadline:
        time.sleep(0.05)
    pdfs = Renderer(folder).pdfs(sheets(("Cleo", False, 0), ("Dan", False, 0)))
    assert read_pdfs(pdfs) == ["Sheet of Cleo", "Sheet of Dan"]
    now = {w["pid"] for w in workers_of(os.getpid())}
    assert len(now) == 2 and idle[0]["pid"] not in now and idle[1]["pid"] in now  # the live one served again


def test_a_machine_that_cannot_start_processes_typesets_here_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(EXAMPLE, "callsheet", ["pdf"], tmp_path / "parallel", days=DAYS)

    def no_processes() -> None:
        raise OSError(11, "Resource temporarily unavailable")  # what fork says at a process limit

    typesetting._end_idle_workers()
    monkeypatch.setattr(typesetting, "_Worker", no_processes)
    build(EXAMPLE, "callsheet", ["pdf"], tmp_path / "here", days=DAYS)
    made = sorted((tmp_path / "parallel").glob("*.pdf"))
    assert len(made) == 4
    assert all(p.read_bytes() == (tmp_path / "here" / p.name).read_bytes() for p in made)


#: coord as a user runs it, in a process of its own, with two workers also on a machine of one core.
TWO_CORES = "from coord import typesetting; typesetting.workers = lambda: 2; from coord.cli import main; main()"


def start_coord(out: Path, *days: str, folder: Path = EXAMPLE, python: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    arguments = ["callsheet", *(days or ["--all"]), "--format", "pdf", "--out", str(out), "-C", str(folder)]
    return subprocess.Popen(
        [sys.executable, *python, "-c", TWO_CORES, *arguments],
        start_new_session=True,  # a group of its own, as a command in a terminal
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def blocks_ctrl_c(pid: str) -> bool:
    """Whether the process holds SIGINT back (its signal mask), so that Ctrl-C never reaches it."""
    mask = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("SigBlk:"))
    return bool(int(mask.split()[1], 16) & (1 << (signal.SIGINT - 1)))


@pytest.fixture
def looping(example_copy: Path) -> Path:
    """The example, with a call sheet template that takes a minute over day 1."""
    own = (REPO / "templates" / "callsheet.typ").read_text(encoding="utf-8")
    slow = "\n#if data.day.number == 1 { let n = 0; for i in range(150000000) { n += 1 } }\n"
    (example_copy / "templates").mkdir(exist_ok=True)
    (example_copy / "templates" / "callsheet.typ").write_text(own + slow, encoding="utf-8")
    return example_copy


def wait_for_workers(pid: int) -> list[str]:
    deadline = time.monotonic() + 60
    while not workers_of(pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    found = [w["pid"] for w in workers_of(pid)]
    assert found, "coord started no typesetting workers"
    return found


def gone(pids: list[str], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not [p for p in processes() if p["pid"] in pids and p["state"] != "Z"]:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("after", [0.0, 0.003, 0.15, 0.4, 1.5])  # while the workers start, and while they typeset
def test_ctrl_c_while_typesetting_stops_at_once_writes_nothing_and_leaves_no_process(tmp_path: Path, after: float) -> None:
    run = start_coord(tmp_path / "out")
    workers = wait_for_workers(run.pid)
    time.sleep(after)
    os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the command's whole group
    stdout, stderr = run.communicate(timeout=30)
    assert run.returncode == 1
    assert stderr == "\nAborted!\n"  # no traceback, of the command or of a worker
    assert "wrote" not in stdout and not list(tmp_path.rglob("*.pdf"))
    assert gone(workers, within=5)


def test_workers_never_hear_ctrl_c_only_the_command_does(tmp_path: Path) -> None:
    run = start_coord(tmp_path / "out")
    workers = wait_for_workers(run.pid)
    assert all(blocks_ctrl_c(pid) for pid in workers)
    assert not blocks_ctrl_c(str(run.pid))
    run.communicate(timeout=120)
    assert run.returncode == 0


@pytest.mark.parametrize("days", [(), ("1",)])  # every day, and the one day: typeset by a worker too
def test_ctrl_c_stops_a_template_that_takes_forever(tmp_path: Path, looping: Path, days: tuple[str, ...]) -> None:
    run = start_coord(tmp_path / "out", *days, folder=looping)
    workers = wait_for_workers(run.pid)
    time.sleep(1)
    os.killpg(run.pid, signal.SIGINT)
    _, stderr = run.communicate(timeout=10)  # not the minute the template would take
    assert (run.returncode, stderr) == (1, "\nAborted!\n")
    assert gone(workers, within=5)


def test_timeout_ends_the_command_and_its_workers_at_once(tmp_path: Path, looping: Path) -> None:
    run = start_coord(tmp_path / "out", folder=looping)
    workers = wait_for_workers(run.pid)
    time.sleep(1)
    os.killpg(run.pid, signal.SIGTERM)  # what `timeout` sends to the command's group
    run.communicate(timeout=10)  # the workers held its error output open: they are gone too
    assert run.returncode == -signal.SIGTERM
    assert gone(workers, within=2)


def test_workers_of_a_command_that_was_killed_end_by_themselves(tmp_path: Path) -> None:
    run = start_coord(tmp_path / "out")
    workers = wait_for_workers(run.pid)
    time.sleep(0.5)
    run.kill()  # SIGKILL of the command alone: it cannot end its workers
    assert gone(workers, within=20)  # each finishes its document, finds its input closed, and ends
    _, stderr = run.communicate(timeout=30)  # the workers wrote to the same error output
    assert stderr == ""


def test_workers_import_what_the_command_imports(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "typst.py").write_text("raise ImportError('a typst that is not Typst')\n", encoding="utf-8")
    for python, pythonpath in ((("-E",), str(shadow)), ((), "")):  # -E: PYTHONPATH is not read, by either
        out = tmp_path / f"out{len(python)}"
        run = subprocess.run(
            [sys.executable, *python, "-c", TWO_CORES, "callsheet", "1", "2", "--out", str(out), "-C", str(EXAMPLE)],
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(os.environ, PYTHONPATH=pythonpath),
        )
        assert (run.returncode, run.stderr) == (0, "")
        assert len(list(out.glob("*.pdf"))) == 2


def test_a_template_that_is_not_utf8_is_named_with_what_to_do(tmp_path: Path, example_copy: Path) -> None:
    (example_copy / "templates").mkdir(exist_ok=True)
    own = (REPO / "templates" / "callsheet.typ").read_bytes()
    (example_copy / "templates" / "callsheet.typ").write_bytes(own + b"\n// \xff\xfe\n")
    result = invoke("callsheet", "--all", "--out", str(tmp_path / "out"), "-C", str(example_copy))
    assert result.exit_code == 1
    assert result.output == "Error: template callsheet.typ is not UTF-8 text; save it as UTF-8\nnothing was written\n"


def test_ctrl_c_while_the_files_are_written_waits_until_all_are() -> None:
    steps = []
    with pytest.raises(KeyboardInterrupt):
        with uninterrupted():
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, after the first file
            time.sleep(0.2)
            steps.append("the last file written")
        steps.append("the command goes on")
    assert steps == ["the last file written"]


def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, membership: str, files: dict[str, str], available_kb: int) -> None:
    """A machine of 8 cores with `available_kb` free, and this process in a cgroup tree as Linux shows it under
    /sys/fs/cgroup (`membership` as in /proc/self/cgroup)."""
    monkeypatch.undo()  # the real workers(), not the two_cores fixture
    for name, text in files.items():
        (tmp_path / "cg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "cg" / name).write_text(text, encoding="ascii")
    (tmp_path / "self").write_text(membership, encoding="ascii")
    (tmp_path / "meminfo").write_text(f"MemTotal: {64 * 2**20} kB\nMemAvailable: {available_kb} kB\n", encoding="ascii")
    monkeypatch.setattr(typesetting, "CGROUP", tmp_path / "cg")
    monkeypatch.setattr(typesetting, "PROC_CGROUP", tmp_path / "self")
    monkeypatch.setattr(typesetting, "MEMINFO", tmp_path / "meminfo")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)))


GB = 2**30


@pytest.mark.parametrize(
    ("membership", "files", "expected"),
    [
        ("0::/\n", {}, 8),  # no cgroup limits: the cores
        ("0::/job\n", {"job/cpu.max": "max 100000\n", "cpu.max": "100000 100000\n"}, 1),  # a parent's quota counts
        ("0::/job\n", {"job/cpu.max": "150000 100000\n"}, 2),  # one and a half cores: two, each at three quarters
        ("0::/job\n", {"job/memory.max": f"{GB}\n", "job/memory.current": f"{GB // 2}\n"}, 1),  # 512 MB left
        ("0::/job\n", {"job/memory.max": "max\n", "job/memory.current": "0\n"}, 8),
        (
            "4:cpu,cpuacct:/docker/1\n",
            {"cpu,cpuacct/docker/1/cpu.cfs_quota_us": "300000\n", "cpu,cpuacct/docker/1/cpu.cfs_period_us": "100000\n"},
            3,
        ),  # v1
        (
            "4:cpu,cpuacct:/docker/1\n",
            {"cpu,cpuacct/docker/1/cpu.cfs_quota_us": "-1\n", "cpu,cpuacct/docker/1/cpu.cfs_period_us": "100000\n"},
            8,
        ),
        (
            "5:memory:/docker/1\n",
            {"memory/docker/1/memory.limit_in_bytes": f"{2 * GB}\n", "memory/docker/1/memory.usage_in_bytes": "0\n"},
            4,
        ),
        ("5:memory:/\n", {"memory/memory.limit_in_bytes": "9223372036854771712\n", "memory/memory.usage_in_bytes": "0\n"}, 8),
        ("0::/job\n", {"job/cpu.max": "garbage\n"}, 8),
    ],
)
def test_workers_keep_to_the_cgroups_cpu_quota_and_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, membership: str, files: dict[str, str], expected: int
) -> None:
    machine(tmp_path, monkeypatch, membership, files, available_kb=32 * 2**20)
    assert typesetting.workers() == expected


@pytest.mark.parametrize(("available_kb", "expected"), [(600 * 2**10, 1), (100 * 2**10, 1), (1100 * 2**10, 2)])
def test_no_more_workers_start_than_the_free_memory_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, available_kb: int, expected: int
) -> None:
    machine(tmp_path, monkeypatch, "0::/\n", {}, available_kb)
    assert typesetting.workers() == expected
