"""Every source the atlas cites, and what rests on it."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pandas as pd

from gasatlas.dataset.load import Dataset

SOURCE_COLUMNS = ["title", "url", "events", "also_reported", "routes", "facilities", "actors"]


def sources_table(atlas: Dataset, events: pd.DataFrame) -> pd.DataFrame:
    """One row per cited URL: how many of ``events`` rest on it, how many it also reports,
    and how many routes, facilities and actors cite it. Most-used sources first."""
    titles: dict[str, str] = {}
    counts: dict[str, Counter[str]] = {column: Counter() for column in SOURCE_COLUMNS[2:]}
    for frame, column in ((events, "events"), (atlas.routes, "routes"), (atlas.facilities, "facilities"),
                          (atlas.actors, "actors")):
        for url, title in zip(frame["source_url"], frame["source_title"], strict=True):
            titles.setdefault(url, title)
            counts[column][url] += 1
    for urls in events["also_reported"]:
        for url in urls:
            titles.setdefault(url, urlsplit(url).hostname or url)
            counts["also_reported"][url] += 1
    table = pd.DataFrame(
        [{"title": title, "url": url, **{column: counts[column][url] for column in counts}}
         for url, title in titles.items()],
        columns=SOURCE_COLUMNS,
    )
    return table.sort_values(["events", "also_reported", "title"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)
