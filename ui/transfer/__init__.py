"""Data in and out from the app: import clients, export the practice, lists and calendar.

The work is done by :mod:`practice.transfer`; these dialogs ask what and where, run long
exports off the GUI thread with progress, and say what was saved.
"""
