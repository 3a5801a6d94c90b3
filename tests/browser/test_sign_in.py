"""Signed-in editing against a real OpenID Connect provider: a contributor submits, a moderator reviews,
an anonymous reader sees exactly what was approved; edits, history, restore, delete.

The provider is oidc-provider-mock, started as its own process on a local port;
the app is configured for it exactly as a deployment is ([auth] and [roles] in a
secrets file). Everything else on the network is blocked.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from devtools.browser_harness import (
    READ_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    AppServer,
    AtlasPage,
    free_port,
    new_atlas_page,
    start_app_server,
)
from gasatlas.config import PROJECT_ROOT
from gasatlas.dataset.load import load_dataset

TOTAL = len(load_dataset(PROJECT_ROOT / "data").events)
ARTICLE = PROJECT_ROOT / "tests" / "fixtures" / "articles" / "test-wire-two-facts.txt"
CONTRIBUTOR = {"sub": "alice@newsroom.example", "email": "alice@newsroom.example", "email_verified": True,
               "name": "Alice Contributor"}
MODERATOR = {"sub": "mod@atlas.example", "email": "mod@atlas.example", "email_verified": True,
             "name": "Maria Moderator"}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--port", str(port),
         *[arg for user in (CONTRIBUTOR, MODERATOR) for arg in ("--user-claims", json.dumps(user))]],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the OpenID provider did not start") from None
            time.sleep(0.2)  # polling its discovery document, not waiting for a page
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, provider: str) -> Iterator[AppServer]:
    workdir = tmp_path_factory.mktemp("sign-in")
    (workdir / "data").symlink_to(PROJECT_ROOT / "data", target_is_directory=True)
    port = free_port()
    secrets = workdir / "secrets.toml"
    secrets.write_text(f"""
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "a-test-secret-that-is-long-enough-for-signing"
client_id = "gas-atlas"
client_secret = "gas-atlas-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[roles]
moderators = ["mod@atlas.example"]
""", encoding="utf-8")
    app = start_app_server(workdir / "data", extra_args=["--secrets.files", str(secrets)], port=port,
                           extra_env={"AUTHLIB_INSECURE_TRANSPORT": "1", "GASATLAS_BASEMAP": "offline"})
    yield app
    app.stop()


def signed_in(browser: Browser, server: AppServer, who: dict) -> tuple[AtlasPage, object]:
    """A browser context signed in as ``who`` through the provider's own login form."""
    atlas, context = new_atlas_page(browser, server.base_url, width=1440, height=1000)
    atlas.open("?basemap=offline")
    atlas.page.locator("[data-testid=stSidebar]").get_by_role("button", name="Sign in").click()
    atlas.page.locator("input[name=sub]").last.wait_for(timeout=UI_TIMEOUT_MS)
    atlas.page.locator("input[name=sub]").last.fill(who["sub"])
    atlas.page.get_by_role("button", name="Authorize").click()
    atlas.page.wait_for_url(re.compile(re.escape(server.base_url)), timeout=UI_TIMEOUT_MS)
    atlas.wait_for_idle()
    expect(atlas.page.locator("[data-testid=stSidebar]")).to_contain_text(f"Signed in as {who['name']}",
                                                                          timeout=UI_TIMEOUT_MS)
    return atlas, context


def shown(page: Page) -> str:
    return page.locator("[data-testid=stMain] [data-testid=stCaptionContainer]").first.inner_text()


def submit_article(atlas: AtlasPage) -> None:
    page = atlas.open("add_news?basemap=offline").page
    page.get_by_label("Article text (Russian or English)").fill(ARTICLE.read_text(encoding="utf-8"))
    page.get_by_role("spinbutton", name="year, Publication date").click()
    page.keyboard.type("20240315")
    page.get_by_label("Source (publication and headline)").fill("Test Wire")
    page.get_by_label("Source URL").fill("https://example.org/news/two-facts")
    atlas.rerun_after(lambda: page.get_by_role("button", name="Find events").click())
    submit = page.get_by_role("button", name="Submit 2 events for review")
    expect(submit).to_be_enabled(timeout=READ_TIMEOUT_MS)
    atlas.rerun_after(submit.click)
    expect(page.get_by_text("Submitted 2 events for review.")).to_be_visible(timeout=UI_TIMEOUT_MS)


def open_expander(page: Page, name: str):
    """The expander called ``name``, opened (clicking an open one would close it)."""
    expander = page.locator("[data-testid=stExpander]").filter(has_text=name).first
    if expander.locator("details").get_attribute("open") is None:
        expander.get_by_text(name).click()
    return expander


def review_box(page: Page, day: str):
    return page.locator("[class*='st-key-review-ev-']").filter(has_text=day)


def test_contributor_submits_moderator_reviews_reader_sees_only_the_approved_then_edit_restore_delete(
        browser: Browser, server: AppServer) -> None:
    reader, reader_context = new_atlas_page(browser, server.base_url)
    contributor, contributor_context = signed_in(browser, server, CONTRIBUTOR)
    moderator, moderator_context = signed_in(browser, server, MODERATOR)
    try:
        sidebar = contributor.page.locator("[data-testid=stSidebar]")
        expect(sidebar).to_contain_text("(contributor)", timeout=UI_TIMEOUT_MS)
        submit_article(contributor)

        reader.open("?basemap=offline")
        assert shown(reader.page).startswith(f"Showing {TOTAL} of {TOTAL} events"), "nothing public yet"
        contributor.open("?basemap=offline")
        assert shown(contributor.page).startswith(f"Showing {TOTAL + 2} of {TOTAL + 2} events"), \
            "the contributor sees their own submissions"

        page = moderator.open("review?basemap=offline").page
        expect(page.get_by_text("2 events waiting.")).to_be_visible(timeout=UI_TIMEOUT_MS)
        expect(page.get_by_text("«Тестгаз» и QazaqGaz подписали в Астане").first).to_be_attached()
        meeting, agreement = review_box(page, "2024-03-14"), review_box(page, "2024-03-12")
        meeting_id = re.search(r"ev-2024-03-14-[a-z0-9-]+", meeting.inner_text()).group()
        meeting.get_by_label("Comment for the contributor").fill("checked against the article")
        moderator.rerun_after(lambda: meeting.get_by_role("button", name="Approve").click())
        expect(page.get_by_text("Approved: the event is on the atlas.")).to_be_visible(timeout=UI_TIMEOUT_MS)
        moderator.rerun_after(lambda: agreement.get_by_role("button", name="Reject").click())
        expect(page.get_by_text("0 events waiting.")).to_be_visible(timeout=UI_TIMEOUT_MS)

        reader.open("?basemap=offline")
        assert shown(reader.page).startswith(f"Showing {TOTAL + 1} of {TOTAL + 1} events")
        reader.open("?basemap=offline&from=2024-03-01&to=2024-03-31")
        rows = reader.page.locator("[data-testid=stDataFrame] tr[role=row]")
        expect(rows.filter(has_text="14 Mar 2024")).to_have_count(1, timeout=UI_TIMEOUT_MS)
        expect(rows.filter(has_text="12 Mar 2024")).to_have_count(0)

        page = moderator.open(f"?basemap=offline&sel=event:{meeting_id}").page
        moderator.wait_for_map_settled()
        open_expander(page, "Edit this event")
        title = page.get_by_label("title_en", exact=True)
        title.fill("Test Wire meeting, corrected title")
        page.get_by_label("Why (saved with the revision)").first.fill("a clearer title")
        moderator.rerun_after(lambda: page.get_by_role("button", name="Save as a new revision").click())
        expect(page.get_by_text("Saved as a new revision.")).to_be_visible(timeout=UI_TIMEOUT_MS)
        reader.open("?basemap=offline&q=corrected title")
        assert shown(reader.page).startswith("Showing 1 of"), "the correction is public at once"
        history = open_expander(page, "History of an event")
        expect(history.locator("tr[role=row]")).to_have_count(4, timeout=UI_TIMEOUT_MS)  # the header, then
        expect(history.locator("tr[role=row]").nth(1)).to_contain_text(MODERATOR["email"])  # 3 edit, 2 approve,
        expect(history.locator("tr[role=row]").nth(3)).to_contain_text(CONTRIBUTOR["email"])  # 1 submit

        moderator.choose("Revision to make current again", "2")
        moderator.rerun_after(lambda: page.get_by_role("button", name="Restore", exact=True).click())
        expect(page.get_by_text("Restored as a new revision.")).to_be_visible(timeout=UI_TIMEOUT_MS)
        reader.open("?basemap=offline&q=corrected title")
        assert shown(reader.page).startswith("Showing 0 of"), "the edited title is gone again"

        open_expander(page, "History of an event")
        moderator.rerun_after(lambda: page.get_by_role("button", name="Delete (can be restored)").click())
        expect(page.get_by_text("Deleted: the event is off the atlas")).to_be_visible(timeout=UI_TIMEOUT_MS)
        reader.open("?basemap=offline")
        assert shown(reader.page).startswith(f"Showing {TOTAL} of {TOTAL} events")

        page = moderator.open("audit?basemap=offline").page
        expect(page.get_by_text("changes.")).to_be_visible(timeout=UI_TIMEOUT_MS)
        page.get_by_label("Event id (deleted ones too)").fill(meeting_id)
        moderator.rerun_after(lambda: page.keyboard.press("Enter"))
        moderator.choose("Revision to make current again", "4")
        moderator.rerun_after(lambda: page.get_by_role("button", name="Restore", exact=True).click())
        reader.open("?basemap=offline")
        assert shown(reader.page).startswith(f"Showing {TOTAL + 1} of {TOTAL + 1} events"), "deletion undone"

        for atlas in (reader, contributor, moderator):
            assert atlas.external_requests() == []
    finally:
        for context in (reader_context, contributor_context, moderator_context):
            context.close()


def test_an_anonymous_visitor_cannot_submit_or_import_and_is_told_to_sign_in(browser: Browser,
                                                                               server: AppServer) -> None:
    atlas, context = new_atlas_page(browser, server.base_url)
    try:
        page = atlas.open("add_news?basemap=offline").page
        expect(page.get_by_text("Sign in to add events")).to_be_visible(timeout=UI_TIMEOUT_MS)
        expect(page.get_by_role("button", name="Find events")).to_have_count(0)
        page = atlas.open("data?basemap=offline").page
        expect(page.get_by_role("button", name="Import")).to_have_count(0)
        page = atlas.open("review?basemap=offline").page
        expect(page.get_by_text("This page is for the atlas's moderators.")).to_be_visible(timeout=UI_TIMEOUT_MS)
        assert atlas.external_requests() == []
    finally:
        context.close()

