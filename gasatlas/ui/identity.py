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

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from gasatlas.auth import (
    ANONYMOUS,
    LOCAL_MODERATOR,
    Identity,
    Permission,
    RoleRules,
    identity_for,
    local_visitor,
)
from gasatlas.i18n import t
from gasatlas.model.sanitize import markdown_format
from gasatlas.model.vocab import Lang


def _secrets_section(name: str) -> dict:
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
        sidebar.caption(t("account_local", lang), help=t("account_local_help", lang))
    elif identity.signed_in:
        sidebar.caption(markdown_format(t("account_signed_in", lang), name=identity.name,
                                        role=t(f"role_{identity.role}", lang)))
        sidebar.button(t("sign_out", lang), on_click=st.logout, icon=":material/logout:", key="sign-out")
    elif sign_in_configured():
        sidebar.button(t("sign_in", lang), on_click=st.login, icon=":material/login:", key="sign-in")


def read_only_note(identity: Identity, lang: Lang) -> bool:
    """On a page that changes data: say why this visitor cannot, and how that changes. True if they cannot."""
    if identity.can(Permission.SUBMIT):
        return False
    if identity.signed_in:
        st.info(t("no_contributor_role", lang), icon=":material/lock:")
    elif sign_in_configured():
        st.info(t("sign_in_to_contribute", lang), icon=":material/login:")
        st.button(t("sign_in", lang), on_click=st.login, icon=":material/login:", key="sign-in-page")
    else:
        st.info(t("read_only_server", lang), icon=":material/lock:")
    return True
