"""Safekeeping: backups and their rotation, restore, checks, the one-instance lock,
password change and the recovery key, and the record-keeping duties (a client's whole
record exported, a client erased on request, retention reminders).

Nothing here imports Qt; the app and the ``practice`` command line both call it.
"""
