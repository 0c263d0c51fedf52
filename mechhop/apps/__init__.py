"""Applications on top of the library: the command line (:mod:`.cli`), the whole study in one call
(:mod:`.pipeline`) and a printed walkthrough (:mod:`.walkthrough`)."""
