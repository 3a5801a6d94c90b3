"""Who is using this session: a signed-in identity (``st.login`` over OpenID Connect), the single user
of a local install, or an anonymous reader.

With ``[auth]`` in the deployment's secrets, identities come from its OIDC
provider and roles from its ``[roles]`` table (``gasatlas.auth.RoleRules``).
Without it, the atlas is either a local install — the server listens on the
loopback address alone and the visitor reaches it directly, under a name it was
started for (``server.allowedHosts``) — whose one user is a moderator, or a
public server nobody can sign in to, which stays read-only.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from gasatlas.auth import (
    ANONYMOUS,
    LOCAL_MODERATOR,
    Identity,
    Permission,
    Role,
    RoleRules,
    identity_for,
    local_visitor,
)
from gasatlas.i18n import N_, gettext
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.vocab import Lang

ROLES = {Role.READER: N_("reader"), Role.CONTRIBUTOR: N_("contributor"),
         Role.MODERATOR: N_("moderator")}
"""Each role's name as the sidebar writes it."""


def _secrets_section(name: str) -> dict[str, Any]:
    try:
        return dict(st.secrets.get(name) or {})
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return {}


def sign_in_configured() -> bool:
    """Whether the deployment names an OpenID Connect provider (``[auth]`` in its secrets)."""
    return bool(_secrets_section("auth"))


def local_install() -> bool:
    """This visitor is the local install's one user (``gasatlas.auth.local_visitor`` decides).

    Streamlit reports no address for a loopback visitor (and AppTest, which has no
    connection, a stand-in object): anything but an address string is the local visitor.
    """
    headers = {name.lower(): value for name, value in st.context.headers.items()}
    remote = st.context.ip_address
    return local_visitor(st.get_option("server.address"), remote if isinstance(remote, str) else None, headers,
                         list(st.get_option("server.allowedHosts") or ()))


def current() -> Identity:
    """The acting identity of this session (checked again by the store on every change)."""
    if sign_in_configured():
        claims = st.user.to_dict()
        if claims.get("is_logged_in"):
            return identity_for(claims, RoleRules.from_config(_secrets_section("roles")))
        return ANONYMOUS
    return LOCAL_MODERATOR if local_install() else ANONYMOUS


def account(identity: Identity, lang: Lang) -> None:
    """The sidebar's account line: who you are, and signing in or out."""
    sidebar = st.sidebar
    if identity.local:
        sidebar.caption(gettext("Local mode: you are the atlas's moderator", lang),
                        help=gettext("No sign-in is configured and the server listens on this computer only, so its "
                                     "one user may change the data. See the README to set up sign-in for a public "
                                     "server.", lang))
    elif identity.signed_in:
        sidebar.caption(markdown_format(gettext("Signed in as {name} ({role})", lang), name=identity.name,
                                        role=gettext(ROLES[identity.role], lang)))
        sidebar.button(gettext("Sign out", lang), on_click=st.logout, icon=":material/logout:", key="sign-out")
    elif sign_in_configured():
        sidebar.button(gettext("Sign in", lang), on_click=st.login, icon=":material/login:", key="sign-in")


def read_only_note(identity: Identity, lang: Lang) -> bool:
    """On a page that changes data: say why this visitor cannot, and how that changes. True if they cannot."""
    if identity.can(Permission.SUBMIT):
        return False
    if identity.signed_in:
        st.info(gettext("Your account may read the atlas but not add to it. Ask its moderators.", lang),
                icon=":material/lock:")
    elif sign_in_configured():
        st.info(gettext("Sign in to add events: what you submit goes to the review queue before it appears on the "
                        "atlas.", lang), icon=":material/login:")
        st.button(gettext("Sign in", lang), on_click=st.login, icon=":material/login:", key="sign-in-page")
    else:
        st.info(gettext("This atlas is read-only: it is served to the network without sign-in. The operator can "
                        "enable sign-in with an OpenID Connect provider ([auth] in .streamlit/secrets.toml, see the "
                        "README) or run it on 127.0.0.1 for a single local user.", lang), icon=":material/lock:")
    return True
