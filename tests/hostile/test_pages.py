"""Every page runs, for every visitor, whatever the event store holds.

Hypothesis fills a store with accepted events (hostile titles, dates anywhere in
the window) and with rows no validation ever saw — written by an older version
or by hand, dated 0001-01-01 or 9999-12-31, holding NaN and garbage — then every
page runs under AppTest: zero exceptions, and the bad rows are reported, not drawn.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from gasatlas import config
from gasatlas.auth import LOCAL_MODERATOR as MODERATOR
from gasatlas.store import EventStore
from gasatlas.store.tables import events_table
from gasatlas.ui import navigation
from tests.support.app import APP, TIMEOUT, FakeMap
from tests.support.data import shipped_atlas
from tests.support.hostile import VALID, extreme_numbers, in_window_events, texts

ATLAS = shipped_atlas()

unvalidated_rows = st.fixed_dictionaries({
    "id": st.from_regex(r"raw-[a-z0-9]{1,12}", fullmatch=True),
    "date": st.sampled_from([dt.date.min, dt.date.max, dt.date(1650, 5, 5), dt.date(2300, 1, 18)]),
    "title_en": texts, "lat": extreme_numbers, "lon": extreme_numbers,
})
"""Rows straight into the database, bypassing validation (as an older release or an SQL session might)."""


def fill(url: str, accepted: list[dict], raw: list[dict]) -> int:
    store = EventStore(url)
    for number, record in enumerate(accepted):
        store.submit(MODERATOR, ATLAS, [{**record, "id": f"ev-2023-02-01-hostile-{number}"}])
    with store.engine.begin() as connection:
        for row in raw:
            record = {**VALID, "id": row["id"], "date": row["date"].isoformat(), "title_en": row["title_en"],
                      "lat": row["lat"], "lon": row["lon"]}
            now = dt.datetime.now(dt.UTC)
            connection.execute(events_table.insert().values(
                id=row["id"], record=record, date=row["date"], origin="manual", saved_at=now, updated_at=now,
                status="published", revision=1, curated=False))
    store.engine.dispose()
    return len(store.unreadable())


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@example(accepted=[{**VALID, "date": "1900-01-01", "title_en": "![](https://evil.example/x.png)"}],
         raw=[{"id": "raw-min", "date": dt.date.min, "title_en": "=1+1", "lat": math.nan, "lon": 1e308},
              {"id": "raw-max", "date": dt.date.max, "title_en": "x" * 5000, "lat": 0.0, "lon": 0.0}],
         lang="ru")
@given(accepted=st.lists(in_window_events, min_size=1, max_size=12),
       raw=st.lists(unvalidated_rows, max_size=4, unique_by=lambda row: row["id"]),
       lang=st.sampled_from(["en", "ru"]))
def test_every_page_runs_whatever_the_store_holds(accepted: list[dict], raw: list[dict], lang: str) -> None:
    with tempfile.TemporaryDirectory() as folder, \
            mock.patch.dict(os.environ, {"DATABASE_URL": f"sqlite:///{Path(folder) / 'store.sqlite3'}"}), \
            mock.patch("gasatlas.ui.map.st_folium", FakeMap()), \
            mock.patch("gasatlas.ui.routes.st_folium", FakeMap()):
        config.settings.cache_clear()
        unreadable = fill(config.settings().database_url, accepted, raw)
        for spec in navigation.PAGES:
            at = AppTest.from_file(APP, default_timeout=TIMEOUT)
            at.query_params["lang"] = lang
            at.run()
            at = at.switch_page(spec.path).run()
            assert not at.exception, (spec.path, at.exception)
            if spec is navigation.DATA and unreadable:
                assert any(str(unreadable) in w.value for w in at.warning), "unreadable rows are reported"
    config.settings.cache_clear()
