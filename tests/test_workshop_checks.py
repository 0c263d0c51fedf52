"""The workshop's checks: a right answer passes, and each common mistake gets its own hint."""

from __future__ import annotations

import pytest

from mechhop.data.positions import locate
from mechhop.workshop import ExerciseFailed, check_backpatch_hook
from tests.tiny_lm import make_tiny_lm, tiny_queries


@pytest.fixture(scope="module")
def lm():
    return make_tiny_lm()


def right(source, position):
    def hook(act, hook):
        act[:, position] = source
        return act

    return hook


def in_place(source, position):  # returning None is fine when act is changed in place
    def hook(act, hook):
        act[:, position, :] = source

    return hook


def nothing(source, position):
    def hook(act, hook):
        return act

    return hook


def next_position(source, position):
    def hook(act, hook):
        act[:, position + 1] = source
        return act

    return hook


def added(source, position):
    def hook(act, hook):
        act[:, position] += source
        return act

    return hook


def everywhere(source, position):
    def hook(act, hook):
        act[:] = source
        return act

    return hook


def wrong_shape(source, position):
    def hook(act, hook):
        act[position] = source  # the batch axis, not the position axis
        return act

    return hook


@pytest.mark.parametrize(
    ("answer", "passed", "hint"),
    [
        (right, True, "same logits"),
        (in_place, True, "same logits"),
        (nothing, False, "changed nothing"),
        (next_position, False, "patched the wrong position"),
        (added, False, "added the source state"),
        (everywhere, False, "every position"),
        (wrong_shape, False, "raised IndexError"),
    ],
)
def test_backpatch_hook_check(lm, answer, passed, hint):
    query = tiny_queries()[0]
    check = check_backpatch_hook(answer, lm, query, src_layer=3, tgt_layer=1, position="e1")
    assert check.passed is passed and bool(check) is passed
    assert hint in check.message, check.message
    if answer is next_position:
        at = locate(lm, query)["e1"]
        assert f"position {at + 1}, expected {at}" in check.message
    if not passed:
        with pytest.raises(ExerciseFailed, match=hint):
            check_backpatch_hook(answer, lm, query, src_layer=3, tgt_layer=1, strict=True)
