"""News coming in: the one guarded fetcher (``fetch``), the reader that turns an article into candidate events
(``extract``), the command line and the app's background reading (``ingest``, ``jobs``), and the feed watcher
(``watch``). Imports ``model``, ``i18n``, ``dataset`` and ``store``; never the map or Streamlit.
"""
