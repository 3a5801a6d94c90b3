"""News text → candidate events for the atlas: the article reader and the extraction pipeline."""

from gasatlas.news.extract.pipeline import (
    Candidate,
    ProposedActor,
    Source,
    extract_events,
    find_duplicates,
    language_of,
)
from gasatlas.news.extract.text import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, ArticleError, ArticleText, article_text

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_FILE_BYTES",
    "ArticleError",
    "ArticleText",
    "Candidate",
    "ProposedActor",
    "Source",
    "article_text",
    "extract_events",
    "find_duplicates",
    "language_of",
]
