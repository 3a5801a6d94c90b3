"""How fast the news reader is: the command line on a short article, and the page's reader once warm.

    python -m devtools.bench_reader [--runs 9]

The command line is a new process each time: it is timed end to end (wall clock and the CPU time
of the child process), after one run that fills the disk cache (``gasatlas.dataset.diskcache``), and once
more with an empty cache for comparison. The page reads in a long-lived process whose models and
place index are already loaded, so it is timed in process, per 1,000 characters, on the evaluation
articles (eval/articles) read one by one and all together as one long text. Medians are
reported; nothing here touches the network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHORT = ROOT / "tests" / "fixtures" / "articles" / "orenburg-test-wire.txt"


def _cli_once(env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gasatlas.news.ingest", str(SHORT), "--published", "2024-03-15"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def command_line(runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of the command on a short article: with a warm disk cache, and cold."""
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as empty:
        cold = _cli_once(env | {"GASATLAS_CACHE_DIR": empty})
    _cli_once(env)  # fills the project's cache if it is empty
    warm = [_cli_once(env) for _ in range(runs)]
    return {"warm": (statistics.median(w for w, _ in warm), statistics.median(c for _, c in warm)),
            "cold": cold}


def page(runs: int) -> dict[str, float]:
    """Median seconds per 1,000 characters of the page's reader, warm, on the evaluation articles."""
    from gasatlas.config import settings
    from gasatlas.dataset.load import load_dataset
    from gasatlas.news import ingest
    from gasatlas.news.extract.evaluate import load_articles

    atlas = load_dataset(settings().data_dir)
    articles = [ingest.Article(a.text, a.published, a.title, a.url) for a in load_articles()]
    for lang in ("ru", "en"):  # warm: models and place index loaded, as on a running server
        ingest.propose(next(a for a, raw in zip(articles, load_articles(), strict=True) if raw.lang == lang), atlas)
    per_article, cpu_per_article = [], []
    for article in articles:
        start, cpu = time.perf_counter(), time.process_time()
        ingest.propose(article, atlas)
        per_article.append((time.perf_counter() - start) / len(article.text) * 1000)
        cpu_per_article.append((time.process_time() - cpu) / len(article.text) * 1000)
    joined = "\n\n".join(a.text for a in articles)
    long_article = ingest.Article(joined, max(a.published for a in articles), "all", "https://example.org/")
    long_runs = []
    for _ in range(runs):
        start = time.perf_counter()
        ingest.propose(long_article, atlas)
        long_runs.append((time.perf_counter() - start) / len(joined) * 1000)
    return {"articles": len(articles), "median_article_chars": statistics.median(len(a.text) for a in articles),
            "per_1000_articles": statistics.median(per_article), "cpu_per_1000": statistics.median(cpu_per_article),
            "long_chars": len(joined),
            "per_1000_long": statistics.median(long_runs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    cli = command_line(args.runs)
    reader = page(max(3, args.runs // 3))
    print(f"# {dt.date.today()} · {os.cpu_count()} cores · Python {sys.version.split()[0]}")
    print(f"command line, short article ({SHORT.stat().st_size} bytes), median of {args.runs} runs with the disk "
          f"cache: {cli['warm'][0]:.2f} s wall, {cli['warm'][1]:.2f} s CPU; empty cache: {cli['cold'][0]:.2f} s wall, "
          f"{cli['cold'][1]:.2f} s CPU")
    print(f"page reader, warm: {reader['per_1000_articles']:.3f} s per 1,000 characters, "
          f"{reader['cpu_per_1000']:.3f} s CPU (median over "
          f"{reader['articles']} articles, median {reader['median_article_chars']:.0f} characters); "
          f"{reader['per_1000_long']:.3f} s per 1,000 characters on all of them as one text "
          f"({reader['long_chars']:,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
