"""Where the practice's files live by default (the user data folder, via platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_cache_path, user_data_path, user_log_path

APP_NAME = "PracticeManager"
APP_AUTHOR = "PracticeManager"


def data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR)


def default_database_path() -> Path:
    return data_dir() / "practice.db"


def demo_database_path() -> Path:
    return data_dir() / "sample-practice.db"


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    return user_log_path(APP_NAME, APP_AUTHOR)


#: The app's log file in :func:`log_dir` (rotated: 1 MB, three older files kept).
LOG_FILE = "practice-manager.log"


def log_file() -> Path:
    return log_dir() / LOG_FILE


def lock_dir() -> Path:
    """Where the app keeps its in-use locks (never beside the user's files)."""
    return user_cache_path(APP_NAME, APP_AUTHOR) / "locks"
