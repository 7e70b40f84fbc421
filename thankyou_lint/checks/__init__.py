"""Built-in code checks: one module per family of per-letter rules, and the run rules.

The registry imports them when rules are first needed (see `registry.builtin_rules`).
"""

LETTER_CHECKS = ("excuses", "thanks", "strengths", "tone", "generic", "structure", "spelling")
RUN_CHECKS = ("runs",)
