"""The app's safekeeping: password dialogs, unlock and lock screen, auto-lock, backups,
restore, record export and erasure. The work itself is done by
:mod:`practice.safekeeping`; these are its windows.

The app shell calls :func:`ui.safekeeping.startup.open_practice_interactive` to open
the database (first-run password, unlock, restore offers) and installs a
:class:`ui.safekeeping.controller.SafekeepingController` on the main window.
"""
