"""Many tokens at once (server logs, a class's submissions): reading a text, CSV or JSON Lines file
into items to diagnose. The command line reads its records with the same rules (item_from_record);
lib.doctor.batch_results diagnoses them all and counts the findings (with pandas, which `python -m lib`
does not need)."""

import csv
import io
import json
from dataclasses import dataclass, field

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import Diagnosis
from lib.zoom.families import SDK_FAMILIES

# Column / field names accepted for each diagnose argument (CSV headers are matched case-insensitively).
FIELD_NAMES = {
    "token": ("token", "signature", "jwt"),
    "secret": ("sdkSecret", "secret", "sdk_secret", "clientSecret"),
    "sdk_key": ("sdkKey", "key", "sdk_key", "appKey", "clientId"),
    "meeting_number": ("meetingNumber", "mn", "meeting_number"),
    "now": ("now",),
    "sdk": ("sdk",),
    "session_name": ("sessionName", "session_name", "topic"),
}


class BadRecord(ValueError):
    """An input record that cannot be diagnosed; the message says which field is wrong."""


@dataclass(frozen=True)
class BatchItem:
    line: int
    token: str
    secret: str | None = field(default=None, repr=False)
    sdk_key: str | None = None
    meeting_number: str | int | None = None
    now: int | None = None
    sdk: str | None = None  # "web", "native" or "video": which SDK joins with it
    session_name: str | None = None  # the Video SDK session joined

    def diagnose(self, now: int) -> Diagnosis:
        return diagnose(
            self.token,
            secret=self.secret,
            sdk_key=self.sdk_key,
            meeting_number=self.meeting_number,
            now=now if self.now is None else self.now,
            sdk=self.sdk,
            session_name=self.session_name,
        )


def _first_given(record, aliases):
    for alias in aliases:
        value = record.get(alias)
        if value is not None:
            return value
    return None


def item_from_record(record, line: int) -> BatchItem:
    """A JSON object {"token", "sdkSecret"?, "sdkKey"?, "meetingNumber"?, "now"?, "sdk"?, "sessionName"?} as a
    BatchItem."""
    if not isinstance(record, dict):
        raise BadRecord('each line must be a JSON object such as {"token": "eyJ…"}.')
    values = {name: _first_given(record, aliases) for name, aliases in FIELD_NAMES.items()}
    if not isinstance(values["token"], str):
        raise BadRecord('"token" is missing or not a string: give the signature as {"token": "eyJ…"}.')
    if values["sdk"] is not None and values["sdk"] not in SDK_FAMILIES:
        raise BadRecord(f"sdk must be one of {', '.join(map(json.dumps, SDK_FAMILIES))}, not {values['sdk']!r}.")
    for name in ("secret", "sdk_key", "session_name"):
        if values[name] is not None and not isinstance(values[name], str):
            raise BadRecord(f"{FIELD_NAMES[name][0]} must be a JSON string.")
    if values["meeting_number"] is not None and not isinstance(values["meeting_number"], str | int):
        raise BadRecord("meetingNumber must be digits, as a string or a number.")
    if values["now"] is not None and (not isinstance(values["now"], int) or isinstance(values["now"], bool)):
        raise BadRecord("now must be an integer: epoch seconds.")
    return BatchItem(line, **values)


def detect_format(text: str, filename: str = "") -> str:
    name = filename.lower()
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("{"):
        return "jsonl"
    if "," in first and any(alias.lower() in first.lower() for alias in FIELD_NAMES["token"]):
        return "csv"
    return "text"


@dataclass
class ReadResult:
    items: list
    problems: list  # (line, message) of lines that could not be read
    format: str


def read_batch(data: bytes | str, filename: str = "") -> ReadResult:
    """Tokens from a file: plain text (one token per line, log lines are fine), CSV with a token column,
    or JSON Lines with the command line's fields."""
    text = data.decode("utf-8-sig", "replace") if isinstance(data, bytes) else data
    kind = detect_format(text, filename)
    items, problems = [], []
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append(item_from_record(json.loads(line), number))
            except json.JSONDecodeError as exc:
                problems.append((number, f"not valid JSON: {exc.msg} at column {exc.colno}"))
            except BadRecord as exc:
                problems.append((number, str(exc)))
    elif kind == "csv":
        reader = csv.reader(io.StringIO(text, newline=""))  # the csv module reads \r, \n and \r\n endings itself
        try:
            header = [h.strip().lower() for h in next(reader, [])]
        except csv.Error as exc:
            return ReadResult([], [(1, f"the CSV header cannot be read: {exc}")], kind)
        columns = {
            name: next((header.index(a.lower()) for a in aliases if a.lower() in header), None)
            for name, aliases in FIELD_NAMES.items()
        }
        if columns["token"] is None:
            return ReadResult([], [(1, f"no token column: name one of {', '.join(FIELD_NAMES['token'])}")], kind)
        try:
            for row in reader:
                record = {
                    FIELD_NAMES[name][0]: row[index]
                    for name, index in columns.items()
                    if index is not None and index < len(row) and row[index].strip()
                }
                if not record:
                    continue
                if record.get("now", "").strip().isdigit():
                    record["now"] = int(record["now"])
                try:
                    items.append(item_from_record(record, reader.line_num))
                except BadRecord as exc:
                    problems.append((reader.line_num, str(exc)))
        except csv.Error as exc:
            problems.append((reader.line_num, f"CSV cannot be read from here on: {exc}"))
    else:
        items = [BatchItem(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    return ReadResult(items, problems, kind)
