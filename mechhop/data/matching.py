"""Answer matching: does a generation name an entity? (docs/method/index.md and docs/method/patchscopes.md)

One setting, ``matching``, decides it for every analysis that checks answers
(knowledge filtering, back-patching success, the knockout rule, Patchscopes
classification), and is recorded with the results:

- ``"word"`` (the default): case-insensitive, and the answer must stand as
  whole words: the characters just before and after it are not letters or
  digits (or are the text's ends). "the US dollar" names "US"; "Australia"
  does not, nor does "Japanese" name "Japan".
- ``"paper"``: the authors' rule exactly, a case-insensitive substring test
  (``a.lower() in text.lower()``). It over-accepts short aliases inside
  longer words.

Answer strings are an entity's label and its aliases longer than one
character (:meth:`~mechhop.data.schema.TwoHopQuery.answers`). The Patchscopes
description rule (:func:`describes`) looks for ``": a "``, ``": a,"``,
``": a."``, ``": a:"`` or ``"a: "``, case-insensitively in both modes, as the
authors' ``classify_entity`` does; in ``"word"`` mode ``"a: "`` must also
start a word ("Belarus: " does not describe "US").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from mechhop.core.settings import setting
from mechhop.errors import MechhopError

Matching = Literal["word", "paper"]
MATCHING_MODES: tuple[Matching, ...] = ("word", "paper")
DEFAULT_MATCHING: Matching = "word"
_DESCRIPTION_ENDS = (" ", ",", ".", ":")


def check_matching(mode: str) -> Matching:
    """``mode`` if it is a matching mode, else an error listing them."""
    if mode not in MATCHING_MODES:
        raise MechhopError(
            f"Unknown answer matching {mode!r}; valid: {', '.join(MATCHING_MODES)} "
            "('word': whole words, any case (default); 'paper': the authors' substring test)."
        )
    return mode  # type: ignore[return-value]


def normalise_output(text: str) -> str:
    """A generation as the answer check reads it: stripped, newlines as spaces."""
    return text.strip().replace("\n", " ")


def _occurs_as_word(needle: str, haystack: str, need_start: bool = True, need_end: bool = True) -> bool:
    """``needle`` occurs in ``haystack`` with no letter or digit just before (and/or after) it."""
    at = haystack.find(needle)
    while at >= 0:
        stop = at + len(needle)
        before_ok = not need_start or at == 0 or not haystack[at - 1].isalnum()
        after_ok = not need_end or stop == len(haystack) or not haystack[stop].isalnum()
        if before_ok and after_ok:
            return True
        at = haystack.find(needle, at + 1)
    return False


def contains_answer(text: str, answers: Iterable[str], matching: Matching = DEFAULT_MATCHING) -> bool:
    """The answer check (docs/method/index.md): some answer string occurs in the normalised ``text``."""
    check_matching(matching)
    haystack = normalise_output(text).lower()
    for answer in answers:
        if not answer:
            continue
        needle = answer.lower()
        if needle in haystack and (matching == "paper" or _occurs_as_word(needle, haystack)):
            return True
    return False


def describes(text: str, answers: Iterable[str], matching: Matching = DEFAULT_MATCHING) -> bool:
    """The description rule (docs/method/patchscopes.md): ``": a "``, ``": a,"``, ``": a."``, ``": a:"``
    or ``"a: "`` occurs in
    ``text``, case-insensitively; in ``"word"`` mode ``"a: "`` must start a word."""
    check_matching(matching)
    haystack = text.replace("\n", " ").lower()
    for answer in answers:
        if not answer:
            continue
        a = answer.lower()
        if any(f": {a}{end}" in haystack for end in _DESCRIPTION_ENDS):
            return True
        label_form = f"{a}: "
        if matching == "paper":
            if label_form in haystack:
                return True
        elif _occurs_as_word(label_form, haystack, need_end=False):
            return True
    return False


def matching_setting() -> Any:
    """The ``matching`` field of an analysis config: it only relabels stored generations."""
    return setting(DEFAULT_MATCHING, "answer matching: word (whole words, any case) or paper (the authors' "
                   "substring)", role="label")  # fmt: skip
