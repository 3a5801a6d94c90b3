"""Untrusted text cannot become markup or code on its way to the browser."""

from __future__ import annotations

import json

import pytest

from gasatlas.model.sanitize import folium_template_html, html_text, js_json, link_html, markdown_text, safe_url

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


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_leaves_no_tag_or_attribute_break(text: str) -> None:
    escaped = html_text(text)

    assert "<" not in escaped
    assert ">" not in escaped
    assert '"' not in escaped


@pytest.mark.parametrize("text", HOSTILE)
def test_js_json_round_trips_and_cannot_close_a_script(text: str) -> None:
    encoded = js_json({"title": text})

    assert json.loads(encoded) == {"title": text}
    assert "</" not in encoded
    assert "<!--" not in encoded
    assert "\u2028" not in encoded


@pytest.mark.parametrize("text", HOSTILE)
def test_folium_template_html_cannot_leave_a_backtick_string(text: str) -> None:
    safe = folium_template_html(html_text(text))

    assert "${" not in safe.replace("\\${", "")
    unescaped_backticks = [i for i, ch in enumerate(safe) if ch == "`" and safe[i - 1] != "\\"]
    assert unescaped_backticks == []


def test_a_backslash_cannot_escape_the_escaping() -> None:
    assert folium_template_html("\\`") == "\\\\\\`"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example", "", None, "ftp://x.org/f"])
def test_only_web_links_become_hrefs(url) -> None:
    assert safe_url(url) is None
    assert "href" not in link_html(url, "source")


def test_a_web_link_is_escaped_and_opens_safely() -> None:
    html = link_html('https://example.org/a?b=1&c="2"', "<Source>")

    assert html == (
        '<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" target="_blank" '
        'rel="noopener noreferrer">&lt;Source&gt;</a>'
    )


def test_markdown_text_keeps_falsy_values_that_are_text() -> None:
    assert [markdown_text(value) for value in (0, 0.0, False, None, "")] == ["0", "0\\.0", "False", "", ""]
