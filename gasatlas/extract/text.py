"""An upload or a paste reduced to the plain article text the extractor reads.

Everything that makes a text unusable is refused here with one plain English
message, so the command line and the page can show it as it is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import PurePath
from typing import ClassVar

import trafilatura

MAX_ARTICLE_CHARS = 100_000
"""Longer texts are not news items; the limit also bounds the time one extraction takes."""

MAX_HTML_CHARS = MAX_ARTICLE_CHARS * 10
"""A page's markup, scripts and styles are many times its text."""

HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt", ".md"}
LOOKS_LIKE_HTML = re.compile(r"^\s*<(?:!doctype\s+html|html|head|body)\b|</(?:p|div|article|body|span|h[1-6])>",
                             re.IGNORECASE)
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
EXTRA_BLANK_LINES = re.compile(r"\n{3,}")


class ArticleError(ValueError):
    """The article cannot be read; the message says why in one sentence."""


def normalise_whitespace(text: str) -> str:
    """Spaces as plain spaces (NBSP included), invisible characters removed, lines
    trimmed, and at most one blank line between paragraphs — paragraph breaks are kept
    because events are grouped by paragraph."""
    text = INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return EXTRA_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        text = raw
    elif b"\x00" in raw:
        raise ArticleError("the file is binary, not text")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ArticleError("the file is not UTF-8 text (is it a binary or a differently encoded file?)") from None
    if "\x00" in text:
        raise ArticleError("the file is binary, not text")
    return text


class _TextOnly(HTMLParser):
    """The last resort for markup trafilatura gives nothing for: the visible text, block by block."""

    BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr", "blockquote"})
    HIDDEN: ClassVar[frozenset[str]] = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _strip_tags(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def html_main_text(html: str) -> str:
    """The main text of a page: trafilatura's article extraction, else its plain-text
    extraction, else the page's visible text. Paragraphs come out separated by blank lines."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False) or trafilatura.html2txt(html)
    if text and text.strip():
        return "\n\n".join(line for line in text.split("\n") if line.strip())
    return _strip_tags(html)


def _is_html(text: str, filename: str | None) -> bool:
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if suffix in HTML_SUFFIXES | TEXT_SUFFIXES:
        return suffix in HTML_SUFFIXES
    return bool(LOOKS_LIKE_HTML.search(text[:5000]))


def article_text(raw: bytes | str, filename: str | None = None) -> str:
    """The article's plain text from a file's bytes or a pasted string.

    ``.txt``/``.md`` files and plain pastes are decoded as UTF-8; ``.html``/``.htm``
    files and pastes that look like a web page are reduced to their main text.
    Raises ``ArticleError`` for binary input, an empty text or one longer than
    ``MAX_ARTICLE_CHARS`` characters.
    """
    text = _decode(raw)
    if _is_html(text, filename):
        if len(text) > MAX_HTML_CHARS:
            raise ArticleError(f"the page is larger than {MAX_HTML_CHARS:,} characters")
        text = html_main_text(text)
    text = normalise_whitespace(text)
    if not text:
        raise ArticleError("the article is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"the article is longer than {MAX_ARTICLE_CHARS:,} characters ({len(text):,})")
    return text
