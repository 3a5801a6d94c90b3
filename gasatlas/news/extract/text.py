"""An upload or a paste reduced to the plain article text the extractor reads.

Everything that makes a text unusable is refused here with one plain English
message, so the command line and the page can show it as it is. Two limits, each
named in its message: a file (a web page with its markup, or a text file) is read
up to ``MAX_FILE_BYTES``, and the article text it holds, like a paste, up to
``MAX_ARTICLE_CHARS``. Files need not be UTF-8: Russian and Central Asian
archives still hold Windows-1251, KOI8-R and DOS texts, so the encoding is
detected (charset-normalizer, among the region's encodings) and reported.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any, ClassVar

import charset_normalizer

MAX_ARTICLE_CHARS = 100_000
"""Longer texts are not news items; the limit also bounds the time one extraction takes."""

MAX_FILE_BYTES = 4_000_000
"""The largest file read: a web page's markup, scripts and styles are many times its text.
The same 4 MB as the page's upload limit (``server.maxUploadSize`` in .streamlit/config.toml)."""

MAX_MARKUP_TAGS = 50_000
"""The most tags a page may have. Parsing costs by the element, not the byte: 4 MB of ``<p>a</p>``
(480,000 elements) took 27 s of CPU and 850 MB, while a long news page has a few thousand tags."""

ENCODINGS: dict[str, str] = {
    "utf_8": "UTF-8", "utf_16": "UTF-16", "utf_32": "UTF-32", "cp1251": "Windows-1251", "koi8_r": "KOI8-R",
    "cp866": "DOS-866", "iso8859_5": "ISO-8859-5", "kz1048": "KZ-1048", "cp1252": "Windows-1252",
    "cp1254": "Windows-1254", "latin_1": "ISO-8859-1",
}
"""The encodings a file may be in (Python's codec name → the name a reader knows), in order of preference."""
BOMS = ((codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"), (codecs.BOM_UTF8, "utf_8"),
        (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16"))
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w:.-]{1,40})", re.IGNORECASE)

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


@dataclass(frozen=True)
class ArticleText:
    """An article's plain text, and the encoding its file was read in (None for a paste)."""

    text: str
    encoding: str | None = None


def text_codec(name: str | None) -> str | None:
    """Python's codec for a declared charset, if it is one of ``ENCODINGS``: a page may declare any codec
    Python has (``idna``, ``rot13``, ``zlib``…), and those are not text encodings."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name.replace("-", "_")
    except (LookupError, UnicodeError):
        return None
    return codec if codec in ENCODINGS else None


def _declared_encoding(raw: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag, if it is a text encoding the atlas reads."""
    match = META_CHARSET.search(raw[:4096])
    return text_codec(match.group(1).decode("ascii", errors="replace")) if match else None


def _decode(raw: bytes) -> tuple[str, str]:
    """The text of a file and the codec it was read with: a byte-order mark, else UTF-8, else the
    page's declared charset, else the region's encoding that charset-normalizer finds most likely."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw.decode(codec), codec
    if b"\x00" in raw:
        raise ArticleError("the file is binary, not text")
    candidates = ["utf_8"] + ([declared] if (declared := _declared_encoding(raw)) else [])
    for codec in candidates:
        try:
            return raw.decode(codec), codec
        except (UnicodeError, LookupError):
            continue
    best = charset_normalizer.from_bytes(raw, cp_isolation=list(ENCODINGS)).best()
    if best is None:
        raise ArticleError(f"the file is not text in any encoding the atlas reads ({', '.join(ENCODINGS.values())})")
    return str(best), best.encoding


def _encoding_name(codec: str) -> str:
    return ENCODINGS.get(codec, codec.replace("_", "-").upper())


class _TextOnly(HTMLParser):
    """The last resort for markup trafilatura gives nothing for: the visible text, block by block."""

    BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr", "blockquote"})
    HIDDEN: ClassVar[frozenset[str]] = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, _attrs: list[Any]) -> None:
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


def check_markup(html: str) -> None:
    """Refuse a page with more than ``MAX_MARKUP_TAGS`` tags, counted before any parser sees it."""
    tags = html.count("<")
    if tags > MAX_MARKUP_TAGS:
        raise ArticleError(f"the page has {tags:,} tags; pages are read up to {MAX_MARKUP_TAGS:,}")


def _strip_tags(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def html_main_text(html: str) -> str:
    """The main text of a page: trafilatura's article extraction, else its plain-text
    extraction, else the page's visible text. Paragraphs come out separated by blank lines."""
    import trafilatura  # a fifth of a second to import: paid only for pages, not for plain text

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or trafilatura.html2txt(html)
    if text and text.strip():
        return "\n\n".join(line for line in text.split("\n") if line.strip())
    return _strip_tags(html)


def _is_html(text: str, filename: str | None) -> bool:
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if suffix in HTML_SUFFIXES | TEXT_SUFFIXES:
        return suffix in HTML_SUFFIXES
    return bool(LOOKS_LIKE_HTML.search(text[:5000]))


def _too_long(what: str, length: int) -> ArticleError:
    return ArticleError(f"{what} is longer than {MAX_ARTICLE_CHARS:,} characters ({length:,})")


def article_text(raw: bytes | str, filename: str | None = None) -> ArticleText:
    """The article's plain text from a file's bytes or a pasted string.

    ``.txt``/``.md`` files and plain pastes are read as text; ``.html``/``.htm``
    files and pastes that look like a web page are reduced to their main text.
    Raises ``ArticleError`` for a file over ``MAX_FILE_BYTES``, binary input, an
    undecodable file, markup over ``MAX_MARKUP_TAGS`` tags, an empty text or one
    longer than ``MAX_ARTICLE_CHARS`` characters — checked before any costly step.
    """
    if isinstance(raw, str):
        if len(raw) > MAX_ARTICLE_CHARS:
            raise _too_long("the pasted text", len(raw))
        text, codec = raw, None
    else:
        if len(raw) > MAX_FILE_BYTES:
            raise ArticleError(f"the file is {len(raw) / 1e6:.1f} MB; "
                               f"files are read up to {MAX_FILE_BYTES / 1e6:.0f} MB")
        try:
            text, codec = _decode(raw)
        except UnicodeError:  # a codec's own refusal (UnicodeDecodeError is one): a refusal, not a traceback
            raise ArticleError("the file's text cannot be decoded") from None
    if "\x00" in text:
        raise ArticleError("the file is binary, not text")
    html = _is_html(text, filename)
    if not html and len(text) > MAX_ARTICLE_CHARS * 2:  # even whitespace-normalised it stays too long
        raise _too_long("the article's text", len(text))
    if html:
        check_markup(text)
        text = html_main_text(text)
    text = normalise_whitespace(text)
    if not text:
        raise ArticleError("the article is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise _too_long("the page's article text" if html else "the article's text", len(text))
    return ArticleText(text, _encoding_name(codec) if codec else None)
