"""The dataset: reading and validating ``data/`` into frames, caching them on disk, and writing them back out.

Imports ``model`` and ``i18n`` only; derived columns that every view needs (search text, flow periods) are made
here at load time, so the analyses above never have to be imported to load data.
"""
