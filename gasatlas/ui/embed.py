"""The embedded view (``?embed=true``): the map — and the story step, if the address opens one — for another
site's page, without the sidebar, keeping the view the address describes.

``embed`` is Streamlit's own switch: it hides Streamlit's toolbar and padding and is kept out of
``st.query_params`` (and so out of the view), but ``st.context.is_embedded`` tells it.
"""

from __future__ import annotations

import streamlit as st

from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext
from gasatlas.model.sanitize import markdown_text
from gasatlas.model.vocab import Lang
from gasatlas.ui.provenance import provenance_line


def active() -> bool:
    return bool(st.context.is_embedded)


def credit(atlas: Dataset, lang: Lang) -> None:
    """Whose map this is and how fresh its data: an embedded map travels without the rest of the atlas."""
    credit = gettext("Central Asia Gas Atlas · every fact with its source", lang)
    st.caption(markdown_text(f"{credit} · {provenance_line(atlas, lang)}"))
