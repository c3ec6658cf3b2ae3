"""Qt's names for the app (QSettings, the window system), set before anything else."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from practice import __version__
from practice.db.paths import APP_AUTHOR, APP_NAME


def configure_application() -> None:
    """Names used by QSettings and the window system; set before QSettings is used."""
    QApplication.setOrganizationName(APP_AUTHOR)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("Practice Manager")
    QApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("practice-manager")  # the .desktop entry's name
    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
