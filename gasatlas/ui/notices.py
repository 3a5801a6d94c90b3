"""How the pages report input the atlas refused: one message, then every problem on its own line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from gasatlas.data import DataValidationError
from gasatlas.store import StoreError

T = TypeVar("T")


def refused(message: str, error: DataValidationError) -> None:
    """``message`` says what did not happen; the problems name file or record, row and field."""
    st.error(message)
    st.code("\n".join(str(problem) for problem in error.problems), language=None)


def store_write(write: Callable[[], T], invalid: str, failed: str) -> T | None:
    """Run a write to the event store; if the records are invalid or the database refuses,
    say why and return None — the store is then as it was."""
    try:
        return write()
    except DataValidationError as error:
        refused(invalid, error)
    except StoreError as error:
        st.error(f"{failed} {error}")
    return None
