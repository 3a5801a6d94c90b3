"""Changing the atlas in the app: edit an event, approve or reject it, delete it, see its history and
restore any revision — each through the store, which checks the visitor's role and keeps the revision.

Every action carries the revision number the visitor was looking at: if someone
saved a newer one meanwhile, the store refuses with ``EditConflict`` and the page
shows both versions instead of overwriting either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

import pandas as pd
import streamlit as st

from gasatlas.analysis.flows import figure_from_event
from gasatlas.analysis.revisions import (
    EDITABLE_FIELDS,
    history_frame,
    record_from_form,
    submissions_frame,
    versions_frame,
)
from gasatlas.auth import Identity, Permission
from gasatlas.dataset import exports
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, label, pgettext
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT, WIDGET_DATETIME_FORMAT
from gasatlas.map.event_table import MISSING
from gasatlas.model import records
from gasatlas.model.periods import interval_of
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.schema import EVENT_COLUMNS, LIST_SEPARATOR
from gasatlas.model.vocab import DatePrecision, EventType, FlowKind, GeoPrecision, Lang, RecordStatus
from gasatlas.news.extract.merge import WINDOW_DAYS, likely_same
from gasatlas.store import EditConflict, EventStore, StoredEvent
from gasatlas.ui import notices, resources

KEY_CONFLICT = "editorial_conflict"
KEY_DONE = "editorial_done"
KEY_MERGED = "editorial_merged"
"""The candidate the visitor merged last, while its merge can be undone from the queue."""
CHOICES: dict[str, list[str]] = {
    "date_precision": [str(p) for p in DatePrecision],
    "event_type": [str(e) for e in EventType],
    "geo_precision": [str(g) for g in GeoPrecision],
}
LONG_TEXT = {"summary_en", "summary_ru", "quote"}


def submissions_table(submitted: list[StoredEvent], store: EventStore, visitor: Identity, lang: Lang) -> pd.DataFrame:
    frame = submissions_frame(submitted, store.feedback(visitor), lang)
    return frame.assign(status=[label(code, lang) for code in frame["status"]])


def state_of(atlas: Dataset, event_id: str) -> tuple[dict[str, Any], int, str] | None:
    """An event's record, the revision number an editor works on (0: the curated record, never corrected)
    and its status — from the store when it holds the event, else from the curated files."""
    stored = resources.store().current(event_id)
    if stored is not None:
        return stored.record, stored.revision, str(stored.status)
    curated = records.rows(atlas.events, event_id)
    if curated.empty:
        return None
    return exports.frame_records(curated, EVENT_COLUMNS)[0], 0, "published"


def _act(write: Callable[[], Any], done: str, lang: Lang) -> None:
    """Run one store action; remember a conflict to show it, or say it was done, then rerun."""
    try:
        result = notices.store_write(
            write, invalid=gettext("Not saved. Correct these fields:", lang),
            failed=gettext("Not saved: the event store is unavailable. Please try again later.", lang), lang=lang)
    except EditConflict as conflict:
        st.session_state[KEY_CONFLICT] = conflict
        st.rerun()
    if result is not None:
        st.session_state[KEY_DONE] = done
        st.session_state.pop(KEY_CONFLICT, None)
        st.rerun()


def outcome(lang: Lang) -> None:
    """What the last action did, or the conflict it ran into, with both versions of the record."""
    if done := st.session_state.pop(KEY_DONE, None):
        st.success(done, icon=":material/check_circle:")
    conflict: EditConflict | None = st.session_state.get(KEY_CONFLICT)
    if conflict is None:
        return
    st.warning(markdown_format(gettext("Not saved: someone changed {id} meanwhile (it is now at revision {number}). "
                                       "Both versions are below; nothing was lost. Reopen the editor to work on the "
                                       "saved version.", lang),
                               id=conflict.current.id, number=conflict.current.revision),
               icon=":material/sync_problem:")
    st.dataframe(versions_frame(conflict.current.record, conflict.attempted), hide_index=True, width="stretch",
                 placeholder=MISSING,
                 column_config={"field": gettext("Field", lang), "saved": gettext("Saved meanwhile", lang),
                                "yours": gettext("Yours", lang), "differs": gettext("Differs", lang)})
    st.button(gettext("Close", lang), on_click=lambda: st.session_state.pop(KEY_CONFLICT, None),
              key="conflict-dismiss")


def _field_input(name: str, value: Any, key: str, lang: Lang) -> Any:
    if name == "date":
        return st.date_input(name, value=dt.date.fromisoformat(str(value)), format=WIDGET_DATE_FORMAT[lang], key=key)
    if name in CHOICES:
        options = CHOICES[name]
        return st.selectbox(name, options, index=options.index(str(value)) if str(value) in options else 0,
                            format_func=lambda code: label(code, lang), key=key)
    if name in ("lat", "lon"):
        return st.number_input(name, value=float(value), format="%.5f", key=key)
    text = LIST_SEPARATOR.join(value) if isinstance(value, list | tuple) else ("" if value is None else str(value))
    widget = st.text_area if name in LONG_TEXT else st.text_input
    return widget(name, value=text, key=key)


def editor(atlas: Dataset, event_id: str, visitor: Identity, lang: Lang, key: str) -> None:
    """A form with every field of the event; saving makes a new revision (with the editor's comment)."""
    found = state_of(atlas, event_id)
    if found is None:
        return
    record, revision, _ = found
    with st.form(f"{key}-edit-{event_id}-{revision}", border=True):
        values = {name: _field_input(name, record.get(name), f"{key}-{event_id}-{revision}-{name}", lang)
                  for name in EDITABLE_FIELDS}
        comment = st.text_input(gettext("Why (saved with the revision)", lang), max_chars=500,
                                key=f"{key}-{event_id}-{revision}-comment")
        saved = st.form_submit_button(gettext("Save as a new revision", lang), icon=":material/save:", type="primary")
    if saved:
        changed = record_from_form(values, record)
        _act(lambda: resources.store().edit(visitor, resources.curated(lang), event_id, revision, changed, comment),
             gettext("Saved as a new revision.", lang), lang)


def moderation(atlas: Dataset, event: StoredEvent, visitor: Identity, lang: Lang, key: str) -> None:
    """Approve or reject a pending event, or merge it into an atlas event, with a comment the contributor
    will read."""
    comment = st.text_input(gettext("Comment for the contributor", lang), max_chars=500,
                            key=f"{key}-comment-{event.id}")
    approve, reject = st.columns(2)
    store, curated = resources.store(), resources.curated(lang)
    if approve.button(gettext("Approve", lang), key=f"{key}-approve-{event.id}", type="primary",
                      icon=":material/check:"):
        _act(lambda: store.approve(visitor, curated, event.id, event.revision, comment),
             gettext("Approved: the event is on the atlas.", lang), lang)
    if reject.button(gettext("Reject", lang), key=f"{key}-reject-{event.id}", icon=":material/close:"):
        _act(lambda: store.reject(visitor, curated, event.id, event.revision, comment),
             gettext("Rejected.", lang), lang)
    _merging(atlas, event, visitor, lang, key)


def _event_names(events: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """Each atlas event as a moderator picks it: its day, title and id (typing any of them finds it)."""
    return {row.id: f"{row.date:%Y-%m-%d} · {getattr(row, f'title_{lang}')} ({row.id})"
            for row in events.sort_values("date", ascending=False).itertuples(index=False)}


def _near(events: pd.DataFrame, record: dict[str, Any]) -> list[dict[str, Any]]:
    """The atlas events dated near a candidate, as ``likely_same`` reads them: only those can be offered (its
    window is days wide), and a large atlas is not turned into records whole for each candidate."""
    start, stop = interval_of(dt.date.fromisoformat(str(record["date"])[:10]), record["date_precision"])
    slack = pd.Timedelta(days=2 * WINDOW_DAYS)
    near = (events["date_end"] >= pd.Timestamp(start) - slack) & (events["date_start"] <= pd.Timestamp(stop) + slack)
    return cast(list[dict[str, Any]], events[near].to_dict("records"))


def _merging(atlas: Dataset, event: StoredEvent, visitor: Identity, lang: Lang, key: str) -> None:
    """Merge the candidate into an event the atlas holds: the likeliest ones (``merge.likely_same``) one click
    each, any other picked by title or id. The comment is the one typed for approving or rejecting."""
    names = _event_names(atlas.events, lang)
    offered = likely_same(event.record, _near(atlas.events, event.record))
    st.markdown(f"**{gettext('Or merge it into an event the atlas holds', lang)}**")
    help_text = (gettext("Its sources become sources of that event and it leaves the queue. The event's history "
                         "and this candidate's keep the merge: restore the revision before it to undo it.", lang)
                 if offered else gettext("No event of the atlas looks like this one; pick one below if it is.", lang))
    st.caption(help_text)
    chosen = None
    for target in offered:
        if st.button(markdown_format(gettext("Merge into: {event}", lang), event=names[target]),
                     key=f"{key}-merge-{event.id}-{target}", icon=":material/call_merge:"):
            chosen = target
    pick, go = st.columns([0.7, 0.3], vertical_alignment="bottom")
    pick_label = gettext("Any other event (type its title or id)", lang)
    picked = pick.selectbox(pick_label, list(names), index=None, format_func=names.__getitem__,
                            key=f"{key}-merge-pick-{event.id}", placeholder=pick_label)
    if go.button(gettext("Merge into the chosen event", lang), key=f"{key}-merge-picked-{event.id}",
                 disabled=picked is None, icon=":material/call_merge:"):
        chosen = picked
    if chosen is not None:
        comment = st.session_state.get(f"{key}-comment-{event.id}", "")

        def merge() -> StoredEvent:
            merged = resources.store().merge_into(visitor, resources.curated(lang), event.id, event.revision,
                                                  chosen, comment)
            st.session_state[KEY_MERGED] = event.id
            return merged

        merged_text = markdown_format(gettext("Merged: its sources are now sources of {event}.", lang),
                                      event=names[chosen])
        _act(merge, merged_text, lang)


def merge_undo(visitor: Identity, lang: Lang) -> None:
    """Right after a merge, one click takes it back (later, the audit log's history restores either event)."""
    candidate_id = st.session_state.get(KEY_MERGED)
    candidate = resources.store().current(candidate_id) if candidate_id else None
    if candidate is None or candidate.status != RecordStatus.REJECTED:
        st.session_state.pop(KEY_MERGED, None)
        return
    if st.button(gettext("Undo this merge", lang), key="merge-undo", icon=":material/undo:"):
        st.session_state.pop(KEY_MERGED, None)
        _act(lambda: resources.store().undo_merge(visitor, resources.curated(lang), candidate.id, candidate.revision),
             gettext("The merge is undone: the candidate is back in the queue.", lang), lang)


def flow_figure(atlas: Dataset, record: dict[str, Any], visitor: Identity, lang: Lang) -> None:
    """A published event's yearly volume as a flow figure: proposed (``figure_from_event``), shown in a form to
    correct, added only when the moderator confirms — through the store, which checks it like flows.csv."""
    route_id = st.selectbox(gettext("Route", lang), list(record["route_ids"]), key=f"flow-route-{record['id']}")
    proposed = figure_from_event(record, route_id, atlas.flows, atlas.routes, dt.date.today())
    if proposed is None:
        st.caption(gettext("The event names fewer than two countries of this route: no direction to propose.", lang))
        return
    countries = list(atlas.routes.loc[atlas.routes["id"] == route_id, "countries"].iloc[0])
    kinds = [str(FlowKind.REPORTED), str(FlowKind.CONTRACT)]
    with st.form(f"flow-form-{record['id']}-{route_id}", border=False):
        key = f"flow-{record['id']}-{route_id}"
        source, sink, period, kind = st.columns(4)
        chosen = {
            "from_country": source.selectbox(pgettext("flow direction", "From", lang), countries, key=f"{key}-from",
                                             index=countries.index(proposed["from_country"])),
            "to_country": sink.selectbox(pgettext("flow direction", "To", lang), countries, key=f"{key}-to",
                                         index=countries.index(proposed["to_country"])),
            "period": period.text_input(gettext("Year (or period)", lang), proposed["period"], key=f"{key}-period"),
            "value_kind": kind.selectbox(gettext("Kind", lang), kinds, index=kinds.index(proposed["value_kind"]),
                                         format_func=lambda code: label(code, lang), key=f"{key}-kind"),
            "volume_bcm": st.number_input(gettext("Volume, bcm", lang), value=proposed["volume_bcm"], format="%.3f",
                                          key=f"{key}-volume"),
            "quote": st.text_area(gettext("The report's sentence that gives the figure", lang), proposed["quote"] or "",
                                  max_chars=400, key=f"{key}-quote") or None,
        }
        comment = st.text_input(gettext("Why (saved with the revision)", lang), max_chars=500, key=f"{key}-comment")
        added = st.form_submit_button(gettext("Add this flow figure", lang), icon=":material/add_chart:")
    if added:
        _act(lambda: resources.store().add_flow(visitor, atlas, proposed | chosen, record["id"], comment),
             gettext("The flow figure was added.", lang), lang)


def history(atlas: Dataset, event_id: str, visitor: Identity, lang: Lang, key: str) -> None:
    """Every revision of the event, newest first; any of them can be made current again."""
    store = resources.store()
    revisions = store.history(visitor, event_id)
    found = state_of(atlas, event_id)
    if not revisions or found is None:
        st.caption(gettext("No revisions: this event is as the curated files have it.", lang))
        return
    _, current, status = found
    frame = history_frame(revisions)
    frame = frame.assign(action=[label(code, lang) for code in frame["action"]],
                         status=[label(code, lang) for code in frame["status"]])
    st.dataframe(frame, hide_index=True, width="stretch", key=f"{key}-history-{event_id}",
                 column_config={"number": gettext("Revision", lang), "at": st.column_config.DatetimeColumn(
                     gettext("When (UTC)", lang), format=WIDGET_DATETIME_FORMAT[lang]), "actor": gettext("Who", lang),
                     "action": gettext("Action", lang), "status": gettext("Status after", lang),
                     "changes": st.column_config.TextColumn(gettext("What changed", lang), width="large"),
                     "comment": gettext("Why", lang)}, placeholder=MISSING)
    numbers = [r.number for r in revisions if r.number != current]
    left, right = st.columns([0.6, 0.4])
    if numbers:
        chosen = left.selectbox(gettext("Revision to make current again", lang), numbers,
                                key=f"{key}-restore-choice-{event_id}")
        if left.button(gettext("Restore", lang), key=f"{key}-restore-{event_id}", icon=":material/restore:"):
            _act(lambda: store.restore(visitor, resources.curated(lang), event_id, chosen, current),
                 gettext("Restored as a new revision.", lang), lang)
    if status != "deleted" and right.button(gettext("Delete (can be restored)", lang), key=f"{key}-delete-{event_id}",
                                            icon=":material/delete:"):
        _act(lambda: store.delete(visitor, resources.curated(lang), event_id, current),
             gettext("Deleted: the event is off the atlas; its history keeps every revision.", lang), lang)


def _own_pending(event_id: str, visitor: Identity) -> bool:
    """Whether the event is the visitor's own submission still waiting for review (the store checks it again)."""
    stored = resources.store().current(event_id)
    return (visitor.can(Permission.EDIT_OWN_PENDING) and stored is not None
            and stored.status == RecordStatus.PENDING and stored.submitted_by == visitor.id)


def event_tools(atlas: Dataset, event_id: str, visitor: Identity, lang: Lang) -> None:
    """Under an event's card — for moderators: edit it, see its history, delete or restore it; for a
    contributor: edit their own submission while it waits for review."""
    if not visitor.can(Permission.MODERATE):
        if _own_pending(event_id, visitor):
            with st.expander(gettext("Edit this event", lang), icon=":material/edit:", key=f"card-edit-{event_id}"):
                editor(atlas, event_id, visitor, lang, key="card")
        return
    with st.expander(gettext("Edit this event", lang), icon=":material/edit:", key=f"card-edit-{event_id}"):
        editor(atlas, event_id, visitor, lang, key="card")
    with st.expander(gettext("History of an event", lang), icon=":material/history:", key=f"card-history-{event_id}"):
        history(atlas, event_id, visitor, lang, key="card")
