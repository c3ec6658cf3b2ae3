"""The client page: a client's whole picture, one tab per file."""

from ui.pages.client.page import ClientPage

__all__ = ["ClientPage"]
