"""Identifier words, secret-like names, placeholder values and masking.

Detection knowledge shared by the secret, password and token rules. Every regular expression
here is linear: character classes with no nested or adjacent overlapping quantifiers.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable
from ..memo import memo
from .patterns import lazy_compile

__all__ = [
    "split_words",
    "HEAD_WORDS",
    "holds_head_word",
    "secret_name_kind",
    "is_password_name",
    "is_placeholder",
    "shannon_entropy",
    "uuid_version",
    "mask",
]

_CAMEL1 = lazy_compile(r"([a-z0-9])([A-Z])")
_CAMEL2 = lazy_compile(r"(?<![A-Z])([A-Z]+)([A-Z][a-z])")  # starts only at a run: linear
_NON_WORD = lazy_compile(r"[^A-Za-z0-9]+")


def split_words(identifier: str) -> list[str]:
    """Split an identifier or key into lowercase words.

    Handles snake_case, camelCase, PascalCase, UPPER_CASE, kebab-case and dotted keys:
    ``"clientSecret"`` -> ``["client", "secret"]``, ``"APIKey"`` -> ``["api", "key"]``,
    ``"NextToken"`` -> ``["next", "token"]``.
    """
    return _split_words(identifier).split()


@memo(4096)
def _split_words(identifier: str) -> str:
    """`split_words`, memoised (the same identifiers recur across rules and files), as the
    words joined by spaces: a string, which keeps the memo out of the garbage collector's
    sight (`memo`). The words are runs of ASCII letters and digits, so hold no space."""
    if len(identifier) > 200:
        identifier = identifier[-200:]
    spaced = _CAMEL2.sub(r"\1_\2", _CAMEL1.sub(r"\1_\2", identifier))
    return " ".join(w for w in _NON_WORD.split(spaced.lower()) if w)


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


# Prepositions end the head phrase of an English compound name: ``cost_per_token`` is a
# cost, ``nonce_in_id_token`` a nonce, ``time_to_first_token`` a time, ``path_to_key`` a
# path. "in" after these verbs is a particle instead: ``sign_in_token`` is a token.
_PREPOSITIONS = frozenset({"per", "of", "in", "from", "for", "to"})
_PHRASAL_IN = frozenset({"sign", "log", "opt", "check", "plug", "logged", "signed"})
# A secret's name after one of these is not the secret: a hash or a mask of it
# (``hashed_token``, ``masked_api_key``), a label for an error (``INVALID_TOKEN``,
# fastapi-users' ``ErrorCode.LOGIN_BAD_CREDENTIALS``, ``WRONG_PASSWORD``), or a
# stand-in (``PTU_SENTINEL_API_KEY``, ``DUMMY_PASSWORD``).
_NOT_THE_SECRET = frozenset(
    {
        "hashed", "salted", "masked", "redacted", "obfuscated", "invalid", "expired", "missing", "bad", "wrong",
        "incorrect", "sentinel", "placeholder", "dummy", "fake",
    }
)


def _head_phrase(words: list[str]) -> list[str]:
    """`words` up to the first preposition after the first word (see `_PREPOSITIONS`)."""
    for i in range(1, len(words)):
        word = words[i]
        if word in _PREPOSITIONS and not (word == "in" and words[i - 1] in _PHRASAL_IN):
            return words[:i]
    return words


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


# First words of a function that makes a new value, a credential above all: ``new_api_token``,
# ``generate_secret``, ``create_token``, ``rotate_key``. Not ``get``: a getter may return a
# value it did not make.
MAKING_VERBS = frozenset({"new", "generate", "gen", "create", "make", "issue", "mint", "regenerate", "rotate"})


def names_making(name: str) -> bool:
    """True when the identifier `name` (a function's or method's name, without its receiver)
    starts with a `MAKING_VERBS` word: ``new_api_token``, ``generateSecret``; False for
    ``get_token`` and for ``""``."""
    words = split_words(name)
    return bool(words) and words[0] in MAKING_VERBS

# Every head word `secret_name_kind` accepts without extra words. Each word of `split_words`
# is a piece of the lowercased name, so a name whose lowercase holds none has no kind.
HEAD_WORDS = frozenset({*_SECRET_HEADS, *_QUALIFIED_HEADS, "key"})
# The head words that hold no other one (``pass`` for ``password``): a lowercased name that
# holds none of them has no kind without extra words.
_HEAD_MARKERS = tuple(sorted(w for w in HEAD_WORDS if not any(o != w and o in w for o in HEAD_WORDS)))


@memo(8192)
def holds_head_word(name: str) -> bool:
    """False when the lowercased `name` holds no `HEAD_WORDS` word: then `secret_name_kind`
    without extra words is None for it, and for any name made of its words (each word of
    `split_words` is a piece of the lowercased name). A few substring tests, no split;
    memoised, as the secret rules ask it for every assigned, compared and keyword name (a
    cached answer costs a fifth of the tests)."""
    low = name.lower()
    for marker in _HEAD_MARKERS:
        if marker in low:
            return True
    return False


def secret_name_kind(name: str, extra: Iterable[str] = ()) -> str | None:
    """Return what kind of secret a variable, attribute, key or parameter name denotes.

    ``"db_password"`` -> ``"password"``, ``"SECRET_KEY"`` -> ``"secret key"``,
    ``"clientSecret"`` -> ``"secret"``; None for names that only contain the word
    (``"token_type"``, ``"tokenize"``, ``"password_field"``, ``"NextToken"``), whose head
    phrase ends before a preposition (``"cost_per_token"``, ``"nonce_in_id_token"``) or that
    end with one (``"secret_from"``: where the secret came from), that
    name a hash, mask or error label of the secret (``"hashed_token"``, ``"INVALID_TOKEN"``),
    and for names of actions (``"generate_private_key"``, ``"rsa.generate_private_key"``).

    `extra` holds more secret words or phrases (option ``aisec-secret-names``: ``"pin"``,
    ``"license_key"``). One matches when the name ends with its words (``user_pin``,
    ``LicenseKey``, ``LICENSEKEY``); the kind is then its words joined by spaces
    (``"license key"``). Names of actions stay excluded.
    """
    return _secret_name_kind(name, tuple(extra))


@memo(4096)
def _secret_name_kind(name: str, extra: tuple[str, ...]) -> str | None:
    """`secret_name_kind`, memoised per name and extra words."""
    if not extra and not holds_head_word(name):
        return None  # most names: answered without splitting
    words = split_words(name)
    if not words:
        return None
    if split_words(name.rsplit(".", 1)[-1])[:1] and split_words(name.rsplit(".", 1)[-1])[0] in _VERBS:
        return None
    for phrase in _phrases(tuple(extra)):
        if words[-len(phrase):] == list(phrase) or words[-1] == "".join(phrase):
            return " ".join(phrase)
    if len(words) > 1 and words[-1] in _PREPOSITIONS and words[-2] not in _PHRASAL_IN:
        return None  # a dangling preposition: ``secret_from = "config"`` says where it came from
    words = _head_phrase(words)
    last = words[-1]
    prev = words[-2] if len(words) > 1 else ""
    if len(words) > 1 and not _NOT_THE_SECRET.isdisjoint(words[:-1]):
        return None
    if last == "key" and prev in _KEY_QUALIFIERS:
        return _KEY_QUALIFIERS[prev]
    if last in _QUALIFIED_HEADS:
        return _QUALIFIED_HEADS[last] if prev else None
    kind = _SECRET_HEADS.get(last)
    if kind == "token" and prev in _NON_SECRET_TOKEN_QUALIFIERS:
        return None
    return kind


@memo(64)
def _phrases(extra: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The user's extra secret names as word tuples, longest first (memoised per setting)."""
    phrases = {tuple(split_words(item)) for item in extra}
    return tuple(sorted((p for p in phrases if p), key=len, reverse=True))


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
        # Switches under a secret-like name (MYSQL_ALLOW_EMPTY_PASSWORD = "yes").
        "yes", "off", "enabled", "disabled",
        # Protocol keywords that sit under secret-like names as enum values: OAuth 2.0 grant
        # and token types (RFC 6749 sections 4 and 7.1) and the Fetch standard's
        # RequestCredentials values (fetch.spec.whatwg.org, "credentials mode").
        "client_credentials", "authorization_code", "refresh_token", "access_token",
        "id_token", "implicit", "digest", "hmac", "omit", "same-origin", "include",
    }
)
_PLACEHOLDER_WORDS = frozenset({"your", "example", "placeholder", "insert", "replace", "dummy", "redacted"})
_ENV_NAME = lazy_compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
# A reference to an environment variable: "$DB_PASS" (shell), "%DB_PASS%" (Windows).
_ENV_REF = lazy_compile(r"^\$[A-Z_][A-Z0-9_]{0,80}$|^%[A-Z_][A-Z0-9_]{0,80}%$")
# Special tokens of language-model tokenizers: "[CLS]", "[PAD]", "<|endoftext|>".
_SPECIAL_TOKEN = lazy_compile(r"^\[[A-Za-z_]{1,20}\]$|^<\|[A-Za-z_]{1,30}\|>$")
# Regular-expression syntax: a lexer's token pattern, not a credential.
_REGEX_SYNTAX = lazy_compile(r"\\[wdsbWDSB]|\(\?[:=!<P]|\[\^|[.\])][*+?]")
# Masks and template syntax: "xxxx", "****", "••••", "<...>", "${...}", "{{", "{%", "%(pw)s",
# "%s", "{password}" or "{realm-name}" (a URL template's field, python-keycloak's
# urls_patterns), and a value cut short with an ellipsis ("sk-...").
_MASK_RUN = lazy_compile(
    r"[xX*#.\u2022\u25cf]{4}|<[^<>]{1,80}>|\$\{[^{}]{0,80}\}|\{\{|\{%|%\(|%s|\{[A-Za-z_0-9-]{0,40}\}"
    r"|(?:\.\.\.|\u2026)$"
)
_FILE_SUFFIX = lazy_compile(r"\.(?:pem|key|crt|cer|p12|pfx|json|txt|yaml|yml|env|ini|cfg|jks|gpg|asc)$", re.I)
# Windows drive and UNC paths.
_WIN_PATH = lazy_compile(r"^[A-Za-z]:[\\/]|^\\\\[A-Za-z0-9]")
# A lowercase slash path names a secret, it does not hold one: a secret manager's id
# ("prod/db/primary", "secret/data/app", "projects/p/secrets/s/versions/latest"). Random
# base64 (which also has '/') mixes letter case.
_SLASH_PATH = lazy_compile(r"^[a-z0-9_.-]{1,80}(?:/[a-z0-9_.-]{1,80}){1,30}/?$")
# A rate-limit spec: "5/m", "20/m/ip,5/m/key" (django-allauth ACCOUNT_RATE_LIMITS,
# django-ratelimit), "100/day;10 per hour" (Flask-Limiter's rate string notation).
_RATE_LIMIT = lazy_compile(
    r"^(?:\d{1,9} ?(?:/|per) ?\d{0,9} ?(?:s|sec|second|m|min|minute|h|hr|hour|d|day|w|week|mo|month|y|year)s?"
    r"(?:/[a-z_]{1,16})?(?:[,;] ?|$)){1,12}$"
)
# A dotted key or module path: "db.password", "spring.datasource.password",
# "django.contrib.auth.hashers.PBKDF2PasswordHasher".
_DOTTED = lazy_compile(r"^[A-Za-z_][A-Za-z0-9_]{0,80}(?:\.[A-Za-z_][A-Za-z0-9_]{0,80}){1,30}$")
_LOWER_DOTTED = lazy_compile(r"^[a-z_]{1,80}(?:\.[a-z_]{1,80}){1,30}$")
# An object reference "package.module:attr" (setuptools entry points, pkgutil.resolve_name,
# ckan's "ckan.tests.factories:APIToken"): a lowercase dotted module path of two or more
# parts, a colon, a dotted attribute path. A single "name:value" stays a user:password pair.
_OBJECT_REF = lazy_compile(r"^[a-z_][a-z0-9_]{0,80}(?:\.[a-z_][a-z0-9_]{0,80}){1,30}:[A-Za-z_][A-Za-z0-9_]{0,80}(?:\.[A-Za-z_][A-Za-z0-9_]{0,80}){0,10}$")
# RFC 9562 UUID; group 1 is the version digit.
_UUID = lazy_compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-([0-9a-fA-F])[0-9a-fA-F]{3}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_URL_SCHEME = lazy_compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,30}://")


def uuid_version(value: str) -> int | None:
    """The version digit of a UUID string (RFC 9562), None for anything else.

    Versions 1, 3, 5, 6 and 7 are derived from a time or a namespace and name (the RFC 4122
    namespaces ``6ba7b810-9dad-11d1-80b4-00c04fd430c8`` ...), and the nil and max UUIDs are
    constants: identifiers, not secrets. Only version 4 is random.
    """
    m = _UUID.match(value)
    return int(m.group(1), 16) if m else None


def _url_without_password(value: str) -> bool:
    """A URL whose authority holds no ``user:password@`` part."""
    m = _URL_SCHEME.match(value)
    if not m:
        return False
    authority = value[m.end():].split("/", 1)[0]
    userinfo, at, _host = authority.rpartition("@")
    return not (at and ":" in userinfo)


def is_placeholder(value: str) -> bool:
    """True when a literal bound to a secret-like name is not itself a secret.

    Placeholders and labels: empty or short (< 3 chars) values, ``changeme``, ``None`` /
    ``null``, ``<...>``, templates (``${...}``, ``{{...}}``, ``{% ... %}``, ``%(name)s``,
    ``{password}``, ``{realm-name}``), masks (``xxxx``, ``****``, ``••••``), values that start with "your" or
    contain "example" / "placeholder" as a word, environment variable *names* and references
    (``"DB_PASSWORD"``, ``"$DB_PASSWORD"``, ``"%DB_PASSWORD%"``), protocol keywords
    (``"client_credentials"``, ``"same-origin"``), file paths, lowercase slash paths and
    dotted keys that name a secret (``"prod/db/primary"``, ``"db.password"``), rate-limit specs
    (``"20/m/ip,5/m/key"``, ``"10 per hour"``), object references (``"pkg.module:Factory"``), ARNs, URLs
    without a password, UUIDs other than random (version 4) ones, prose (four or more
    words), and labels of two or three words, one of them a secret's head noun (``"Chime
    Webhook token"``, ``"Password for MongoDB"``).
    """
    v = value.strip()
    if len(v) < 3:
        return True
    low = v.lower()
    if low in _PLACEHOLDER_EXACT:
        return True
    if _MASK_RUN.search(v):
        return True
    if _ENV_NAME.match(v) or _ENV_REF.match(v) or _SPECIAL_TOKEN.match(v) or _REGEX_SYNTAX.search(v):
        return True
    words = split_words(v)
    if words and (words[0] == "your" or any(w in _PLACEHOLDER_WORDS - {"your"} for w in words)):
        return True
    if _url_without_password(v) or low.startswith("arn:"):
        return True
    if v.startswith(("/", "~/", "./", "../")) or _FILE_SUFFIX.search(v) or _WIN_PATH.match(v):
        return True
    if _SLASH_PATH.match(v) or _RATE_LIMIT.match(v):
        return True
    if _DOTTED.match(v) and (v.count(".") >= 2 or _LOWER_DOTTED.match(v)) or _OBJECT_REF.match(v):
        return True
    version = uuid_version(v)
    if version is not None and version != 4:
        return True
    if v.count(" ") >= 3:
        return True
    if " " in v and _LABEL_WORDS.match(v) and HEAD_WORDS.intersection(words):
        return True  # a label naming a secret: "Chime Webhook token", "Password for MongoDB"
    return False


# Two or three words, each a letter and then letters or digits: with a secret's head noun
# among them, a label that names a secret (a form's field label, a help text: "API key",
# "Password for MongoDB", "OAuth2 Client Secret"), not the secret itself.
_LABEL_WORDS = lazy_compile(r"^[A-Za-z][A-Za-z0-9]{0,39}(?: [A-Za-z][A-Za-z0-9]{0,39}){1,2}$")


def shannon_entropy(value: str) -> float:
    """Shannon entropy of `value` in bits per character, from its own character frequencies.

    ``"aaaa"`` -> 0.0, ``"abcd"`` -> 2.0. A string of n characters has at most log2(n) bits
    per character, so short strings score low whatever they hold.
    """
    n = len(value)
    if not n:
        return 0.0
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())


def mask(value: str, keep: int = 2) -> str:
    """A printable, masked form of a secret: ``'Qm***' (18 chars)``.

    At most `keep` leading characters are shown, and none for values of 6 characters or
    fewer, so a finding never prints a secret in full.
    """
    n = len(value)
    shown = value[:keep] if n > 6 else ""
    shown = "".join(c if c.isprintable() and c not in "'\\" else "?" for c in shown)
    return f"'{shown}***' ({n} chars)"
