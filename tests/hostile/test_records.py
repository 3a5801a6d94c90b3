"""Anything anyone can send — a record, a file, a date, a link — is stored or refused with a message, never a crash.

Hypothesis generates the inputs. Every way in is tried: the form's save and the
import of a data file (which must agree), whole CSV files, publication dates,
article texts and link parameters. The tally of what was tried and refused is
written to test-artifacts/hostile-inputs.json for the release note.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gasatlas.analysis.viewstate import from_query
from gasatlas.auth import LOCAL_MODERATOR as MODERATOR
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.exports import events_csv
from gasatlas.dataset.load import DataValidationError, load_dataset, validate_additions
from gasatlas.model import datewindow
from gasatlas.news import ingest
from gasatlas.news.extract import ArticleError
from gasatlas.store import EventStore, import_csv
from gasatlas.ui.state import vocabulary
from tests.hostile.strategies import VALID, any_date, csv_files, hostile_events, texts

ATLAS = load_dataset(PROJECT_ROOT / "data")
TALLY: Counter[str] = Counter()
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LINK_PROBLEMS = {"link_unknown_language", "link_unknown_basemap", "link_unknown_selection", "link_unknown_country",
                 "link_unknown_event_type", "link_unknown_actor", "link_bad_from", "link_bad_to", "link_dates_swapped"}
"""Everything a link can be told (interface keys, shown in the reader's language): the parameter, never its value."""


@pytest.fixture(scope="module", autouse=True)
def tally() -> Iterator[None]:
    yield
    artifacts = PROJECT_ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "hostile-inputs.json").write_text(json.dumps(dict(sorted(TALLY.items())), indent=1) + "\n")


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[EventStore, EventStore]:
    folder = tmp_path_factory.mktemp("hostile-stores")
    return EventStore(f"sqlite:///{folder / 'form.sqlite3'}"), EventStore(f"sqlite:///{folder / 'import.sqlite3'}")


def named_problems(error: DataValidationError) -> bool:
    """Every problem says where (a record or a line) and, but for whole-file problems, which field."""
    return bool(error.problems) and all(p.location or p.record_id for p in error.problems)


@EXAMPLES
@example(record={**VALID, "title_en": "0\r"})  # a lone carriage return once ended the CSV row early
@given(record=hostile_events)
def test_a_record_is_stored_or_refused_naming_its_field_the_same_way_by_form_and_import(
        record: dict, stores: tuple[EventStore, EventStore]) -> None:
    by_form, by_import = stores
    TALLY["records tried"] += 1
    outcomes = []
    for save in (lambda: by_form.submit(MODERATOR, ATLAS, [record]),
                 lambda: (result := import_csv(by_import, MODERATOR, ATLAS, events_csv([record]))).stored
                 + result.unchanged + result.corrected):
        try:
            outcomes.append(bool(save()))
        except DataValidationError as error:
            refused: DataValidationError | None = error
            outcomes.append(False)
        else:
            refused = None
        assert refused is None or named_problems(refused), refused
    assert outcomes[0] == outcomes[1], "the form and the import apply one policy"
    TALLY["records refused with a message"] += not outcomes[0]


@EXAMPLES
@given(record=hostile_events)
def test_whatever_date_a_record_holds_it_is_refused_outside_the_window(record: dict) -> None:
    try:
        day = dt.date.fromisoformat(record["date"])
    except ValueError:
        return
    if datewindow.within(day):
        return
    with pytest.raises(DataValidationError) as refused:
        validate_additions(ATLAS, [record])
    assert any(p.field == "date" for p in refused.value.problems)


@EXAMPLES
@given(text=csv_files)
def test_any_file_offered_for_import_is_stored_or_refused_with_a_message(
        text: str, stores: tuple[EventStore, EventStore]) -> None:
    TALLY["import files tried"] += 1
    try:
        import_csv(stores[1], MODERATOR, ATLAS, text)
    except DataValidationError as error:
        problems = error.problems
        TALLY["import files refused with a message"] += 1
        assert problems


@EXAMPLES
@given(published=any_date, raw=st.one_of(texts, st.binary(max_size=3000)))
def test_any_article_and_publication_date_are_read_or_refused_in_one_sentence(published: dt.date,
                                                                                raw: str | bytes) -> None:
    TALLY["articles tried"] += 1
    try:
        article = ingest.read_article(raw, "a.txt" if isinstance(raw, bytes) else None, published, "T", "https://e.org/")
    except ArticleError as error:
        message = str(error)
        TALLY["articles refused with a message"] += 1
        assert "\n" not in message
        return
    assert datewindow.within(article.published)


@EXAMPLES
@given(params=st.dictionaries(st.sampled_from(["lang", "basemap", "from", "to", "country", "type", "actor", "q",
                                               "sel", "other"]), st.lists(texts, min_size=1, max_size=3)))
def test_any_link_is_read_as_far_as_it_makes_sense_and_never_echoed(params: dict[str, list[str]]) -> None:
    TALLY["links tried"] += 1
    view, problems = from_query(params, vocabulary(ATLAS))
    TALLY["links with parts ignored"] += bool(problems)
    assert set(problems) <= LINK_PROBLEMS, "a link's values are never echoed"
    assert view.lang in ("en", "ru")
