"""Use cases: one function per thing a user does, each in one transaction.

Every service takes the open :class:`practice.db.Database` first and keyword arguments
after it, validates its input (raising :class:`practice.errors.ValidationError` naming
the field), and commits whole or not at all.
"""
