"""Everything costly about an article — fetching its link, decoding its file, reducing its markup —
happens in the bounded pool of readers (``gasatlas.news.jobs``), never in a visitor's own script thread,
and a page built to be costly is refused there quickly and cheaply."""

from __future__ import annotations

import datetime as dt
import functools
import resource
import threading
import time
import tracemalloc

import pytest

from gasatlas.news import ingest
from gasatlas.news.extract import ArticleError
from gasatlas.news.extract import text as article_text_module
from gasatlas.news.jobs import JobPool, JobState, QueueFull

TINY_ELEMENTS = b"<p>a</p>" * 500_000
"""4 MB of the cheapest elements: 27 s of CPU and 850 MB once parsed, before the markup was capped."""
MB = 1 << 20


def threads_running(monkeypatch: pytest.MonkeyPatch, target: object, name: str) -> list[str]:
    """The names of the threads that call ``target.name`` from now on."""
    seen: list[str] = []
    original = getattr(target, name)

    def recorded(*args, **kwargs):
        seen.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, recorded)
    return seen


def request(**given) -> ingest.ArticleRequest:
    return ingest.ArticleRequest(dt.date(2024, 3, 15), "Test Wire", "https://example.org/news", **given)


def test_a_4_mb_file_of_tiny_elements_is_refused_in_the_pool_within_2_s_and_300_mb(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert 3.9e6 <= len(TINY_ELEMENTS) <= 4e6
    parsed_in = threads_running(monkeypatch, article_text_module, "check_markup")
    pool = JobPool(workers=1, max_waiting=0)
    peak_rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        job = pool.submit(functools.partial(ingest.read_and_propose, request(raw=TINY_ELEMENTS, filename="tiny.html"),
                                            None))  # type: ignore[arg-type]  # refused before the atlas is needed
        assert job.wait(10)
        took = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    peak_rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - peak_rss_before

    assert job.state == JobState.FAILED
    assert isinstance(job.error, ArticleError)
    assert "tags" in str(job.error)
    assert took <= 2.0, f"refused after {took:.2f} s"
    assert peak <= 300 * MB, (peak / MB, peak_rss_growth / MB)
    assert peak_rss_growth <= 300 * MB, (peak / MB, peak_rss_growth / MB)
    assert parsed_in, parsed_in
    assert all(name.startswith("gasatlas-job") for name in parsed_in), parsed_in


def test_a_link_is_fetched_and_its_page_read_in_the_pool_with_the_page_title_as_source(
        site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fetched_in = threads_running(monkeypatch, ingest, "fetch_page")
    read_in = threads_running(monkeypatch, ingest, "article_text")
    monkeypatch.setattr(ingest, "propose", lambda article, atlas, report: [])
    link = site + "/orenburg-test-wire.html"

    job = JobPool(1, 0).submit(functools.partial(
        ingest.read_and_propose, request(link=link, allow_hosts=("127.0.0.1",)), None))  # type: ignore[arg-type]
    assert job.wait(30)

    assert job.state == JobState.DONE, job.error
    assert job.result is not None
    assert job.result.article.source_title == "Test Wire", "a title the visitor gave wins over the page's"
    assert fetched_in
    assert read_in
    assert all(name.startswith("gasatlas-job") for name in fetched_in + read_in)


def test_a_link_without_a_title_takes_the_pages_and_a_private_link_is_refused_with_one_message(
        site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "propose", lambda article, atlas, report: [])
    link = site + "/orenburg-test-wire.html"
    untitled = ingest.ArticleRequest(dt.date(2024, 3, 15), "", link, link=link, allow_hosts=("127.0.0.1",))

    reading = ingest.read_and_propose(untitled, None)  # type: ignore[arg-type]

    assert reading.article.source_title == "Тестовая лента: переговоры на Оренбургском ГПЗ"
    with pytest.raises(ArticleError, match=r"^could not fetch this page$"):
        ingest.read_and_propose(request(link=link), None)  # type: ignore[arg-type]  # no host allowed


def test_the_pool_runs_at_most_its_workers_and_refuses_work_beyond_its_line() -> None:
    started, release = threading.Event(), threading.Event()
    pool = JobPool(workers=1, max_waiting=1)
    running = pool.submit(lambda report: started.set() or release.wait(10))
    assert started.wait(10)
    waiting = pool.submit(lambda report: "read")

    with pytest.raises(QueueFull):
        pool.submit(lambda report: "one too many")
    assert pool.position(waiting) == 1
    assert waiting.state == JobState.WAITING
    release.set()
    assert running.wait(10)
    assert waiting.wait(10)
    assert waiting.result == "read"
