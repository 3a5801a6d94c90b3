"""Benchmark: a cold validation of a data folder (never seen) and a restart on the same data, in a new process each.

    python -m devtools.bench_validate DATA_DIR [--profile N] [--memory N] [--json PATH]

Prepare a folder with the curated data plus N synthetic events, for example::

    cp -r data /tmp/d100k  # then its events.csv: the curated events plus N synthetic ones, as bench_browser
    python -c "from devtools.bench_browser import add_synthetic_events as add; add(100000)(Path('/tmp/d100k'))"

"cold" is ``validate_dataset`` (what a server pays on data it has never seen), then writing the result to the
disk cache as ``load_dataset`` does (timed apart, and its peak memory too: it reads every page of a text the
validation left mapped, not held); "restart" is ``load_dataset`` in a fresh process that reads
it back. Each runs in its own process, so peak memory (``ru_maxrss``) is that step's own. ``--profile N``
prints cProfile's N costliest functions (cumulative) of the cold run; ``--memory N`` the N places where its
resident memory stood highest (sampled every 0.1 s). On a machine shared with other work the
CPU seconds (user + system, imports excluded) are the fairer figure: wall-clock time grows with the load.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any, cast

MEMORY_SAMPLE_SECONDS = 0.1


class MemoryTrace:
    """The process's resident memory sampled while a step runs, with where the main thread stood (its innermost
    ``gasatlas`` calls): cProfile says where the time goes, this where the peak is."""

    def __init__(self) -> None:
        self.samples: list[tuple[int, str]] = []
        self._main = threading.get_ident()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> MemoryTrace:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._done.wait(MEMORY_SAMPLE_SECONDS):
            frame = sys._current_frames().get(self._main)
            calls = [f"{Path(call.filename).stem}.{call.name}:{call.lineno}" for call in
                     reversed(traceback.extract_stack(frame)) if "gasatlas" in call.filename] if frame else []
            with open("/proc/self/statm", encoding="ascii") as statm:
                self.samples.append((int(statm.read().split()[1]) * page >> 20, " < ".join(calls[:3])))

    def highest(self, count: int) -> str:
        """The ``count`` highest samples at distinct places, in MB."""
        best: dict[str, int] = {}
        for megabytes, where in self.samples:
            best[where] = max(megabytes, best.get(where, 0))
        ranked = sorted(best.items(), key=lambda item: -item[1])[:count]
        return "\n".join(f"{megabytes:>7,} MB  {where}" for where, megabytes in ranked)


def _run_step(step: str, data_dir: Path, profile: int, memory: int) -> dict[str, Any]:
    from gasatlas.config import settings
    from gasatlas.dataset import diskcache
    from gasatlas.dataset.load import DATASET_CODEC, contents_key, load_dataset, validate_dataset

    settings.cache_clear()
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    started = time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    with MemoryTrace() if memory else contextlib.nullcontext() as trace:
        atlas = validate_dataset(data_dir) if step == "cold" else load_dataset(data_dir)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {"step": step, "events": len(atlas.events), "seconds": round(seconds, 2),
              "cpu_seconds": round(usage.ru_utime + usage.ru_stime - cpu_before, 2),
              "peak_rss_mb": round(usage.ru_maxrss / 1024)}
    if step == "cold":  # keep it, as load_dataset does, for the restart
        started = time.perf_counter()
        diskcache.cached("dataset", contents_key(data_dir), lambda: atlas, DATASET_CODEC)
        diskcache.finish_writes()  # written behind the page; timed here on its own
        result["cache_write_seconds"] = round(time.perf_counter() - started, 2)
        result["peak_rss_mb_with_cache_write"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(profile)
        result["profile"] = out.getvalue()
    if trace:
        result["memory"] = trace.highest(memory)
    return result


def _in_new_process(step: str, data_dir: Path, cache_dir: Path, profile: int, memory: int) -> dict[str, Any]:
    env = os.environ | {"GASATLAS_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-m", "devtools.bench_validate", str(data_dir), "--step", step,
               "--profile", str(profile), "--memory", str(memory)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return cast(dict[str, Any], json.loads(done.stdout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.bench_validate", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions of the cold run")
    parser.add_argument("--memory", type=int, default=0,
                        help="print the N places of the cold run where resident memory stood highest")
    parser.add_argument("--step", choices=("cold", "restart"), help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(_run_step(args.step, args.data_dir, args.profile, args.memory)))
        return 0
    with tempfile.TemporaryDirectory(prefix="gasatlas-bench-") as cache:
        cold = _in_new_process("cold", args.data_dir, Path(cache), args.profile, args.memory)
        restart = _in_new_process("restart", args.data_dir, Path(cache), 0, 0)
    load = os.getloadavg()
    print(cold.pop("profile", ""), cold.pop("memory", ""), sep="\n", file=sys.stderr)
    results = {"cold": cold, "restart": restart, "load_average": [round(value, 2) for value in load]}
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
