"""An upload or a paste becomes plain article text, or is refused with one clear message."""

from __future__ import annotations

import pytest

from gasatlas.news.extract import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, ArticleError, article_text

PAGE = """<!doctype html>
<html><head><title>Gas news</title><style>p { color: red }</style>
<script>window.tracker = "do not read me";</script></head>
<body><nav>Home | Business | Energy</nav>
<article><h1>Kazakhstan and Gazprom sign a roadmap</h1>
<p>On 18&nbsp;January Roman Sklyar met Alexey Miller in St Petersburg.</p>
<p>The sides signed a roadmap on processing Kazakh gas.</p></article>
</body></html>"""


def test_plain_text_is_decoded_and_its_whitespace_normalised() -> None:
    raw = "\ufeffПервый\u00a0абзац,   с пробелами.\r\n\r\n\r\n\r\nВторой абзац.\n".encode()

    assert article_text(raw, "article.txt").text == "Первый абзац, с пробелами.\n\nВторой абзац."


def test_a_pasted_string_is_read_like_a_text_file() -> None:
    read = article_text("  One line.\n\nTwo\u202flines. ")

    assert read.text == "One line.\n\nTwo lines."
    assert read.encoding is None, "a paste has no encoding to report"


def test_markdown_is_text() -> None:
    assert article_text(b"# Title\n\nBody <b>bold</b>", "note.md").text == "# Title\n\nBody <b>bold</b>"


@pytest.mark.parametrize("raw", [PAGE, PAGE.encode()], ids=["pasted page", "uploaded .html"])
def test_html_is_reduced_to_its_text(raw: str | bytes) -> None:
    text = article_text(raw, "page.html" if isinstance(raw, bytes) else None).text

    assert "On 18 January Roman Sklyar met Alexey Miller in St Petersburg." in text
    assert "The sides signed a roadmap" in text
    assert "<p>" not in text
    assert "tracker" not in text
    assert "color: red" not in text
    assert "\n\n" in text, "paragraphs stay apart"


def test_markup_trafilatura_finds_nothing_in_falls_back_to_the_visible_text() -> None:
    assert article_text("<div><span>Only</span> <i>visible</i> words</div>", "x.htm").text == "Only visible words"


@pytest.mark.parametrize(
    ("raw", "filename", "message"),
    [
        pytest.param(b"", "a.txt", "the article is empty", id="empty file"),
        pytest.param(" \n\t\u00a0\n", None, "the article is empty", id="whitespace only"),
        pytest.param("<html><body><script>var a = 1;</script></body></html>", None, "the article is empty",
                     id="page without text"),
        pytest.param(b"PK\x03\x04\x00\x00binary", "a.txt", "the file is binary, not text", id="zip bytes"),
        pytest.param("text\x00with NUL", None, "the file is binary, not text", id="NUL in a string"),
        pytest.param(bytes(range(1, 256)) * 64, "a.bin", "not text in any encoding", id="random bytes"),
        pytest.param("a" * (MAX_ARTICLE_CHARS + 1), None, "the pasted text is longer than 100,000 characters",
                     id="over-size paste"),
        pytest.param(("Газ. " * (MAX_ARTICLE_CHARS // 4)).encode("cp1251"), "a.txt",
                     "the article's text is longer than 100,000 characters", id="over-size text file"),
        pytest.param(b"<html><body>" + b"<p>news</p>" * (MAX_FILE_BYTES // 10), "a.html",
                     "files are read up to 4 MB", id="over-size page"),
    ],
)
def test_bad_input_is_refused_with_one_message(raw: bytes | str, filename: str | None, message: str) -> None:
    with pytest.raises(ArticleError, match=message) as caught:
        article_text(raw, filename)

    assert isinstance(caught.value, ValueError)
    assert "\n" not in str(caught.value)


def test_a_text_of_exactly_the_limit_is_accepted() -> None:
    assert len(article_text("a" * MAX_ARTICLE_CHARS).text) == MAX_ARTICLE_CHARS


def test_a_large_page_with_a_short_article_is_read() -> None:
    """A page is limited by its size in bytes, its article by its characters: 500 KB of markup is fine."""
    page = "<html><head><script>" + "var x = 1;" * 50_000 + "</script></head><body><article>" + \
        "<p>Газпром и QazaqGaz подписали соглашение о поставках газа.</p>" * 60 + "</article></body></html>"

    read = article_text(page.encode(), "page.html")

    assert len(page.encode()) > 500_000
    assert "Газпром" in read.text
    assert len(read.text) < 5_000


@pytest.mark.parametrize(("encoding", "name"), [("cp1251", "Windows-1251"), ("koi8_r", "KOI8-R"), ("cp866", "DOS-866"),
                                                ("utf-16", "UTF-16"), ("utf-8", "UTF-8")])
def test_russian_text_in_the_regions_encodings_is_read_and_its_encoding_reported(encoding: str, name: str) -> None:
    text = "Туркменистан приостановил экспорт газа в Узбекистан из-за морозов."

    read = article_text(text.encode(encoding), "archive.txt")

    assert (read.text, read.encoding) == (text, name)


def test_a_page_is_read_in_the_charset_it_declares() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Газпром.</p></body></html>'

    read = article_text(page.encode("cp1251"), "page.html")

    assert "Газпром" in read.text
    assert read.encoding == "Windows-1251"


def test_a_page_of_tiny_elements_is_refused_before_parsing_quickly_and_in_little_memory() -> None:
    """4 MB of ``<p>a</p>`` once cost 27 s of CPU and 850 MB before it was refused."""
    import time
    import tracemalloc

    raw = b"<p>a</p>" * (MAX_FILE_BYTES // 8)
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises(ArticleError, match="1,000,000 tags; pages are read up to 50,000"):
            article_text(raw, "page.html")
        spent = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert spent <= 2.0, (spent, peak)
    assert peak <= 300e6, (spent, peak)


def test_a_page_declaring_a_codec_that_is_no_text_encoding_is_read_as_text_not_a_traceback() -> None:
    """``<meta charset="idna">`` once sent the bytes to the IDNA codec, whose UnicodeError reached the visitor."""
    raw = b"xn--" + b"a" * 80 + b'-.<meta charset="idna"> \xff'

    read = article_text(raw, "page.html")

    assert read.encoding != "IDNA"
    assert read.text.startswith("xn--aaaa")


@pytest.mark.parametrize("charset", ["idna", "punycode", "rot13", "zlib", "uu", "no-such-codec"])
def test_only_the_text_encodings_the_atlas_knows_are_taken_from_a_page(charset: str) -> None:
    raw = f'<meta charset="{charset}"><p>Газ</p>'.encode()

    assert article_text(raw, "page.html").encoding == "UTF-8"
