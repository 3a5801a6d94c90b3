"""The actors page: the network of who met whom, and the table behind it."""

from __future__ import annotations

import streamlit as st

from gasatlas.analysis.charts import ACTOR, network_chart, picked
from gasatlas.analysis.network import actor_network, actors_table
from gasatlas.dataset.load import Dataset
from gasatlas.i18n import gettext, label, pgettext
from gasatlas.i18n.formats import WIDGET_DATE_FORMAT
from gasatlas.map.event_table import MISSING
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.vocab import Lang
from gasatlas.ui import state

KEY_CHART = "actors-chart"
KEY_TABLE = "actors-table"


def _on_chart_select() -> None:
    if actor := picked(st.session_state[state.widget_key(KEY_CHART)]["selection"], ACTOR):
        state.set_actors(frozenset({actor}))


def _on_table_select(actor_ids: list[str]) -> None:
    rows = st.session_state[state.widget_key(KEY_TABLE)]["selection"]["rows"]
    if rows:
        state.set_actors(frozenset({actor_ids[rows[0]]}))


def actors(atlas: Dataset, lang: Lang) -> None:
    view = state.view()
    shown = view.filter.shown(atlas)
    chosen = view.filter.actors
    if chosen:
        names = dict(zip(atlas.actors["id"], atlas.actors[f"name_{lang}"], strict=True))
        st.info(markdown_format(gettext("Showing the events of: {names}", lang),
                                names=", ".join(sorted(names.get(a, a) for a in chosen))),
                icon=":material/person_search:")
        st.button(gettext("Show everyone", lang), on_click=state.set_actors, args=(frozenset(),),
                  icon=":material/group:")
    nodes, edges = actor_network(shown, atlas.actors, lang)
    if nodes.empty:
        st.info(gettext("No people or organisations in the shown events.", lang), icon=":material/group_off:")
        return
    st.altair_chart(network_chart(nodes, edges, lang, chosen), key=state.widget_key(KEY_CHART),
                    on_select=_on_chart_select, selection_mode=ACTOR, width="stretch")
    table = actors_table(shown, atlas.actors, lang)
    table = table[table["events"] > 0].reset_index(drop=True)
    table["kind"] = [label(kind, lang) for kind in table["kind"]]
    st.dataframe(
        table.drop(columns="id"), key=state.widget_key(KEY_TABLE), hide_index=True, width="stretch",
        on_select=lambda: _on_table_select(list(table["id"])), selection_mode="single-row",
        column_config={
            "name": st.column_config.TextColumn(gettext("Actor", lang)),
            "kind": st.column_config.TextColumn(gettext("Kind", lang)),
            "role": st.column_config.TextColumn(gettext("Role", lang)),
            "country": st.column_config.TextColumn(gettext("Country", lang)),
            "events": st.column_config.NumberColumn(pgettext("count column", "Events", lang)),
            "first": st.column_config.DateColumn(gettext("First event", lang), format=WIDGET_DATE_FORMAT[lang]),
            "last": st.column_config.DateColumn(gettext("Last event", lang), format=WIDGET_DATE_FORMAT[lang]),
        },
        placeholder=MISSING,
    )
