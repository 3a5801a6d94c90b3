"""Streamlit glue shared by the entry script and the pages.

Only this package and the files in ``pages/`` import Streamlit, so the rest of
``gasatlas`` stays testable without a browser or a script run.

Around every page:

* ``shell`` — the entry script's work and what every page starts with (deep links included);
* ``startup`` — what the server does once before its first reader (the pages' imports);
* ``navigation`` — the pages, in one list;
* ``resources`` — what the server process shares: the cached dataset, the store, the readers' pool, map assets;
* ``state`` — the reader's view (language, date range, filters, selection), mirrored to the URL;
* ``controls`` — the sidebar widgets that edit that view;
* ``identity`` — who is visiting: signed in, the local user, or an anonymous reader;
* ``notices`` — how refused input and store failures are reported.

One module per page, named like the page's address and its file in ``pages/`` (``/timeline`` is
``pages/timeline.py``, drawn by ``ui/timeline.py``; what it computes without Streamlit, where that
is more than a call or two, is in ``gasatlas/analysis/timeline.py``). Every page file draws its title and
calls its module:

* ``map`` — the map, the card beside it and the events table (``/map``, the home page);
* ``timeline``, ``actors``, ``routes``, ``flows`` — the analysis pages;
* ``data`` — sources, dictionary, downloads, the current state and imports (``/data``);
* ``add_news`` — reading an article and submitting its events (``/add_news``);
* ``review``, ``audit`` — the moderators' queue and audit log;
* ``editorial`` — editing, history, restore and delete, shared by the map card, the queue and the log.
"""
