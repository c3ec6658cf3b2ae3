"""Practice Manager core: domain, data, documents and CLI. Never imports Qt or ui/."""

from practice.version import app_version

#: The app's version, kept once, in pyproject.toml (see :mod:`practice.version`).
__version__ = app_version()
