"""Interventions: the steps a :class:`~mechhop.core.recipe.Recipe` is made of.

Each is a frozen, hashable, printable value that describes one operation on a
forward pass; none holds a model or runs anything. The analyses of the paper
(Biran et al., 2024, "Hopping Too Late") are compositions of these:

- :class:`Patch` writes a vector into a site: a stored :class:`Vector`, or the
  state of another site read from a clean run (the same prompt for
  back-patching, another prompt for Patchscopes).
- :class:`KnockOut` blocks attention edges (query positions -> key positions) by
  setting their pre-softmax scores to -inf, so each row renormalises.
- :class:`Record` keeps a site's activation; :class:`Project` keeps it passed
  through the final norm and the unembedding (a logit lens).
"""

from __future__ import annotations

import hashlib
import math
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from mechhop.core.sites import Site
from mechhop.errors import RecipeError, did_you_mean

if TYPE_CHECKING:  # values build without torch; tensors only when converted
    import torch
    from jaxtyping import Float


def _int_tuple(values: Iterable[int] | None, what: str) -> tuple[int, ...] | None:
    if values is None:
        return None
    if isinstance(values, int):
        values = (values,)
    out = tuple(values)
    for v in out:
        if isinstance(v, bool) or not isinstance(v, int):
            raise RecipeError(f"{what} must be ints, got {v!r} in {out!r}.")
    return out


@dataclass(frozen=True)
class Vector:
    """A stored activation vector, kept as floats so a recipe stays hashable and JSON-able."""

    values: tuple[float, ...]
    _tensor: torch.Tensor | None = field(default=None, repr=False, compare=False, hash=False)

    @classmethod
    def from_tensor(cls, tensor: Float[torch.Tensor, " d"]) -> Vector:
        import torch

        flat = tensor.detach().to("cpu", torch.float32)
        if flat.ndim != 1:
            raise RecipeError(f"Vector.from_tensor expects a 1-d tensor, got shape {tuple(flat.shape)}.")
        return cls(tuple(flat.tolist()), flat.clone())

    def to_tensor(self) -> Float[torch.Tensor, " d"]:
        if self._tensor is None:
            import torch

            object.__setattr__(self, "_tensor", torch.tensor(self.values, dtype=torch.float32))
        assert self._tensor is not None
        return self._tensor

    @property
    def digest(self) -> str:
        packed = struct.pack(f"{len(self.values)}f", *self.values)
        return hashlib.sha256(packed).hexdigest()[:8]

    def __repr__(self) -> str:
        norm = math.sqrt(sum(v * v for v in self.values))
        return f"Vector(d={len(self.values)}, norm={norm:.3g}, sha={self.digest})"


@dataclass(frozen=True)
class Patch:
    """Overwrite the activation at ``site`` with a vector.

    Exactly one of ``source`` and ``value`` is given:

    - ``source``: the activation at that site in a *clean* run of ``source_prompt``
      (``None``: the prompt being run, as in back-patching);
    - ``value``: a stored :class:`Vector`.

    Example (back-patch layer 20 into layer 5 at the last token)::

        Patch(Site("resid_post", 5, -1), source=Site("resid_post", 20, -1))
    """

    site: Site
    source: Site | None = None
    source_prompt: str | tuple[int, ...] | None = None
    value: Vector | None = None

    def __post_init__(self) -> None:
        if self.source_prompt is not None and not isinstance(self.source_prompt, str):
            object.__setattr__(self, "source_prompt", _int_tuple(self.source_prompt, "source_prompt ids"))
        if (self.source is None) == (self.value is None):
            raise RecipeError(
                f"Patch at {self.site} needs exactly one of source= (a Site read from a clean run) "
                "or value= (a Vector)."
            )
        if self.value is not None and self.source_prompt is not None:
            raise RecipeError(f"Patch at {self.site}: source_prompt only applies with source=.")
        if self.site.is_attention or (self.source is not None and self.source.is_attention):
            raise RecipeError(
                f"Patch at {self.site}: attention scores/patterns cannot be patched with a vector; "
                "use KnockOut to block attention edges."
            )
        if self.source is not None and (self.site.position is None) != (self.source.position is None):
            raise RecipeError(
                f"Patch {self.source} -> {self.site}: both positions must be given, or both None "
                "(every position of prompts of equal length)."
            )

    def describe(self) -> str:
        if self.value is not None:
            return f"Patch {self.site} <- {self.value!r}"
        where = "same prompt" if self.source_prompt is None else f"prompt {self.source_prompt!r}"
        return f"Patch {self.site} <- {self.source} ({where}, clean run)"


@dataclass(frozen=True)
class KnockOut:
    """Block attention from ``queries`` to ``keys`` in ``layers`` (pre-softmax score -> -inf).

    ``queries=None`` blocks every query position; ``heads=None`` every head.
    Positions follow :class:`~mechhop.core.sites.Site` rules (negative from the
    prompt's end).
    """

    layers: tuple[int, ...]
    keys: tuple[int, ...]
    queries: tuple[int, ...] | None = None
    heads: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "layers", _int_tuple(self.layers, "KnockOut layers"))
        object.__setattr__(self, "keys", _int_tuple(self.keys, "KnockOut keys"))
        object.__setattr__(self, "queries", _int_tuple(self.queries, "KnockOut queries"))
        object.__setattr__(self, "heads", _int_tuple(self.heads, "KnockOut heads"))
        if not self.layers:
            raise RecipeError("KnockOut needs at least one layer.")

    def describe(self) -> str:
        queries = "all" if self.queries is None else list(self.queries)
        heads = "all heads" if self.heads is None else f"heads {list(self.heads)}"
        if len(self.layers) > 2 and list(self.layers) == list(range(self.layers[0], self.layers[-1] + 1)):
            layers = f"L{self.layers[0]}..L{self.layers[-1]}"
        else:
            layers = ",".join(f"L{layer}" for layer in self.layers)
        return f"KnockOut {layers}: queries {queries} -> keys {list(self.keys)}, {heads}"


@dataclass(frozen=True)
class Record:
    """Keep the activation at ``site`` of the prompt pass under ``name`` (default: the site)."""

    site: Site
    name: str | None = None

    @property
    def key(self) -> str:
        return self.name or str(self.site)

    def describe(self) -> str:
        return f"Record {self.site} as {self.key!r}"


@dataclass(frozen=True)
class Project:
    """Keep ``site`` passed through the final norm and unembedding (logits) under ``name``."""

    site: Site
    name: str | None = None

    def __post_init__(self) -> None:
        if self.site.is_attention:
            raise RecipeError(f"Project needs a d_model site, got {self.site}.")

    @property
    def key(self) -> str:
        return self.name or f"logits:{self.site}"

    def describe(self) -> str:
        return f"Project {self.site} to vocab as {self.key!r}"


Intervention = Patch | KnockOut | Record | Project
INTERVENTION_TYPES: dict[str, type] = {cls.__name__: cls for cls in (Patch, KnockOut, Record, Project)}


def intervention_to_dict(step: Intervention) -> dict[str, object]:
    if isinstance(step, Patch):
        return {
            "type": "Patch",
            "site": step.site.to_dict(),
            "source": None if step.source is None else step.source.to_dict(),
            "source_prompt": (
                step.source_prompt
                if step.source_prompt is None or isinstance(step.source_prompt, str)
                else list(step.source_prompt)
            ),
            "value": None if step.value is None else list(step.value.values),
        }
    if isinstance(step, KnockOut):
        return {
            "type": "KnockOut",
            "layers": list(step.layers),
            "keys": list(step.keys),
            "queries": None if step.queries is None else list(step.queries),
            "heads": None if step.heads is None else list(step.heads),
        }
    if isinstance(step, (Record, Project)):
        return {"type": type(step).__name__, "site": step.site.to_dict(), "name": step.name}
    raise RecipeError(f"Not an intervention: {step!r}.")


# The fields each serialised step may have: anything else is a typo that would silently change the
# step's meaning (a misspelt "position" would make a patch apply at every position).
STEP_FIELDS: dict[str, frozenset[str]] = {
    "Patch": frozenset({"type", "site", "source", "source_prompt", "value"}),
    "KnockOut": frozenset({"type", "layers", "keys", "queries", "heads"}),
    "Record": frozenset({"type", "site", "name"}),
    "Project": frozenset({"type", "site", "name"}),
}


def check_fields(data: object, allowed: frozenset[str] | set[str], what: str) -> dict[str, object]:
    """``data`` as a dict with no field outside ``allowed``, or a :class:`RecipeError` naming it."""
    if not isinstance(data, dict):
        raise RecipeError(f"{what} must be a JSON object, got {type(data).__name__}: {data!r}.")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        hint = did_you_mean(str(unknown[0]), sorted(allowed))
        raise RecipeError(
            f"{what} has unknown field(s) {unknown}; valid: {', '.join(sorted(allowed))}.{hint}"
        )
    return data


def intervention_from_dict(data: dict[str, object]) -> Intervention:
    if not isinstance(data, dict):
        raise RecipeError(f"A recipe step must be a JSON object, got {type(data).__name__}: {data!r}.")
    kind = data.get("type")
    if kind in STEP_FIELDS:
        check_fields(data, STEP_FIELDS[str(kind)], f"{kind} step")
    try:
        if kind == "Patch":
            source = data.get("source")
            value = cast("Iterable[Any] | None", data.get("value"))  # not iterable: TypeError, below
            return Patch(
                site=Site.from_dict(data["site"]),  # type: ignore[arg-type]
                source=None if source is None else Site.from_dict(source),  # type: ignore[arg-type]
                source_prompt=data.get("source_prompt"),  # type: ignore[arg-type]  # ids: list -> tuple
                value=None if value is None else Vector(tuple(float(v) for v in value)),
            )
        if kind == "KnockOut":
            return KnockOut(
                layers=tuple(data["layers"]),  # type: ignore[arg-type]
                keys=tuple(data["keys"]),  # type: ignore[arg-type]
                queries=None if data.get("queries") is None else tuple(data["queries"]),  # type: ignore[arg-type]
                heads=None if data.get("heads") is None else tuple(data["heads"]),  # type: ignore[arg-type]
            )
        if kind in ("Record", "Project"):
            cls = Record if kind == "Record" else Project
            return cls(site=Site.from_dict(data["site"]), name=data.get("name"))  # type: ignore[arg-type]
    except KeyError as exc:
        raise RecipeError(f"{kind} step {data!r} is missing the field {exc.args[0]!r}.") from None
    except (TypeError, ValueError) as exc:
        raise RecipeError(f"{kind} step {data!r}: {exc}") from None
    raise RecipeError(f"Unknown intervention type {kind!r}; valid types: {', '.join(INTERVENTION_TYPES)}.")
