"""Documents read by worker processes, stored by this one: the batch's pool (``--workers N``).

Parsing and extraction (``job.load`` then ``extract``: parse, NLP, linking) take nearly all of
a batch's time and need nothing but the rules, so a pool of processes does them, while this
process stays the one writer of the store (SQLite has one writer at a time) and the one
fetcher of a crawl (its per-host delays and robots.txt stay shared). Each worker holds one
document at a time, and gets its next one before the one it read is stored, so the documents
in flight are at most twice the workers (memory stays bounded whatever the batch's size), and
a worker that dies is known by the document it held: that
document fails with ``WorkerLost`` (E009), a new worker takes its place and the batch goes on.
A document's outcome is stored as soon as it is read (in order of completion, not of the jobs).

Workers are forked where the system can (Linux): they start at once and share the parent's
loaded rules and models, and the parent's open database and fetcher are never touched in them.
Elsewhere they are spawned: a job's load recipe, the extraction and the registry are pickled
(the registry as its folder, read again in each worker). Workers ignore Ctrl-C; the parent,
interrupted, ends them (what was stored stays stored, each document in its own transaction).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from types import TracebackType

from extractor.errors import WorkerLost
from extractor.models import Extraction
from extractor.pipeline.batch import ExtractLoaded, Job, Outcome, Reader, reason, save_read
from extractor.registry.bundle import Registry
from extractor.store.prepared import Prepared, prepare

PARENT_CHECK_SECONDS = 1.0  # how often an idle worker looks whether its parent is still there


@dataclass(frozen=True)
class Read:
    """A document a worker read: its records, the raw bytes to store beside them, and what
    storing needs from those alone, worked out here so the one writer only writes."""

    extraction: Extraction
    raw: bytes
    prepared: Prepared


@dataclass(frozen=True)
class Unread:
    """Why a worker could not read a document (the reason a failed outcome shows)."""

    reason: str


def available_cores() -> int:
    """The cores this process may run on (its affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def start_method() -> str:
    """``fork`` where the system has it (workers start at once, sharing the loaded rules), else
    ``spawn``."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def read(load: Reader, *, registry: Registry, extract: ExtractLoaded) -> Read | Unread:
    """Load and extract one document; any problem becomes its reason (as ``store_document``)."""
    try:
        loaded = load(registry=registry)
        extraction = extract(loaded)
        return Read(extraction, loaded.raw, prepare(extraction, loaded.raw))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return Unread(reason(exc))


def serve(conn: Connection, registry: Registry, extract: ExtractLoaded, parent: int) -> None:
    """A worker's loop: read each job's document sent on ``conn`` and send back the result,
    until told to stop (None), the pipe closes or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    own_streams()
    while True:
        if not conn.poll(PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                return
            continue
        try:
            load = conn.recv()
        except EOFError:
            return
        if load is None:
            return
        result = read(load, registry=registry, extract=extract)
        try:
            conn.send(result)
        except Exception as exc:  # noqa: BLE001 - a result that cannot be sent fails alone
            conn.send(Unread(reason(exc)))


@contextlib.contextmanager
def objects_frozen() -> Iterator[None]:
    """Keep the objects alive now out of the cyclic collector's reach while workers are forked:
    a forked worker shares its parent's memory until it writes to it, and the collector writes
    into every object it walks (the loaded rules and models), copying them into each worker."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def own_streams() -> None:
    """Give the worker standard streams of its own (on the same files): a forked worker
    inherits its parent's, whose lock another thread (a progress bar's) may have held at the
    instant of the fork, and a warning written through it would then wait forever."""
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)  # noqa: SIM115 - lives as long as the worker
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)  # noqa: SIM115 - lives as long as the worker


class Worker:
    """One worker process, its end of the pipe and the job it holds."""

    def __init__(self, context: BaseContext, registry: Registry, extract: ExtractLoaded) -> None:
        self.conn, theirs = context.Pipe()
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined] # contexts have Process
            target=serve, args=(theirs, registry, extract, os.getpid()), daemon=True)
        self.process.start()
        theirs.close()  # the worker's end lives in the worker only, so its death closes the pipe
        self.job: Job | None = None

    def give(self, job: Job) -> None:
        """Send the worker a job to read."""
        assert job.load is not None, "only a job that loads its document goes to a worker"
        self.conn.send(job.load)
        self.job = job

    def take(self) -> tuple[Job, Read | Unread]:
        """The job the worker held and its result (WorkerLost when the worker died)."""
        job, self.job = self.job, None
        assert job is not None, "a worker is waited on only while it holds a job"
        try:
            return job, self.conn.recv()
        except (EOFError, OSError):
            self.process.join(PARENT_CHECK_SECONDS)  # its pipe closed as it ended: reap it
            lost = WorkerLost(f"{job.label}: the worker process reading it ended "
                              f"(exit code {self.process.exitcode})")
            return job, Unread(reason(lost))

    def stop(self, *, at_once: bool) -> None:
        """End the worker: asked to finish, or killed (``at_once``, on an interrupt or error)."""
        if not at_once and self.process.is_alive():
            with contextlib.suppress(OSError):  # already gone
                self.conn.send(None)
            self.process.join(PARENT_CHECK_SECONDS * 5)
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.conn.close()


class Pool:
    """Worker processes that read jobs' documents, one job each at a time."""

    def __init__(self, size: int, *, registry: Registry, extract: ExtractLoaded,
                 method: str | None = None) -> None:
        self.context = multiprocessing.get_context(method or start_method())
        self.registry, self.extract = registry, extract
        self.workers = [self._start() for _ in range(size)]

    def _start(self) -> Worker:
        with objects_frozen():
            return Worker(self.context, self.registry, self.extract)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for worker in self.workers:
            worker.stop(at_once=kind is not None)

    def results(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Read | Unread | None]]:
        """Each job with its result, in order of completion: None for a job whose outcome is
        decided (it goes to no worker). A job is taken only when a worker is free for it, and
        the workers get their next jobs before the results they gave are yielded (stored)."""
        pending, done = iter(jobs), list[tuple[Job, Read | Unread]]()
        while True:
            yield from self._hand_out(pending)
            yield from done
            busy = [w for w in self.workers if w.job is not None]
            if not busy:
                return
            done = self._collect(busy)

    def _hand_out(self, pending: Iterator[Job]) -> Iterator[tuple[Job, Unread | None]]:
        """Give a job to every idle worker, yielding the decided jobs met on the way and the
        jobs that could not be sent."""
        for index in range(len(self.workers)):
            while self.workers[index].job is None:
                job = next(pending, None)
                if job is None:
                    return
                if job.done is not None:
                    yield job, None
                elif (unsent := self._give(index, job)) is not None:
                    yield job, unsent

    def _give(self, index: int, job: Job) -> Unread | None:
        """Send ``job`` to a worker (a new one if it ended while idle); why not, if it cannot be
        sent (its recipe does not pickle)."""
        if not self.workers[index].process.is_alive():  # ended while idle: the job is not to blame
            self._replace(index)
        worker = self.workers[index]
        try:
            worker.give(job)
        except Exception as exc:  # noqa: BLE001 - one job that cannot be sent fails alone
            return Unread(reason(exc))
        return None

    def _collect(self, busy: list[Worker]) -> list[tuple[Job, Read | Unread]]:
        """Wait until some busy workers are done (or dead) and take their results; a dead
        worker is replaced."""
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        done = []
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                done.append(worker.take())
                if not worker.process.is_alive():
                    self._replace(self.workers.index(worker))
        return done

    def _replace(self, index: int) -> None:
        self.workers[index].stop(at_once=True)
        self.workers[index] = self._start()


def pooled_outcomes(conn: sqlite3.Connection, jobs: Iterable[Job], *, registry: Registry,
                    extract: ExtractLoaded, workers: int) -> Iterator[Outcome]:
    """Each job's outcome, its document read by a pool of ``workers`` processes and stored
    here as soon as it is read."""
    with Pool(workers, registry=registry, extract=extract) as pool:
        for job, result in pool.results(jobs):
            if job.done is not None:
                yield job.done
            elif isinstance(result, Read):
                yield save_read(conn, job, result.extraction, result.raw, prepared=result.prepared)
            else:
                assert result is not None, "a job that was read has a result"
                yield Outcome(job.label, "failed", job.document_id, reason=result.reason)
