"""Streamlit glue shared by the entry script and the pages.

Only this package and the files in ``pages/`` import Streamlit, so the rest of
``gasatlas`` stays testable without a browser or a script run.

Around every page:

* ``shell`` — the entry script's work and what every page starts with (deep links included);
* ``navigation`` — the pages, in one list;
* ``resources`` — what the server process shares: the cached dataset, the store, the readers' pool, map assets;
* ``state`` — the reader's view (language, filters, selection), mirrored to the URL;
* ``controls`` — the sidebar widgets that edit that view;
* ``identity`` — who is visiting: signed in, the local user, or an anonymous reader;
* ``notices`` — how refused input and store failures are reported.

One module per page (the page files in ``pages/`` stay thin):

* ``workspace`` — the map, the events table and the detail card (``pages/map.py``);
* ``timeline``, ``actors``, ``routes`` — the analysis pages;
* ``data_page`` — sources, dictionary, downloads, the current state and imports (``pages/data.py``);
* ``news`` — reading an article and submitting its events (``pages/add_news.py``);
* ``review``, ``audit`` — the moderators' queue and audit log;
* ``editorial`` — editing, history, restore and delete, shared by the map card, the queue and the log.
"""
