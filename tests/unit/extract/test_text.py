"""An upload or a paste becomes plain article text, or is refused with one clear message."""

from __future__ import annotations

import pytest

from gasatlas.extract import MAX_ARTICLE_CHARS, ArticleError, article_text

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

    assert article_text(raw, "article.txt") == "Первый абзац, с пробелами.\n\nВторой абзац."


def test_a_pasted_string_is_read_like_a_text_file() -> None:
    assert article_text("  One line.\n\nTwo\u202flines. ") == "One line.\n\nTwo lines."


def test_markdown_is_text() -> None:
    assert article_text(b"# Title\n\nBody <b>bold</b>", "note.md") == "# Title\n\nBody <b>bold</b>"


@pytest.mark.parametrize("raw", [PAGE, PAGE.encode()], ids=["pasted page", "uploaded .html"])
def test_html_is_reduced_to_its_text(raw: str | bytes) -> None:
    text = article_text(raw, "page.html" if isinstance(raw, bytes) else None)

    assert "On 18 January Roman Sklyar met Alexey Miller in St Petersburg." in text
    assert "The sides signed a roadmap" in text
    assert "<p>" not in text and "tracker" not in text and "color: red" not in text
    assert "\n\n" in text, "paragraphs stay apart"


def test_markup_trafilatura_finds_nothing_in_falls_back_to_the_visible_text() -> None:
    assert article_text("<div><span>Only</span> <i>visible</i> words</div>", "x.htm") == "Only visible words"


@pytest.mark.parametrize(
    ("raw", "filename", "message"),
    [
        pytest.param(b"", "a.txt", "the article is empty", id="empty file"),
        pytest.param(" \n\t\u00a0\n", None, "the article is empty", id="whitespace only"),
        pytest.param("<html><body><script>var a = 1;</script></body></html>", None, "the article is empty",
                     id="page without text"),
        pytest.param(b"PK\x03\x04\x00\x00binary", "a.txt", "the file is binary, not text", id="zip bytes"),
        pytest.param("text\x00with NUL", None, "the file is binary, not text", id="NUL in a string"),
        pytest.param(b"\xd0\xee\xf1\xf1\xe8\xff", "a.txt", "the file is not UTF-8 text", id="cp1251 bytes"),
        pytest.param("a" * (MAX_ARTICLE_CHARS + 1), None, "longer than 100,000 characters", id="over-size"),
    ],
)
def test_bad_input_is_refused_with_one_message(raw: bytes | str, filename: str | None, message: str) -> None:
    with pytest.raises(ArticleError, match=message) as caught:
        article_text(raw, filename)

    assert isinstance(caught.value, ValueError)
    assert "\n" not in str(caught.value)


def test_a_text_of_exactly_the_limit_is_accepted() -> None:
    assert len(article_text("a" * MAX_ARTICLE_CHARS)) == MAX_ARTICLE_CHARS
