"""Records the store tests save: a valid event to vary, a person only the store knows, the curated atlas."""

from __future__ import annotations

from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset

ATLAS = load_dataset(PROJECT_ROOT / "data")


def event(event_id: str = "ev-2023-02-01-test-meeting", **changes) -> dict:
    record = {
        "id": event_id, "date": "2023-02-01", "date_precision": "day", "title_en": "Test meeting",
        "title_ru": "Тестовая встреча", "summary_en": "A meeting for the tests.", "summary_ru": "Встреча для тестов.",
        "event_type": "meeting", "place_name_en": "Astana", "place_name_ru": "Астана", "place_country": "KAZ",
        "lat": 51.1801, "lon": 71.44598, "geo_precision": "town", "countries": "KAZ;RUS",
        "participants": "sklyar;miller", "organisations": "gazprom", "route_ids": "corr-ru-kz",
        "facility_ids": "", "source_title": "Example", "source_url": "https://example.org/news/1",
        "quote": "", "also_reported": "",
    }
    record.update(changes)
    return record


PETROV = {"id": "ivan-petrov", "kind": "person", "name_en": "Ivan Petrov", "name_ru": "Иван Петров",
          "source_title": "Example", "source_url": "https://example.org/news/1"}
