"""One module per page of the main window (``ui/pages/<key>.py``)."""
