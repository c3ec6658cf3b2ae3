"""Documents inside the app: a PDF preview with Print… and Save as…, and the actions the
pages call (``ui.documents.actions``: show_agreement, show_receipt, show_statement)."""
