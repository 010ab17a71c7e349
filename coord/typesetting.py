"""Typst on every core: the PDFs of a run typeset by worker processes.

typst-py holds Python's lock while it compiles (two threads took about as long as one), so
the PDFs are made by worker processes, each with its own compilers and fonts. A worker is a
fresh Python (`serve` below) that reads `Job`s (the Typst source, the folder its paths
resolve in, the document's data as JSON) on its standard input and answers each with the
PDF's bytes or Typst's message, so a PDF is the same byte for byte whichever process made it.

Workers are plain child processes rather than a multiprocessing pool, for what that pool
cannot promise: they never run the command's own script again, they sit in a process group
of their own so that Ctrl-C reaches the command alone (which then ends them at once), a
worker whose command died ends when its input closes, and a worker that dies is known by the
document it was typesetting. Idle workers are kept for the next PDFs of the same run.

Imports nothing of coord but its error class: each worker loads this module alone.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import math
import os
import pickle
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
#: Where Linux says how much CPU time a container may use ("max 100000", or "150000 100000" for 1.5 cores).
CPU_MAX = Path("/sys/fs/cgroup/cpu.max")
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
    """How many documents to typeset at once: one per core this process may use, within a container's
    CPU quota, and no more than the free memory holds."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        quota, period = CPU_MAX.read_text(encoding="ascii").split()
        if quota != "max":
            cores = min(cores, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError, ZeroDivisionError):  # not Linux, no cgroup v2, or no quota: the cores it may run on
        pass
    try:
        free = next(line for line in MEMINFO.read_text(encoding="ascii").splitlines() if line.startswith("MemAvailable:"))
        cores = min(cores, int(free.split()[1]) * 1024 // WORKER_MEMORY)
    except (OSError, ValueError, IndexError, StopIteration):
        pass
    return max(1, cores)


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
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to the command's error output, never into an answer
    try:
        while (job := _receive(sys.stdin.buffer)) is not None:
            _send(answers, typeset(job))
    except BrokenPipeError:  # the command is gone: nobody waits for the answer
        pass


class _Lost(Exception):
    """The worker ended before it answered."""


class _Worker:
    """One worker process and the pipes to it."""

    def __init__(self) -> None:
        package_parent = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")])))
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", "from coord.typesetting import serve; serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            process_group=0,  # Ctrl-C in the terminal is for the command, which ends its workers itself
        )
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
    """The PDFs of `jobs`, in their order, typeset on every core; the first job that fails (in order) stops them all."""
    from concurrent.futures import ThreadPoolExecutor

    crew = _crew(min(workers(), len(jobs))) if len(jobs) > 1 else []
    if len(crew) < 2:  # one core, or no processes to be had: one after the other, here
        _idle.extend(crew)
        return [one(job) for job in jobs]
    batch = _Batch(jobs)
    with ThreadPoolExecutor(len(crew)) as feeders:
        fed = [feeders.submit(batch.feed, worker) for worker in crew]
        try:
            _idle.extend(worker for worker in (feeder.result() for feeder in fed) if worker is not None)
        except BaseException:  # Ctrl-C, or a fault of coord's own: every worker ends now, mid-document
            batch.stop()
            for worker in batch.workers():
                worker.end(now=True)
            raise
    return batch.pdfs()


class _Batch:
    """The jobs of one `many` call, handed out in order, and their outcomes; shared by the feeding threads.

    No job is handed out after one that failed, so every job before the first failure is done:
    that failure is the one reported, however the workers raced.
    """

    def __init__(self, jobs: list[Job]) -> None:
        import threading

        self.jobs = jobs
        self.outcomes: dict[int, bytes | str | _Lost] = {}
        self._next = 0
        self._end = len(jobs)  # the first job that failed, or the number of jobs
        self._stopped = False
        self._working: set[_Worker] = set()
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
        with self._lock:
            self._end, self._stopped = 0, True

    def workers(self) -> list[_Worker]:
        with self._lock:
            return list(self._working)

    def feed(self, worker: _Worker) -> _Worker | None:
        """Hand `worker` one job after the other until none is left or one failed; the worker it ends with."""
        current: _Worker | None = worker
        with self._lock:
            self._working.add(worker)
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
