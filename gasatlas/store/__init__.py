"""The event store: what users add to and correct in the atlas, with every revision, in a real database.

* ``engine`` — opening the database, its write lock, migrations, ``StoreError``;
* ``tables`` — the schema as the newest migration leaves it;
* ``queries`` — reading: the public atlas, the review queue, submissions, revisions and the audit log;
* ``workflow`` — ``EventStore``: those queries and the revision workflow (submit, edit, approve, reject,
  delete, restore), each change checked against the actor's role and kept as a revision;
* ``feeds`` — the watched news feeds and what the watcher read from them;
* ``transfer`` — the atlas in the ``data/`` formats: export and import;
* ``__main__`` — ``python -m gasatlas.store export|import|upgrade``.
"""

from gasatlas.store.engine import StoreError
from gasatlas.store.queries import Revision, SourceArticle, StoredEvent, StoredFrames, Unreadable
from gasatlas.store.tables import Action
from gasatlas.store.transfer import (
    FileNames,
    ImportFiles,
    ImportResult,
    actors_csv,
    events_csv,
    export_archive,
    export_files,
    flows_csv,
    import_csv,
    import_files,
    parse_csv,
)
from gasatlas.store.workflow import EditConflict, EventStore, FlowFigure, Provenance, RateLimited

__all__ = [
    "Action",
    "EditConflict",
    "EventStore",
    "FileNames",
    "FlowFigure",
    "ImportFiles",
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
    "export_files",
    "flows_csv",
    "import_csv",
    "import_files",
    "parse_csv",
]
