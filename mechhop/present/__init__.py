"""Presentation: figures (:mod:`.plots`) and the HTML report (:mod:`.report`) from stored tables.
No model needed."""
