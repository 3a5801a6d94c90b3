"""Driving the app as Streamlit runs it (``AppTest``): the map faked, a page opened, an article submitted, a
visitor signed in.

The map is a custom component AppTest cannot render, so ``st_folium`` is replaced
by a stand-in (``FakeMap``) that records what it was given and can report a click the way the
real component does: by setting its value and calling ``on_change`` before a rerun.
"""

from __future__ import annotations

import base64
import datetime as dt
import json

import numpy as np
import pyarrow
import streamlit as st
from streamlit.testing.v1 import AppTest

from gasatlas.config import PROJECT_ROOT, STATIC_DIR, settings
from gasatlas.map.assets import URL_FROM_COMPONENT
from gasatlas.store import EventStore
from gasatlas.ui import add_news, navigation
from tests.support.data import shipped_atlas

APP = str(PROJECT_ROOT / "app.py")
TOTAL = len(shipped_atlas().events)
"""How many events the shipped atlas holds: what an unfiltered page shows."""
TIMEOUT = 30
"""Seconds an ``AppTest`` run may take."""
ROADMAP = "ev-2023-01-18-gazprom-kazakhstan-roadmap"
SOURCE_TITLE = "Test Wire"
SOURCE_URL = "https://example.org/news/orenburg"
"""The source an article is submitted as, unless a test says otherwise."""

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "atlas",
        "client_secret": "secret", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
ROLES = {"moderators": ["mod@atlas.example"]}
ALICE = {"is_logged_in": True, "email": "alice@newsroom.example", "email_verified": True, "name": "Alice"}
MODERATOR = {"is_logged_in": True, "email": "mod@atlas.example", "email_verified": True, "name": "Maria"}
"""Visitors signed in (``AppTest.user``) under ``AUTH``, with ``ROLES`` naming the moderators."""


class Upload:
    """What ``st.file_uploader`` hands the page (AppTest cannot upload a file itself)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self._data = name, data

    def getvalue(self) -> bytes:
        return self._data


class FakeMap:
    """Stands in for streamlit-folium's ``st_folium``."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.pending_click: dict | None = None
        self.clicks = 0

    def click(self, layer: str, item: str) -> None:
        self.clicks += 1
        self.pending_click = {
            "last_object_clicked": {"lat": 51.7, "lng": 55.0},
            "last_object_clicked_count": self.clicks,
            "last_active_drawing": {"type": "Feature", "properties": {"layer": layer, "id": item}},
        }

    def __call__(self, _fig, *, feature_group_to_add, key, on_change=None, **_):
        self.calls.append({"layers": feature_group_to_add})
        if self.pending_click is not None:
            st.session_state[key], self.pending_click = self.pending_click, None
            on_change()
            st.rerun()
        return st.session_state.get(key)

    def layer(self, name: str) -> dict | None:
        """The data of the last drawn overlay called ``name`` (events, routes, selection…)."""
        for group in self.calls[-1]["layers"]:
            if group.layer_name == name:
                return json.loads(next(iter(group._children.values())).data_json)
        return None

    def events(self) -> dict[str, list]:
        """The columns of the events the map shows, put together as ``map/js/events.js`` does: carried by the
        layer itself, or the rows of the column file it names that its bits pick, then the rows it carries."""
        data = self.layer("events")
        assert data is not None, "no events layer drawn"
        if "base" in data:
            return data["base"]
        columns = json.loads((STATIC_DIR / data["source"].removeprefix(URL_FROM_COMPONENT)).read_text("utf-8"))
        size = len(columns["id"])
        bits = np.unpackbits(np.frombuffer(base64.b64decode(data["shown"]), dtype=np.uint8), bitorder="little")
        rows = np.flatnonzero(bits[:size]).tolist()
        extra = data.get("extra", {"id": []})
        names = {name for part in (columns, extra) for name, values in part.items() if isinstance(values, list)}
        return {name: [columns.get(name, [0] * size)[row] for row in rows] + extra.get(name, [0] * len(extra["id"]))
                for name in names}


def run_app(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def open_page(spec: navigation.PageSpec, **query: str | list[str]) -> AppTest:
    return run_app(**query).switch_page(spec.path).run()


def chart_data(at: AppTest, index: int = 0) -> list[dict]:
    """The rows of every dataset of the index-th Vega-Lite chart on the page (sent as Arrow)."""
    chart = at.get("vega_lite_chart")[index].proto
    return [row for dataset in chart.datasets
            for row in pyarrow.ipc.open_stream(dataset.data.data).read_all().to_pylist()]


def shown_count(at: AppTest) -> str:
    return at.caption[0].value.split(" · ")[0]


def table_selection(at: AppTest) -> list[int]:
    return list(json.loads(at.dataframe[0].proto.selection_default)["selection"]["rows"])


def add_news_page(lang: str = "en") -> AppTest:
    return open_page(navigation.ADD_NEWS, lang=lang)


def button(at: AppTest, prefix: str):
    return next(b for b in at.button if b.label.startswith(prefix))


def read(at: AppTest) -> AppTest:
    """Wait for the shared reader to finish the article, then rerun, as the page's progress panel does."""
    if add_news.KEY_JOB in at.session_state:
        assert at.session_state[add_news.KEY_JOB].wait(TIMEOUT), "the article was not read in time"
        at = at.run()
    return at


def submit(at: AppTest, text: str, published: dt.date | None, title: str = SOURCE_TITLE,
           url: str = SOURCE_URL) -> AppTest:
    at.text_area[0].input(text)
    at.date_input[0].set_value(published)
    at.text_input[1].input(title)
    at.text_input[2].input(url)
    return read(button(at, "Find events").click().run())


def visit(spec: navigation.PageSpec, user: dict | None = None, *, auth: bool = True) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if auth:
        at.secrets["auth"] = AUTH
        at.secrets["roles"] = ROLES
    if user is not None:
        at.user = dict(user)
    at.run()
    return at.switch_page(spec.path).run()


def app_store() -> EventStore:
    """The event store the app under test uses (``tests/app/conftest.py`` gives each test its own)."""
    return EventStore(settings().database_url)
