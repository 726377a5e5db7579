"""Identifier words, secret-like names, placeholder values and masking.

Detection knowledge shared by the secret, password and token rules. Every regular expression
here is linear: character classes with no nested or adjacent overlapping quantifiers.
"""

from __future__ import annotations

import re

__all__ = [
    "split_words",
    "secret_name_kind",
    "is_password_name",
    "is_placeholder",
    "mask",
]

_CAMEL1 = re.compile(r"([a-z0-9])([A-Z])")
_CAMEL2 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_NON_WORD = re.compile(r"[^A-Za-z0-9]+")


def split_words(identifier: str) -> list[str]:
    """Split an identifier or key into lowercase words.

    Handles snake_case, camelCase, PascalCase, UPPER_CASE, kebab-case and dotted keys:
    ``"clientSecret"`` -> ``["client", "secret"]``, ``"APIKey"`` -> ``["api", "key"]``,
    ``"NextToken"`` -> ``["next", "token"]``.
    """
    if len(identifier) > 200:
        identifier = identifier[-200:]
    spaced = _CAMEL2.sub(r"\1_\2", _CAMEL1.sub(r"\1_\2", identifier))
    return [w for w in _NON_WORD.split(spaced.lower()) if w]


# A name is secret-like when its *last* word (the head noun) names a secret. Words that
# follow the secret noun make it metadata: password_field, token_type, secret_name.
_SECRET_HEADS = {
    "password": "password",
    "passwd": "password",
    "passphrase": "password",
    "secret": "secret",
    "secrets": "secret",
    "token": "token",
    "credential": "credential",
    "credentials": "credential",
    "creds": "credential",
    "apikey": "API key",
    "privatekey": "private key",
    "accesskey": "access key",
    "secretkey": "secret key",
    "clientsecret": "client secret",
    "authtoken": "token",
    "accesstoken": "token",
    "refreshtoken": "token",
}
# Head words that only count with a qualifier before them (db_pass, smtp_pw).
_QUALIFIED_HEADS = {"pass": "password", "pw": "password", "pwd": "password"}
# word before "key" that makes it a secret key.
_KEY_QUALIFIERS = {
    "api": "API key",
    "access": "access key",
    "private": "private key",
    "secret": "secret key",
    "signing": "signing key",
    "encryption": "encryption key",
    "master": "master key",
    "hmac": "HMAC key",
    "jwt": "JWT key",
}
# "<qualifier>_token" that is not a credential: pagination cursors, NLP special tokens.
_NON_SECRET_TOKEN_QUALIFIERS = frozenset(
    {
        "next", "page", "continuation", "pagination", "cursor", "sync", "start", "marker",
        "resume", "cancel", "cancellation", "bos", "eos", "pad", "unk", "sep", "cls", "mask",
        "eot", "special", "end", "stop", "max", "min", "num", "last", "first", "prev",
        "previous", "input", "output", "word", "csrf", "xsrf",
    }
)


# A name whose last segment starts with one of these names an action (a function, a
# dotted API path such as "rsa.generate_private_key"), not a value.
_VERBS = frozenset(
    {
        # Not "new", "reset" or "request": new_password, reset_token and an OAuth
        # request_token name values.
        "get", "set", "load", "generate", "gen", "make", "create", "read", "fetch", "build",
        "compute", "derive", "validate", "check", "verify", "rotate", "hash", "encrypt",
        "decrypt", "sign", "parse", "find", "lookup", "store", "save", "update", "delete",
        "remove", "revoke", "issue", "is", "has", "use", "require",
    }
)


def secret_name_kind(name: str) -> str | None:
    """Return what kind of secret a variable, attribute, key or parameter name denotes.

    ``"db_password"`` -> ``"password"``, ``"SECRET_KEY"`` -> ``"secret key"``,
    ``"clientSecret"`` -> ``"secret"``; None for names that only contain the word
    (``"token_type"``, ``"tokenize"``, ``"password_field"``, ``"NextToken"``) and for names
    of actions (``"generate_private_key"``, ``"rsa.generate_private_key"``).
    """
    words = split_words(name)
    if not words:
        return None
    if split_words(name.rsplit(".", 1)[-1])[:1] and split_words(name.rsplit(".", 1)[-1])[0] in _VERBS:
        return None
    last = words[-1]
    prev = words[-2] if len(words) > 1 else ""
    if last == "key" and prev in _KEY_QUALIFIERS:
        return _KEY_QUALIFIERS[prev]
    if last in _QUALIFIED_HEADS:
        return _QUALIFIED_HEADS[last] if prev else None
    kind = _SECRET_HEADS.get(last)
    if kind == "token" and prev in _NON_SECRET_TOKEN_QUALIFIERS:
        return None
    return kind


def is_password_name(name: str) -> bool:
    """True for names of a password value (``password``, ``raw_pw``, ``user.passwd``)."""
    return secret_name_kind(name) == "password"


_PLACEHOLDER_EXACT = frozenset(
    {
        "changeme", "change_me", "change-me", "changeit", "password", "passwd", "secret",
        "token", "none", "null", "nil", "true", "false", "undefined", "todo", "tbd", "fixme",
        "example", "sample", "placeholder", "dummy", "redacted", "hidden", "masked", "test",
        "bearer", "basic", "jwt", "oauth", "replace-me", "replace_me", "replaceme", "default",
        "api_key", "apikey", "api-key", "secret_key", "private_key", "n/a", "na", "empty",
    }
)
_PLACEHOLDER_WORDS = frozenset({"your", "example", "placeholder", "insert", "replace", "dummy", "redacted"})
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
# Special tokens of language-model tokenizers: "[CLS]", "[PAD]", "<|endoftext|>".
_SPECIAL_TOKEN = re.compile(r"^\[[A-Za-z_]{1,20}\]$|^<\|[A-Za-z_]{1,30}\|>$")
# Regular-expression syntax: a lexer's token pattern, not a credential.
_REGEX_SYNTAX = re.compile(r"\\[wdsbWDSB]|\(\?[:=!<P]|\[\^|[.\])][*+?]")
_MASK_RUN = re.compile(r"[xX*#.]{4}|<[^<>]{1,80}>|\$\{[^{}]{0,80}\}|\{\{|%\(|%s|\{[A-Za-z_0-9]{0,40}\}")
_FILE_SUFFIX = re.compile(r"\.(?:pem|key|crt|cer|p12|pfx|json|txt|yaml|yml|env|ini|cfg|jks|gpg|asc)$", re.I)


def is_placeholder(value: str) -> bool:
    """True when a literal bound to a secret-like name is not itself a secret.

    Placeholders and labels: empty or short (< 3 chars) values, ``changeme``, ``<...>``,
    ``${...}``, ``{{...}}``, ``%(name)s``, runs of ``xxxx`` / ``****``, values that start
    with "your" or contain "example" / "placeholder" as a word, environment variable *names*
    (``"DB_PASSWORD"``), file paths and URLs without credentials, and prose (four or more
    words).
    """
    v = value.strip()
    if len(v) < 3:
        return True
    low = v.lower()
    if low in _PLACEHOLDER_EXACT:
        return True
    if _MASK_RUN.search(v):
        return True
    if _ENV_NAME.match(v) or _SPECIAL_TOKEN.match(v) or _REGEX_SYNTAX.search(v):
        return True
    words = split_words(v)
    if words and (words[0] == "your" or any(w in _PLACEHOLDER_WORDS - {"your"} for w in words)):
        return True
    if low.startswith(("http://", "https://")) and "@" not in v:
        return True
    if v.startswith(("/", "~/", "./", "../")) or _FILE_SUFFIX.search(v):
        return True
    if v.count(" ") >= 3:
        return True
    return False


def mask(value: str, keep: int = 2) -> str:
    """A printable, masked form of a secret: ``'Qm***' (18 chars)``.

    At most `keep` leading characters are shown, and none for values of 6 characters or
    fewer, so a finding never prints a secret in full.
    """
    n = len(value)
    shown = value[:keep] if n > 6 else ""
    shown = "".join(c if c.isprintable() and c not in "'\\" else "?" for c in shown)
    return f"'{shown}***' ({n} chars)"
