"""AIS000 aisec-internal-error: one of aisec-lint's own rules failed on this file.

## What it does
Reports, once per file and at its first line, that a rule of aisec-lint raised an exception
while checking the file, and names the rule. That rule's findings for the file are missing;
every other rule still ran and reported.

## Why is this bad?
A silent crash would hide findings and look like a clean file. A crash that stops the lint
run would make people turn the plugin off. One visible finding keeps both risks small.

## Example
A file that triggers a bug in a rule produces, for example:

    app.py:1:1: AIS000 aisec-lint rule AIS401 (sql-injection) failed on this file (RecursionError); the other rules still ran

## Use instead
Report the message and the smallest file that triggers it. Until it is fixed, suppress it
for that file (``per-file-ignores = app.py:AIS000`` in flake8,
``# pylint: disable=aisec-internal-error`` in pylint).

## Known problems
None: this message is the tool reporting on itself.

## Options
None.

## References
- aisec-lint's issue tracker.
"""
