"""Local mode — the one user of an install nobody else can reach is its moderator — holds only for a
visitor who came straight over the loopback address to a name the install was started for."""

from __future__ import annotations

import tomllib

import pytest

from gasatlas.auth import LOOPBACK_NAMES, host_name, local_host_names, local_visitor
from gasatlas.config import PROJECT_ROOT

SHIPPED = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
ALLOWED = SHIPPED["server"]["allowedHosts"]
BROWSER = {"user-agent": "Mozilla/5.0", "origin": "http://localhost:8501"}


def visit(host: str | None, *, address: str = "127.0.0.1", remote: str | None = None,
          allowed: list[str] = ALLOWED, **headers: str) -> bool:
    sent = {**BROWSER, **({"host": host} if host is not None else {}), **headers}
    return local_visitor(address, remote, sent, allowed)


def test_the_shipped_config_serves_the_loopback_address_under_its_own_names_only() -> None:
    assert SHIPPED["server"]["address"] == "127.0.0.1"
    assert set(ALLOWED) == {"localhost", "127.0.0.1"}


@pytest.mark.parametrize("host", ["localhost:8501", "127.0.0.1:8501", "LOCALHOST:8501", "localhost.:8501",
                                  "localhost"])
def test_a_visitor_of_the_installs_own_names_is_the_local_user(host: str) -> None:
    assert visit(host)


@pytest.mark.parametrize("host", ["rebind.test:8501", "127.0.0.1.nip.io:8501", "localhost.rebind.test",
                                  "evil.example", "[::1]:8501", "", "localhost:port", "a@localhost:8501",
                                  "localhost/x"])
def test_a_page_under_any_other_host_name_is_a_reader_even_over_loopback(host: str) -> None:
    assert not visit(host), "DNS rebinding: another site's name resolving to 127.0.0.1"


def test_a_request_without_a_host_header_is_not_local() -> None:
    assert not visit(None)


def test_names_come_from_allowed_hosts_and_a_wildcard_names_no_machine() -> None:
    assert visit("atlas.lan:8501", allowed=["atlas.lan"])
    assert not visit("localhost:8501", allowed=["atlas.lan"])
    assert not visit("rebind.test", allowed=["*"]), "'accept any Host' still names no machine"
    assert not visit("x.example.org", allowed=["*.example.org"])
    assert local_host_names([]) == local_host_names(["*"]) == LOOPBACK_NAMES


def test_a_server_for_the_network_or_a_proxied_or_remote_visitor_is_never_local() -> None:
    assert not visit("localhost:8501", address="0.0.0.0")
    assert not visit("localhost:8501", address="")
    assert not visit("localhost:8501", remote="192.0.2.7")
    assert not visit("localhost:8501", **{"x-forwarded-for": "192.0.2.7"})
    assert visit("localhost:8501", remote="127.0.0.1")


def test_a_session_without_any_request_is_local_as_in_streamlits_apptest() -> None:
    assert local_visitor("127.0.0.1", None, {}, ALLOWED)
    assert not local_visitor("0.0.0.0", None, {}, ALLOWED)


@pytest.mark.parametrize(("header", "name"), [("Example.ORG.:443", "example.org"), ("[::1]:80", "::1"),
                                              ("h:99999", None), ("", None), ("u:p@h", None)])
def test_host_names_are_read_as_streamlit_reads_them(header: str, name: str | None) -> None:
    assert host_name(header) == name
