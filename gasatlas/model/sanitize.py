"""Escaping for every place untrusted text can reach: HTML, JSON inside scripts, JS templates.

Data files, pasted articles and form entries are all untrusted. Text reaches
the browser three ways, and each needs its own escaping:

* as HTML (popups, tooltips, cards, labels): :func:`html_text`;
* as data embedded in a generated ``<script>`` (our map layers): :func:`js_json`,
  which also stops ``</script>`` and ``<!--`` from ending the script early;
* in a Streamlit element or widget label that renders Markdown: :func:`markdown_text`,
  and :func:`markdown_format` to fill the atlas's own message templates;
* in a spreadsheet cell (CSV downloads), where ``=…`` would be a formula: :func:`guard_cell`;
* as a quoted string in a style sheet (``content: "…"``): :func:`css_string`;
* inside the JavaScript template strings (backticks) that folium's own
  ``Popup``/``Tooltip`` write: :func:`folium_template_html`, which additionally
  neutralises backticks, ``${`` and backslashes.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import urlsplit

_SCRIPT_BREAKERS = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029"))


def html_text(value: Any) -> str:
    """Text for an HTML element or attribute body: ``& < > " '`` become entities."""
    return "" if value is None else html.escape(str(value), quote=True)


WEB_SCHEMES = frozenset({"http", "https"})
"""The only schemes a link may have, to be shown, stored as a feed or fetched."""


class LinkRefused(ValueError):
    """A link the atlas will neither watch nor fetch; the message says why."""


def web_link(url: str) -> str:
    """The link, if it is an http(s) address of a host without credentials; ``LinkRefused`` otherwise.

    The shape alone — whether its host may be fetched is the guarded fetcher's question."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise LinkRefused(f"scheme {parts.scheme or '(none)'!r} is not http or https: {url!r}")
    if not parts.hostname:
        raise LinkRefused(f"the link {url!r} names no host")
    if parts.username or parts.password:
        raise LinkRefused(f"the link {url!r} carries a user name or password")
    return url


def safe_url(value: Any) -> str | None:
    """An http(s) URL fit for ``href``, or None: ``javascript:`` and friends never reach a link."""
    url = str(value or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in WEB_SCHEMES or not parts.netloc:
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


def css_string(value: Any) -> str:
    """A double-quoted CSS string: every character but letters, digits and spaces as a hex escape, so no text can
    close the string, the rule or the ``<style>`` element around it."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in str(value)) + '"'


_MARKDOWN_SPECIALS = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]()#+-.!|<>~$:"})
WORD_JOINER = "\u2060"
_AUTOLINKS = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?=@)", re.IGNORECASE)
"""Where GFM would turn plain text into a link (``https://…``, ``www.…``, ``a@b.c``) whatever the escapes."""


def markdown_text(value: Any) -> str:
    """Text for a Streamlit element or label that renders Markdown: shown exactly, never rendered.

    Every Markdown character is escaped, so ``![x](http://host/pixel.png)`` cannot make the
    browser fetch an image; and an invisible word joiner goes where GFM would autolink
    (after ``https:``, ``www``, before ``@``), so no address in the text becomes a link.
    """
    text = _AUTOLINKS.sub(WORD_JOINER, ("" if value is None else str(value)).replace("\n", " "))
    return text.translate(_MARKDOWN_SPECIALS)


def markdown_format(template: str, **values: Any) -> str:
    """``template.format(**values)`` for an element that renders Markdown (``st.info``, ``st.toast``,
    captions, labels): the template is the atlas's own text, every value is made literal by
    :func:`markdown_text` — names, file names, messages that quote input, even numbers."""
    return template.format(**{name: markdown_text(value) for name, value in values.items()})


def folium_template_html(markup: str) -> str:
    """Make already-escaped HTML safe inside folium's backtick template strings."""
    return markup.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")


FORMULA_START = "=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20"  # and their full-width forms, which Excel also reads
_NEEDS_GUARD = re.compile(f"^'*[{re.escape(FORMULA_START)}]")
_GUARDED = re.compile(f"^'+[{re.escape(FORMULA_START)}]")


def guard_cell(text: str) -> str:
    """A CSV cell a spreadsheet will show as text: ``=cmd()`` becomes ``'=cmd()``.

    Apostrophes already before a formula character are doubled up too, so
    :func:`unguard_cell` can always give back exactly the original text.
    """
    return "'" + text if _NEEDS_GUARD.match(text) else text


def unguard_cell(text: str) -> str:
    """The inverse of :func:`guard_cell`, for every cell read from a file in the ``data/`` formats."""
    return text[1:] if _GUARDED.match(text) else text
