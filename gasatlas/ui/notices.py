"""How the pages report input the atlas refused: one message, then every problem on its own line."""

from __future__ import annotations

import streamlit as st

from gasatlas.data import DataValidationError


def refused(message: str, error: DataValidationError) -> None:
    """``message`` says what did not happen; the problems name file or record, row and field."""
    st.error(message)
    st.code("\n".join(str(problem) for problem in error.problems), language=None)
