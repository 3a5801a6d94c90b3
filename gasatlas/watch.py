"""``python -m gasatlas.watch``: the news watcher's command, kept at this name as its documented contract.

The watcher itself is ``gasatlas.news.watch``; this module only runs it.
"""

from gasatlas.news.watch import main

if __name__ == "__main__":
    raise SystemExit(main())
