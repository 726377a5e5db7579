"""Deliberately vulnerable Flask app: every aisec-lint rule fires here. Do not deploy."""
