"""Who a signed-in visitor is comes only from what the OpenID Connect provider vouches for.

The claims are the ones a real provider puts in its ID token: oidc-provider-mock
runs on a local port, each user signs in through its authorization endpoint, the
token is fetched and its signature checked against the provider's keys, as
Streamlit's ``st.login`` does; the claims then become ``st.user`` of a page.
An address counts only when ``email_verified`` is exactly ``true``; anything else
— the string "false", no claim at all, ``false`` — leaves a reader named by the
provider's own subject, who neither gets a moderator's role nor sees a
contributor's pending submissions.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import joserfc.jwk
import joserfc.jwt
import pytest
from oidc_provider_mock import User, run_server_in_thread

from gasatlas.auth import Identity, Role, RoleRules, identity_for
from gasatlas.ui import navigation
from tests.app.test_app import TOTAL
from tests.app.test_editorial import ATLAS, ROLES, shown_count, store, visit
from tests.store.records import event

CLIENT_ID, CLIENT_SECRET, REDIRECT = "gas-atlas", "gas-atlas-secret", "http://127.0.0.1:8501/oauth2callback"
ALICE_ADDRESS, MODERATOR_ADDRESS = "alice@newsroom.example", "mod@atlas.example"
USERS = {
    "alice": {"email": ALICE_ADDRESS, "email_verified": True, "name": "Alice Contributor"},
    "moderator": {"email": MODERATOR_ADDRESS, "email_verified": True, "name": "Maria Moderator"},
    "string-false": {"email": MODERATOR_ADDRESS, "email_verified": "false", "name": "Eve"},
    "no-claim": {"email": MODERATOR_ADDRESS, "name": "Eve"},
    # an account whose subject *and* unverified address copy Alice's
    ALICE_ADDRESS: {"email": ALICE_ADDRESS, "email_verified": False, "name": "Alice Contributor"},
}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    users = [User(sub=sub, claims=claims) for sub, claims in USERS.items()]
    with run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


def signed_in_claims(provider: str, sub: str) -> dict:
    """The claims of ``sub``'s ID token, signed in by the authorization-code flow and verified with the
    provider's keys, plus what Streamlit adds to ``st.user``."""
    metadata = httpx.get(f"{provider}/.well-known/openid-configuration").raise_for_status().json()
    state = secrets.token_urlsafe(8)
    query = urlencode({"client_id": CLIENT_ID, "redirect_uri": REDIRECT, "response_type": "code",
                       "scope": "openid email profile", "state": state, "nonce": secrets.token_urlsafe(8)})
    authorized = httpx.post(f"{metadata['authorization_endpoint']}?{query}", data={"sub": sub})
    answer = parse_qs(urlsplit(authorized.headers["location"]).query)
    assert answer["state"] == [state]
    token = httpx.post(metadata["token_endpoint"], auth=(CLIENT_ID, CLIENT_SECRET), data={
        "grant_type": "authorization_code", "code": answer["code"][0], "redirect_uri": REDIRECT,
    }).raise_for_status().json()
    keys = joserfc.jwk.KeySet.import_key_set(httpx.get(metadata["jwks_uri"]).raise_for_status().json())
    claims = joserfc.jwt.decode(token["id_token"], keys).claims
    assert claims["sub"] == sub
    assert claims["iss"] == provider
    return {**claims, "is_logged_in": True, "provider": "default"}


RULES = RoleRules.from_config(ROLES)


def test_a_verified_address_names_the_user_and_gives_their_role(provider: str) -> None:
    assert identity_for(signed_in_claims(provider, "moderator"), RULES) == Identity(
        MODERATOR_ADDRESS, "Maria Moderator", Role.MODERATOR)
    assert identity_for(signed_in_claims(provider, "alice"), RULES) == Identity(
        ALICE_ADDRESS, "Alice Contributor", Role.CONTRIBUTOR)


@pytest.mark.parametrize("sub", ["string-false", "no-claim"])
def test_a_moderators_address_not_verified_as_json_true_makes_a_reader_named_by_the_provider(
        provider: str, sub: str) -> None:
    claims = signed_in_claims(provider, sub)
    assert claims.get("email") == MODERATOR_ADDRESS

    who = identity_for(claims, RULES)

    assert who.role == Role.READER
    assert who.id == f"{provider}#{sub}"


def test_a_deployment_may_trust_a_provider_that_never_sends_the_claim_but_not_one_that_says_false(
        provider: str) -> None:
    trusting = RoleRules.from_config({**ROLES, "trust_email_without_verified_claim": True})

    assert identity_for(signed_in_claims(provider, "no-claim"), trusting).role == Role.MODERATOR
    assert identity_for(signed_in_claims(provider, "string-false"), trusting).role == Role.READER


def test_an_unverified_copy_of_a_contributors_address_is_not_them_and_does_not_see_their_submissions(
        provider: str) -> None:
    alice = identity_for(signed_in_claims(provider, "alice"), RULES)
    [pending] = store().submit(alice, ATLAS, [event()])
    copy = signed_in_claims(provider, ALICE_ADDRESS)

    impostor = identity_for(copy, RULES)

    assert impostor.id != ALICE_ADDRESS
    assert impostor.id == f"{provider}#{ALICE_ADDRESS}"
    assert impostor.role == Role.READER
    news = visit(navigation.ADD_NEWS, copy)
    assert not news.exception, news.exception
    assert not news.text_area, "a reader has no form to submit with"
    assert all(pending not in str(frame.value) for frame in news.dataframe)
    assert shown_count(visit(navigation.MAP, copy)) == f"Showing {TOTAL} of {TOTAL} events", \
        "Alice's pending event stays hers"
    assert shown_count(visit(navigation.MAP, signed_in_claims(provider, "alice"))) == \
        f"Showing {TOTAL + 1} of {TOTAL + 1} events"
