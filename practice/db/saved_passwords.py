"""A practice server's password kept in the computer's own keyring, never in a file.

The system keyring (GNOME Keyring or KWallet through Secret Service, the macOS
Keychain, Windows' Credential Manager) keeps the password encrypted under the
person's login. Where there is none — or only a keyring that would write the
password down in plain text — nothing is saved and the password is asked each time:
:func:`keyring_available` says which, so the app offers to remember only when it can.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from practice.db.server import ServerAddress

log = logging.getLogger(__name__)

SERVICE = "Practice Manager practice server"
#: Keyrings that keep passwords in plain text, or keep nothing: never used.
_REFUSED = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _keyring() -> Any | None:
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring setup must not stop the app
        log.warning("the system keyring could not be reached", exc_info=True)
        return None
    if type(backend).__module__.startswith(_REFUSED) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def keyring_available() -> bool:
    """Whether a password can be kept safely in this computer's keyring."""
    return _keyring() is not None


def _account(address: ServerAddress) -> str:
    return address.url.render_as_string(hide_password=True)


def saved_password(address: ServerAddress) -> str | None:
    backend = _keyring()
    if backend is None:
        return None
    try:
        found = backend.get_password(SERVICE, _account(address))
    except Exception:
        log.warning("the system keyring could not be read", exc_info=True)
        return None
    return str(found) if found is not None else None


def save_password(address: ServerAddress, password: str) -> bool:
    """Keep ``password`` for ``address``; False when there is no safe keyring."""
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _account(address), password)
    except Exception:
        log.warning("the system keyring refused the password", exc_info=True)
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    backend = _keyring()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, _account(address))
    except Exception:  # nothing saved, or the keyring is gone: nothing to forget
        log.debug("no saved password to forget", exc_info=True)
