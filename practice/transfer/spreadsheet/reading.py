"""Reading a spreadsheet of clients: CSV in any common encoding and separator, or .xlsx.

The encoding is found from the bytes (a byte-order mark; UTF-16 by its zero bytes;
UTF-8 if the bytes are valid UTF-8; Windows-1252 otherwise, as old Excel on Windows
saves) and the separator from the first rows (comma, semicolon or tab: the one that
splits the heading and the rows into the same number of columns). Both are shown to
the person, who can choose others. Every row keeps the line of the file it starts on,
so a refusal can say “line 7” even when a quoted cell runs over several lines.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from practice.csv_cells import from_spreadsheet
from practice.errors import PracticeError

#: Encodings offered, with what the person is shown.
ENCODINGS: dict[str, str] = {
    "utf-8-sig": "UTF-8 (with byte-order mark)",
    "utf-8": "UTF-8",
    "utf-8-mixed": "UTF-8, some lines Windows-1252",
    "utf-16": "UTF-16 (with byte-order mark)",
    "utf-16-le": "UTF-16 little-endian",
    "utf-16-be": "UTF-16 big-endian",
    "cp1252": "Windows-1252 (Western European)",
}
SEPARATORS: dict[str, str] = {",": "comma", ";": "semicolon", "\t": "tab"}
MAX_ROWS = 20_000
MAX_BYTES = 50 * 2**20
# Python's csv module refuses a cell over 128 KiB and stops reading the file there; a
# long cell is the row's problem (the clients service names the field that is too long),
# never the whole file's.
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))

Cell = str | date
_UNDEFINED = re.compile("[\udc80-\udcff]")


class SpreadsheetError(PracticeError):
    """The file cannot be read as a spreadsheet; the message says why."""


@dataclass(frozen=True)
class SheetRow:
    #: The line of the file (the row of the sheet) the row starts on; the heading is 1.
    line: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Sheet:
    path: Path
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    #: For a CSV file: how it was read (None for .xlsx).
    encoding: str | None = None
    separator: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def is_csv(self) -> bool:
        return self.encoding is not None

    def describe(self) -> str:
        """“UTF-8 (with byte-order mark), separated by semicolons” or “Excel workbook”."""
        if not self.is_csv:
            return "Excel workbook (.xlsx), first sheet"
        assert self.separator is not None
        names = {",": "commas", ";": "semicolons", "\t": "tabs"}
        return f"{ENCODINGS[self.encoding or 'utf-8']}, separated by {names[self.separator]}"


def detect_encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4000]
    if len(sample) >= 4:
        odd_zeros = sample[1::2].count(0) / max(1, len(sample) // 2)
        even_zeros = sample[0::2].count(0) / max(1, len(sample) // 2)
        if odd_zeros > 0.3 and even_zeros < 0.05:
            return "utf-16-le"
        if even_zeros > 0.3 and odd_zeros < 0.05:
            return "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "utf-8-mixed" if _has_utf8_letters(data) else "cp1252"
    return "utf-8"


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_letters(data: bytes) -> bool:
    """Whether whole lines of ``data`` are UTF-8 with letters beyond ASCII: a file put
    together from two sources (rows pasted from an old Windows spreadsheet into a UTF-8
    file), which neither encoding reads whole."""
    for line in data.split(b"\n"):
        if _UTF8_SEQUENCE.search(line):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _cp1252(data: bytes) -> str:
    # Five byte values have no Windows-1252 character; read those as Latin-1.
    return _UNDEFINED.sub(
        lambda m: chr(ord(m.group()) - 0xDC00),
        data.decode("cp1252", errors="surrogateescape"),
    )


def decode_mixed(data: bytes) -> tuple[str, list[int]]:
    """Each line as UTF-8 when it is, else as Windows-1252; and the lines read so."""
    lines, other = [], []
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(_cp1252(line))
            other.append(number)
    return "\n".join(lines), other


def decode(data: bytes, encoding: str) -> str:
    if encoding not in ENCODINGS:
        raise SpreadsheetError(f"“{encoding}” is not an encoding this import reads.")
    if encoding == "utf-8-mixed":
        return decode_mixed(data)[0].lstrip("\ufeff")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "cp1252":
            raise SpreadsheetError(
                f"The file cannot be read as {ENCODINGS[encoding]}; choose another encoding."
            ) from None
        text = _cp1252(data)
    return text.lstrip("\ufeff")


def detect_separator(text: str) -> str:
    """The separator that splits the first rows most consistently into several columns."""
    best, best_score = ",", (-1.0, 0)
    sample = text[:20_000]
    for separator in ("\t", ";", ","):
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=separator) if any(r)][:30]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows[1:] if len(r) == width) / max(1, len(rows) - 1)
        score = (consistent, width)
        if score > best_score:
            best, best_score = separator, score
    return best


def read_csv(path: Path, *, encoding: str | None = None, separator: str | None = None) -> Sheet:
    data = _read_bytes(path)
    encoding = encoding or detect_encoding(data)
    text = decode(data, encoding)
    if separator is not None and separator not in SEPARATORS:
        raise SpreadsheetError("The separator must be a comma, a semicolon or a tab.")
    separator = separator or detect_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[SheetRow] = []
    headers: tuple[str, ...] | None = None
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if headers is None:
                if any(cell.strip() for cell in record):
                    headers = tuple(cell.strip() for cell in record)
                continue
            if any(cell.strip() for cell in record):
                rows.append(SheetRow(start, tuple(from_spreadsheet(cell) for cell in record)))
                if len(rows) > MAX_ROWS:
                    raise SpreadsheetError(
                        f"The file has more than {MAX_ROWS:,} rows; split it into smaller files."
                    )
    except csv.Error as exc:
        raise SpreadsheetError(f"Line {line} of the file cannot be read: {exc}.") from None
    if headers is None:
        raise SpreadsheetError(f"{path.name} is empty.")
    notes: tuple[str, ...] = ()
    if encoding == "utf-8-mixed":
        other = decode_mixed(data)[1]
        shown = ", ".join(str(n) for n in other[:10]) + (" …" if len(other) > 10 else "")
        notes = (
            f"Line{'s' if len(other) != 1 else ''} {shown} of the file "
            f"{'are' if len(other) != 1 else 'is'} not UTF-8 like the rest and "
            f"{'were' if len(other) != 1 else 'was'} read as Windows-1252: check "
            f"{'their' if len(other) != 1 else 'its'} names in the preview.",
        )
    return Sheet(path, headers, tuple(rows), encoding, separator, notes)


def read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl has many ways to say a file is not a workbook
        raise SpreadsheetError(f"{path.name} cannot be read as an Excel workbook.") from None
    try:
        sheet = workbook.worksheets[0]
        headers: tuple[str, ...] | None = None
        rows: list[SheetRow] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = tuple(_cell(value) for value in values)
            if not any(isinstance(c, date) or c.strip() for c in cells):
                continue
            if headers is None:
                headers = tuple(str(c).strip() for c in cells)
                continue
            rows.append(SheetRow(number, cells))
            if len(rows) > MAX_ROWS:
                raise SpreadsheetError(
                    f"The sheet has more than {MAX_ROWS:,} rows; split it into smaller files."
                )
    finally:
        workbook.close()
    if headers is None:
        raise SpreadsheetError(f"The first sheet of {path.name} is empty.")
    return Sheet(path, headers, tuple(rows))


def read_sheet(
    path: Path | str, *, encoding: str | None = None, separator: str | None = None
) -> Sheet:
    """Read a .csv/.txt/.tsv or .xlsx file of clients (the first row is the heading)."""
    path = Path(path).expanduser()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise SpreadsheetError(
            "Old Excel files (.xls) cannot be read; save it as .xlsx or CSV and import that."
        )
    return read_csv(path, encoding=encoding, separator=separator)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SpreadsheetError(f"{path.name} is larger than 50 MB; split it first.")
        return path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(f"{path} cannot be read: {exc.strerror or exc}.") from None


def _cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
