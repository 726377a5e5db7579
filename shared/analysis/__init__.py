"""The analysis layer: per-file facts (names, scopes, constants) and detection knowledge.

Checks in `aisec_shared.rules` ask these modules; they never walk the tree themselves.
"""
