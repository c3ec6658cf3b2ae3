"""Dialogs: forms and choices that open over a page."""
