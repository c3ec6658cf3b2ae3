"""The team of a group practice on a server: practitioners, their logins, shared clients.

A solo practice has one practitioner and nothing here applies to it (adding one is
refused with a sentence saying a team needs a practice server). On a server, adding a
practitioner makes their PostgreSQL login in the role's group (:mod:`practice.db.access`)
— which needs the server's administrator, or another login allowed to make logins —
and the row the server's rules read. Sharing a client with a second practitioner, and
ending it, is in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.db.access import LOGIN, add_login, make_team
from practice.errors import AccessRefusedError, NotFoundError, PracticeError, ValidationError
from practice.models import Client, ClientShare, Practitioner, PractitionerRole
from practice.services import audit, validation
from practice.timeutil import utcnow

#: A login's password: as long as the app's own (practice.safekeeping.password).
MIN_PASSWORD = 12


@dataclass(frozen=True)
class TeamMember:
    id: int
    name: str
    login: str | None
    role: PractitionerRole


@dataclass(frozen=True)
class Share:
    client_id: int
    practitioner: str
    reason: str
    shared_at: datetime


def _on_server(db: Database, action: str) -> None:
    if db.server is None:
        raise PracticeError(
            f"A solo practice has one practitioner; to {action}, move the practice to a "
            "practice server (see the group practice guide, GROUP-PRACTICE.md)."
        )


def list_team(db: Database) -> list[TeamMember]:
    with db.reading() as s:
        return [
            TeamMember(p.id, p.name, p.login, p.role)
            for p in s.scalars(select(Practitioner).order_by(Practitioner.name, Practitioner.id))
        ]


def add_practitioner(
    db: Database, name: str, login: str, role: PractitionerRole | str, password: str | None
) -> TeamMember:
    """Add a practitioner with their own login to a practice on a server.

    ``password`` is the new login's (refused when shorter than twelve characters); a
    login the server already has (from another practice on it) keeps its own. The first
    owner added becomes the practice's first practitioner (see
    :func:`_first_owner_without_login`), with everything already theirs.
    """
    _on_server(db, "add a practitioner")
    name = validation.line(name, "name", max_length=200, required=True)
    login = (login or "").strip()
    if not LOGIN.fullmatch(login):
        raise ValidationError(
            "login",
            "must be lower-case letters, digits and _ (at most 63), starting with a letter.",
        )
    chosen = validation.choice(role, PractitionerRole, "role")
    if password is not None and len(password) < MIN_PASSWORD:
        raise ValidationError("password", f"needs at least {MIN_PASSWORD} characters.")
    try:
        with db.transaction() as s:
            if s.scalar(select(Practitioner.id).where(Practitioner.login == login)):
                raise ValidationError("login", f"{login} is in the team already.")
            conn = s.connection()
            make_team(conn)
            try:
                add_login(conn, login, password, chosen)
            except ValueError:
                raise ValidationError("password", "is needed for a new login.") from None
            member = _first_owner_without_login(s) if chosen is PractitionerRole.OWNER else None
            if member is not None:  # the practice's first practitioner: theirs from now on
                member.name, member.login = name, login
                s.flush()
                audit.record(s, "edit", "practitioner", member.id, f"{login} as the first owner")
            else:
                member = Practitioner(name=name, login=login, role=chosen)
                s.add(member)
                s.flush()
                audit.record(s, "create", "practitioner", member.id, f"{login} as {chosen.value}")
            return TeamMember(member.id, member.name, member.login, member.role)
    except (AccessRefusedError, DBAPIError) as exc:
        reason = str(getattr(exc, "orig", exc))
        if isinstance(exc, AccessRefusedError) or "must have" in reason:
            raise PracticeError(
                "Adding a practitioner makes a login on the server: connect as the "
                "server's administrator (or a login allowed to make logins)."
            ) from None
        raise


def _first_owner_without_login(s: DbSession) -> Practitioner | None:
    """The owner a practice starts with and no one logs in as yet (migration 0009 makes
    it, as a file's one practitioner): whatever was added before anyone was in the team
    (clients admin staff added, a sample) is theirs. The first owner added takes it."""
    return s.scalar(
        select(Practitioner)
        .where(Practitioner.role == PractitionerRole.OWNER, Practitioner.login.is_(None))
        .order_by(Practitioner.id)
        .limit(1)
    )


def _member(db: Database, login: str) -> Practitioner:
    with db.reading() as s:
        member = s.scalar(select(Practitioner).where(Practitioner.login == login))
    if member is None:
        raise NotFoundError("practitioner", login)
    return member


def share_client(db: Database, client_id: int, login: str, reason: str) -> Share:
    """Share a client with the practitioner ``login`` (co-working, cover during an
    absence) until :func:`end_share`: they read and write the client's clinical records."""
    _on_server(db, "share a client")
    reason = validation.text(reason, "reason", max_length=500, required=True)
    member = _member(db, login)
    with db.transaction() as s:
        if s.get(Client, client_id) is None:
            raise NotFoundError("client", client_id)
        if member.role == PractitionerRole.ADMIN_STAFF:
            raise ValidationError("with", f"{login} is admin staff, who never read notes.")
        share = ClientShare(client_id=client_id, practitioner_id=member.id, reason=reason)
        s.add(share)
        s.flush()
        audit.record(s, "share", "client", client_id, f"with {login}")
        return Share(client_id, member.name, reason, share.shared_at)


def end_share(db: Database, client_id: int, login: str) -> int:
    """End every open share of the client with ``login``; how many were ended."""
    _on_server(db, "end a share")
    member = _member(db, login)
    with db.transaction() as s:
        shares = s.scalars(
            select(ClientShare).where(
                ClientShare.client_id == client_id,
                ClientShare.practitioner_id == member.id,
                ClientShare.ended_at.is_(None),
            )
        ).all()
        for share in shares:
            share.ended_at = utcnow()
        if shares:
            audit.record(s, "unshare", "client", client_id, f"with {login}")
        return len(shares)
