"""Streamlit glue shared by the entry script and the pages.

Only this package and the files in ``pages/`` import Streamlit, so the rest of
``gasatlas`` stays testable without a browser or a script run:

* ``resources`` — the cached dataset and the locally served map assets;
* ``state`` — the reader's view (language, filters, selection), mirrored to the URL;
* ``controls`` — the sidebar widgets that edit that view;
* ``workspace`` — the map, the events table and the detail card.
"""
