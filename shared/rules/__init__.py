"""One module per rule, named after its code and symbol (``ais401_sql_injection``).

Each module's docstring is the rule's documentation, with the headings of STYLE.md; its
checks are the functions decorated with `aisec_shared.checks.on`. The registry names the
module of every rule.
"""
