"""The paper's analyses, one module each (back-patching, Patchscopes, attention knockout, sublayer
projection, stages), and the statistics they report with (:mod:`.stats`)."""
