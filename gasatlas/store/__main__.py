"""``python -m gasatlas.store export FOLDER | import EVENTS_CSV [--actors ACTORS_CSV] [--flows FLOWS_CSV] | upgrade``.

The command line is the server's operator at work: it acts as a moderator, and
its changes are revisions by ``cli:USER`` like any other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from gasatlas.auth import PermissionDenied, operator_identity
from gasatlas.config import settings
from gasatlas.dataset.load import (
    ACTORS_FILE,
    FLOWS_FILE,
    DataValidationError,
    Problem,
    load_dataset,
    read_text,
)
from gasatlas.store.engine import StoreError
from gasatlas.store.transfer import FileNames, ImportFiles, export_files, import_files
from gasatlas.store.workflow import EventStore


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gasatlas.store",
                                     description="Export the atlas to the data/ file formats, import them, or "
                                                 "upgrade the store's schema.")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write events.csv and actors.csv of the atlas's current state, and "
                                                "flows.csv of the flow figures moderators added")
    export.add_argument("folder", type=Path)
    load = commands.add_parser("import", help="store the events of an events.csv (and the actors of an actors.csv, "
                                              "the flow figures of a flows.csv)")
    load.add_argument("events", type=Path)
    load.add_argument("--actors", type=Path)
    load.add_argument("--flows", type=Path)
    commands.add_parser("upgrade", help="bring the store's schema to the newest migration (done on every start)")
    args = parser.parse_args(argv)

    def fail(message: str, status: int) -> int:
        print(f"error: {message}", file=sys.stderr)
        return status

    try:
        store = EventStore(settings().database_url)
        if args.command == "upgrade":
            print("the store's schema is up to date", file=sys.stderr)
            return 0
        atlas = load_dataset(settings().data_dir)
        if args.command == "export":
            args.folder.mkdir(parents=True, exist_ok=True)
            written = []
            for name, text in export_files(store, atlas).items():
                (args.folder / name).write_text(text, encoding="utf-8")
                written.append(str(args.folder / name))
            print(f"wrote {', '.join(written)}", file=sys.stderr)
            return 0
        problems: list[Problem] = []
        events_text = read_text(args.events, problems)
        actors_text = read_text(args.actors, problems) if args.actors else ""
        flows_text = read_text(args.flows, problems) if args.flows else ""
        if problems:
            raise DataValidationError(problems)
        names = FileNames(args.events.name, args.actors.name if args.actors else ACTORS_FILE,
                          args.flows.name if args.flows else FLOWS_FILE)
        result = import_files(store, operator_identity(), atlas,
                              ImportFiles(events_text or "", actors_text or "", flows_text or "", names))
    except DataValidationError as error:
        return fail("nothing was stored:\n" + "\n".join(str(problem) for problem in error.problems), 2)
    except PermissionDenied as error:
        return fail(f"nothing was stored: {error}", 2)
    except StoreError as error:
        return fail(f"nothing was stored: {error} ({error.detail})", 1)
    except OSError as error:
        return fail(f"nothing was stored: {error}", 1)
    print(f"stored {len(result.stored)} event(s), corrected {len(result.corrected)}; "
          f"{len(result.unchanged)} already in the atlas; added {len(result.flows)} flow figure(s), "
          f"{len(result.unchanged_flows)} already in the atlas", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
