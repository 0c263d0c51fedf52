"""Token positions of a two-hop query (Biran et al., 2024; docs/method/index.md).

``e1`` (the paper's *t1*) is the last token of the e1 mention in the two-hop
prompt, ``r1`` / ``r2`` the last token of each relation's head word
("performer", "spouse"), and ``last`` (*t2*) the prompt's last token. ``first_is`` is the
first " is" of the prompt, which the authors' Patchscopes code reads as t2 (the same token as
``last`` unless an entity label or template holds an earlier " is"). Mentions
are located by where the prompt builder put them, then mapped to tokens through
the tokenizer's character offsets, so leading spaces, a prepended BOS and
mentions that repeat elsewhere in the prompt are all handled exactly. A mention
that cannot be found raises :class:`~mechhop.errors.PositionError` naming the
query and the string.

    >>> pos = locate(model, query)
    >>> pos.e1, pos.r1, pos.r2, pos.last      # token indices in the two-hop prompt
    >>> pos.spans["e1"]                        # (first, last) token of the whole mention
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from mechhop.core.backend import as_backend
from mechhop.data.relations import find_relation
from mechhop.data.schema import PAPER_STYLE, PromptStyle, TwoHopQuery
from mechhop.errors import PositionError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike

PositionName = Literal["e1", "r1", "r2", "last", "first_is"]
POSITION_NAMES: tuple[PositionName, ...] = ("e1", "r1", "r2", "last", "first_is")
# The paper's names for two of them.
ALIASES: dict[str, PositionName] = {"t1": "e1", "t2": "last"}
_STOP_WORDS = frozenset({"the", "of", "a", "an", "by", "in", "for", "to", "is", "whose", "featuring"})


def position_name(name: str) -> PositionName:
    canonical = ALIASES.get(name, name)
    if canonical not in POSITION_NAMES:
        raise PositionError(
            f"Unknown position {name!r}; valid: {', '.join(POSITION_NAMES)} "
            "(or the paper's t1 = e1, t2 = last)."
        )
    return canonical  # type: ignore[return-value]


@dataclass(frozen=True)
class QueryPositions:
    """Token indices (into the tokenised prompt, BOS included if prepended) of one query."""

    query_id: str
    prompt: str
    tokens: tuple[int, ...]
    spans: dict[str, tuple[int, int]] = field(hash=False)  # name -> (first, last) token, inclusive

    @property
    def e1(self) -> int:
        return self.spans["e1"][1]

    @property
    def r1(self) -> int:
        return self.spans["r1"][1]

    @property
    def r2(self) -> int:
        return self.spans["r2"][1]

    @property
    def last(self) -> int:
        return len(self.tokens) - 1

    @property
    def first_is(self) -> int:
        return self.span("first_is")[1]

    def __getitem__(self, name: str) -> int:
        canonical = position_name(name)
        return self.last if canonical == "last" else self.span(canonical)[1]

    def span(self, name: str) -> tuple[int, int]:
        if name == "last":
            return (self.last, self.last)
        try:
            return self.spans[name]
        except KeyError:
            raise PositionError(
                f"Query {self.query_id}: no {name!r} mention in {self.prompt!r}; spans here: "
                f"{', '.join(self.spans)}."
            ) from None


def head_word(relation_id: str, template: str) -> str:
    """The word naming a relation in its template ("performer" in "the performer of {}")."""
    known = find_relation(relation_id)
    if known is not None:
        for head in (known.head, known.after_head):
            if head and head in template:
                return head
    words = [w.strip(",.'\"") for w in template.replace("{}", " ").split()]
    content = [w for w in words if w and w.lower() not in _STOP_WORDS]
    if not content:
        raise PositionError(f"Cannot find a head word for relation {relation_id!r} in template {template!r}.")
    before = template.split("{}")[0].split()
    inside = [w for w in content if w in before]
    return (inside or content)[-1]


def offset_in_template(template: str, piece: str, filler: str) -> int:
    """Character offset of ``piece`` in ``template.format(filler)`` when it is part of the template."""
    slot = template.index("{}")
    index = template.find(piece)
    if index < 0:
        raise ValueError(piece)
    return index if index < slot else index - 2 + len(filler)


def mention_chars(
    query: TwoHopQuery, style: PromptStyle = PAPER_STYLE
) -> tuple[str, dict[str, tuple[int, int]]]:
    """The two-hop prompt and the character span of each mention in it, from how it is built."""
    r1, r2 = query.r1_template, query.r2_template
    inner = r1.format(query.e1_label)
    prompt = query.prompt_text("two_hop", style)
    base = len(style.prefix)
    inner_at = base + r2.index("{}")
    spans: dict[str, tuple[int, int]] = {}
    e1_at = inner_at + r1.index("{}")
    spans["e1"] = (e1_at, e1_at + len(query.e1_label))
    for name, rel, template, at, filler in (
        ("r1", query.r1, r1, inner_at, query.e1_label),
        ("r2", query.r2, r2, base, inner),
    ):
        try:
            word = head_word(rel, template)
        except PositionError as err:
            raise PositionError(f"Query {query.id}: {err}") from None
        try:
            start = at + offset_in_template(template, word, filler)
        except ValueError:
            raise PositionError(
                f"Query {query.id}: relation head word {word!r} is not in template {template!r}."
            ) from None
        spans[name] = (start, start + len(word))
    for name, (start, stop) in spans.items():
        expected = query.e1_label if name == "e1" else prompt[start:stop]
        if not expected or prompt[start:stop].casefold() != expected.casefold():
            raise PositionError(f"Query {query.id}: cannot locate {name} {expected!r} in {prompt!r}.")
    return prompt, spans


def token_span(
    char_spans: list[tuple[int, int]], start: int, stop: int, what: str, prompt: str, query_id: str
) -> tuple[int, int]:
    """First and last token overlapping characters ``start:stop``."""
    hits = [i for i, (a, b) in enumerate(char_spans) if b > start and a < stop and b > a]
    if not hits:
        raise PositionError(
            f"Query {query_id}: the mention {what!r} (characters {start}:{stop} of {prompt!r}) maps to no "
            "token; is the prompt tokenised with another tokenizer?"
        )
    return hits[0], hits[-1]


def locate(
    model: ModelLike,
    query: TwoHopQuery,
    style: PromptStyle = PAPER_STYLE,
    prepend_bos: bool | None = None,
) -> QueryPositions:
    """Positions of ``query``'s mentions in its two-hop prompt, as tokenised by ``model``."""
    backend = as_backend(model)
    prompt, chars = mention_chars(query, style)
    tokens = backend.tokenize(prompt, prepend_bos)
    offsets = backend.char_spans(prompt, prepend_bos)
    first_is = _FIRST_IS.search(prompt, len(style.prefix))  # the query's own words, not a few-shot prefix
    if first_is is not None:  # the word "is" after a space, as the authors look for the token " is"
        chars = {**chars, "first_is": (first_is.start() + 1, first_is.end())}
    spans = {
        name: token_span(offsets, start, stop, prompt[start:stop], prompt, query.id)
        for name, (start, stop) in chars.items()
    }
    return QueryPositions(query.id, prompt, tuple(tokens), spans)


_FIRST_IS = re.compile(r" is\b")


def locate_text(
    model: ModelLike,
    prompt: str,
    mention: str,
    query_id: str = "",
    occurrence: Literal["first", "last"] = "last",
    prepend_bos: bool | None = None,
) -> tuple[int, int]:
    """(first, last) token of ``mention`` in any prompt (its last occurrence by default)."""
    backend = as_backend(model)
    at = prompt.rfind(mention) if occurrence == "last" else prompt.find(mention)
    if at < 0 or not mention:
        where = f"Query {query_id}: " if query_id else ""
        raise PositionError(f"{where}cannot find {mention!r} in {prompt!r}.")
    offsets = backend.char_spans(prompt, prepend_bos)
    return token_span(offsets, at, at + len(mention), mention, prompt, query_id)
