"""`python -m gasatlas.news.ingest`: an article in, candidate events out, stored only when asked and only when sound."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from gasatlas.config import settings
from gasatlas.model.schema import EVENT_COLUMNS
from gasatlas.news import ingest
from gasatlas.news.extract import MAX_ARTICLE_CHARS
from gasatlas.store import EventStore
from tests.conftest import TEST_ARTICLE, TEST_ARTICLE_PUBLISHED

PUBLISHED = TEST_ARTICLE_PUBLISHED
SOURCE = ["--source-title", "Test Wire", "--source-url", "https://example.org/news/orenburg"]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'store' / 'events.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings.cache_clear()
    yield url
    settings.cache_clear()


@pytest.fixture
def article() -> Path:
    return TEST_ARTICLE


def stored(url: str) -> list[str]:
    return [event.id for event in EventStore(url).events()]


def test_it_prints_the_candidates_as_json_rows_of_events_csv_with_a_confidence(
        article: Path, database: str, capsys: pytest.CaptureFixture) -> None:
    assert ingest.main([str(article), "--published", PUBLISHED, *SOURCE]) == 0

    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    row = rows[0]
    assert set(EVENT_COLUMNS) <= set(row)
    assert 0 < row["confidence"] <= 1
    assert (row["date"], row["date_precision"]) == ("2024-03-14", "day")
    assert row["facility_ids"] == "orenburg-gpp"
    assert row["participants"].split(";") == ["ivan-petrov", "miller"]
    assert row["source_url"] == "https://example.org/news/orenburg"
    assert row["quote"].startswith("Генеральный директор")
    assert stored(database) == [], "printing stores nothing"


@pytest.mark.usefixtures("database")
def test_it_prints_csv_that_reads_back_with_the_events_csv_header(
        article: Path, capsys: pytest.CaptureFixture) -> None:
    assert ingest.main([str(article), "--published", PUBLISHED, "--format", "csv", *SOURCE]) == 0

    reader = csv.DictReader(io.StringIO(capsys.readouterr().out))
    rows = list(reader)
    assert reader.fieldnames == [*EVENT_COLUMNS, "confidence", "flags", "duplicate_of", "new_actors"]
    assert [row["date"] for row in rows] == ["2024-03-14"]
    assert "ivan-petrov (person): Иван Петров / Ivan Petrov" in rows[0]["new_actors"].split("; ")


@pytest.mark.usefixtures("database")
def test_new_people_and_organisations_are_in_the_output_once_each(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "article.txt"
    path.write_text("14 марта Иван Петров, глава «Тестгаза», провёл переговоры с Алексеем Миллером.\n\n"
                    "«Мы договорились», — сказал И. Петров.", encoding="utf-8")

    assert ingest.main([str(path), "--published", PUBLISHED, *SOURCE]) == 0

    out, err = capsys.readouterr()
    proposed = {actor["id"]: actor for row in json.loads(out) for actor in row["new_actors"]}
    assert proposed["ivan-petrov"] == {"id": "ivan-petrov", "kind": "person", "name_en": "Ivan Petrov",
                                       "name_ru": "Иван Петров"}, "«И. Петров» is the same person"
    assert set(proposed) == {"ivan-petrov", "testgaz"}
    assert "new actors proposed" in err
    assert "ivan-petrov" in err


def test_save_stores_the_candidates_and_the_new_people_they_name(
        article: Path, database: str, capsys: pytest.CaptureFixture) -> None:
    assert ingest.main([str(article), "--published", PUBLISHED, "--save", *SOURCE]) == 0

    printed = json.loads(capsys.readouterr().out)
    assert stored(database) == [row["id"] for row in printed]
    assert "ivan-petrov" in {actor.id for actor in EventStore(database).actors()}
    provenance = EventStore(database).provenance()
    assert provenance["origin"].tolist() == ["extracted"]
    assert str(provenance["published"][0])[:10] == PUBLISHED


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not text"),
        (("Газ. " * (MAX_ARTICLE_CHARS // 4)).encode(), f"{MAX_ARTICLE_CHARS:,}"),
    ],
    ids=["empty", "blank", "binary", "too-long"],
)
def test_an_unusable_file_exits_2_with_one_message_and_stores_nothing(
        tmp_path: Path, database: str, capsys: pytest.CaptureFixture, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)

    assert ingest.main([str(path), "--published", PUBLISHED, "--save", *SOURCE]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: ")
    assert message in err
    assert stored(database) == []


def test_a_future_publication_date_exits_2(article: Path, database: str, capsys: pytest.CaptureFixture) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()

    assert ingest.main([str(article), "--published", tomorrow, "--save", *SOURCE]) == 2

    assert "in the future" in capsys.readouterr().err
    assert stored(database) == []


def test_an_impossible_date_exits_2_naming_it(article: Path, database: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_:
        ingest.main([str(article), "--published", "2023-02-30", "--save", *SOURCE])

    assert exit_.value.code == 2
    assert "'2023-02-30' is not a real date" in capsys.readouterr().err
    assert stored(database) == []


@pytest.mark.usefixtures("database")
def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert ingest.main([str(tmp_path / "nowhere.txt"), "--published", PUBLISHED]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_save_without_a_source_url_is_refused_before_anything_is_read(
        article: Path, database: str, capsys: pytest.CaptureFixture) -> None:
    assert ingest.main([str(article), "--published", PUBLISHED, "--save"]) == 2

    assert "--source-url" in capsys.readouterr().err
    assert stored(database) == []


def test_a_store_that_cannot_be_opened_exits_1_and_prints_no_candidates(
        article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    not_a_database = tmp_path / "occupied"
    not_a_database.mkdir()  # a folder where the database file should be
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{not_a_database}")
    settings.cache_clear()

    assert ingest.main([str(article), "--published", PUBLISHED, "--save", *SOURCE]) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: nothing was stored: cannot open the event store")
    settings.cache_clear()


def test_saving_the_same_article_twice_stores_its_events_once(
        article: Path, database: str, capsys: pytest.CaptureFixture) -> None:
    assert ingest.main([str(article), "--published", PUBLISHED, "--save", *SOURCE]) == 0
    first = stored(database)
    capsys.readouterr()

    assert ingest.main([str(article), "--published", PUBLISHED, "--save", *SOURCE]) == 0

    out, err = capsys.readouterr()
    assert [row["duplicate_of"] for row in json.loads(out)] == first
    assert "stored 0 event(s)" in err
    assert "skipped 1" in err
    assert stored(database) == first


def test_an_article_about_a_curated_event_is_flagged_and_not_stored_again(
        tmp_path: Path, database: str, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "roadmap.txt"
    path.write_text("18 января в Санкт-Петербурге Роман Скляр и Алексей Миллер подписали дорожную карту "
                    "по переработке казахстанского газа на Оренбургском газоперерабатывающем заводе.",
                    encoding="utf-8")

    assert ingest.main([str(path), "--published", "2023-01-20", "--save", *SOURCE]) == 0

    rows = json.loads(capsys.readouterr().out)
    assert [row["duplicate_of"] for row in rows] == ["ev-2023-01-18-gazprom-kazakhstan-roadmap"]
    assert stored(database) == []


@pytest.mark.parametrize("published", ["0001-01-01", "1899-12-31", "9999-12-31"])
def test_a_publication_date_outside_the_atlas_window_exits_2_naming_it(
        article: Path, database: str, capsys: pytest.CaptureFixture, published: str) -> None:
    assert ingest.main([str(article), "--published", published, "--save", *SOURCE]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert f"the publication date {published}" in err
    assert stored(database) == []


@pytest.mark.parametrize("dated", ["5 мая 1650 года", "18 января 2300 года"])
def test_a_sentence_dated_outside_the_window_is_no_candidate_and_its_year_is_never_rewritten(
        tmp_path: Path, database: str, capsys: pytest.CaptureFixture, dated: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"Алексей Миллер и Роман Скляр подписали соглашение о поставках газа в Астане {dated}.",
                    encoding="utf-8")

    assert ingest.main([str(path), "--published", "2023-05-10", "--save", *SOURCE]) == 0

    assert json.loads(capsys.readouterr().out) == []
    assert stored(database) == []


@pytest.mark.usefixtures("database")
def test_an_article_in_windows_1251_is_read_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes(TEST_ARTICLE.read_text(encoding="utf-8").encode("cp1251", errors="replace"))

    assert ingest.main([str(path), "--published", PUBLISHED, *SOURCE]) == 0

    out, err = capsys.readouterr()
    assert "read as Windows-1251" in err
    assert [row["date"] for row in json.loads(out)] == ["2024-03-14"]


def test_a_store_location_that_cannot_be_created_exits_1_without_a_traceback(
        article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////proc/nope/x.sqlite3")
    settings.cache_clear()

    assert ingest.main([str(article), "--published", PUBLISHED, "--save", *SOURCE]) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: nothing was stored: cannot open the event store")
    assert "Traceback" not in err, "the operator sees where"
    assert "/proc/nope" in err, "the operator sees where"
    settings.cache_clear()


# --- add from a link ---------------------------------------------------------------------------------------




@pytest.mark.usefixtures("database")
def test_url_fetches_the_page_and_reads_its_article(site: str, capsys: pytest.CaptureFixture) -> None:
    url = site + "/orenburg-test-wire.html"

    assert ingest.main(["--url", url, "--allow-host", "127.0.0.1"]) == 0

    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert [(row["date"], row["facility_ids"]) for row in rows] == [("2024-03-14", "orenburg-gpp")]
    assert rows[0]["source_url"] == url, "the link is the source"
    assert rows[0]["source_title"] == "Тестовая лента: переговоры на Оренбургском ГПЗ", "the page's own title"
    assert "publication date 2024-03-15, from the page" in err
    assert "главная" not in rows[0]["quote"].lower(), "navigation is not article text"


@pytest.mark.usefixtures("capsys")
def test_url_saves_with_the_link_as_source(site: str, database: str) -> None:
    assert ingest.main(["--url", site + "/orenburg-test-wire.html", "--allow-host", "127.0.0.1",
                        "--published", PUBLISHED, "--save"]) == 0

    assert len(stored(database)) == 1


@pytest.mark.parametrize(("url", "message"), [
    ("file:///etc/passwd", "could not fetch this page: scheme 'file' is not http or https"),
    ("http://127.0.0.1:9/news", "could not fetch this page: '127.0.0.1' resolves to 127.0.0.1, which is not a public"),
])
def test_a_link_that_cannot_be_read_exits_2_with_one_message(
        url: str, message: str, database: str, capsys: pytest.CaptureFixture) -> None:
    assert ingest.main(["--url", url, "--published", PUBLISHED, "--save"]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert message in err
    assert stored(database) == []


@pytest.mark.usefixtures("database")
def test_a_private_host_is_fetched_only_when_the_operator_allows_it(
        site: str, capsys: pytest.CaptureFixture) -> None:
    url = site + "/orenburg-test-wire.html"

    assert ingest.main(["--url", url, "--published", PUBLISHED]) == 2
    assert "which is not a public address" in capsys.readouterr().err
    assert ingest.main(["--url", url, "--published", PUBLISHED, "--allow-host", "10.0.0.0/8",
                        "--allow-host", "127.0.0.1"]) == 0


def test_a_file_and_a_link_together_are_refused(article: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as stop:
        ingest.main([str(article), "--url", "https://example.org/", "--published", PUBLISHED])

    assert stop.value.code == 2
    assert "not allowed with" in capsys.readouterr().err
