"""Two-hop queries: the typed record, its prompts, and dataset I/O with validation.

A query chains two facts through a bridge entity: (e1, r1, e2) and
(e2, r2, e3), e.g. (Imagine, performer, John Lennon), (John Lennon, spouse,
Yoko Ono). Its prompts follow Biran et al. (2024) and docs/method/index.md:

=================  =========================================  ========
prompt             text                                       expects
=================  =========================================  ========
two_hop            r2(r1(e1)) + " is"                         e3
first_hop          r1(e1) + " is"                             e2
second_hop         r2(e2) + " is"                             e3
entity_shortcut    r2(e1) + " is"                             e3
relation_shortcut  r2(r1 without its trailing " of"), no " is" e3
=================  =========================================  ========

" is" ends a prompt only when its outer template puts the relation before the
entity ("the spouse of {}"); with the authors' "relation after entity"
templates ("{} has a spouse named", see :mod:`mechhop.data.relations`) the
prompt ends with the template ("the performer of Imagine has a spouse named").

Datasets load from CSV (the paper's ``two_hop.csv`` as is, or a plain CSV
with the five labels and two templates), JSONL and Parquet. Validation
reports every bad row at once (row, field, reason) and never drops rows.
"""

from __future__ import annotations

import ast
import json
import math
import os
import random
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from mechhop.data.relations import TemplateForm, find_relation, template_form
from mechhop.errors import MechhopError

if TYPE_CHECKING:  # pandas loads when a table is built or read: a query alone needs none of it
    import pandas as pd

PromptName = Literal["two_hop", "first_hop", "second_hop", "entity_shortcut", "relation_shortcut"]
PROMPT_NAMES: tuple[PromptName, ...] = (
    "two_hop",
    "first_hop",
    "second_hop",
    "entity_shortcut",
    "relation_shortcut",
)
EXPECTED_ENTITY: dict[str, str] = {
    "two_hop": "e3",
    "first_hop": "e2",
    "second_hop": "e3",
    "entity_shortcut": "e3",
    "relation_shortcut": "e3",
}

# The paper's two_hop.csv columns (docs/method/index.md).
PAPER_COLUMNS: tuple[str, ...] = (
    "id", "e1", "r1", "e2", "r2", "e3", "e1_label", "e2_label", "e3_label",
    "e1_aliases", "e2_aliases", "e3_aliases", "e1_type", "r1_type", "e2_type", "r2_type", "e3_type",
    "e1_popularity", "e2_popularity", "e3_popularity", "r1_template", "r2_template", "source_prompt",
)  # fmt: skip
REQUIRED_COLUMNS: tuple[str, ...] = ("e1", "r1", "e2", "r2", "e3", "r1_template", "r2_template")


class DatasetError(MechhopError, ValueError):
    """A dataset file or table is invalid; the message lists every problem found."""


class DatasetWarning(UserWarning):
    """A dataset loads, but some rows deserve a look (the message names them)."""


@dataclass(frozen=True)
class PromptStyle:
    """How query prompts are phrased.

    The paper setting is lowercase ``"the spouse of ... is"``. ``capitalize``
    upper-cases the first letter; ``prefix`` is prepended verbatim (e.g. a
    few-shot block ending in a newline); ``suffix`` ends every prompt that the
    paper ends with " is" (relation-before-entity prompts other than the
    relation shortcut).
    """

    capitalize: bool = False
    prefix: str = ""
    suffix: str = " is"

    def apply(self, text: str, suffixed: bool = True) -> str:
        if self.capitalize and text:
            text = text[0].upper() + text[1:]
        return f"{self.prefix}{text}{self.suffix if suffixed else ''}"


PAPER_STYLE = PromptStyle()


@dataclass(frozen=True)
class TwoHopQuery:
    """One two-hop query. ``e*``/``r*`` are ids (Wikidata ids, or labels when there are none)."""

    id: str
    e1: str
    r1: str
    e2: str
    r2: str
    e3: str
    e1_label: str
    e2_label: str
    e3_label: str
    r1_template: str
    r2_template: str
    e1_aliases: tuple[str, ...] = ()
    e2_aliases: tuple[str, ...] = ()
    e3_aliases: tuple[str, ...] = ()
    e1_type: str = ""
    r1_type: str = ""
    e2_type: str = ""
    r2_type: str = ""
    e3_type: str = ""
    e1_popularity: float | None = None
    e2_popularity: float | None = None
    e3_popularity: float | None = None
    source_prompt: str = ""

    def __post_init__(self) -> None:
        for name in ("r1_template", "r2_template"):
            template = getattr(self, name)
            if not isinstance(template, str) or template.count("{}") != 1:
                raise DatasetError(
                    f"Query {self.id}: {name} {template!r} must contain exactly one '{{}}' slot where the "
                    "entity goes, e.g. 'the spouse of {}'."
                )

    # -- prompts ----------------------------------------------------------------------
    def prompt_text(self, name: PromptName, style: PromptStyle = PAPER_STYLE) -> str:
        r1, r2 = self.r1_template, self.r2_template
        if name == "two_hop":
            text, outer = r2.format(r1.format(self.e1_label)), r2
        elif name == "first_hop":
            text, outer = r1.format(self.e1_label), r1
        elif name == "second_hop":
            text, outer = r2.format(self.e2_label), r2
        elif name == "entity_shortcut":
            text, outer = r2.format(self.e1_label), r2
        elif name == "relation_shortcut":
            # "the spouse of the performer": r1 without its entity and trailing " of", never " is"
            stub = r1.format("").strip()
            stub = stub[: -len(" of")] if stub.endswith(" of") else stub
            return style.apply(r2.format(stub).strip(), suffixed=False)
        else:
            raise MechhopError(f"Unknown prompt {name!r}; valid: {', '.join(PROMPT_NAMES)}.")
        return style.apply(text, suffixed=template_form(outer) == "before")

    def filled(self, template: str, filler: str, style: PromptStyle = PAPER_STYLE) -> str:
        """``template`` filled and phrased like the query's prompts (" is" only for the before form)."""
        return style.apply(template.format(filler), suffixed=template_form(template) == "before")

    @property
    def r2_form(self) -> TemplateForm:
        """Whether r2 is phrased before (``"the spouse of {}"``) or after its entity."""
        return template_form(self.r2_template)

    def prompts(self, style: PromptStyle = PAPER_STYLE) -> dict[str, str]:
        return {name: self.prompt_text(name, style) for name in PROMPT_NAMES}

    @property
    def two_hop_prompt(self) -> str:
        return self.prompt_text("two_hop")

    def answers(
        self, entity: Literal["e1", "e2", "e3"], shared: frozenset[str] = frozenset()
    ) -> tuple[str, ...]:
        """Answer strings of an entity: its label and aliases longer than one character.

        ``shared`` (lower case, :meth:`TwoHopDataset.shared_names`) drops the aliases that also name
        another entity: "dollar" names the Canadian and the Australian dollar alike."""
        label = getattr(self, f"{entity}_label")
        aliases = getattr(self, f"{entity}_aliases")
        out = [label, *[a for a in aliases if len(a) > 1 and a.lower() not in shared]]
        return tuple(dict.fromkeys(out))

    @property
    def bridge(self) -> str:
        """The bridge entity (e2), by id: queries through the same entity share it."""
        return self.e2 or self.e2_label

    @property
    def relation_pair(self) -> str:
        return f"{self.r1_type or self.r1} -> {self.r2_type or self.r2}"

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
        for e in ("e1", "e2", "e3"):
            row[f"{e}_aliases"] = list(row[f"{e}_aliases"])
        return row


_FIELDS = tuple(f.name for f in fields(TwoHopQuery))


class TwoHopDataset(Sequence[TwoHopQuery]):
    """An immutable sequence of :class:`TwoHopQuery` with I/O and summaries."""

    def __init__(self, queries: Iterable[TwoHopQuery]) -> None:
        self._queries = tuple(queries)
        ids = [q.id for q in self._queries]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})[:5]
            raise DatasetError(f"Query ids must be unique; repeated: {dupes}.")

    def __len__(self) -> int:
        return len(self._queries)

    @overload
    def __getitem__(self, index: int) -> TwoHopQuery: ...
    @overload
    def __getitem__(self, index: slice) -> TwoHopDataset: ...
    def __getitem__(self, index: int | slice) -> TwoHopQuery | TwoHopDataset:
        if isinstance(index, slice):
            return TwoHopDataset(self._queries[index])
        return self._queries[index]

    def __iter__(self) -> Iterator[TwoHopQuery]:
        return iter(self._queries)

    def __repr__(self) -> str:
        pairs = len({q.relation_pair for q in self._queries})
        return f"TwoHopDataset({len(self)} queries, {pairs} relation pairs)"

    def by_id(self, query_id: str) -> TwoHopQuery:
        for q in self._queries:
            if q.id == query_id:
                return q
        raise DatasetError(f"No query with id {query_id!r} in {self!r}.")

    def shared_names(self) -> frozenset[str]:
        """Names (lower case) that are the label or an alias of more than one entity of the dataset.

        Such a name does not identify its answer: "the Newfoundland dollar" contains "dollar", an
        alias of the Canadian dollar. The answer check keeps them, as the authors' does; the re-run
        reports its verdicts without them as a sensitivity check (docs/method/controls.md)."""
        named: dict[str, set[str]] = {}
        for q in self._queries:
            for role in ("e1", "e2", "e3"):
                label = getattr(q, f"{role}_label")
                for name in (label, *getattr(q, f"{role}_aliases")):
                    named.setdefault(name.lower(), set()).add(label)
        return frozenset(name for name, labels in named.items() if len(labels) > 1)

    def subset(self, ids: Iterable[str]) -> TwoHopDataset:
        wanted = set(ids)
        return TwoHopDataset(q for q in self._queries if q.id in wanted)

    def sample(self, n: int, seed: int = 0) -> TwoHopDataset:
        """``n`` queries drawn reproducibly (all of them when ``n`` is not smaller); order kept."""
        import pandas as pd

        if n >= len(self._queries):
            return self
        return self.subset(pd.Series([q.id for q in self._queries]).sample(n, random_state=seed))

    def balanced(
        self, max_per_pair: int | None = None, seed: int = 0, *, max_per_bridge: int | None = None
    ) -> TwoHopDataset:
        """At most ``max_per_pair`` queries per relation pair and ``max_per_bridge`` per bridge
        entity (e2), drawn reproducibly (None: no cap); order kept.

        Queries are visited in a seeded random order and kept while both caps allow, so a sample of
        a set dominated by one bridge (most usable bundled queries go through the United States)
        spreads over many.
        """
        caps = {"max_per_pair": max_per_pair, "max_per_bridge": max_per_bridge}
        for name, cap in caps.items():
            if cap is not None and cap < 1:
                raise DatasetError(f"{name} must be at least 1 (or None for no cap), got {cap}.")
        order = list(range(len(self._queries)))
        random.Random(seed).shuffle(order)
        per_pair: dict[str, int] = {}
        per_bridge: dict[str, int] = {}
        keep = set()
        for i in order:
            q = self._queries[i]
            pair, bridge = q.relation_pair, q.bridge
            if max_per_pair is not None and per_pair.get(pair, 0) >= max_per_pair:
                continue
            if max_per_bridge is not None and per_bridge.get(bridge, 0) >= max_per_bridge:
                continue
            per_pair[pair] = per_pair.get(pair, 0) + 1
            per_bridge[bridge] = per_bridge.get(bridge, 0) + 1
            keep.add(i)
        return TwoHopDataset(q for i, q in enumerate(self._queries) if i in keep)

    def bridges(self, top: int | None = None) -> pd.DataFrame:
        """Bridge entities (e2) by how many queries go through them, with their share of the set."""
        import pandas as pd

        counts = pd.Series([q.e2_label for q in self._queries], dtype=object).value_counts()
        frame = counts.rename_axis("bridge").rename("queries").reset_index()
        frame["share"] = frame["queries"] / max(1, len(self._queries))
        return frame if top is None else frame.head(top)

    def with_r2_form(self, form: TemplateForm) -> TwoHopDataset:
        """The same queries with r2 phrased ``"before"`` (``"the spouse of {}"``, prompts end in " is")
        or ``"after"`` its entity (``"{} has a spouse named"``), from the relation table."""
        changed = []
        for q in self._queries:
            rel = find_relation(q.r2) or find_relation(q.r2_type)
            if rel is None:
                raise DatasetError(
                    f"Query {q.id}: relation {q.r2!r} ({q.r2_type or 'no type'}) is not in mechhop's "
                    "relation table, so its other template form is unknown; give r2_template yourself."
                )
            changed.append(replace(q, r2_template=rel.template_for(form), source_prompt=""))
        return TwoHopDataset(changed)

    def summary(self) -> pd.DataFrame:
        """Query counts by relation pair (r1 -> r2), most frequent first."""
        import pandas as pd

        frame = pd.DataFrame({"relation_pair": [q.relation_pair for q in self._queries]})
        counts = frame.value_counts("relation_pair").rename("queries").reset_index()
        return counts.sort_values(["queries", "relation_pair"], ascending=[False, True], ignore_index=True)

    # -- tables and files -------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([q.to_row() for q in self._queries], columns=list(_FIELDS))

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, *, source: str = "table") -> TwoHopDataset:
        return cls(_parse_frame(frame, source))

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> TwoHopDataset:
        """Load ``.csv``, ``.jsonl`` or ``.parquet`` (the paper's two_hop.csv loads as is)."""
        path = Path(path)
        if not path.is_file():
            raise DatasetError(f"Dataset file {str(path)!r} does not exist.")
        suffix = path.suffix.lower()
        if path.stat().st_size == 0:
            raise DatasetError(
                f"Dataset file {str(path)!r} is empty; write queries with `mechhop data build`."
            )
        if suffix in (".csv", ".jsonl", ".ndjson"):
            head = path.open("rb").read(4096)
            try:
                head.decode("utf-8")
            except UnicodeDecodeError as exc:
                if exc.start < len(head) - 4:  # not just a character cut at the 4 KB boundary
                    raise DatasetError(
                        f"Dataset file {str(path)!r} is not UTF-8 text (byte {exc.start}); is it a "
                        f"{suffix} file? Use .csv, .jsonl or .parquet with the query columns."
                    ) from None
        import pandas as pd

        try:
            if suffix == ".csv":
                frame = pd.read_csv(path, dtype=str, keep_default_na=False)
                frame = frame.drop(columns=[c for c in frame.columns if c.startswith("Unnamed:") or c == ""])
            elif suffix in (".jsonl", ".ndjson"):
                frame = pd.DataFrame.from_records(_json_lines(path))
            elif suffix in (".parquet", ".pq"):
                frame = pd.read_parquet(path)
            else:
                raise DatasetError(
                    f"Unsupported dataset format {suffix!r} for {str(path)!r}; use .csv, .jsonl or .parquet."
                )
        except (ValueError, OSError) as exc:
            if isinstance(exc, DatasetError):
                raise
            what = {".jsonl": "one JSON object per line", ".ndjson": "one JSON object per line",
                    ".csv": "comma-separated with a header row"}.get(suffix, "a Parquet table")  # fmt: skip
            raise DatasetError(
                f"Could not read {str(path)!r} as {suffix} ({what}): {str(exc).splitlines()[0]}"
            ) from None
        if frame.empty:
            columns = ", ".join(map(str, frame.columns)) or "none"
            raise DatasetError(
                f"Dataset file {str(path)!r} has no rows (columns: {columns}); add queries, e.g. with "
                "`mechhop data build`."
            )
        return cls.from_frame(frame, source=str(path))

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write by suffix (.csv, .jsonl, .parquet), atomically (temp file, then rename)."""
        path = Path(path)
        suffix = path.suffix.lower()
        frame = self.to_frame()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if suffix == ".csv":
                for e in ("e1", "e2", "e3"):
                    frame[f"{e}_aliases"] = frame[f"{e}_aliases"].map(repr)
                frame.to_csv(tmp, index=False)
            elif suffix in (".jsonl", ".ndjson"):
                frame.to_json(tmp, orient="records", lines=True, force_ascii=False)
            elif suffix in (".parquet", ".pq"):
                frame.to_parquet(tmp, index=False)
            else:
                raise DatasetError(f"Unsupported dataset format {suffix!r}; use .csv, .jsonl or .parquet.")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return path

    def replace_all(self, **changes: Any) -> TwoHopDataset:
        return TwoHopDataset(replace(q, **changes) for q in self._queries)


# -- parsing and validation ------------------------------------------------------------------
def _json_lines(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON-lines file; a bad line is an error naming its number (blank lines skipped)."""
    import json

    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DatasetError(
                    f"{str(path)!r} line {number} is not valid JSON ({exc.msg}, column {exc.colno}); each "
                    "line must be one JSON object with the query columns."
                ) from None
            if not isinstance(value, dict):
                raise DatasetError(
                    f"{str(path)!r} line {number} is a JSON {type(value).__name__}, not an object; each "
                    "line must be one JSON object with the query columns."
                )
            rows.append(value)
    return rows


@dataclass(frozen=True)
class RowProblem:
    row: int  # 0-based data row
    field: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.field}: {self.reason}"


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _text(value: Any) -> str:
    return "" if _is_missing(value) else str(value).strip()


def _aliases(value: Any) -> tuple[str, ...]:
    """Aliases from a list, a Python-list literal (paper CSV) or a JSON list; raises ValueError."""
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return ()
    if isinstance(value, str):
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError:
                raise ValueError(f"cannot parse {value[:60]!r} as a list of strings") from None
    else:
        parsed = value
    if hasattr(parsed, "tolist"):
        parsed = parsed.tolist()
    if not isinstance(parsed, (list, tuple)) or not all(isinstance(a, str) for a in parsed):
        raise ValueError(f"expected a list of strings, got {str(value)[:60]!r}")
    return tuple(a.strip() for a in parsed if a.strip())


def _popularity(value: Any) -> float | None:
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    return float(value)


def _parse_frame(frame: pd.DataFrame, source: str) -> list[TwoHopQuery]:
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise DatasetError(
            f"{source}: missing column(s) {missing}. A dataset needs at least "
            f"{', '.join(REQUIRED_COLUMNS)} (labels, relations, templates); found {list(frame.columns)}."
        )
    problems: list[RowProblem] = []
    same_label: list[RowProblem] = []
    queries: list[TwoHopQuery] = []
    records = frame.to_dict("records")
    for i, rec in enumerate(records):
        row_problems: list[RowProblem] = []

        def bad(field: str, reason: str, row: int = i, sink: list[RowProblem] = row_problems) -> None:
            sink.append(RowProblem(row, field, reason))

        values: dict[str, Any] = {}
        for e in ("e1", "e2", "e3"):
            ident = _text(rec.get(e))
            label = _text(rec.get(f"{e}_label")) or ident
            if not label:
                bad(f"{e}_label" if f"{e}_label" in rec else e, "empty entity label")
            values[e] = ident or label
            values[f"{e}_label"] = label
            try:
                values[f"{e}_aliases"] = _aliases(rec.get(f"{e}_aliases"))
            except ValueError as exc:
                bad(f"{e}_aliases", f"unparsable aliases: {exc}")
            try:
                values[f"{e}_popularity"] = _popularity(rec.get(f"{e}_popularity"))
            except (TypeError, ValueError):
                bad(f"{e}_popularity", f"not a number: {rec.get(f'{e}_popularity')!r}")
            values[f"{e}_type"] = _text(rec.get(f"{e}_type"))
        for r in ("r1", "r2"):
            values[r] = _text(rec.get(r))
            if not values[r]:
                bad(r, "empty relation")
            template = _text(rec.get(f"{r}_template"))
            if template.count("{}") != 1:
                slot = "has no '{}' slot" if "{}" not in template else "has more than one '{}' slot"
                bad(f"{r}_template", f"template {template!r} {slot}")
            values[f"{r}_template"] = template
            values[f"{r}_type"] = _text(rec.get(f"{r}_type"))
        for a, b in (("e1", "e3"), ("e1", "e2"), ("e2", "e3")):
            la, lb = values[f"{a}_label"].casefold(), values[f"{b}_label"].casefold()
            if not la or la != lb:
                continue
            if values[a] != values[b]:  # two entities with one label: the authors keep them (ids differ)
                reason = f"{a} and {b} share the label {values[f'{a}_label']!r}"
                same_label.append(RowProblem(i, f"{a}/{b}", reason))
            else:
                bad(f"{a}/{b}", f"{a} and {b} are the same entity ({values[f'{a}_label']!r}); a query needs "
                    "3 distinct entities")  # fmt: skip
        query_id = _text(rec.get("id")) or f"row{i}"
        if row_problems:
            problems.extend(row_problems)
            continue
        queries.append(TwoHopQuery(id=query_id, source_prompt=_text(rec.get("source_prompt")), **values))
    if problems:
        line = (lambda p: f" (file line {p.row + 2})") if source.lower().endswith(".csv") else (lambda p: "")
        shown = "\n  ".join(f"{p}{line(p)}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        rows = len({p.row for p in problems})
        raise DatasetError(
            f"{source}: {len(problems)} problem(s) in {rows} of {len(records)} rows "
            f"(rows are 0-based data rows; nothing was dropped):\n  {shown}{more}"
        )
    if same_label:
        shown = "; ".join(f"row {p.row}: {p.reason}" for p in same_label[:10])
        more = f"; ... and {len(same_label) - 10} more" if len(same_label) > 10 else ""
        warnings.warn(
            f"{source}: {len(same_label)} row(s) name two different entities (different ids) with the same "
            f"label, kept as the authors do; answer checks cannot tell them apart: {shown}{more}.",
            DatasetWarning,
            stacklevel=3,
        )
    return queries
