"""Costly work for visitors, done by a bounded pool of workers shared by the whole server process.

Reading an article costs a fraction of a CPU-second per thousand characters. Run in each
visitor's own script thread, a few long articles at once would slow every page
for everyone; so the work goes to a fixed number of workers, the others wait in
line (and can see their place in it), a full line refuses new work instead of
growing without bound, and every job reports its progress and can be cancelled.

Cancelling is cooperative: the work calls its ``report`` callback between steps,
and the callback raises ``Cancelled`` once the job was asked to stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Report = Callable[[str, float], None]
"""What a job's work calls between steps: the stage it is in and how far it is (0..1)."""


def no_report(_stage: str, _fraction: float) -> None:
    """The report of work run outside a pool (the command line): nobody is listening."""


class Cancelled(Exception):
    """Raised inside a job's work when the job was cancelled; ends the job quietly."""


class QueueFull(RuntimeError):
    """The line of waiting jobs is at its limit: the caller should try again later."""


class JobState(StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(eq=False)
class Job(Generic[T]):
    """One piece of work in the pool. Read it from any thread; only the pool changes it."""

    state: JobState = JobState.WAITING
    stage: str = ""
    fraction: float = 0.0
    result: T | None = None
    error: BaseException | None = None
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    _finished: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def cancel(self) -> None:
        """Ask the job to stop: a waiting job never starts, a running one stops at its next report."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has finished (or ``timeout`` seconds passed); True when it has."""
        return self._finished.wait(timeout)

    def _report(self, stage: str, fraction: float) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.stage, self.fraction = stage, min(max(fraction, 0.0), 1.0)


class JobPool:
    """At most ``workers`` jobs run at once; at most ``max_waiting`` wait for a worker."""

    def __init__(self, workers: int, max_waiting: int) -> None:
        if workers < 1 or max_waiting < 0:
            raise ValueError("a pool needs at least one worker and a line of zero or more")
        self.workers = workers
        self.max_waiting = max_waiting
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gasatlas-job")
        self._lock = threading.Lock()
        self._waiting: list[Job[Any]] = []
        self._running = 0

    def submit(self, work: Callable[[Report], T]) -> Job[T]:
        """Queue ``work``; it is called with the job's report callback. Raises ``QueueFull``."""
        job: Job[T] = Job()
        with self._lock:
            if len(self._waiting) >= self.max_waiting + self.workers - self._running:
                raise QueueFull(f"{len(self._waiting)} jobs are already waiting")
            self._waiting.append(job)
        self._executor.submit(self._run, job, work)
        return job

    def position(self, job: Job[Any]) -> int:
        """1 for the next job to start, 2 for the one after…; 0 once the job has left the line."""
        with self._lock:
            return self._waiting.index(job) + 1 if job in self._waiting else 0

    def _run(self, job: Job[T], work: Callable[[Report], T]) -> None:
        with self._lock:
            self._waiting.remove(job)
            self._running += 1
        try:
            if job._cancel.is_set():
                raise Cancelled
            job.state = JobState.RUNNING
            job.result = work(job._report)
            job.state = JobState.DONE
        except Cancelled:
            job.state = JobState.CANCELLED
        except Exception as error:
            job.error, job.state = error, JobState.FAILED
        finally:
            with self._lock:
                self._running -= 1
            job._finished.set()
