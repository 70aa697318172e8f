"""Read an instance from a folder of spreadsheet exports (CSV), see docs/cli.md.

participants.csv, meetings.csv, slots.csv and tables.csv hold one item a row, under headers named
after the exchange format's fields; objective.csv (optional) holds `setting,value` rows. Cells
are comma- or semicolon-separated (whatever the spreadsheet wrote), a list inside a cell separates
its items with `;` or `,`, an empty cell means the field is absent, and an `available` or
`allowed_slots` item may name a whole session. Errors name the file and the spreadsheet row.

Usage: python -m matchmaker.b2b.csvfolder INSTANCE.json FOLDER (writes the folder)
"""

import argparse
import csv
import re
import sys
from pathlib import Path
from typing import Any

from matchmaker.b2b.io import ProblemError, load_problem, problem_from_dict, problem_to_dict
from matchmaker.b2b.model import Problem

FILES = ("slots", "tables", "participants", "meetings")
COLUMNS = {
    "slots": ["id", "session", "start", "end"],
    "tables": ["id"],
    "participants": ["id", "organization", "available", "max_meetings", "table"],
    "meetings": ["id", "participants", "weight", "slot", "allowed_slots"],
}
TRUE_WORDS = {"true", "yes", "1", "y", "x"}
FALSE_WORDS = {"false", "no", "0", "n", ""}


class CsvError(ProblemError):
    """A CSV folder that cannot be read; the message names the file and the row."""


Row = tuple[int, dict[str, str]]  # spreadsheet row number, cells by header


def load_csv_folder(folder: str | Path) -> Problem:
    """Read the instance held by a folder of CSV files."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CsvError(f"{folder} is not a folder")
    tables = {name: _read(folder / f"{name}.csv") for name in FILES}
    sessions = _sessions(tables["slots"])
    ids = {name: _unique_ids(name, rows) for name, rows in tables.items()}
    data: dict[str, Any] = {
        "format": "b2b-instance/1",
        "name": folder.resolve().name,
        "slots": [_slot(cells) for _, cells in tables["slots"]],
        "tables": [{"id": cells["id"]} for _, cells in tables["tables"]],
        "participants": [
            _participant(number, cells, ids, sessions) for number, cells in tables["participants"]
        ],
        "meetings": [
            _meeting(number, cells, ids, sessions) for number, cells in tables["meetings"]
        ],
    }
    objective = folder / "objective.csv"
    if objective.exists():
        data["objective"] = _objective(_read(objective, key="setting"))
    return problem_from_dict(data)


def _read(path: Path, key: str = "id") -> list[Row]:
    """The non-empty rows of a CSV file; the delimiter is the one its header line uses."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # spreadsheets often write a BOM
    except FileNotFoundError as error:
        raise CsvError(f"{path.name} is missing from {path.parent}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise CsvError(f"cannot read {path}: {error}") from error
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    fields = [name.strip() for name in reader.fieldnames or []]
    if key not in fields:
        raise CsvError(f"{path.name} row 1: the header needs a column {key!r}, found {fields}")
    reader.fieldnames = fields
    rows: list[Row] = []
    number = 1
    try:
        # A row's number is where it starts: a quoted cell may span lines.
        for cells in reader:
            if None in cells:
                raise CsvError(f"{path.name} row {number + 1}: more cells than headers")
            clean = {name: (value or "").strip() for name, value in cells.items()}
            if any(clean.values()):
                rows.append((number + 1, clean))
            number = reader.line_num
    except csv.Error as error:
        raise CsvError(f"{path.name} row {number + 1}: {error}") from error
    for number, cells in rows:
        if not cells[key]:
            raise CsvError(f"{path.name} row {number}: empty {key}")
    return rows


def _unique_ids(name: str, rows: list[Row]) -> dict[str, int]:
    """Row number of every id of a file; a repeated id is an error naming both rows."""
    seen: dict[str, int] = {}
    for number, cells in rows:
        if cells["id"] in seen:
            raise CsvError(
                f"{name}.csv row {number}: duplicate id {cells['id']!r} (first at row "
                f"{seen[cells['id']]})"
            )
        seen[cells["id"]] = number
    return seen


def _sessions(rows: list[Row]) -> dict[str, list[str]]:
    sessions: dict[str, list[str]] = {}
    for _, cells in rows:
        if cells.get("session"):
            sessions.setdefault(cells["session"], []).append(cells["id"])
    return sessions


def _items(cell: str) -> list[str]:
    return [item for item in (part.strip() for part in re.split(r"[;,]", cell)) if item]


def _slot(cells: dict[str, str]) -> dict[str, Any]:
    return {key: cells[key] for key in ("id", "session", "start", "end") if cells.get(key)}


def _slot_list(
    where: str, cell: str, slot_ids: dict[str, int], sessions: dict[str, list[str]]
) -> list[str]:
    """Slot ids of a cell, where a session name stands for all its slots."""
    slots: list[str] = []
    for item in _items(cell):
        if item in slot_ids:
            slots.append(item)
        elif item in sessions:
            slots += sessions[item]
        else:
            raise CsvError(f"{where}: unknown slot or session {item!r}")
    return list(dict.fromkeys(slots))


def _integer(where: str, cell: str) -> int:
    try:
        return int(cell)
    except ValueError as error:
        raise CsvError(f"{where}: {cell!r} is not a whole number") from error


def _participant(
    number: int, cells: dict[str, str], ids: dict[str, dict[str, int]], sessions: dict[str, Any]
) -> dict[str, Any]:
    where = f"participants.csv row {number}"
    item: dict[str, Any] = {"id": cells["id"]}
    if cells.get("organization"):
        item["organization"] = cells["organization"]
    if cells.get("available"):
        item["available"] = _slot_list(where, cells["available"], ids["slots"], sessions)
    if cells.get("max_meetings"):
        item["max_meetings"] = _integer(where, cells["max_meetings"])
    if cells.get("table"):
        if cells["table"] not in ids["tables"]:
            raise CsvError(f"{where}: unknown table {cells['table']!r}")
        item["table"] = cells["table"]
    return item


def _meeting(
    number: int, cells: dict[str, str], ids: dict[str, dict[str, int]], sessions: dict[str, Any]
) -> dict[str, Any]:
    where = f"meetings.csv row {number}"
    people = _items(cells.get("participants", ""))
    for person in people:
        if person not in ids["participants"]:
            raise CsvError(f"{where}: unknown participant {person!r}")
    if len(set(people)) < 2:
        raise CsvError(f"{where}: meeting {cells['id']!r} needs two different participants")
    item: dict[str, Any] = {"id": cells["id"], "participants": people}
    if cells.get("weight"):
        try:
            item["weight"] = float(cells["weight"].replace(",", "."))
        except ValueError as error:
            raise CsvError(f"{where}: weight {cells['weight']!r} is not a number") from error
    if cells.get("slot"):
        if cells["slot"] not in ids["slots"]:
            raise CsvError(f"{where}: pinned to unknown slot {cells['slot']!r}")
        item["slot"] = cells["slot"]
    if cells.get("allowed_slots"):
        item["allowed_slots"] = _slot_list(where, cells["allowed_slots"], ids["slots"], sessions)
    return item


def _objective(rows: list[Row]) -> dict[str, Any]:
    objective: dict[str, Any] = {}
    for number, cells in rows:
        setting, value = cells["setting"], cells.get("value", "")
        where = f"objective.csv row {number}"
        if setting in ("idle", "idle_scope"):
            objective[setting] = value
        elif setting == "fairness":
            objective[setting] = _integer(where, value) if value else None
        elif setting == "schedule_all":
            objective[setting] = _boolean(where, value)
        else:
            raise CsvError(f"{where}: unknown setting {setting!r}")
    return objective


def _boolean(where: str, value: str) -> bool:
    if value.lower() in TRUE_WORDS:
        return True
    if value.lower() in FALSE_WORDS:
        return False
    raise CsvError(f"{where}: {value!r} is neither true nor false")


def write_csv_folder(problem: Problem, folder: str | Path) -> None:
    """Write `problem` as a CSV folder that `load_csv_folder` reads back: a spreadsheet start."""
    data = problem_to_dict(problem)
    # Every cell is formed before any file is written, so a refusal leaves no partial folder.
    rows = {
        name: [[_cell(name, item, key) for key in headers] for item in data[name]]
        for name, headers in COLUMNS.items()
    }
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, headers in COLUMNS.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(headers)
            writer.writerows(rows[name])
    with (folder / "objective.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["setting", "value"])
        for setting, value in data["objective"].items():
            writer.writerow([setting, "" if value is None else str(value).lower()])


def _cell(name: str, item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if isinstance(value, list):
        if not value:
            # An empty cell means "absent", which would widen an empty list to every slot.
            raise CsvError(f"{name} {item['id']}: an empty {key} list has no CSV form")
        for part in value:
            _check_writable(name, part)
        return ";".join(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        _check_writable(name, value)
    return "" if value is None else str(value)


def _check_writable(name: str, text: str) -> None:
    if re.search(r"[;,]", text) or text != text.strip():
        raise CsvError(f"{name}: {text!r} cannot be a CSV list item (a ';', ',' or edge space)")


def main(argv: list[str] | None = None) -> int:
    """Write a JSON instance as a CSV folder."""
    parser = argparse.ArgumentParser(
        prog="python -m matchmaker.b2b.csvfolder",
        description="Write a b2b-instance/1 JSON file as a folder of CSV files (docs/cli.md).",
    )
    parser.add_argument("instance", type=Path)
    parser.add_argument("folder", type=Path)
    arguments = parser.parse_args(argv)
    try:
        write_csv_folder(load_problem(arguments.instance), arguments.folder)
    except ProblemError as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
