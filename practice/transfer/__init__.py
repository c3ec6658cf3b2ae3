"""Moving data in and out of the practice.

* :mod:`.spreadsheet` — import clients from a CSV or .xlsx file (detect, map, preview,
  import in one transaction, the refused rows as a CSV to fix and import again);
* :mod:`.practice_json` — the whole practice as one versioned JSON document
  (``docs/export-format.md``) and restoring it into an empty database;
* :mod:`.csv_lists` — the lists (clients, enrolments, sessions, work log, payments,
  instalments) as CSV files;
* :mod:`.calendar` — sessions as an iCalendar (.ics) file;
* :mod:`.zone` — the time zone these use; :mod:`.files` — how they write files.
"""
