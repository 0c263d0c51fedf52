"""Fields of a settings dataclass, declared once with what they mean.

An analysis's config type marks each field with :func:`setting`: its help text,
its command-line option, and its *role*:

- ``"result"`` (the default): it changes what is computed, so it is part of the
  run key (a run folder holds results of one value only);
- ``"speed"``: batch sizes and memory budgets change speed, not results; a run
  resumes under another value;
- ``"label"``: it only relabels stored generations (answer matching), so one run
  folder serves every value and labels are recomputed on reading.

:func:`run_key` applies that one rule; the command line builds its options and
their help from the same declarations (:func:`describe`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

Role = Literal["result", "speed", "label"]
ROLES: tuple[Role, ...] = get_args(Role)


def setting(
    default: Any,
    help: str,
    *,
    role: Role = "result",
    option: str | None = None,
    cli: bool = True,
) -> Any:
    """A dataclass field with its help text, role, command-line option name (default: the field's
    name with dashes) and whether the command line offers it at all."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, got {role!r}")
    return dataclasses.field(
        default=default, metadata={"help": help, "role": role, "option": option, "cli": cli}
    )


def role_of(field: dataclasses.Field) -> Role:
    return field.metadata.get("role", "result")


def run_key(config: Any, **resolved: Any) -> dict[str, Any]:
    """The settings a run folder is keyed by: every ``"result"`` field of ``config``, then
    ``resolved`` values (e.g. the layer list that ``None`` stood for) that replace or add to them."""
    values = dataclasses.asdict(config)
    key = {f.name: values[f.name] for f in dataclasses.fields(config) if role_of(f) == "result"}
    return {**key, **resolved}


@dataclass(frozen=True)
class Option:
    """One command-line option derived from a config field."""

    field: str
    flag: str  # "--src-layers"
    help: str
    kind: Literal["int", "float", "str", "ints", "strs", "bool"]
    choices: tuple[str, ...] | None  # from a Literal (of the field or of its tuple's items)
    optional: bool  # None is a valid value ("all")
    default: Any


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(type without ``None``, whether ``None`` was allowed)."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), len(args) < len(get_args(annotation))
    return annotation, False


def _literal_values(annotation: Any) -> tuple[str, ...] | None:
    return tuple(str(v) for v in get_args(annotation)) if get_origin(annotation) is Literal else None


def describe(config_type: type) -> tuple[Option, ...]:
    """The command-line options of a config type: one per field marked ``cli=True``."""
    hints = typing.get_type_hints(config_type)
    out = []
    for f in dataclasses.fields(config_type):
        if not f.metadata.get("cli", True) or "help" not in f.metadata:
            continue
        annotation, optional = _unwrap(hints[f.name])
        choices = _literal_values(annotation)
        if get_origin(annotation) is tuple:
            item = get_args(annotation)[0]
            choices = _literal_values(item)
            kind = "ints" if item is int else "strs"
        elif choices is not None or annotation is str:
            kind = "str"
        elif annotation in (int, float, bool):
            kind = annotation.__name__
        else:
            continue  # e.g. explicit layer pairs: Python only
        flag = "--" + (f.metadata.get("option") or f.name).replace("_", "-")
        out.append(Option(f.name, flag, f.metadata["help"], kind, choices, optional, f.default))  # type: ignore[arg-type]
    return tuple(out)
