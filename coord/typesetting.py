"""Typst on every core: the PDFs of a run typeset by worker processes.

typst-py holds Python's lock while it compiles (two threads took about as long as one), so
the PDFs are made by worker processes, each with its own compilers and fonts. A worker is a
fresh Python (`serve` below) that reads `Job`s (the Typst source, the folder its paths
resolve in, the document's data as JSON) on its standard input and answers each with the
PDF's bytes or Typst's message, so a PDF is the same byte for byte whichever process made it.

Workers are plain child processes rather than a multiprocessing pool, for what that pool
cannot promise: they never run the command's own script again, they hold Ctrl-C back from
their first instruction (the command hears it and ends them at once) while SIGTERM from
`timeout` ends them with the command, a worker whose command died ends when its input closes,
and a worker that dies is known by the document it was typesetting. Even one PDF is made by
a worker, so that Ctrl-C always works. Idle workers are kept for the next PDFs of the run.

Imports nothing of coord but its error class: each worker loads this module alone.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import math
import os
import pickle
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from coord.errors import CoordError

#: How many compilers (one per template folder) a process keeps; a long test run meets many folders.
KEPT_COMPILERS = 8
#: The memory one worker may take (fonts, compilers, the document): no more workers start than fit.
WORKER_MEMORY = 512 * 2**20
#: Where Linux keeps the cgroups, which limit a container's CPU time (cpu.max "150000 100000" is 1.5 cores) and memory.
CGROUP = Path("/sys/fs/cgroup")
#: Which cgroups this process is in.
PROC_CGROUP = Path("/proc/self/cgroup")
#: Where Linux says how much memory is free for new work.
MEMINFO = Path("/proc/meminfo")


@dataclass(frozen=True)
class Job:
    """One PDF to make: `source` compiled in `root` with `data` (JSON) as `sys.inputs.data`.

    `name` says which document it is in an error ("" for none); `template` names the template.
    """

    name: str
    template: str
    root: str
    source: bytes
    data: str
    fonts: tuple[str, ...]


def workers() -> int:
    """How many documents to typeset at once: one per core this process may use, within its cgroups' CPU
    quota (a container's, v2 or v1), and no more than the free memory holds, the cgroups' limits included."""
    cores: float = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    free = _available_memory()
    for folder in _cgroup_folders():
        quota = _numbers(folder / "cpu.max") or _numbers(folder / "cpu.cfs_quota_us", folder / "cpu.cfs_period_us")
        if quota and quota[0] > 0 and quota[1] > 0:
            cores = min(cores, quota[0] / quota[1])
        memory = _numbers(folder / "memory.max", folder / "memory.current") or _numbers(
            folder / "memory.limit_in_bytes", folder / "memory.usage_in_bytes"
        )
        if memory and memory[0] < 2**60:  # v1 writes "no limit" as a huge number
            free = min(free, memory[0] - memory[1])
    return max(1, min(math.ceil(cores), free // WORKER_MEMORY))


def _available_memory() -> int:
    try:
        line = next(line for line in MEMINFO.read_text(encoding="ascii").splitlines() if line.startswith("MemAvailable:"))
        return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError, StopIteration):  # not Linux: no limit known
        return 2**62


def _cgroup_folders() -> list[Path]:
    """The folders of every cgroup this process is in and of each one above it, where they can be read."""
    try:
        lines = PROC_CGROUP.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    found: list[Path] = []
    for line in lines:
        _, controllers, path = [*line.split(":", 2), "", ""][:3]
        bases = [CGROUP] if not controllers else [CGROUP / name for name in (controllers, *controllers.split(","))]
        for base in bases:
            own = base / path.lstrip("/")
            found += [own, *(parent for parent in own.parents if parent.is_relative_to(base))]
    return [folder for folder in dict.fromkeys(found) if folder.is_dir()]


def _numbers(*files: Path) -> tuple[int, ...] | None:
    """The two numbers written in `files` together (cpu.max holds both, v1 one per file); None where a file is
    missing or unreadable, or says "max" (no limit)."""
    try:
        numbers = tuple(int(word) for file in files for word in file.read_text(encoding="ascii").split())
    except (OSError, ValueError):
        return None
    return numbers if len(numbers) == 2 else None


# ---- in any process: Typst itself --------------------------------------------------------


@functools.cache
def fonts(folders: tuple[str, ...]) -> Any:
    """The fonts in `folders` as Typst sees them, and no others: neither the system's nor Typst's own."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=list(folders))


_compilers: dict[tuple[str, tuple[str, ...]], Any] = {}


def _compiler(root: str, folders: tuple[str, ...]) -> Any:
    import typst

    key = (root, folders)
    compiler = _compilers.pop(key, None) or typst.Compiler(root=root, font_paths=fonts(folders))
    _compilers[key] = compiler  # the most recently used last
    while len(_compilers) > KEPT_COMPILERS:
        del _compilers[next(iter(_compilers))]
    return compiler


def typeset(job: Job) -> bytes | str:
    """The PDF of `job`, or Typst's message saying why there is none."""
    import typst

    try:
        # The source goes with every call: typst-py forgets a bytes input after its first compile.
        pdf = _compiler(job.root, job.fonts).compile(input=job.source, sys_inputs={"data": job.data})
    except typst.TypstError as err:
        return str(err)
    except Exception as err:  # typst-py raises others for what it cannot read: the document's fault, not coord's
        return f"{type(err).__name__}: {err}"
    return pdf if isinstance(pdf, bytes) else "it did not produce a single PDF"


def _pdf_of(job: Job, outcome: bytes | str) -> bytes:
    if isinstance(outcome, str):
        raise CoordError(f"{job.name + ': ' if job.name else ''}template {job.template}: {outcome}")
    return outcome


def one(job: Job) -> bytes:
    """The PDF of `job`, typeset in this process."""
    return _pdf_of(job, typeset(job))


# ---- between the command and its workers -------------------------------------------------


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next value on `stream`; None when it ended (the other side closed it, or died)."""
    head = stream.read(8)
    size = int.from_bytes(head, "big")
    data = stream.read(size) if len(head) == 8 else b""
    # pickle, as both ends are coord: the command and the worker processes it started itself
    return pickle.loads(data) if data and len(data) == size else None  # noqa: S301


def serve() -> None:
    """A worker's life: a job in, its outcome out, until the command closes the input (or dies)."""
    with os.fdopen(os.dup(1), "wb") as answers:
        os.dup2(2, 1)  # anything printed goes to the command's error output, never into an answer
        try:
            while (job := _receive(sys.stdin.buffer)) is not None:
                _send(answers, typeset(job))
        except BrokenPipeError:  # the command is gone: nobody waits for the answer, or for anything else
            os._exit(0)


class _Lost(Exception):
    """The worker ended before it answered."""


class _Worker:
    """One worker process and the pipes to it."""

    def __init__(self) -> None:
        """A worker that imports what the command imports (its flags, its sys.path) and never sees Ctrl-C:
        SIGINT is blocked from its first instruction on, so only the command hears it, and ends its workers.
        Other signals to the command's process group (SIGTERM from `timeout`, SIGHUP) end them too."""
        flags = [flag for flag, on in (("-I", sys.flags.isolated), ("-E", sys.flags.ignore_environment)) if on]
        start = "import json, sys; sys.path[:] = json.loads(sys.argv[1]); from coord.typesetting import serve; serve()"
        unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # the child inherits the mask
        try:
            self.process = subprocess.Popen(  # noqa: S603 - this Python, its own path, code of coord
                [sys.executable, *flags, "-P", "-c", start, json.dumps(sys.path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)
        self._requests = cast(IO[bytes], self.process.stdin)
        self._answers = cast(IO[bytes], self.process.stdout)

    def run(self, job: Job) -> bytes | str:
        try:
            _send(self._requests, job)
            outcome = _receive(self._answers)
        except OSError:  # the pipe broke: it died
            outcome = None
        if outcome is None:
            raise _Lost
        return cast(bytes | str, outcome)

    def alive(self) -> bool:
        return self.process.poll() is None

    def end(self, now: bool = False) -> None:
        """Close its input, so that it ends when it is done; `now` ends it mid-document."""
        if now:
            self.process.kill()
        for pipe in (self._requests, self._answers):
            with contextlib.suppress(OSError):  # it died with a request still in the pipe
                pipe.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


#: Workers between two batches of the same run.
_idle: list[_Worker] = []


def _crew(count: int) -> list[_Worker]:
    """Up to `count` workers: the idle ones still alive, and new ones for the rest, as many as can be started."""
    crew = [worker for worker in _idle if worker.alive()][:count]
    for worker in _idle:
        if worker not in crew:
            worker.end()
    _idle.clear()
    try:
        while len(crew) < count:
            crew.append(_Worker())
    except OSError:  # no more processes to be had (a sandbox, a process limit)
        pass
    return crew


@atexit.register
def _end_idle_workers() -> None:
    while _idle:
        _idle.pop().end()


def many(jobs: list[Job]) -> list[bytes]:
    """The PDFs of `jobs`, in their order, typeset on every core; the first job that fails (in order) stops them all.

    Even one PDF is typeset by a worker, so that Ctrl-C stops it (Typst would not let this process hear
    it); where no process can be started, they are typeset here, one after the other.
    """
    from concurrent.futures import ThreadPoolExecutor

    if not jobs:  # nothing stale: the idle workers wait for the next PDFs
        return []
    crew = _crew(min(workers(), len(jobs)))
    if not crew:
        return [one(job) for job in jobs]
    batch = _Batch(jobs, crew)
    with ThreadPoolExecutor(len(crew)) as feeders:
        try:
            fed = [feeders.submit(batch.feed, worker) for worker in crew]
            _idle.extend(worker for worker in (feeder.result() for feeder in fed) if worker is not None)
        except BaseException:  # Ctrl-C, or a fault of coord's own: the workers end now, so the feeders do
            batch.stop()
            raise
    return batch.pdfs()


class _Batch:
    """The jobs of one `many` call, handed out in order, and their outcomes; shared by the feeding threads.

    No job is handed out after one that failed, so every job before the first failure is done:
    that failure is the one reported, however the workers raced.
    """

    def __init__(self, jobs: list[Job], crew: list[_Worker]) -> None:
        import threading

        self.jobs = jobs
        self.outcomes: dict[int, bytes | str | _Lost] = {}
        self._next = 0
        self._end = len(jobs)  # the first job that failed, or the number of jobs
        self._stopped = False
        self._working = set(crew)
        self._lock = threading.Lock()

    def _take(self) -> int | None:
        with self._lock:
            if self._next >= self._end:
                return None
            self._next += 1
            return self._next - 1

    def _failed(self, index: int) -> None:
        with self._lock:
            self._end = min(self._end, index)

    def stop(self) -> None:
        """No job is handed out any more, no worker replaced, and every worker ends now, mid-document."""
        with self._lock:
            self._end, self._stopped = 0, True
            working = list(self._working)
        for worker in working:
            worker.end(now=True)

    def feed(self, worker: _Worker) -> _Worker | None:
        """Hand `worker` one job after the other until none is left or one failed; the worker it ends with."""
        current: _Worker | None = worker
        while current is not None and (index := self._take()) is not None:
            outcome, current = self._typeset(current, index)
            self.outcomes[index] = outcome
            if not isinstance(outcome, bytes):
                self._failed(index)
        return current

    def _typeset(self, worker: _Worker, index: int) -> tuple[bytes | str | _Lost, _Worker | None]:
        """Job `index` and the worker to go on with. A job whose worker died is tried once more on a new
        worker, as it may have died of something else; dying twice, the job is lost, and so is the worker."""
        try:
            return worker.run(self.jobs[index]), worker
        except _Lost as lost:
            self._retire(worker)
            replacement = self._replacement()
            if replacement is None:
                return lost, None
        try:
            return replacement.run(self.jobs[index]), replacement
        except _Lost as lost:
            self._retire(replacement)
            return lost, None

    def _retire(self, worker: _Worker) -> None:
        worker.end()
        with self._lock:
            self._working.discard(worker)

    def _replacement(self) -> _Worker | None:
        """A new worker, unless the batch was stopped or no process can be started."""
        with self._lock:  # started under the lock, so that `stop` and `workers` see every worker there is
            if self._stopped:
                return None
            try:
                worker = _Worker()
            except OSError:
                return None
            self._working.add(worker)
            return worker

    def pdfs(self) -> list[bytes]:
        """The PDFs in order, or the error of the first job that failed."""
        made = []
        for index, job in enumerate(self.jobs):
            outcome = self.outcomes[index]
            if isinstance(outcome, _Lost):
                raise CoordError(
                    f"{job.name or job.template}: the process typesetting it ended before it was done, twice "
                    "(the machine may be out of memory, or something stops coord's processes); run the command again"
                )
            made.append(_pdf_of(job, outcome))
        return made
