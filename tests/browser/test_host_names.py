"""The shipped server answers only to the names it was started for: a page of another site whose name
resolves to this machine (DNS rebinding) gets no session, so it can never act as the local moderator.

No browser is needed: the WebSocket that carries a session is opened by hand, as a page would,
with the Host header a rebinding page's requests carry."""

from __future__ import annotations

import base64
import http.client
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from devtools.browser_harness import AppServer, start_app_server
from gasatlas.config import PROJECT_ROOT


@pytest.fixture(scope="module")
def shipped_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    workdir = tmp_path_factory.mktemp("hosts")
    (workdir / "data").symlink_to(PROJECT_ROOT / "data", target_is_directory=True)
    app = start_app_server(workdir / "data")
    yield app
    app.stop()


def session_handshake(server: AppServer, host: str) -> int:
    """The status of a WebSocket handshake for a session, sent with ``host`` as its Host header."""
    port = urlsplit(server.base_url).port
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/_stcore/stream", headers={
            "Host": f"{host}:{port}", "Origin": f"http://{host}:{port}", "Upgrade": "websocket",
            "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode()})
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_installs_own_names_open_a_session(shipped_server: AppServer, host: str) -> None:
    assert session_handshake(shipped_server, host) == 101


@pytest.mark.parametrize("host", ["rebind.test", "127.0.0.1.nip.io"])
def test_a_page_under_another_name_that_resolves_here_gets_no_session(shipped_server: AppServer,
                                                                      host: str) -> None:
    assert session_handshake(shipped_server, host) != 101
