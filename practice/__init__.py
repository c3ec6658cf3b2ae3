"""Practice Manager core: domain, data, documents and CLI. Never imports Qt or ui/."""

__version__ = "0.1.0"
