"""The workshop's exercise checks (notebooks/workshop/): ``mechhop.workshop.check_backpatch_hook(fn, ...)``.

Each check runs the learner's function beside mechhop's own implementation and says what differs
(:mod:`mechhop.workshop.checks`); one module per exercise; :mod:`~mechhop.workshop.pack` makes the
exercise and solution notebooks from one source.
"""

from mechhop.core.lazy import lazy_attributes

__getattr__ = lazy_attributes(
    __name__,
    {
        "mechhop.workshop.checks": ("Check", "ExerciseFailed"),
        "mechhop.workshop.backpatching": ("check_backpatch_hook", "check_backpatch_recipe"),
        "mechhop.workshop.knockout": ("check_knockout_hook",),
        "mechhop.workshop.patchscopes": ("check_patchscopes",),
        "mechhop.workshop.decision": ("check_decision", "rescue_shares"),
    },
)

__all__ = [
    "Check",
    "ExerciseFailed",
    "check_backpatch_hook",
    "check_backpatch_recipe",
    "check_decision",
    "check_knockout_hook",
    "check_patchscopes",
    "rescue_shares",
]
