"""A trainer's client list: `clients.yaml` (with per-client plans) or `clients.csv`.

Every client is checked before anything is built or sent: names and addresses, the
exercises they are given (ids of the workout), their doses, and that no two clients
would get booklets of the same file name. Each problem names its file and line.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from .errors import HandoutError, Problem, sort_problems
from .loading import Document, YamlFileError, dotted, read_yaml
from .models import Dose, Model, Side, Text
from .typed import Field, field_validator
from .project import CLIENT_FILES, LoadedProject, slugify
from .validation import validate


class DoseOverride(Dose):
    """A client's own dose for one exercise: only the keys given replace the file's,
    in every phase. `side` is the side this client works (the injured leg)."""

    side: Side | None = Field(None, description="each, left or right: replaces the exercise's side")


class Client(Model):
    name: Text
    email: Text
    greeting: Text | None = Field(None, description="how the email greets them (default: the whole name)")
    start: dt.date | None = Field(None, description="the first day of the plan, YYYY-MM-DD")
    note: Text | None = Field(None, description="a line for this client, on the cover")
    exercises: Annotated[list[Text], Field(min_length=1)] | None = Field(
        None, description="the workout's exercise ids this client does, in order")
    doses: dict[str, DoseOverride] = {}

    @field_validator("name", "email", "greeting")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        # These go into mail headers and greetings: a line break there could add a header.
        if value is not None and any(unicodedata.category(c) == "Cc" for c in value):
            raise ValueError("has a line break or another control character; write it on one line")
        return value

    @field_validator("note")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        if value is not None and any(unicodedata.category(c) == "Cc" and c != "\n" for c in value):
            raise ValueError("has a control character (a tab or an invisible one); remove it")
        return value

    @field_validator("email")
    @classmethod
    def _address(cls, value: str) -> str:
        return check_address(value)

    @field_validator("start", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"'{value}' is not a date Handout can read; {date_fix(value)}") from None
        return value

    @property
    def slug(self) -> str:
        return slugify(self.name)


def date_fix(value: str) -> str:
    """How to write `value` as the date it most likely means (day first, as written
    outside the US)."""
    found = re.fullmatch(r"\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*", value)
    if found:
        day, month, year = (int(n) for n in found.groups())
        if day <= 12 < month:  # only month-first makes sense
            day, month = month, day
        with_numbers = f"{year}-{month:02d}-{day:02d}"
        try:
            dt.date(year, month, day)
            return f"write dates as {with_numbers} (year-month-day)"
        except ValueError:
            pass
    return "write dates as 2026-12-07 (year-month-day)"


def check_address(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(f"'{value}' is not an email address: {exc}") from None


@dataclass
class ClientList:
    path: Path
    clients: list[Client] = field(default_factory=list)

    def find(self, name: str) -> Client:
        """The client called `name` (or whose file name is `name`)."""
        for client in self.clients:
            if name in (client.name, client.slug) or slugify(name) == client.slug:
                return client
        close = difflib.get_close_matches(name, [c.name for c in self.clients], n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise HandoutError(f"no client called '{name}'{hint}", self.path)




def default_clients_file(project: LoadedProject) -> Path:
    found = [project.root / name for name in CLIENT_FILES if (project.root / name).is_file()]
    if len(found) > 1:
        raise HandoutError(f"{' and '.join(p.name for p in found)} are both here; keep one client list "
                           "(move or delete the other)", found[-1])
    if found:
        from .project import outside_problem

        # A shared project's clients.yaml may be a link to someone's address book.
        problem = outside_problem(project.root, found[0].name)
        if problem:
            raise HandoutError(problem, found[0])
        return found[0]
    raise HandoutError("no clients.yaml or clients.csv here; write one (see the README) or give "
                       "--clients FILE", project.root / "clients.yaml")


def load_clients(project: LoadedProject, path: Path | None = None) -> ClientList:
    """Read and check the client list. Raises HandoutError with every problem."""
    path = path or default_clients_file(project)
    if path.suffix.lower() == ".csv":
        clients, problems = _from_csv(path)
    else:
        clients, problems = _from_yaml(path)
    problems += _check_plans(project, [(c, doc) for c, doc in clients if c is not None])
    problems += _check_names([doc for _, doc in clients])
    if problems:
        raise HandoutError(sort_problems(problems))
    return ClientList(path, [client for client, _ in clients])


# Each reader yields every entry with its document, the client None when it is wrong,
# so that a clash of names is reported in the same run as the entries' own problems.


def _from_yaml(path: Path) -> tuple[list[tuple[Client | None, Document]], list[Problem]]:
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        return [], [exc.problem]
    if not isinstance(doc.data, list):
        return [], [doc.problem((), "expected a list of clients (lines starting with '- name:')")]
    clients, problems = [], []
    for index, entry in enumerate(doc.data):
        sub = _Entry(path, entry, {k[1:]: v for k, v in doc.lines.items() if k[:1] == (index,)},
                     prefix=dotted((index,)))
        sub.lines[()] = doc.line_of((index,))
        client, errs = validate(sub, Client)
        problems += errs
        clients.append((client, sub))
    return clients, problems


@dataclass
class _Entry(Document):
    """One client of a YAML list: its problems' keys start with its place, "[2]"."""

    prefix: str = ""

    def problem(self, keypath, message: str, warning: bool = False) -> Problem:
        found = super().problem(keypath, message, warning)
        key = self.prefix + ("." + found.key if found.key else "")
        return Problem(found.path, found.message, found.line, key, warning)


def _from_csv(path: Path) -> tuple[list[tuple[Client | None, Document]], list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(path, "is not UTF-8 text; save it as CSV UTF-8 in your spreadsheet", 1)]
    except OSError as exc:
        return [], [Problem(path, f"cannot read the file: {exc.strerror}")]
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    columns = ["name", "email", "greeting", "start", "note"]
    header = [c.strip().lower() for c in reader.fieldnames or []]
    unknown = [c for c in header if c not in columns]
    if "name" not in header or "email" not in header or unknown:
        wrong = f"; unknown: {', '.join(unknown)}" if unknown else ""
        return [], [Problem(path, f"the first line must name the columns {','.join(columns)} "
                                  f"(name and email are needed){wrong}", 1)]
    clients, problems = [], []
    for row in reader:
        line = reader.line_num  # the header is line 1
        data = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        data = {k: v for k, v in data.items() if v}
        doc = Document(path, data, {(): line, **{(k,): line for k in data}})
        client, errs = validate(doc, Client)
        problems += errs
        clients.append((client, doc))
    if not clients and not problems:
        problems.append(Problem(path, "has no clients: add a line per client under the header", 1))
    return clients, problems


def _delimiter(text: str) -> str:
    """Commas, or the semicolons a European spreadsheet writes, told by the header."""
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _check_names(docs: list[Document]) -> list[Problem]:
    """One booklet file name per client: the second of two is named with the first's line."""
    problems, seen = [], {}
    for doc in docs:
        name = doc.data.get("name") if isinstance(doc.data, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        slug = slugify(name)
        if slug in seen:
            first_name, first_line = seen[slug]
            problems.append(doc.problem(("name",), f"'{name}' gets the same file name ({slug}) as "
                                        f"'{first_name}' on line {first_line}; make the names differ"))
        else:
            seen[slug] = (name, doc.line_of(("name",)))
    return problems


def _check_plans(project: LoadedProject, clients: list[tuple[Client, Document]]) -> list[Problem]:
    """Exercise ids that exist in the workout."""
    problems = []
    ids = [ex.id for ex in project.exercises]
    for client, doc in clients:
        for index, ex_id in enumerate(client.exercises or []):
            if ex_id not in ids:
                problems.append(doc.problem(("exercises", index), _unknown(ex_id, ids)))
        for ex_id in client.doses:
            if ex_id not in ids:
                problems.append(doc.problem(("doses", ex_id), _unknown(ex_id, ids)))
    return problems


def _unknown(ex_id: str, ids: list[str]) -> str:
    close = difflib.get_close_matches(ex_id, ids, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f"; the workout has: {', '.join(ids)}"
    return f"no exercise '{ex_id}' in the workout{hint}"


def personalise(project: LoadedProject, client: Client) -> LoadedProject:
    """The project as this client's booklet needs it: their exercises, in their order,
    with their doses."""
    from dataclasses import replace

    by_id = {ex.id: ex for ex in project.exercises}
    chosen = [by_id[i] for i in (client.exercises or by_id)]
    exercises = []
    for ex in chosen:
        override = client.doses.get(ex.id)
        if override is not None:
            given = override.model_dump(exclude_unset=True)
            side = given.pop("side", ex.content.side)

            def mine(dose: Dose | None) -> Dose | None:
                if not given:
                    return dose
                base = dose.model_dump(exclude_unset=True) if dose else {}
                return Dose(**{**base, **given})

            content = ex.content.model_copy(update={"dose": mine(ex.content.dose), "side": side})
            ex = ex.model_copy(update={"content": content, "doses": tuple(mine(d) for d in ex.doses),
                                       "phase_doses": {k: mine(d) for k, d in ex.phase_doses.items()}})
        exercises.append(ex)
    return replace(project, exercises=exercises)
