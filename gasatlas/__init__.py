"""Central Asia Gas Atlas: the sourced dataset, its validation and store, the news reader, and the map.

Everything here but ``gasatlas.ui`` works without Streamlit, so it can be tested
and benchmarked without a browser; ``app.py`` and ``pages/`` are thin files over
``gasatlas.ui``. The README's "Layout" section maps the modules.
"""
