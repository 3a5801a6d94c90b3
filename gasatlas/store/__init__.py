"""The event store: what users add to and correct in the atlas, with every revision, in a real database.

* ``engine`` — opening the database, its write lock, migrations, ``StoreError``;
* ``tables`` — the schema as the newest migration leaves it;
* ``events`` — ``EventStore``: reading, the review queue, revisions and the audit log;
* ``formats`` — the atlas in the ``data/`` formats: export and import;
* ``__main__`` — ``python -m gasatlas.store export|import|upgrade``.
"""

from gasatlas.store.engine import StoreError
from gasatlas.store.events import (
    EditConflict,
    EventStore,
    Provenance,
    RateLimited,
    Revision,
    SourceArticle,
    StoredEvent,
    StoredFrames,
    Unreadable,
)
from gasatlas.store.tables import Action
from gasatlas.store.transfer import (
    FileNames,
    ImportResult,
    actors_csv,
    events_csv,
    export_archive,
    import_csv,
    parse_csv,
)

__all__ = [
    "Action",
    "EditConflict",
    "EventStore",
    "FileNames",
    "ImportResult",
    "Provenance",
    "RateLimited",
    "Revision",
    "SourceArticle",
    "StoreError",
    "StoredEvent",
    "StoredFrames",
    "Unreadable",
    "actors_csv",
    "events_csv",
    "export_archive",
    "import_csv",
    "parse_csv",
]
