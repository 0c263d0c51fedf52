"""The core: where to intervene (:mod:`.sites`), what to do there (:mod:`.interventions`), recipes
of both (:mod:`.recipe`), their hooks on a model (:mod:`.apply`) and generation under them
(:mod:`.generation`, :mod:`.tokens`). Nothing here knows about two-hop queries."""
