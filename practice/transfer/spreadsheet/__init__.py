"""Import clients from a spreadsheet (CSV or .xlsx).

1. :func:`read_sheet` reads the file, finding its encoding and separator.
2. :func:`default_settings` guesses which field each column holds and how dates are
   written; the person corrects them.
3. :func:`plan_import` checks every row (nothing is saved): the rows ready to save, and
   the refused ones with their line and reason.
4. :func:`import_clients` saves the ready rows in one transaction;
   :func:`write_refused` writes the refused rows to a CSV to fix and import again.
"""

from practice.transfer.spreadsheet.columns import ImportField, guess_mapping
from practice.transfer.spreadsheet.importing import (
    ImportPlan,
    ImportResult,
    ImportSettings,
    RefusedRow,
    default_settings,
    import_clients,
    plan_import,
    refused_csv,
    refused_path_for,
    undecided_date_order,
    write_refused,
)
from practice.transfer.spreadsheet.reading import (
    ENCODINGS,
    SEPARATORS,
    Sheet,
    SpreadsheetError,
    read_sheet,
)
from practice.transfer.spreadsheet.values import DateOrder

__all__ = [
    "ENCODINGS",
    "SEPARATORS",
    "DateOrder",
    "ImportField",
    "ImportPlan",
    "ImportResult",
    "ImportSettings",
    "RefusedRow",
    "Sheet",
    "SpreadsheetError",
    "default_settings",
    "guess_mapping",
    "import_clients",
    "plan_import",
    "read_sheet",
    "refused_csv",
    "refused_path_for",
    "undecided_date_order",
    "write_refused",
]
