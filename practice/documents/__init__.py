"""Documents a practitioner prints or sends: the programme agreement, receipts, statements.

Each is a reportlab platypus PDF whose text is set through one layout
(:mod:`practice.documents.text`, with :mod:`~practice.documents.fonts` and
:mod:`~practice.documents.scripts`), so a name in any script prints shaped and in order;
with the practice header, a reference and "Page N of M" on every page, on A4 or
Letter as the practice profile says. ``*_pdf`` functions return bytes (for the in-app
preview); ``render_*`` functions write to a path (owner-only) or a binary stream.

Import from the modules, so that saving a template (``merge``) never loads reportlab:

* ``practice.documents.agreement``: ``agreement_pdf``, ``render_agreement``
* ``practice.documents.receipt``: ``receipt_pdf``, ``render_receipt``
* ``practice.documents.statement``: ``statement_pdf``, ``render_statement``
* ``practice.documents.merge``: ``MERGE_FIELDS``, ``validate_template``, ``fill``
"""
