"""Judging literal values bound for credentials: is this text a real secret or a stand-in?

Shared by the secrets rules that look at a literal in a known credential position (AIS103
connection strings, AIS104 fallbacks, AIS105 framework and SDK keys, AIS504 crypto keys):
`literal_node` (the literal behind a name), `is_template` / `is_credential_placeholder`
(``{password}``, ``${DB_PASS}``, ``changeme``), `strength` (how secret-like a value looks),
`secret_kind` (the kind of credential a name stands for) and the development-context checks
`dev_test` / `in_dev_branch` (dev and test settings, ``if DEBUG:`` branches), and
`filed_as_example` (a literal under an ``"example"`` key or a ``SAMPLE_*`` name).
"""

from __future__ import annotations

import ast
from operator import attrgetter

from ..findings import Confidence
from ..options import relative_path
from .context import SCOPE_TYPES, FileContext, literal_str
from .words import is_placeholder, secret_name_kind, split_words
from .patterns import lazy_compile

__all__ = ['LOCAL_HOST', 'constant_values', 'dev_test', 'filed_as_example', 'in_dev_branch', 'is_credential_placeholder', 'is_template', 'demo_placeholder', 'is_label_value', 'literal_node', 'names_refused_value', 'secret_kind', 'string_text', 'string_text_lowered', 'string_values', 'strength']

_STRING_VALUES = "_aisec_string_values"
_STRING_TEXT = "_aisec_string_text"
_CONSTANT_VALUES = "_aisec_constant_values"
_STRING_TEXT_LOWERED = "_aisec_string_text_lowered"
_VALUE = attrgetter("value")


def string_values(ctx: FileContext) -> list[str]:
    """The text of every str and bytes literal of the file, as `context.literal_str` reads
    it (bytes decoded as latin-1): the str literals in source order, then the bytes ones,
    repeats kept. One pass over the file's constants, memoised per file, for the per-file
    tests that read every literal (a gate's "does the file hold this literal", the secrets
    prefilter). Do not mutate the list."""
    found = ctx.__dict__.get(_STRING_VALUES)
    if found is None:
        values = ctx.__dict__[_CONSTANT_VALUES] = list(map(_VALUE, ctx.nodes_of(ast.Constant)))
        found = [v for v in values if type(v) is str]
        if len(found) != len(values) and bytes in set(map(type, values)):
            found.extend([v.decode("latin-1") for v in values if type(v) is bytes])
        ctx.__dict__[_STRING_VALUES] = found
    return found


def constant_values(ctx: FileContext) -> list[object]:
    """The ``value`` of every Constant node of the file, in `FileContext.nodes_of` order: item
    ``i`` is ``ctx.nodes_of(ast.Constant)[i].value`` (memoised per file, built with
    `string_values`). A per-file loop over the literals reads these and takes
    ``nodes_of(ast.Constant)[i]`` only for the few it reports on: reading ``value`` from each
    node touches every Constant node of the file again (scattered in memory, about half of
    such a loop's cost), which this list, once built, does not. Do not mutate the list."""
    found = ctx.__dict__.get(_CONSTANT_VALUES)
    if found is None:
        string_values(ctx)  # builds both
        found = ctx.__dict__[_CONSTANT_VALUES]
    return found


def string_text(ctx: FileContext) -> str:
    """`string_values` joined by ``\\n``, memoised per file: a substring without a line break
    is in this text exactly when it is in one of the file's str or bytes literals, so one
    search of it answers "does any literal of the file hold this" for the whole file."""
    found = ctx.__dict__.get(_STRING_TEXT)
    if found is None:
        found = ctx.__dict__[_STRING_TEXT] = "\n".join(string_values(ctx))
    return found


def string_text_lowered(ctx: FileContext) -> str:
    """`string_text` lowered (``str.lower``), memoised per file: the lowered literals joined
    by ``\n``. `str.lower` maps each character on its own, but for a Greek capital sigma,
    whose form depends on the letters around it within its literal (a line feed is neither
    cased nor case-ignorable, so it ends that reading as the text's ends do). So a lowercase
    word without a line break is in this text exactly when some literal, lowered, holds it:
    one copy per file for the rules that look for a word in any case."""
    found = ctx.__dict__.get(_STRING_TEXT_LOWERED)
    if found is None:
        found = ctx.__dict__[_STRING_TEXT_LOWERED] = string_text(ctx).lower()
    return found


def literal_node(ctx: FileContext, expr: ast.AST | None) -> ast.Constant | None:
    """The str or bytes literal `expr` is, or the one a name is bound to in this file.

    ``"abc"`` -> that node; ``KEY`` after ``KEY = "abc"`` -> the ``"abc"`` node (followed
    through a few name-to-name bindings). None for anything else, including imported names.
    """
    for _ in range(8):
        if isinstance(expr, ast.Constant) and isinstance(expr.value, (str, bytes)):
            return expr
        if isinstance(expr, ast.Name):
            expr = ctx.reaching_value(expr)
            continue
        return None
    return None


def secret_kind(name: str | None, ctx: FileContext) -> str | None:
    """`words.secret_name_kind`, honouring ``aisec-ignore-names`` and ``aisec-secret-names``
    (the ignored names are read only for a name that has a kind: most have none)."""
    if not name:
        return None
    settings = ctx.settings
    kind = secret_name_kind(name)
    if kind is None and settings.secret_names:
        joined = "_".join(split_words(name))
        for extra in settings.secret_names:
            word = "_".join(split_words(extra))
            if word and (joined == word or joined.endswith("_" + word)):
                kind = "secret"
                break
    if kind is None or settings.ignored_name(name):
        return None
    return kind


# Template syntax or a mask: the value cannot be a working secret as written.
_TEMPLATE = lazy_compile(
    r"\$\{|\{\{|%\([A-Za-z_]|%s|\{[A-Za-z_][A-Za-z0-9_.]{0,40}\}|\{[0-9]{0,2}\}|<[A-Za-z_][A-Za-z0-9_ .-]{0,60}>"
)


_MASK_ONLY = lazy_compile(r"^[xX*#.\u2022\u2026-]{1,80}$")


def is_template(value: str) -> bool:
    """True for an empty value, template syntax (``${X}``, ``{{ x }}``, ``%(x)s``, ``%s``,
    ``{name}``, ``{}``, ``<name>``) or a mask made only of ``*``, ``x``, ``.``, ``#``."""
    v = value.strip()
    return not v or bool(_MASK_ONLY.match(v)) or bool(_TEMPLATE.search(v))


# Metasyntactic and mock values that stand in for a credential (botocore's own docs builder
# passes aws_access_key_id="foo"), and the dummy keys local model servers tell OpenAI-style
# clients to send (Ollama's OpenAI-compatibility docs: api_key="ollama"; LM Studio: "lm-studio").
_STAND_INS = frozenset(
    {
        "foo", "bar", "baz", "qux", "quux", "spam", "eggs", "abc", "xyz", "fake", "mock", "dummy",
        "testing", "asdf", "ollama", "lm-studio", "lmstudio", "not-needed", "no-key", "unused",
        "anything", "sk-no-key-required",
    }
)


def is_credential_placeholder(value: str) -> bool:
    """A value passed as a credential that is not one: `words.is_placeholder`, templates,
    AWS's documented example keys (``AKIAIOSFODNN7EXAMPLE``, ``...EXAMPLEKEY``: the
    uppercase mark ``EXAMPLE``), metasyntactic stand-ins (``"foo"``, ``"fake"``,
    ``"testing"``) and values cut short with ``...``."""
    v = value.strip()
    return (
        is_placeholder(v)
        or is_template(v)
        or v.lower() in _STAND_INS
        or "EXAMPLE" in v
        or v.endswith(("...", "\u2026"))
    )


# Words before a secret's name that say the value is known to be bad and is kept to refuse
# it: mlflow's ``_LEGACY_DEFAULT_ADMIN_PASSWORD`` (the password of advisory
# GHSA-gq3w-7jj3-x7gr, compared only to reject it), ``INSECURE_DEFAULT_SECRET``,
# ``BANNED_PASSWORDS``. "default" alone is not one: ``DEFAULT_ADMIN_PASSWORD`` names backdoors.
_REFUSED_WORDS = frozenset(
    {
        "legacy", "insecure", "compromised", "banned", "blocked", "blocklisted", "blacklisted",
        "denylisted", "disallowed", "forbidden", "leaked", "pwned", "breached", "weak",
        "rejected", "revoked", "bad",
    }
)


def names_refused_value(name: str | None) -> bool:
    """True when a secret's name says its value is a known-bad one kept to be refused
    (`_REFUSED_WORDS` before the head noun: ``LEGACY_DEFAULT_PASSWORD``, ``weak_passwords``).
    Usually a deny-list entry, but a "legacy" password can also be a kept backdoor: callers
    lower their confidence rather than drop the finding."""
    if not name:
        return False
    words = split_words(name)
    return not _REFUSED_WORDS.isdisjoint(words[:-1])


# Folders of published example and demo applications: a directory named examples, demo,
# sample(s), tutorial(s) or docs, or one starting with such a word (``demo_app/``).
_DEMO_DIR = lazy_compile(r"(?:^|/)(?:examples?|demos?|samples?|tutorials?|docs?)(?:[_-][\w-]{0,40})?/")
# A value that names itself as a stand-in key: "thisismyscretkey", "demo-secret-key",
# "changeme-please".
_SELF_NAMED = lazy_compile(r"(?i)secret|scret|key|change.?me|example|sample|demo|dummy|fake|insecure|placeholder")


def demo_placeholder(ctx: FileContext, value: str) -> bool:
    """A signing key in a published example or demo application (`_DEMO_DIR`) whose value
    names itself as a key (`_SELF_NAMED`) and holds no digit: flask-appbuilder's
    ``examples/*/config.py`` ``SECRET_KEY = "\\2\\1thisismyscretkey..."``. All must hold: a
    key with a random-looking part (``"flask-s3cret-key-8f2b1c9e"``) in an example folder,
    or a self-named one in an application, is judged as anywhere."""
    if any(c.isdigit() for c in value) or not _SELF_NAMED.search(value):
        return False
    path = relative_path(ctx.filename).replace("\\", "/").lower()
    return _DEMO_DIR.search(path) is not None


# Words and separators only, each word in one case or capitalised: a label ("ui-token",
# "failed-to-connect-to-db", "__team_scope_auth_check__", "sk-FAKE-OPENAI-API-KEY"), not an
# issued key ("FQoGZXIvYXdzEJr-token" mixes case inside a run).
_WORD = r"(?:[A-Z]{1,40}|[A-Z]?[a-z]{1,40})"
_LABEL_VALUE = lazy_compile(rf"_{{0,4}}{_WORD}(?:[_ -]{{1,4}}{_WORD}){{0,12}}_{{0,4}}")


def is_label_value(value: str) -> bool:
    """True for a value of words and separators only, each word in one case or capitalised,
    with a separator or in one case (``"byok_session_cookie"``, ``"ui-token"``): API keys
    and tokens that providers issue carry digits or mixed-case random runs, so such a value
    is a label or a stand-in. Not for passwords, which people choose from words."""
    v = value.strip()
    if not _LABEL_VALUE.fullmatch(v):
        return False
    return any(c in v for c in "_ -") or v.islower() or v.isupper()


def strength(value: str) -> Confidence:
    """HIGH for 8 or more characters of at least two classes (lower, upper, digit, symbol)."""
    classes = sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )
    return Confidence.HIGH if len(value) >= 8 and classes >= 2 else Confidence.MEDIUM


_DEV_WORDS = frozenset({"debug", "dev", "development", "develop", "devel", "local", "testing"})


_DEV_VALUES = frozenset({"debug", "dev", "development", "develop", "devel", "local", "test", "testing"})


_PROD_WORDS = frozenset({"prod", "production", "live"})


def _dev_word_of(expr: ast.AST, ctx: FileContext) -> bool | None:
    """True when a flag's name says debug/development, False when it says production."""
    name: str | None = None
    if isinstance(expr, ast.Name):
        name = expr.id
    elif isinstance(expr, ast.Attribute):
        name = expr.attr
    elif isinstance(expr, ast.Subscript):
        name = ctx.const_str(expr.slice)
    elif isinstance(expr, ast.Call) and expr.args:
        name = ctx.const_str(expr.args[0])  # os.getenv("DEBUG"), env.bool("DEBUG")
    if not name:
        return None
    words = set(split_words(name))
    if words & _DEV_WORDS:
        return True
    if words & _PROD_WORDS:
        return False
    return None


def dev_test(test: ast.AST, ctx: FileContext, depth: int = 0) -> bool | None:
    """True when a condition holds only in debug / development mode, False when only in
    production, None when unknown."""
    if depth > 6:
        return None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = dev_test(test.operand, ctx, depth + 1)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        parts = [dev_test(v, ctx, depth + 1) for v in test.values]
        if isinstance(test.op, ast.And):
            return True if True in parts else (False if False in parts else None)
        return True if parts and all(p is True for p in parts) else None
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op = test.ops[0]
        sides = [test.left, test.comparators[0]]
        values: list[str] = []
        for side in sides:
            elts = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
            values.extend(v.lower() for v in (ctx.const_str(e) for e in elts) if v)
        positive = isinstance(op, (ast.Eq, ast.In, ast.Is))
        negative = isinstance(op, (ast.NotEq, ast.NotIn, ast.IsNot))
        if values and (positive or negative):
            if all(v in _DEV_VALUES for v in values):
                return positive
            if all(v in _PROD_WORDS for v in values):
                return negative
        truth = [s.value for s in sides if isinstance(s, ast.Constant) and isinstance(s.value, bool)]
        named = [r for r in (_dev_word_of(s, ctx) for s in sides) if r is not None]
        if truth and named and (positive or negative):
            return named[0] if (truth[0] is True) == positive else not named[0]
        return None
    return _dev_word_of(test, ctx)


def in_dev_branch(node: ast.AST, ctx: FileContext) -> bool:
    """True when `node` only runs in debug or development mode: the body of ``if DEBUG:``,
    ``if app.debug:``, ``if ENV == "development":``, the else of ``if not DEBUG:``, or the
    matching arm of a conditional expression. Stops at the enclosing function or class."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, SCOPE_TYPES):
            return False
        if isinstance(anc, (ast.If, ast.IfExp)):
            verdict = dev_test(anc.test, ctx)
            if verdict is not None:
                body = anc.body if isinstance(anc, ast.If) else [anc.body]
                orelse = anc.orelse if isinstance(anc, ast.If) else [anc.orelse]
                if verdict is True and any(child is b for b in body):
                    return True
                if verdict is False and any(child is b for b in orelse):
                    return True
        child = anc
    return False


LOCAL_HOST = lazy_compile(
    r"(?i)(?<![A-Za-z0-9.-])(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?|\(local\)|host\.docker\.internal)(?![A-Za-z0-9-])"
)


# Words of a key or name that say the values under it are examples for a reader.
_EXAMPLE_WORDS = frozenset({"example", "examples", "sample", "samples"})
# Containers climbed from a literal to the key or name it is filed under.
_CONTAINERS = (ast.Dict, ast.List, ast.Tuple)


def filed_as_example(node: ast.AST, ctx: FileContext) -> bool:
    """The literal `node` is filed under a dict key or an assigned name that says it is an
    example for a reader (`_EXAMPLE_WORDS`): a database engine's documentation metadata
    (``"connection_examples": [{"connection_string": "firebird+fdb://..."}]``, superset's
    engine specs), an OpenAPI response example (``{"example": {"access_token": "eyJ..."}}``,
    fastapi-users' bearer transport), ``SAMPLE_URLS = [...]``. Climbs at most six dicts,
    lists or tuples; the first assignment met decides."""
    child = node
    for _ in range(6):
        parent = ctx.parent(child)
        if isinstance(parent, ast.Dict):
            key = next((k for k, v in zip(parent.keys, parent.values) if v is child), None)
            if not _EXAMPLE_WORDS.isdisjoint(split_words(literal_str(key) or "") if key is not None else ()):
                return True
        elif isinstance(parent, (ast.Assign, ast.AnnAssign)):
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            names = [t.id if isinstance(t, ast.Name) else t.attr for t in targets if isinstance(t, (ast.Name, ast.Attribute))]
            return any(not _EXAMPLE_WORDS.isdisjoint(split_words(n)) for n in names)
        elif not isinstance(parent, _CONTAINERS):
            return False
        child = parent
    return False
