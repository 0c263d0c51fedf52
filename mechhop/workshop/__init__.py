"""The workshop's exercise checks (notebooks/workshop/): ``mechhop.workshop.check_backpatch_hook(fn, ...)``.

Each check runs the learner's function beside mechhop's own implementation and says what differs.
"""

from mechhop.core.lazy import lazy_attributes

__getattr__ = lazy_attributes(
    __name__, {"mechhop.workshop.checks": ("Check", "ExerciseFailed", "check_backpatch_hook")}
)

__all__ = ["Check", "ExerciseFailed", "check_backpatch_hook"]
