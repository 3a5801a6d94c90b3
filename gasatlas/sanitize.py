"""Escaping for every place untrusted text can reach: HTML, JSON inside scripts, JS templates.

Data files, pasted articles and form entries are all untrusted. Text reaches
the browser three ways, and each needs its own escaping:

* as HTML (popups, tooltips, cards, labels): :func:`html_text`;
* as data embedded in a generated ``<script>`` (our map layers): :func:`js_json`,
  which also stops ``</script>`` and ``<!--`` from ending the script early;
* as a Streamlit widget label, which renders Markdown: :func:`markdown_text`;
* inside the JavaScript template strings (backticks) that folium's own
  ``Popup``/``Tooltip`` write: :func:`folium_template_html`, which additionally
  neutralises backticks, ``${`` and backslashes.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlsplit

_SCRIPT_BREAKERS = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029"))


def html_text(value: Any) -> str:
    """Text for an HTML element or attribute body: ``& < > " '`` become entities."""
    return "" if value is None else html.escape(str(value), quote=True)


def safe_url(value: Any) -> str | None:
    """An http(s) URL fit for ``href``, or None: ``javascript:`` and friends never reach a link."""
    url = str(value or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def link_html(url: Any, text: Any) -> str:
    """An escaped external link that opens in a new tab; plain escaped text for a bad URL."""
    href = safe_url(url)
    if href is None:
        return html_text(text)
    return f'<a href="{html_text(href)}" target="_blank" rel="noopener noreferrer">{html_text(text)}</a>'


def js_json(value: Any) -> str:
    """JSON that is safe to paste into a ``<script>`` element or a JS expression."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_BREAKERS:  # str.replace is many times faster than str.translate here
        text = text.replace(character, escape)
    return text


_MARKDOWN_SPECIALS = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]()#+-.!|<>~$:"})


def markdown_text(value: Any) -> str:
    """Text for a Streamlit label that renders Markdown: every Markdown character is literal.

    Without this a name like ``![x](http://host/pixel.png)`` would make the browser fetch an image.
    """
    return str(value or "").replace("\n", " ").translate(_MARKDOWN_SPECIALS)


def folium_template_html(markup: str) -> str:
    """Make already-escaped HTML safe inside folium's backtick template strings."""
    return markup.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
