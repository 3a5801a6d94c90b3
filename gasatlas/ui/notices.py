"""How the pages report what went wrong: refused input in full, store failures plainly.

Refused input (a bad row, a bad file) is the reader's to fix, so every problem is
listed. A store that fails is the operator's to fix: readers get a plain message,
the details (host, user, file paths, the driver's words) go to the server log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from gasatlas.auth import PermissionDenied
from gasatlas.dataset.load import DataValidationError
from gasatlas.i18n import gettext
from gasatlas.model.sanitize import markdown_format, markdown_text
from gasatlas.model.vocab import Lang
from gasatlas.store import StoreError

T = TypeVar("T")
log = logging.getLogger("gasatlas")


def refused(message: str, error: DataValidationError) -> None:
    """``message`` says what did not happen; the problems name file or record, row and field."""
    st.error(markdown_text(message))
    st.code("\n".join(str(problem) for problem in error.problems), language=None)


def store_failed(error: StoreError, message: str) -> None:
    """Log what failed for the operator, and tell the reader ``message`` (in their language)."""
    log.error("%s — %s", error, error.detail)
    st.warning(markdown_text(message), icon=":material/database_off:")


def store_unavailable(error: StoreError, lang: Lang) -> None:
    store_failed(error, gettext("Events added by users are not shown: the event store cannot be reached.", lang))


def store_write(write: Callable[[], T], invalid: str, failed: str, lang: Lang) -> T | None:
    """Run a write to the event store; if the records are invalid, the visitor may not make it, or the
    database refuses, say why and return None — the store is then as it was."""
    try:
        return write()
    except DataValidationError as error:
        refused(invalid, error)
    except PermissionDenied as error:
        st.error(markdown_format("{refused} {reason}", refused=gettext("Not done:", lang), reason=error),
                 icon=":material/block:")
    except StoreError as error:
        store_failed(error, failed)
    return None
