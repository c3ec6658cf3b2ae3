"""Practice Manager core: domain, data, documents and CLI. Never imports Qt or ui/."""

from practice._version import __version__

__all__ = ["__version__"]
