"""The moderators' page of news feeds: each feed's health and the watcher's runs, adding a feed and switching
one off — for moderators only, every change in the audit log."""

from __future__ import annotations

import re

from gasatlas.auth import Identity, Role
from gasatlas.dataset.exports import frame_records
from gasatlas.model import records
from gasatlas.model.schema import EVENT_COLUMNS
from gasatlas.news.watch import WATCHER
from gasatlas.store.feeds import FeedSeed, FeedStore, ItemOutcome, ItemState, reading
from gasatlas.ui import navigation
from tests.app.test_editorial import ALICE, ATLAS, MODERATOR, store, visit
from tests.store.records import event

MARIA = Identity(MODERATOR["email"], "Maria", Role.MODERATOR)
KNOWN = "ev-2025-10-22-orenburg-intake-resumed"


def feeds() -> FeedStore:
    return FeedStore(store())


def test_a_moderator_sees_each_feeds_health_and_the_watchers_last_runs() -> None:
    good = feeds().add(MARIA, FeedSeed("https://www.gazeta.uz/en/rss/", "Gazeta.uz", "en"))
    bad = feeds().add(MARIA, FeedSeed("https://example.org/gone.xml", "Gone", "ru"))
    run = feeds().begin_run(WATCHER, "watcher-host")
    feeds().failed(WATCHER, bad.id, "example.org answered HTTP 503")
    feeds().record(WATCHER, [ItemOutcome(good.id, "k1", "https://www.gazeta.uz/en/1", "Gas to China", None, True,
                                         ItemState.PROPOSED, proposal="ev-x"),
                             ItemOutcome(good.id, "k2", "https://www.gazeta.uz/en/2", "Football", None, False,
                                         ItemState.IRRELEVANT)])
    assert run is not None
    feeds().finish_run(run, "done", {"feeds": 2, "items_new": 2, "items_relevant": 1, "proposed": 1, "errors": 1})

    at = visit(navigation.FEEDS, MODERATOR)

    assert not at.exception, at.exception
    health = at.dataframe[0].value.set_index("title")
    counts = ["items_seen", "items_relevant", "items_proposed", "errors"]
    assert health.loc["Gazeta.uz", counts].tolist() == [2, 1, 1, 0]
    assert (health.loc["Gone", "errors"], health.loc["Gone", "last_error"]) == (1, "example.org answered HTTP 503")
    runs = at.dataframe[1].value
    assert list(runs["status"]) == ["done"]
    assert list(runs["host"]) == ["watcher-host"]
    assert set(at.dataframe[2].value["state"]) == {"Proposed", "not about gas here"}


def test_a_moderator_adds_a_feed_and_switches_it_off_and_the_audit_log_keeps_both() -> None:
    at = visit(navigation.FEEDS, MODERATOR)
    at.text_input(key="feeds-add-url").input("https://eurasianet.org/rss")
    at.text_input(key="feeds-add-title").input("Eurasianet")
    at.selectbox(key="feeds-add-language").set_value("en")
    at = at.button(key="FormSubmitter:feeds-add-Add a feed").click().run()

    assert not at.exception, at.exception
    assert [(f.url, f.enabled) for f in feeds().feeds()] == [("https://eurasianet.org/rss", True)]
    at.text_input(key="feeds-switch-comment").input("paywalled")
    at = at.button(key="FormSubmitter:feeds-switch-Stop reading it").click().run()

    assert not at.exception, at.exception
    assert [f.enabled for f in feeds().feeds()] == [False]
    log = store().audit_log(MARIA)
    assert list(zip(log["entity"], log["action"], log["actor"], strict=True)) == [
        ("feed", "disable", MARIA.id), ("feed", "add", MARIA.id)]


def test_a_link_the_fetcher_would_refuse_is_not_added() -> None:
    at = visit(navigation.FEEDS, MODERATOR)
    at.text_input(key="feeds-add-url").input("file:///etc/passwd")
    at.text_input(key="feeds-add-title").input("Local file")
    at = at.button(key="FormSubmitter:feeds-add-Add a feed").click().run()

    assert any("The feed was not added" in error.value for error in at.error)
    assert feeds().feeds() == []


def test_the_feeds_page_refuses_contributors_and_is_not_in_their_menu() -> None:
    at = visit(navigation.FEEDS, ALICE)

    assert any("for the atlas's moderators" in info.value for info in at.info)
    assert not at.dataframe
    assert navigation.FEEDS in navigation.MODERATORS_ONLY


def test_the_review_queue_lists_every_source_of_a_candidate() -> None:
    links = ["https://tass.ru/ekonomika/26021075", "https://uz.sputniknews.ru/20251226/a.html",
             "https://www.trend.az/casia/kazakhstan/4134947.html"]
    [pending] = store().submit(WATCHER, ATLAS, [event(source_url=links[0], also_reported=";".join(links[1:]))])

    at = visit(navigation.REVIEW, MODERATOR)

    assert not at.exception, at.exception
    assert any("Sources (3)" in caption.value for caption in at.caption)
    shown = " ".join(element.proto.body for element in at.get("html"))
    assert all(f'href="{link}"' in shown for link in links), pending


def test_a_moderator_adds_a_watched_report_to_the_sources_of_the_atlas_event_it_repeats() -> None:
    feed = feeds().add(MARIA, FeedSeed("https://www.nur.kz/rss/", "Nur.kz", "ru"))
    report = "https://www.nur.kz/nurfin/economy/2300103-priem-kazahstanskogo-gaza-vozobnovili-na-orenburgskom-gpz/"
    feeds().record(WATCHER, [ItemOutcome(feed.id, "k", report, "Прием казахстанского газа возобновили", None, True,
                                         ItemState.SOURCE, existing_event=KNOWN)])
    [item] = feeds().items(MARIA)

    at = visit(navigation.REVIEW, MODERATOR)
    at = at.button(key=f"extra-add-{item['id']}").click().run()

    assert not at.exception, at.exception
    corrected = store().current(KNOWN)
    assert corrected is not None
    assert corrected.record["also_reported"][-1] == report
    assert [i["state"] for i in feeds().items(MARIA)] == [ItemState.SOURCE_ADDED]
    assert list(store().audit_log(MARIA, action="edit")["entity_id"]) == [KNOWN]


def test_the_review_queue_shows_what_each_report_said_and_marks_the_date_they_disagree_on() -> None:
    links = ["https://tass.ru/ekonomika/26021075", "https://uz.sputniknews.ru/20251226/a.html"]
    record = event(source_url=links[0], also_reported=links[1])
    [pending] = store().submit(WATCHER, ATLAS, [record])
    feed = feeds().add(MARIA, FeedSeed("https://tass.ru/rss/v2.xml", "TASS", "ru"))
    said = reading(record)
    feeds().record(WATCHER, [
        ItemOutcome(feed.id, f"k{i}", link, "Test meeting", None, True, ItemState.PROPOSED, proposal=pending,
                    reading=said | changes)
        for i, (link, changes) in enumerate(zip(links, [{}, {"date": "2023-02-09"}], strict=True))])

    at = visit(navigation.REVIEW, MODERATOR)

    assert not at.exception, at.exception
    assert [warning.value for warning in at.warning] == [
        "Sources disagree on: Date. Settle it in the editor before approving."]
    (table,) = [frame for frame in at.dataframe if "outlet" in frame.value.columns]
    assert list(table.value["outlet"]) == links
    assert list(table.value["date"]) == ["1 Feb 2023", "9 Feb 2023"]
    styled = {int(column) for column in re.findall(r"_row\d+_col(\d+)", table.proto.arrow_data.styler.styles)}
    assert [table.value.columns[column] for column in styled] == ["date"], "the date column is highlighted, alone"
    assert list(table.value["volume"]) == [None, None], "no report gave a volume: nothing to disagree on"


def test_reports_that_agree_are_said_to_and_nothing_is_highlighted() -> None:
    links = ["https://tass.ru/ekonomika/26021075", "https://uz.sputniknews.ru/20251226/a.html"]
    record = event(source_url=links[0], also_reported=links[1])
    [pending] = store().submit(WATCHER, ATLAS, [record])
    feed = feeds().add(MARIA, FeedSeed("https://tass.ru/rss/v2.xml", "TASS", "ru"))
    feeds().record(WATCHER, [ItemOutcome(feed.id, link, link, "Test meeting", None, True, ItemState.PROPOSED,
                                         proposal=pending, reading=reading(record)) for link in links])

    at = visit(navigation.REVIEW, MODERATOR)

    assert not at.exception, at.exception
    assert not at.warning
    assert any("No two sources disagree" in caption.value for caption in at.caption)
    (table,) = [frame for frame in at.dataframe if "outlet" in frame.value.columns]
    assert table.proto.arrow_data.styler.styles == ""


def retelling(event_id: str, links: list[str]) -> dict:
    """An atlas event as a candidate from other outlets tells it: its own id and sources, the same happening."""
    (record,) = frame_records(records.rows(ATLAS.events, event_id), EVENT_COLUMNS)
    return record | {"id": "ev-2025-10-23-orenburg-retold", "date": "2025-10-23", "source_url": links[0],
                     "source_title": "TASS", "also_reported": links[1:]}


def test_a_moderator_merges_a_candidate_into_the_atlas_event_it_repeats_and_undoes_it_in_one_click_each() -> None:
    links = ["https://tass.ru/ekonomika/26021075", "https://uz.sputniknews.ru/20251226/a.html"]
    [pending] = store().submit(WATCHER, ATLAS, [retelling(KNOWN, links)])
    before = list(records.rows(ATLAS.events, KNOWN)["also_reported"].iloc[0])

    at = visit(navigation.REVIEW, MODERATOR)
    at.text_input(key=f"queue-comment-{pending}").input("the same intake, a day later")
    at = at.button(key=f"queue-merge-{pending}-{KNOWN}").click().run()

    assert not at.exception, at.exception
    assert any("Merged: its sources are now sources of" in success.value for success in at.success)
    assert store().current(KNOWN).record["also_reported"] == [*before, *links]
    assert store().queue(MARIA) == []
    log = store().audit_log(MARIA, action="merge")
    assert sorted(log["entity_id"]) == sorted([KNOWN, pending])
    assert set(log["comment"]) == {f"merged {pending} into {KNOWN}: the same intake, a day later"}

    at = at.button(key="merge-undo").click().run()

    assert not at.exception, at.exception
    assert store().current(KNOWN).record["also_reported"] == before
    assert [event.id for event in store().queue(MARIA)] == [pending]
    assert not [button for button in at.button if button.key == "merge-undo"], "undone once, no button left"


def test_a_moderator_merges_a_candidate_into_any_event_picked_by_its_title_or_id() -> None:
    links = ["https://tass.ru/ekonomika/26021075"]
    [pending] = store().submit(WATCHER, ATLAS, [retelling(KNOWN, links)])
    other = "ev-2023-01-18-gazprom-kazakhstan-roadmap"

    at = visit(navigation.REVIEW, MODERATOR)
    assert at.button(key=f"queue-merge-picked-{pending}").disabled, "nothing to merge into before a pick"
    at = at.selectbox(key=f"queue-merge-pick-{pending}").set_value(other).run()
    at = at.button(key=f"queue-merge-picked-{pending}").click().run()

    assert not at.exception, at.exception
    assert store().current(other).record["also_reported"][-1] == links[0]
    assert store().current(pending).status == "rejected"


def test_a_moderator_confirms_a_published_events_yearly_volume_as_a_flow_figure_and_nothing_is_added_before() -> None:
    contract = "ev-2025-10-16-novak-mirzamakhmudov-7-7-bcm"
    (record,) = frame_records(records.rows(ATLAS.events, contract), EVENT_COLUMNS)
    [published] = store().submit(WATCHER, ATLAS, [record | {"id": "ev-2025-10-16-gazprom-uzbekistan-7-7-bcm"}])
    store().approve(MARIA, ATLAS, published, 1)

    at = visit(navigation.REVIEW, MODERATOR)

    assert not at.exception, at.exception
    assert store().flows() == [], "proposed, never added by itself"
    at = at.selectbox(key=f"flow-route-{published}").set_value("corr-ru-uz-via-kz").run()
    key = f"flow-{published}-corr-ru-uz-via-kz"
    assert at.text_input(key=f"{key}-period").value == "2025"
    assert (at.selectbox(key=f"{key}-from").value, at.selectbox(key=f"{key}-to").value) == ("RUS", "UZB")
    at.text_input(key=f"{key}-comment").input("checked against the TASS report")
    at = at.button(key=f"FormSubmitter:flow-form-{published}-corr-ru-uz-via-kz-Add this flow figure").click().run()

    assert not at.exception, at.exception
    [figure] = store().flows()
    assert (figure.route_id, figure.from_country, figure.to_country, figure.period) == (
        "corr-ru-uz-via-kz", "RUS", "UZB", "2025")
    assert (figure.value_kind, figure.volume_bcm, figure.choice) == ("contract", 7.7, "alternative")
    assert list(store().audit_log(MARIA, action="publish")["entity"]) == ["flow"]
    assert not [c for c in at.get("selectbox") if c.key == f"flow-route-{published}"], "its volume is a figure now"
