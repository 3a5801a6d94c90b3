"""Who is acting, and what they may do: identities, roles and the permission check.

Reading is open to anyone. Changing the data needs a role, granted by the
deployment's configuration to identities its OpenID Connect provider vouches for:

* **reader** — anyone, signed in or not: reads everything public, downloads;
* **contributor** — signed in: submits events (from news or an import) to the
  review queue and edits their own pending submissions;
* **moderator** — approves, rejects and edits any event (curated ones too),
  deletes and restores, and reads the audit log.

The store calls :func:`require` in every function that changes data, so a
missing button is never the only guard. This module knows nothing of Streamlit:
``gasatlas.ui.identity`` turns ``st.user`` into an :class:`Identity`.
"""

from __future__ import annotations

import fnmatch
import getpass
import ipaddress
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit


class Role(StrEnum):
    READER = "reader"
    CONTRIBUTOR = "contributor"
    MODERATOR = "moderator"


class Permission(StrEnum):
    SUBMIT = "submit"
    EDIT_OWN_PENDING = "edit_own_pending"
    MODERATE = "moderate"
    READ_AUDIT = "read_audit"


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.READER: frozenset(),
    Role.CONTRIBUTOR: frozenset({Permission.SUBMIT, Permission.EDIT_OWN_PENDING}),
    Role.MODERATOR: frozenset(Permission),
}


class PermissionDenied(Exception):
    """The acting identity lacks the role for a change; nothing was changed.

    Not an ``OSError`` (as ``PermissionError`` is): it is a refusal, never a store failure."""


@dataclass(frozen=True)
class Identity:
    """Someone acting on the atlas. ``id`` is what revisions record (the e-mail, else the subject)."""

    id: str
    name: str
    role: Role
    local: bool = False
    """The single user of a local install without an identity provider."""

    def can(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]

    @property
    def signed_in(self) -> bool:
        return self.id != ANONYMOUS_ID


ANONYMOUS_ID = "anonymous"
ANONYMOUS = Identity(id=ANONYMOUS_ID, name="Anonymous reader", role=Role.READER)
LOCAL_MODERATOR = Identity(id="local", name="Local user", role=Role.MODERATOR, local=True)


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host")
"""A request that came through a proxy is not a local visitor, whatever address the server listens on."""


def _loopback(address: str | None) -> bool:
    if not address:
        return False
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def host_name(host_header: str | None) -> str | None:
    """The host name a ``Host`` header names (lower case, no port, no trailing dot); None if it is not one."""
    if not host_header:
        return None
    try:
        parts = urlsplit(f"//{host_header.strip()}")
        _ = parts.port  # a port that is not a number makes the header invalid
    except ValueError:
        return None
    if not parts.hostname or parts.username or parts.password or parts.path or parts.query or parts.fragment:
        return None
    return parts.hostname.rstrip(".").lower()


def local_host_names(allowed_hosts: Sequence[str]) -> frozenset[str]:
    """The names a local install answers to: the exact names of ``server.allowedHosts`` (a wildcard names
    no one machine), else the loopback names."""
    names = {host.strip().rstrip(".").lower().strip("[]") for host in allowed_hosts}
    exact = frozenset(name for name in names if name and "*" not in name)
    return exact or LOOPBACK_NAMES


def local_visitor(server_address: str | None, remote: str | None, headers: Mapping[str, str],
                  allowed_hosts: Sequence[str]) -> bool:
    """Whether this visitor is the single user of a local install (and so its moderator).

    The server must listen on the loopback address alone, the visitor come from it straight (no proxy
    header), and the page be asked for under a name the install was started for (``Host``): a page of
    another site whose name resolves to 127.0.0.1 (DNS rebinding) is a stranger's page. ``headers`` are
    lower-case; a session with no request at all (Streamlit's AppTest) has none and is local.
    """
    if not _loopback(server_address) or (remote is not None and not _loopback(remote)):
        return False
    if not headers:
        return True
    if any(headers.get(name) for name in PROXY_HEADERS):
        return False
    return host_name(headers.get("host")) in local_host_names(allowed_hosts)


def require(identity: Identity, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless ``identity`` holds ``permission``."""
    if not identity.can(permission):
        raise PermissionDenied(f"{identity.name} ({identity.role}) may not {permission.value.replace('_', ' ')}")


def _matches(value: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(value.casefold(), pattern.casefold()) for pattern in patterns)


@dataclass(frozen=True)
class RoleRules:
    """Who gets which role, from the ``[roles]`` table of the deployment's secrets.

    E-mail patterns may use ``*`` (``*@newsroom.example``); ``groups`` are matched
    against the OIDC claim named by ``group_claim`` (a string or a list of strings).
    Anyone signed in who matches no moderator rule is a contributor, unless
    ``contributors`` is given, which then lists who may contribute.

    An e-mail counts only if the provider vouches for it (:func:`verified_email`): anyone can type a
    moderator's address into an account at most providers. ``trust_email_without_verified_claim``
    accepts the address of a provider that never sends ``email_verified`` (one that verifies every
    address itself); a provider that sends anything but ``true`` is still not trusted.
    """

    moderators: tuple[str, ...] = ()
    moderator_groups: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ("*",)
    contributor_groups: tuple[str, ...] = ()
    group_claim: str = "groups"
    trust_email_without_verified_claim: bool = False

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> RoleRules:
        def strings(name: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
            value = config.get(name, default)
            return (value,) if isinstance(value, str) else tuple(str(item) for item in value)

        return cls(
            moderators=strings("moderators"), moderator_groups=strings("moderator_groups"),
            contributors=strings("contributors", ("*",)), contributor_groups=strings("contributor_groups"),
            group_claim=str(config.get("group_claim", "groups")),
            trust_email_without_verified_claim=config.get("trust_email_without_verified_claim") is True,
        )

    def role_for(self, claims: Mapping[str, Any]) -> Role:
        """The role of a signed-in user, from their e-mail and group claims."""
        email = verified_email(claims, self.trust_email_without_verified_claim)
        groups = claims.get(self.group_claim) or ()
        groups = [groups] if isinstance(groups, str) else [str(group) for group in groups]
        if (email and _matches(email, self.moderators)) or set(groups) & set(self.moderator_groups):
            return Role.MODERATOR
        if (email and _matches(email, self.contributors)) or set(groups) & set(self.contributor_groups):
            return Role.CONTRIBUTOR
        return Role.READER


def operator_identity() -> Identity:
    """Who the command lines act as: the server's operator, a moderator, named after their account."""
    user = getpass.getuser()
    return Identity(id=f"cli:{user}", name=f"{user} (command line)", role=Role.MODERATOR)


MISSING_CLAIM = object()


def verified_email(claims: Mapping[str, Any], trust_missing_claim: bool = False) -> str | None:
    """The user's e-mail if the provider vouches for it: ``email_verified`` is exactly JSON ``true``
    (not the string "true", not 1), or is absent and the deployment trusts its provider to leave it out."""
    email = claims.get("email")
    if not isinstance(email, str) or not email.strip():
        return None
    verified = claims.get("email_verified", MISSING_CLAIM)
    return email if verified is True or (verified is MISSING_CLAIM and trust_missing_claim) else None


def subject_id(claims: Mapping[str, Any]) -> str:
    """The provider's own name for the user, under the provider's name (``iss``): ``sub`` is unique only
    within its issuer, and a bare ``sub`` could be chosen to look like someone's e-mail."""
    issuer = str(claims.get("iss") or f"provider:{claims.get('provider') or 'default'}")
    return f"{issuer}#{claims.get('sub') or 'unknown'}"


def identity_for(claims: Mapping[str, Any], rules: RoleRules) -> Identity:
    """The identity of a user the provider signed in (``st.user``'s claims): their verified e-mail (what
    revisions recorded so far), else the provider's namespaced subject — never an address nobody checked."""
    who = verified_email(claims, rules.trust_email_without_verified_claim) or subject_id(claims)
    name = str(claims.get("name") or who)
    return Identity(id=who, name=name, role=rules.role_for(claims))
