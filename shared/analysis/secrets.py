"""Secret values: which expressions carry a secret, and where it came from.

The dual of `taint`: the taint engine answers "is this value untrusted?", this module answers
"is this value a secret?" for the run-time leak rules (AIS106 logged-secret, AIS107
exposed-secret). `find_secret(ctx, expr)` walks *backwards* from an expression on demand,
through the file's name bindings (`FileContext.reaching_bindings`), and returns a `Secret`:
where the secret came from, how sure we are, and the node of `expr` that carries it.

Sources
-------
- *stored* (a definite secret, read from a secret store): ``os.environ[...]``,
  ``os.environ.get(...)``, ``os.getenv(...)`` with a secret-like variable name; Django
  ``settings.SECRET_KEY`` and other settings / config objects' secret-like attributes; Flask
  ``app.config["SECRET_KEY"]``, ``current_app.config.get(...)``, ``app.secret_key``; AWS
  Secrets Manager ``get_secret_value(SecretId=...)`` (the response, its ``SecretString`` and
  ``SecretBinary``), SSM ``get_parameter(..., WithDecryption=True)``, HashiCorp Vault (hvac)
  ``read_secret_version`` / ``read_secret``, Google Secret Manager ``access_secret_version``,
  Azure Key Vault ``SecretClient.get_secret``, ``keyring.get_password``, and pydantic's
  ``SecretStr.get_secret_value()``. Documentation: boto3 SecretsManager.Client.get_secret_value
  and SSM.Client.get_parameter; hvac "KV - Version 2"; google-cloud-secret-manager
  SecretManagerServiceClient.access_secret_version; azure-keyvault-secrets SecretClient;
  keyring's API; pydantic "Secret types".
- *request* (a credential the client sent): the ``Authorization`` / ``Proxy-Authorization`` /
  ``X-Api-Key``-style headers (``request.headers[...]``, ``.get(...)``, Django
  ``request.META["HTTP_AUTHORIZATION"]``), Flask's ``request.authorization``, FastAPI
  ``authorization: str = Header()`` parameters and the ``.password`` / ``.credentials`` of
  its ``HTTPBasicCredentials`` / ``HTTPAuthorizationCredentials`` (the ``HTTPBasic``,
  ``HTTPBearer`` and ``HTTPDigest`` dependencies), and secret-named form / JSON fields
  (``request.form["password"]``, ``request.POST.get("password")``, ``request.json[...]``).
- *name* (lower confidence): a variable, parameter, attribute, dict key or getter function
  (``get_api_key()``) whose name is secret-like by `words.secret_name_kind` (plus the
  ``aisec-secret-names`` option, minus ``aisec-ignore-names``), when nothing traced says
  otherwise. The bare name ``token`` (``tok``) is a *weak* name: in lexers, parsers and
  tokenizers it names a token object or a piece of text, so rules rank it lowest.

Values followed: names (all reaching bindings; the best answer wins), f-strings, ``%``,
``.format``, ``+``, ``str()`` / ``repr()`` / ``bytes()`` / ``json.dumps`` / base64 / URL
quoting, str methods (``strip``, ``encode``, ``split`` ...), subscripts and ``.get``,
attributes, containers (dict, list, tuple, set), conditional expressions, ``self.x``
assigned in the class, and same-module helper functions (their returns, with parameters
mapped to the call's arguments).

Not secrets (they end the walk as *clean*): constants (a hardcoded literal is AIS101's
business), pydantic ``SecretStr`` / ``SecretBytes`` values (their ``str()`` is
``**********``): parameters, variables and same-module model fields annotated so;
``len()``, ``bool()``, ``int()``, comparisons and ``not``; hashes, HMACs and password hashes
(``hashlib``, ``hmac``, ``bcrypt``, ``.hexdigest()``, ``make_password`` ...); the result of a
function whose name says it masks (``mask``, ``redact``, ``obfuscate``, ``censor``,
``scrub``, ``anonymize``, ``hash``, ``digest``, ``fingerprint``, ``encrypt``); a slice of at
most 4 characters with constant bounds (``token[-4:]``, ``key[:4]``: the customary masked
form; longer slices such as ``token[:8]`` still count); and the metadata fields of a secret
container (``["ARN"]``, ``["Name"]``, ``["VersionId"]``, ``.name``, ``.id``, any field that is
neither secret-like nor a value field such as ``SecretString`` / ``data`` / ``value``).
Also clean: an identifier key of any response (``response["ARN"]``, ``["VersionId"]``),
an attribute the same class passes to a secret store's accessor as the secret's name
(``get_secret_by_name(name=self.config.secret)``), and an UPPER_CASE member of an
enumeration (``GrantTypes.OAUTH_PASSWORD``, `_enum_member`).
Names whose head noun is not a secret (``secret_id``, ``token_type``, ``password_field``,
``max_tokens``, ``cost_per_token``, ``hashed_token``) are not secret-like; a variable named
as the name of a secret (``secret_name``, ``api_key_name``, ``token_ref``) holds that name,
whatever it was made from (``secret_name = key.removeprefix("env:")``); what
``.replace(old, new)``, ``.strip(chars)`` and ``.split(sep)`` look for is not in their
result; parameters annotated with a scalar or a class other
than ``str`` / ``bytes`` / a container (``token: Token``, ``password: bool``) are objects,
not secret strings.

The walk is iterative within an expression and bounded across names and helpers
(`MAX_DEPTH` hops, `BUDGET` nodes per query); past the bounds the answer is "unknown",
which the rules treat as not a secret. A file none of whose identifiers and literals could
start a secret (most files) is answered at once, without a walk (`may_hold_secrets`); so is
an expression from which the walk can read no such text (`may_carry_secret`, for a rule that
then walks with `trace_secret`).
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Callable, NamedTuple

from .context import FileContext, dotted, literal_str
from .frameworks import REQUEST_NAMES
from .literals import string_values
from .taint import own_nodes
from .words import HEAD_WORDS, secret_name_kind, split_words
from .patterns import lazy_compile

__all__ = [
    "Secret",
    "STORED",
    "REQUEST",
    "NAMED",
    "WEAK",
    "find_secret",
    "may_hold_secrets",
    "may_carry_secret",
    "ruled_out",
    "trace_secret",
    "secret_origin",
    "secret_kind",
    "MAX_DEPTH",
    "BUDGET",
]

STORED = "stored"
REQUEST = "request"
NAMED = "name"
WEAK = "weak name"
_RANK = {STORED: 3, REQUEST: 2, NAMED: 1, WEAK: 0}
# Bare words that name a lexer's, parser's or tokenizer's token as often as a credential:
# known by such a name alone, a value is a `WEAK` secret.
_AMBIGUOUS_NAMES = frozenset({"token", "tok"})
MAX_DEPTH = 8
BUDGET = 3000


class Secret(NamedTuple):
    """A secret found in an expression.

    Attributes:
        origin: where it came from, for messages: ``"os.environ['API_KEY']"``, ``"the
            request's Authorization header"``, ``"parameter 'password'"``. Never the value.
        source: `STORED`, `REQUEST`, `NAMED` (by name only: lower confidence) or `WEAK` (by
            the bare name ``token``, which as often names a lexer's token).
        kind: what it is: ``"password"``, ``"token"``, ``"API key"``, ``"secret"``, ...
        node: the part of the queried expression that carries it (the narrowest guilty node).
    """

    origin: str
    source: str
    kind: str
    node: ast.AST

    @property
    def definite(self) -> bool:
        """True for a secret by where it comes from, False for one known by its name only."""
        return self.source in (STORED, REQUEST)


class _Clean:
    """Marker: the value is certainly not a secret (constant, hash, length, masked ...)."""

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "CLEAN"


CLEAN = _Clean()


# Words before "token" that make it a lexer's, paginator's or idempotency token (beside those
# `words` already knows): old_token, problematic_token, starting_token, creation_token.
_NOT_CREDENTIAL_TOKEN = frozenset(
    {
        "old", "current", "cur", "problematic", "unexpected", "expected", "lookahead", "peek",
        "starting", "creation", "idempotency", "open", "close", "opening", "closing", "literal",
        "string", "name", "op", "operator", "keyword", "punct", "comment", "newline", "indent",
        "dedent", "text", "split", "sub", "subword", "sentence", "doc", "parent", "cache",
        "version", "change", "state", "sync", "lock", "acquire", "release", "semaphore",
    }
)
# First words of names that are switches or settings about a secret, not the secret:
# AllowCredentials, enable_token, require_password.
_SWITCH_WORDS = frozenset(
    {
        "allow", "allowed", "enable", "enabled", "disable", "disabled", "include", "exclude",
        "with", "without", "no", "support", "supports", "need", "needs", "should", "can", "must",
        "require", "required", "show", "hide",
    }
)
# Containers whose items are names, labels or schema of secrets, not their values:
# mapping["access_key"] (an environment variable name), form.fields["password"].
_NAME_CONTAINERS = frozenset(
    {
        "mapping", "map", "names", "keys", "fields", "columns", "labels", "vars", "aliases",
        "schema", "messages", "errors", "help", "descriptions", "prompts", "titles",
        "placeholders", "widgets", "patterns", "validators", "rules", "types", "lengths",
        "choices", "formats",
    }
)


def secret_kind(ctx: FileContext, name: str) -> str | None:
    """`words.secret_name_kind` honouring ``aisec-ignore-names`` and ``aisec-secret-names``,
    and knowing a few more non-credential tokens (`_NOT_CREDENTIAL_TOKEN`) and switches.
    The ignored names are read only for a name that has a kind (most have none)."""
    if not name:
        return None
    kind = _secret_kind(ctx, name)
    if kind is None or ctx.settings.ignored_name(name):
        return None
    return kind


def _secret_kind(ctx: FileContext, name: str) -> str | None:
    """`secret_kind` of a non-empty name, before ``aisec-ignore-names``."""
    words = split_words(name)
    if words and words[0] in _SWITCH_WORDS:
        return None
    kind = secret_name_kind(name)
    if kind == "token" and len(words) > 1 and words[-2] in _NOT_CREDENTIAL_TOKEN:
        return None
    if kind is None and ctx.settings.secret_names:
        joined = "_".join(words)
        for extra in ctx.settings.secret_names:
            if words and (words[-1] == extra or joined == extra or joined.endswith("_" + extra)):
                return extra
    return kind


def find_secret(
    ctx: FileContext,
    expr: ast.AST,
    accept: Callable[[Secret], bool] | None = None,
    *,
    name: str | None = None,
) -> Secret | None:
    """The most definite secret `expr` carries (stored > request > name), or None.

    `accept` filters the candidates (a rule that only cares about stored secrets); the best
    accepted one is returned. `name` is the label the value is passed under (a keyword
    argument's name, ``password=value``): a secret-like one makes an unknown value a secret
    by name, as a variable's name does.
    """
    if not may_hold_secrets(ctx) and not (name and secret_kind(ctx, name)):
        return None
    return trace_secret(ctx, expr, accept, name=name)


# Identifiers and literals that start a secret without a secret-like name: the
# Authorization and Cookie headers (`_AUTH_HEADERS`, also as WSGI ``HTTP_...`` keys and
# FastAPI ``Header()`` parameters), ``request.authorization``, and the secret stores'
# methods (``get_secret_value``, ``get_parameter``, `_VAULT_METHODS`, ``get_secret``).
_FIXED_SOURCES = lazy_compile(r"authoriz|cookie|get_parameter|get_secret|read_secret|access_secret", re.IGNORECASE)
# Libraries whose objects are secret stores whatever the names around them (keyring, hvac).
_STORE_MODULES = ("keyring", "hvac")
_SEP = "\x00"
# Substrings of the lowercased text one of which every candidate holds: the head words of
# `words.secret_name_kind` that hold no other head word (``pass`` for ``password``), and
# the fixed sources' own (``secret`` covers ``get_secret``, ``read_secret`` ...).
_MARKERS = tuple(sorted(
    {w for w in HEAD_WORDS if not any(o != w and o in w for o in HEAD_WORDS)} | {"authoriz", "cookie", "get_parameter"}
))
# Whether a lowercased text holds one of them (`_any_starts_secret`'s test on a text's tail).
_MARKER_SEARCH = lazy_compile("|".join(_MARKERS))


def may_hold_secrets(ctx: FileContext) -> bool:
    """False when no expression of the file can carry a secret for `find_secret` (most
    files), which then answers None at once. Memoised per file.

    Every secret the walk finds starts at an identifier or a literal of the file: a name,
    attribute, parameter, keyword, imported name, dict key, environment variable or
    header key that `secret_kind` accepts (also as a getter's ``get_<name>``), one of
    `_FIXED_SOURCES`, or an object of a `_STORE_MODULES` library. So the file holds none
    when none of its identifiers and str / bytes literals does. With ``aisec-secret-names``
    set, every file may.
    """
    found = ctx.__dict__.get("_aisec_may_hold_secrets")
    if found is None:
        found = ctx.__dict__["_aisec_may_hold_secrets"] = _may_hold_secrets(ctx)
    return found


def ruled_out(ctx: FileContext) -> bool:
    """True when `may_hold_secrets` has already answered False for the file (a query paid
    for it): `may_carry_secret` and `find_secret` then answer False / None for every
    expression (but for a secret-like ``name``). False when not known yet: never computes."""
    return ctx.__dict__.get("_aisec_may_hold_secrets") is False


def _may_hold_secrets(ctx: FileContext) -> bool:
    if ctx.settings.secret_names or ctx.imports_any(_STORE_MODULES):
        return True
    nodes_of = ctx.nodes_of
    # A name starts a secret only when it resolves (`_name`: bound here, parameters
    # included, or imported: the parts of its qualified name) or is called (a getter).
    # First the texts read without a pass over nodes (the binding and import tables, the
    # literals other rules have read too), which answer for most files that may hold one;
    # then the called names, attributes and keyword names, from a pass over those nodes.
    texts: set[str] = set()
    for table in ctx.bindings.values():
        texts.update(table)
    for imports in ctx.imports.values():
        for qualified in imports.values():
            texts.update(qualified.split("."))
    texts.update(string_values(ctx))
    if _holds_seed(ctx, texts):
        return True
    more: set[str] = set(map(_ATTR, nodes_of(ast.Attribute)))
    more.update(map(_ARG, nodes_of(ast.keyword)))
    more.update([c.func.id for c in nodes_of(ast.Call) if type(c.func) is ast.Name])  # type: ignore[attr-defined]
    more.discard(None)  # type: ignore[arg-type]  # ``**kwargs`` keywords have no name
    return _holds_seed(ctx, more - texts)


_ATTR = attrgetter("attr")
_ARG = attrgetter("arg")
# Per process, per value of the settings `secret_kind` reads (``aisec-secret-names``,
# ``aisec-ignore-names``): the texts judged so far, as (those that start no secret, those
# that may), by `_any_starts_secret` on each text alone. The same identifiers and keys
# recur from file to file (over Django, half of a file's texts were met in an earlier
# file), so most are judged once per run. Texts of up to `_MEMO_TEXT` characters; the memo
# starts afresh past `_MEMO_SIZE` texts. Dicts of text -> None, not sets: a dict holding only
# strings and None is not tracked by the garbage collector, while a set always is, and every
# full collection of the host's would walk all its texts (up to `_MEMO_SIZE` of them).
_VERDICTS: dict[tuple, tuple[dict[str, None], dict[str, None]]] = {}
_MEMO_TEXT = 200
_MEMO_SIZE = 200_000


def _verdict_sets(settings: object) -> tuple[dict[str, None], dict[str, None]]:
    """``(clean texts, seed texts)`` of `_VERDICTS` for these settings, each a dict of
    text -> None."""
    key = (settings.secret_names, settings.ignore_names)  # type: ignore[attr-defined]
    found = _VERDICTS.get(key)
    if found is None or len(found[0]) + len(found[1]) > _MEMO_SIZE:
        if len(_VERDICTS) > 16:
            _VERDICTS.clear()
        found = _VERDICTS[key] = ({}, {})
    return found


def _holds_seed(ctx: FileContext, texts: set[str]) -> bool:
    """True when one of `texts` may start a secret: `_any_starts_secret` on each text alone
    (`_Reach.seed`'s verdict), the texts judged before (`_VERDICTS`) not judged again."""
    clean, seeds = _verdict_sets(ctx.settings)
    # Each of `texts` looked up in the memo (`isdisjoint` or `-` with a dict would walk all
    # of it; `set.difference` looks up instead).
    if any(map(seeds.__contains__, texts)):
        return True
    unknown = texts.difference(clean)
    if not unknown:
        return False
    joined = _SEP.join(unknown)
    low = joined.lower()
    if len(low) == len(joined) and joined.count(_SEP) == len(unknown) - 1:
        # No text holds the separator and lowercasing keeps the positions: the texts holding
        # a marker are found with a substring search per marker over all of them at once,
        # and only they are judged (`_any_starts_secret` on one such text judges it alone).
        found = {text for text in _texts_with_markers(joined, low) if _starts_secret(ctx, text)}
    else:
        found = {text for text in unknown if _any_starts_secret(ctx, {text})}
    if max(map(len, unknown)) > _MEMO_TEXT:
        unknown = {text for text in unknown if len(text) <= _MEMO_TEXT}
    clean.update(dict.fromkeys(unknown - found))
    seeds.update(dict.fromkeys(found & unknown))
    return bool(found)


def _any_starts_secret(ctx: FileContext, texts: set[str]) -> bool:
    """True when one of `texts` may start a secret (`may_hold_secrets`)."""
    # The texts holding a marker (a substring search per marker over all texts at once,
    # lowercased): only they can have a `secret_kind` or be a fixed source.
    joined = _SEP.join(texts)
    low = joined.lower()
    if len(low) != len(joined):  # a character whose lowercase is longer (U+0130)
        candidates = {t for t in texts if any(m in t.lower() for m in _MARKERS)}
    else:
        candidates = _texts_with_markers(joined, low)
        # A text holding the separator itself is judged whole (there is one when the joined
        # text holds more separators than the joins put in: no walk over the texts otherwise).
        if joined.count(_SEP) >= len(texts):
            candidates.update(t for t in texts if _SEP in t)
    return any(_starts_secret(ctx, text) for text in candidates)


def _texts_with_markers(joined: str, low: str) -> set[str]:
    """The texts of `joined` (texts joined by `_SEP`) that hold a marker, found with one
    substring search per marker over `low` (`joined` lowercased, of the same length)."""
    found = set()
    for marker in _MARKERS:
        at = low.find(marker)
        while at >= 0:
            start = joined.rfind(_SEP, 0, at) + 1
            end = joined.find(_SEP, at)
            end = len(joined) if end < 0 else end
            found.add(joined[start:end])
            at = low.find(marker, end)
    return found


def _starts_secret(ctx: FileContext, text: str) -> bool:
    """`_any_starts_secret`'s verdict on one text that holds a marker."""
    # `secret_kind` reads the last 200 characters (`split_words`), so the marker must sit
    # there; the fixed sources are short identifiers and keys, compared whole.
    tail = text[-200:].lower()
    if not any(m in tail for m in _MARKERS):
        return False
    return bool((len(text) <= 40 and _FIXED_SOURCES.search(text)) or secret_kind(ctx, text) or _getter_kind(ctx, text))


# --- a gate local to the query (AIS106) ---------------------------------------------------
# `may_hold_secrets` answers for the whole file: one identifier anywhere opens every query of
# a large module. `may_carry_secret` answers for what a walk from the queried expression can
# read, so a query costs what its neighbourhood holds, not what the file holds.

# How `_Reach` reads a node: as a value (`_Tracer.eval`), or as a key or variable name
# (`FileContext.const_str`: a literal, or a name bound to one).
_VALUE, _KEY = 0, 1
_NOTHING: list = []  # no step (never mutated)
# Lines per raise under which `_Reach` asks `may_hold_secrets` before searching.
_LINES_PER_RAISE = 50
# Lines of the file whose share of `may_hold_secrets`' pass costs about one step of `_Reach`.
_LINES_PER_STEP = 4
# Bindings whose value the walk does not follow (`_Tracer._name`).
_NO_VALUE_KINDS = frozenset({"def", "import", "with", "loop", "other"})


def may_carry_secret(ctx: FileContext, expr: ast.AST) -> bool:
    """False when the walk of `trace_secret` (and `find_secret`) from `expr` cannot find a
    secret: no text it may read starts one. A gate local to the query, where
    `may_hold_secrets` is one for the whole file; the work is memoised per file (a node
    found to lead to no such text is not searched again).

    Exact: a search over the same steps as the walk's, without its bounds and choices (all
    bindings of a name, not the reaching ones), reading every text the walk may test. The
    walk finds a secret only by testing a text that `_any_starts_secret` accepts (the
    argument of `may_hold_secrets`): a name it resolves (`FileContext.lookup`; an import by
    its qualified name), an attribute, a called name or the parts of its qualified name, a
    keyword name, a literal dict key, a literal read as a key or a variable name
    (`FileContext.const_str`: subscripts, ``.get``, ``os.getenv``; through names to their
    values), or a FastAPI ``Header()`` alias. It moves from a node to its children
    (`_Tracer._children`), from a name to the values of its bindings, from ``self.attr`` to
    what the class assigns it, from a call of a same-module function to its returned values
    (its parameters to the call's arguments, children of the call). As in
    `may_hold_secrets`, with ``aisec-secret-names`` set or a `_STORE_MODULES` import every
    expression may carry one. The ``name`` of `trace_secret` is not looked at: test it apart.

    The shortcuts keep that answer: a search that ends without a seed has visited all that
    its items lead to, so later searches of the file skip those items; a name read is one
    item per name and scope (its steps depend only on `FileContext.lookup`); a text with no
    marker in its last 200 characters is one `_any_starts_secret` passes over, and a text
    judged in an earlier file is not judged again (`_VERDICTS`); and a file with many
    raises for its size asks the file-wide `may_hold_secrets` first, any other file once
    its searches have cost about what that pass would (one exact answer before another, for
    the cost only). tests/test_ais106_locality.py checks each.
    """
    reach = ctx.__dict__.get("_aisec_reach")
    if reach is None:
        reach = ctx.__dict__["_aisec_reach"] = _Reach(ctx)
    return reach.reaches(expr)


def trace_secret(
    ctx: FileContext,
    expr: ast.AST,
    accept: Callable[[Secret], bool] | None = None,
    *,
    name: str | None = None,
) -> Secret | None:
    """`find_secret` without its file-wide gate, for a caller that asked `may_carry_secret`
    first (whose answer holds whatever `accept` keeps): the same walk, so the same answer."""
    tracer = _Tracer(ctx, accept)
    res = tracer.eval(expr, 0, None)
    if res is None and name:
        kind = secret_kind(ctx, name)
        if kind:
            res = tracer._named(f"argument '{name}'", kind, expr, name)
    return res if isinstance(res, Secret) else None


class _Reach:
    """Per file: `may_carry_secret`'s search, with the work items known to reach no seed
    (shared by every query of the file) and the verdict on each text read."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        # With ``aisec-secret-names`` or a secret store's import, any expression may carry
        # one (`may_hold_secrets`).
        self.everything = bool(ctx.settings.secret_names or ctx.imports_any(_STORE_MODULES))
        # A file with many raises for its size asks the file-wide `may_hold_secrets` first:
        # one pass over the file then costs less than a search per query (about 35 us a
        # query against 0.7 us a line). Either answer is exact; this only picks the cheaper.
        self.file_first = len(ctx.lines) < _LINES_PER_RAISE * len(ctx.nodes_of(ast.Raise))
        # Otherwise it is asked once the searches have cost about as much as it would (a
        # step against `_LINES_PER_STEP` lines): the file's cost is then at most about
        # twice the cheaper way's, whichever it turns out to be.
        self.work = 0
        self.limit = len(ctx.lines) // _LINES_PER_STEP
        self.tracer = _Tracer(ctx, None)  # for the walk's own `_children`
        # the items from which no text that starts a secret is read: 2 * id(node) + mode, or
        # (name, id(scope), mode) for a name
        self.clean: set[object] = set()
        # the texts judged so far in this run (`_VERDICTS`)
        self.clean_texts, self.seed_texts = _verdict_sets(ctx.settings)

    def seed(self, text: str | None) -> bool:
        """Whether `text` may start a secret (`_any_starts_secret`), memoised per text."""
        if not text or text in self.clean_texts:
            return False
        if text in self.seed_texts:
            return True
        # `_any_starts_secret` passes over a text without a marker in its last 200
        # characters: most texts, answered without building its joined text.
        found = bool(_MARKER_SEARCH.search(text[-200:].lower())) and _any_starts_secret(self.ctx, {text})
        if len(text) <= _MEMO_TEXT:
            (self.seed_texts if found else self.clean_texts)[text] = None
        return found

    def reaches(self, expr: ast.AST) -> bool:
        """True when a walk from `expr` may read a text that starts a secret."""
        if self.everything:
            return True
        clean = self.clean
        scope_of = self.ctx.scope_of
        start: object = 2 * id(expr)
        if type(expr) is ast.Name:
            start = (expr.id, id(scope_of(expr)), _VALUE)  # type: ignore[attr-defined]
        if start in clean:
            return False
        if self.file_first or self.work > self.limit:
            if not may_hold_secrets(self.ctx):
                return False
        elif self.ctx.__dict__.get("_aisec_may_hold_secrets") is False:
            return False  # the file-wide answer, when a query already paid for it
        seen = {start}
        stack: list[tuple[int, ast.AST]] = [(_VALUE, expr)]
        step = self._step
        name, constant, load = ast.Name, ast.Constant, ast.Load
        work = self.work
        while stack:
            mode, node = stack.pop()
            work += 1
            items = step(mode, node)
            if items is True:
                self.work = work
                return True
            for item in items:
                # A name read is known by the name and its scope (`FileContext.lookup`):
                # every read of it there steps alike. A literal read as a value, none.
                target = item[1]
                kind = type(target)
                if kind is name:
                    if type(target.ctx) is not load:  # type: ignore[attr-defined]
                        continue  # not read (a walk reads loaded names only)
                    key: object = (target.id, id(scope_of(target)), item[0])  # type: ignore[attr-defined]
                elif kind is constant and item[0] == _VALUE:
                    continue
                else:
                    key = 2 * id(target) + item[0]
                if key not in seen and key not in clean:
                    seen.add(key)
                    stack.append(item)
        # `seen` is closed under the steps and reads no seed: none of its items reaches one.
        clean |= seen
        self.work = work
        return False

    def _step(self, mode: int, node: ast.AST) -> "list[tuple[int, ast.AST]] | bool":
        """The items a walk goes on to from `node` read as a value (`_VALUE`) or as a key
        (`_KEY`: `FileContext.const_str`); True when it reads a text that starts a secret."""
        ctx, seed = self.ctx, self.seed
        kind = type(node)
        if mode == _KEY:
            if kind is ast.Constant:
                return seed(literal_str(node)) or _NOTHING
            if kind is ast.Name:
                return [(_KEY, b.value) for b in ctx.bindings_of(node) if b.value is not None]  # type: ignore[arg-type]
            return _NOTHING
        if kind is ast.Constant or kind is ast.Compare or kind is ast.Lambda:
            return _NOTHING
        if kind is ast.Name:
            if type(node.ctx) is not ast.Load:  # type: ignore[attr-defined]
                return _NOTHING
            found = ctx.lookup(node.id, node)  # type: ignore[attr-defined]
            if found is None or found[0] == "builtin":
                return _NOTHING
            if found[0] == "import":
                return any(seed(part) for part in str(found[1]).split(".")) or _NOTHING
            if seed(node.id):  # type: ignore[attr-defined]
                return True
            out = []
            for b in found[1]:  # type: ignore[union-attr]
                if b.kind == "param":
                    default = _param_default(ctx, b.target) if isinstance(b.target, ast.arg) else None
                    if isinstance(default, ast.Call) and any(seed(literal_str(k.value)) for k in default.keywords):
                        return True  # a FastAPI Header(alias=...)
                elif b.value is not None and b.kind not in _NO_VALUE_KINDS:
                    out.append((_VALUE, b.value))
            return out
        if kind is ast.Attribute:
            attr = node.attr  # type: ignore[attr-defined]
            if seed(attr):
                return True
            value = node.value  # type: ignore[attr-defined]
            out = [(_VALUE, value)]
            if type(value) is ast.Name and value.id in ("self", "cls"):  # type: ignore[attr-defined]
                cls = ctx.enclosing_class(node)
                if cls is not None:
                    out.extend((_VALUE, v) for v in _class_assignments(ctx, cls).get(attr, ()) if v is not CLEAN)
            return out
        if kind is ast.Subscript:
            if type(node.slice) is ast.Slice:  # type: ignore[attr-defined]
                return [(_VALUE, node.value)]  # type: ignore[attr-defined]
            return [(_VALUE, node.value), (_KEY, node.slice)]  # type: ignore[attr-defined]
        if kind is ast.Call:
            func = node.func  # type: ignore[attr-defined]
            qualified = ctx.call_name(node)  # type: ignore[arg-type]
            if seed(_tail(func)) or qualified and any(seed(part) for part in qualified.split(".")):
                return True
            out = []
            for k in node.keywords:  # type: ignore[attr-defined]
                if seed(k.arg):
                    return True
                out.append((_VALUE, k.value))
                if k.arg == "key":
                    out.append((_KEY, k.value))
            if type(func) is ast.Attribute:
                out.append((_VALUE, func.value))
            args = node.args  # type: ignore[attr-defined]
            if args:
                out.extend((_VALUE, a) for a in args)
                out.append((_KEY, args[0]))
            # What `taint.local_function` may give: a def the called name is bound to, or
            # the enclosing class's method that ``self.`` / ``cls.`` calls (without making
            # the taint analysis for it).
            if type(func) is ast.Name:
                for b in ctx.bindings_of(func):
                    if type(b.target) in (ast.FunctionDef, ast.AsyncFunctionDef):
                        out.extend((_VALUE, v) for v in _returns(ctx, b.target))
            elif type(func) is ast.Attribute and type(func.value) is ast.Name and func.value.id in ("self", "cls"):
                cls = ctx.enclosing_class(func)
                if cls is not None:
                    for stmt in _methods(ctx, cls).get(func.attr, ()):
                        out.extend((_VALUE, v) for v in _returns(ctx, stmt))
            return out
        if kind is ast.UnaryOp and type(node.op) is ast.Not:  # type: ignore[attr-defined]
            return _NOTHING
        if kind is ast.Dict:
            for key in node.keys:  # type: ignore[attr-defined]
                if key is not None and seed(literal_str(key)):
                    return True
        return [(_VALUE, child) for child in self.tracer._children(node)]


def secret_origin(ctx: FileContext, expr: ast.AST) -> str | None:
    """A short description of the secret `expr` carries (``"os.environ['API_KEY']"``), or None."""
    found = find_secret(ctx, expr)
    return found.origin if found is not None else None


# --- detection knowledge ------------------------------------------------------------------

# os.environ readers (https://docs.python.org/3/library/os.html#os.environ).
_ENV_CALLS = {
    "os.getenv": "os.getenv",
    "os.environ.get": "os.environ.get",
    "os.environ.setdefault": "os.environ.setdefault",
    "os.environ.pop": "os.environ.pop",
    "os.getenvb": "os.getenvb",
    "os.environb.get": "os.environb.get",
}
_ENVIRON = frozenset({"os.environ", "os.environb"})
# keyring's API (https://keyring.readthedocs.io/en/latest/#api-interface).
_KEYRING = frozenset({"keyring.get_password", "keyring.get_credential"})
# Secret-manager methods whose result is (or contains) the secret, with a label.
_VAULT_METHODS = {
    "read_secret_version": "Vault read_secret_version()",  # hvac KV v2: secrets.kv.v2
    "read_secret": "Vault read_secret()",  # hvac KV v1: secrets.kv.v1
    "access_secret_version": "Secret Manager access_secret_version()",  # google-cloud-secret-manager
}
# Last words of a name for a certificate or a certificate authority: public material that
# settings classes sometimes file as a SecretStr beside the key (zenml's SQL store config:
# ssl_ca, ssl_cert, ssl_key). A CA or a certificate is sent to every peer in the TLS
# handshake (RFC 8446, 4.4.2), so printing it shows nothing secret; its key stays a secret.
_CERTIFICATE_WORDS = frozenset({"ca", "cacert", "cafile", "cert", "certs", "certificate", "certificates", "bundle", "chain", "rootcert", "sslrootcert"})


def _public_certificate(expr: ast.AST) -> bool:
    """`expr` (the receiver of ``.get_secret_value()``) is named for a certificate or a CA:
    its last word is one of `_CERTIFICATE_WORDS` and no word names a key or a secret
    (``self.config.ssl_ca``, ``ca_bundle``; not ``ssl_key``, ``cert_password``)."""
    name = expr.attr if isinstance(expr, ast.Attribute) else expr.id if isinstance(expr, ast.Name) else ""
    words = split_words(name)
    return bool(words) and words[-1] in _CERTIFICATE_WORDS and not any(w == "key" or w in HEAD_WORDS for w in words)


# Fields of a secret container that hold the secret itself (boto3 get_secret_value:
# SecretString / SecretBinary; get_parameter: Parameter.Value; hvac: data.data; Google:
# payload.data; Azure KeyVaultSecret: value).
_VALUE_FIELDS = frozenset(
    {"secretstring", "secretbinary", "parameter", "parameters", "value", "data", "plaintext", "payload", "secret_value", "secret_string"}
)
# Request headers that carry credentials (RFC 9110 11.6.2 Authorization, 11.7.2
# Proxy-Authorization; X-Api-Key / X-Auth-Token by convention) and the Cookie header.
_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})
# Request attributes that hold client-sent fields.
_FIELD_ATTRS = frozenset({"form", "json", "POST", "data", "values", "args", "GET", "query_params", "get_json"})
_REQUEST_MODULES = ("flask.request", "quart.request", "bottle.request")
# Calls and methods whose result says nothing of the secret's value.
_CLEAN_CALLS = frozenset(
    {
        "builtins.len", "builtins.bool", "builtins.int", "builtins.float", "builtins.hash",
        "builtins.id", "builtins.isinstance", "builtins.type", "builtins.callable",
        "builtins.hasattr", "secrets.compare_digest", "hmac.compare_digest",
        "werkzeug.security.generate_password_hash", "werkzeug.security.check_password_hash",
        "django.contrib.auth.hashers.make_password", "django.contrib.auth.hashers.check_password",
        "pydantic.SecretStr", "pydantic.SecretBytes", "pydantic.types.SecretStr", "pydantic.types.SecretBytes",
    }
)
_CLEAN_MODULES = ("hashlib.", "hmac.", "bcrypt.", "argon2.", "passlib.", "crypt.", "zlib.crc32", "binascii.crc32")
_CLEAN_METHODS = frozenset(
    {
        "hexdigest", "digest", "startswith", "endswith", "count", "find", "rfind", "index", "rindex",
        "isdigit", "isalnum", "isalpha", "isdecimal", "isnumeric", "isidentifier", "isspace",
        "islower", "isupper", "__len__", "verify", "check_password", "set_password", "hash",
        "hashpw", "checkpw", "compare_digest", "encrypt", "is_valid", "exists",
    }
)
# Words of a function name that say its result is masked, hashed or encrypted.
_MASKING_WORDS = frozenset(
    {
        "mask", "masked", "redact", "redacted", "obfuscate", "obfuscated", "censor", "censored",
        "scrub", "anonymize", "anonymise", "hash", "hashed", "digest", "fingerprint", "encrypt",
        "encrypted",
    }
)
# Calls whose result carries their arguments' content.
_PASS_CALLS = frozenset(
    {
        "builtins.str", "builtins.bytes", "builtins.repr", "builtins.ascii", "builtins.format",
        "builtins.list", "builtins.tuple", "builtins.set", "builtins.dict", "builtins.sorted",
        "builtins.bytearray", "json.dumps", "json.loads", "base64.b64encode", "base64.b64decode",
        "base64.urlsafe_b64encode", "base64.urlsafe_b64decode", "base64.b32encode",
        "base64.b16encode", "base64.standard_b64encode", "binascii.hexlify", "binascii.b2a_base64",
        "urllib.parse.quote", "urllib.parse.quote_plus", "urllib.parse.urlencode",
        "urllib.parse.unquote", "copy.copy", "copy.deepcopy", "textwrap.dedent",
        "textwrap.shorten", "pprint.pformat", "codecs.encode", "codecs.decode",
    }
)
# str / bytes / mapping methods: the result carries the receiver's and arguments' content.
_PASS_METHODS = frozenset(
    {
        "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "title", "capitalize",
        "replace", "split", "rsplit", "splitlines", "partition", "rpartition", "encode",
        "decode", "removeprefix", "removesuffix", "zfill", "center", "ljust", "rjust",
        "format", "format_map", "join", "copy", "items", "values", "to_dict", "dict",
        "model_dump", "model_dump_json", "hex", "pop", "getlist", "expandtabs", "translate",
    }
)
# `_PASS_METHODS` whose (first) argument is only looked for, never part of the result.
_ARGS_NOT_KEPT = frozenset({"replace", "strip", "lstrip", "rstrip", "removeprefix", "removesuffix", "split", "rsplit"})
# Attributes of str, bytes and mappings: reading them says nothing about what a name holds.
_STRING_ATTRS = _PASS_METHODS | _CLEAN_METHODS | frozenset(
    {
        "get", "keys", "setdefault", "update", "isascii", "isprintable", "istitle", "maketrans",
        "swapcase", "fromhex", "get_secret_value", "__class__", "__len__", "__str__", "__repr__",
        "__bytes__", "__getitem__", "__contains__", "__eq__", "append", "extend", "insert",
        "add", "remove", "discard", "clear", "sort", "reverse",
    }
)
# Verbs of a getter whose result is the thing named after them (get_api_key, load_token).
_GETTER_VERBS = frozenset(
    {"get", "load", "fetch", "read", "retrieve", "obtain", "generate", "gen", "create", "make", "issue", "decrypt", "new", "lookup"}
)
# Annotations of values that may hold a secret string.
_STRING_TYPES = frozenset(
    {
        "str", "bytes", "bytearray", "AnyStr", "Any", "object", "dict", "Dict", "Mapping",
        "MutableMapping", "list", "List", "tuple", "Tuple", "Sequence", "Iterable",
        "Optional", "Union", "Text", "Json", "JSON", "StrictStr", "ConstrainedStr", "constr",
        "EmailStr", "HttpUrl", "AnyUrl", "Header", "Form", "Cookie",
    }
)
_SECRET_TYPES = frozenset({"SecretStr", "SecretBytes", "Secret"})
_CONFIG_WORDS = frozenset({"settings", "config", "conf", "cfg", "configuration"})
_FLASK_APPS = ("flask.", "quart.")


def _tail(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return getattr(func, "id", "")


def _masking(name: str) -> bool:
    return bool(_MASKING_WORDS & set(split_words(name)))


# Translation functions (GNU gettext and its Django, Flask-Babel and Jinja names): over
# literals, their result is a translated constant message.
_TRANSLATIONS = frozenset(
    {
        "_", "_l", "gettext", "gettext_lazy", "ugettext", "ugettext_lazy", "pgettext", "pgettext_lazy",
        "ngettext", "ngettext_lazy", "npgettext", "npgettext_lazy", "lazy_gettext", "lazy_pgettext",
    }
)
# Last words of a key or attribute whose value is where a secret lives, not the secret:
# ``certs["proxy-api"]["keyfile"]``, ``settings.token_path``, ``cfg["credentials_dir"]``.
_PATH_WORDS = frozenset(
    {"file", "files", "filename", "filepath", "path", "paths", "dir", "directory", "keyfile", "certfile", "cafile", "pemfile"}
)


def _translated_literal(tail: str, call: ast.Call) -> bool:
    """``_("A gift card with the same secret already exists.")``: a translation of literals."""
    return tail in _TRANSLATIONS and bool(call.args) and not call.keywords and all(isinstance(a, ast.Constant) for a in call.args)


# Enumeration bases (enum module, Django's model choices).
# https://docs.python.org/3/library/enum.html, https://docs.djangoproject.com/en/stable/ref/models/fields/#enumeration-types
_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "Choices", "TextChoices", "IntegerChoices"})
# Last words of a class name that enumerates kinds of something (``GrantType``,
# ``OAuthGrantTypes``, ``AuthMethod``, ``CredentialKind``): its UPPER_CASE members name a kind.
_ENUM_CLASS_WORDS = frozenset(
    {
        "type", "types", "kind", "kinds", "mode", "modes", "method", "methods", "scheme", "schemes",
        "enum", "choice", "choices", "category", "categories", "strategy", "strategies", "flow", "flows",
    }
)


def _enum_member(ctx: FileContext, node: ast.Attribute) -> bool:
    """``GrantType.PASSWORD``, ``AuthMethods.API_KEY``: an UPPER_CASE member of a class of this
    module that derives from an enum base (`_ENUM_BASES`), or of a CapWords class named for an
    enumeration of kinds (`_ENUM_CLASS_WORDS`) wherever it is defined. Its value is a
    constant that names a kind of credential (``"password"``), not a credential; a settings
    class's ``Config.API_KEY`` is neither and stays a secret by its name."""
    owner = node.value
    name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
    if not (name[:1].isupper() and not name.isupper()) or not node.attr.isupper():
        return False
    if isinstance(owner, ast.Name):
        cls = _local_class(ctx, owner)
        if cls is not None:
            return any(_tail(b) in _ENUM_BASES for b in cls.bases)
    words = split_words(name)
    return bool(words) and words[-1] in _ENUM_CLASS_WORDS


# Last words of a key that identifies a resource (AWS ``["ARN"]``, ``["SecretArn"]``,
# ``["VersionId"]``): what a create or update call answers with, never a secret's value.
_IDENTIFIER_WORDS = frozenset({"arn", "id", "uuid", "version", "etag"})


def _names_identifier(name: str) -> bool:
    """A key that is not secret-like and names a resource's identifier (`_IDENTIFIER_WORDS`)."""
    words = split_words(name)
    return bool(words) and words[-1] in _IDENTIFIER_WORDS


# Last words of a variable that holds the name of a secret, not its value: ``secret_name``,
# ``api_key_name``, ``token_ref`` (an environment variable's name, a key in a store).
_NAME_OF_WORDS = frozenset({"name", "names", "ref", "reference"})


def _names_a_secret(name: str) -> bool:
    """A variable named as the name of a secret: its last word is `_NAME_OF_WORDS` and the
    words before it are secret-like (``secret_name``, ``key_name``; not ``user_name``)."""
    words = split_words(name)
    return len(words) >= 2 and words[-1] in _NAME_OF_WORDS and secret_name_kind("_".join(words[:-1])) is not None


def _names_path(name: str) -> bool:
    """A key or attribute that names a file or folder (see `_PATH_WORDS`)."""
    words = split_words(name)
    return bool(words) and words[-1] in _PATH_WORDS


def _getter_kind(ctx: FileContext, name: str) -> str | None:
    words = split_words(name)
    if len(words) < 2 or words[0] not in _GETTER_VERBS:
        return None
    return secret_kind(ctx, "_".join(words[1:]))


def _int_const(node: ast.AST | None) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int_const(node.operand)
        return -inner if inner is not None else None
    return None


# Keywords of a secret store's accessor that take the secret's name or id, not its value.
_SECRET_NAME_KEYWORDS = frozenset({"name", "secret_name", "secret_id", "SecretId", "Name", "name_id_or_prefix", "key_name"})
_LOOKUP_VERBS = frozenset({"get", "read", "load", "fetch", "lookup", "find", "resolve", "access", "delete", "describe"})


def _secret_name_reference(ctx: FileContext, node: ast.Attribute) -> bool:
    """The same attribute (``self.config.secret``) is, in the same class (the module, outside
    a class), the name a secret store's accessor looks a secret up by: a `_SECRET_NAME_KEYWORDS`
    keyword or the first argument of a call named for reading a secret
    (``Client().get_secret_by_name_and_private_status(name=self.config.secret)``,
    ``get_secret(self.secret)``), or an item of the list given to one that reads several
    (``fetch_secrets(secret_keys)`` after ``secret_keys.append(entry.secret_key)``,
    `_collected`). What it holds is the secret's name; the accessor returns the value.
    Memoised per file: one pass over the calls of a secret accessor."""
    memo = ctx.__dict__.get("_aisec_secret_name_refs")
    if memo is None:
        memo = ctx.__dict__["_aisec_secret_name_refs"] = {}
        for call in ctx.nodes_of(ast.Call):
            words = split_words(_tail(call.func))  # type: ignore[attr-defined]
            if not {"secret", "secrets"} & set(words) or words[0] not in _LOOKUP_VERBS:
                continue
            named = [k.value for k in call.keywords if k.arg in _SECRET_NAME_KEYWORDS]  # type: ignore[attr-defined]
            named.extend(call.args[:1])  # type: ignore[attr-defined]
            if "secrets" in words:
                for value in list(named):
                    if isinstance(value, ast.Name):
                        named.extend(_collected(ctx, value))
            for value in named:
                if isinstance(value, ast.Attribute):
                    memo.setdefault(ast.dump(value), []).append(ctx.enclosing_class(value))
    classes = memo.get(ast.dump(node)) if memo else None
    return bool(classes) and ctx.enclosing_class(node) in classes


def _collected(ctx: FileContext, name: ast.Name) -> list:
    """What the function of `name` puts in the list it names: the items of its list literal
    and the arguments of ``name.append(x)`` / ``name.add(x)`` (``secret_keys`` filled with
    ``entry.secret_key`` before ``fetch_secrets(secret_keys)``)."""
    scope = ctx.scope_of(name)
    found: list = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("append", "add"):
            receiver = node.func.value
            if isinstance(receiver, ast.Name) and receiver.id == name.id and node.args:
                found.append(node.args[0])
    value = ctx.reaching_value(name)
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        found.extend(value.elts)
    return found


def _names_no_secret(ctx: FileContext, call: ast.Call) -> bool:
    """A generic secret accessor (``get_secret``, ``read_secret``) whose first argument is a
    literal name that is not secret-like: ``get_secret("REDIS_HOST")`` reads a host name."""
    first = call.args[0] if call.args else None
    name = literal_str(first) if first is not None else None
    return bool(name) and name.replace("_", "").replace("-", "").replace("/", "").replace(".", "").isalnum() and secret_kind(ctx, name) is None


def _short_slice(sl: ast.Slice) -> bool:
    """A slice of at most 4 characters with constant bounds: ``[-4:]``, ``[:4]``, ``[2:5]``."""
    if sl.step is not None:
        return False
    lower, upper = _int_const(sl.lower), _int_const(sl.upper)
    if sl.lower is not None and lower is None or sl.upper is not None and upper is None:
        return False
    if sl.upper is None:
        return lower is not None and -4 <= lower < 0
    if sl.lower is None:
        return upper is not None and 0 <= upper <= 4
    assert lower is not None and upper is not None
    return (lower >= 0) == (upper >= 0) and 0 <= upper - lower <= 4


def _annotation_kind(ann: ast.AST | None) -> str | None:
    """``"secret"`` for SecretStr-like, ``"other"`` for a scalar or class, ``"string"`` for
    str-like or container annotations, None when absent or unreadable."""
    for _ in range(10):
        if ann is None:
            return None
        if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
            try:
                ann = ast.parse(ann.value, mode="eval").body
            except SyntaxError:
                return None
            continue
        if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
            kinds = {_annotation_kind(ann.left), _annotation_kind(ann.right)} - {"none"}
            if "secret" in kinds:
                return "secret"
            return "string" if "string" in kinds or not kinds else "other"
        if isinstance(ann, ast.Constant) and ann.value is None:
            return "none"
        if isinstance(ann, ast.Subscript):
            head = _tail(ann.value)
            if head in ("Optional", "Annotated", "ClassVar", "Final"):
                inner = ann.slice
                ann = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
                continue
            if head == "Union":
                inner = ann.slice
                elts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
                kinds = {_annotation_kind(e) for e in elts} - {"none"}
                if "secret" in kinds:
                    return "secret"
                return "string" if "string" in kinds or not kinds else "other"
            ann = ann.value
            continue
        name = _tail(ann)
        if name in _SECRET_TYPES:
            return "secret"
        if name in _STRING_TYPES:
            return "string"
        if name == "None":
            return "none"
        return "other" if name else None
    return None


def _best(results: list, accept: Callable[[Secret], bool] | None) -> object:
    """Merge results: the best accepted Secret; else CLEAN when all are clean; else None."""
    best: Secret | None = None
    clean = True
    for res in results:
        if isinstance(res, Secret):
            if accept is not None and not accept(res):
                clean = False
                continue
            if best is None or _RANK[res.source] > _RANK[best.source]:
                best = res
        elif res is not CLEAN:
            clean = False
    if best is not None:
        return best
    return CLEAN if clean else None


# Expression kinds whose expression children are those of one list field (the operator of
# a ``BoolOp`` and the context of a ``Tuple`` are no expressions).
_LIST_CHILDREN = {
    ast.Tuple: attrgetter("elts"),
    ast.List: attrgetter("elts"),
    ast.Set: attrgetter("elts"),
    ast.JoinedStr: attrgetter("values"),
    ast.BoolOp: attrgetter("values"),
}


class _Tracer:
    """One query's walk: a node budget, a recursion guard for helpers, memoised names."""

    def __init__(self, ctx: FileContext, accept: Callable[[Secret], bool] | None) -> None:
        self.ctx = ctx
        self.accept = accept
        self.budget = BUDGET
        self.active: set[int] = set()
        self.memo: dict[tuple, object] = {}

    # ---- one expression, iteratively (post-order)
    def eval(self, expr: ast.AST, depth: int, subst: dict | None) -> object:
        results: dict[int, object] = {}
        stack: list[tuple[ast.AST, bool]] = [(expr, False)]
        while stack:
            node, done = stack.pop()
            if not done:
                self.budget -= 1
                if self.budget < 0:
                    return None
                stack.append((node, True))
                for child in self._children(node):
                    stack.append((child, False))
                continue
            results[id(node)] = self._combine(node, results, depth, subst)
        return results.get(id(expr))

    def _children(self, node: ast.AST) -> list[ast.AST]:
        # The commonest kinds first, by exact type (what `ast.iter_child_nodes` and the
        # `ast.expr` filter below give them, without the generator).
        kind = type(node)
        if kind is ast.Name or kind is ast.Constant:
            return []
        if kind is ast.BinOp:
            return [node.left, node.right]  # type: ignore[attr-defined]
        field = _LIST_CHILDREN.get(kind)
        if field is not None:
            return list(field(node))
        if isinstance(node, (ast.Constant, ast.Name, ast.Lambda, ast.Compare)):
            return []
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return []
        if isinstance(node, ast.Call):
            out: list[ast.AST] = [node.func.value] if isinstance(node.func, ast.Attribute) else []
            out.extend(node.args)
            out.extend(k.value for k in node.keywords)
            return out
        if isinstance(node, (ast.Subscript, ast.Attribute, ast.Starred, ast.Await, ast.NamedExpr, ast.FormattedValue)):
            return [node.value]
        if isinstance(node, ast.IfExp):
            return [node.body, node.orelse]
        if isinstance(node, ast.Dict):
            return [v for v in node.values]
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            return [node.elt]
        if isinstance(node, ast.DictComp):
            return [node.value]
        return [c for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)]

    def _combine(self, node: ast.AST, r: dict, depth: int, subst: dict | None) -> object:
        get = lambda n: r.get(id(n)) if n is not None else None  # noqa: E731
        if isinstance(node, ast.Constant):
            return CLEAN
        if isinstance(node, ast.Name):
            return self._name(node, depth, subst)
        if isinstance(node, ast.Attribute):
            return self._attribute(node, get(node.value), depth, subst)
        if isinstance(node, ast.Subscript):
            return self._subscript(node, get(node.value))
        if isinstance(node, ast.Call):
            return self._call(node, get, depth, subst)
        if isinstance(node, (ast.Compare, ast.Lambda)):
            return CLEAN
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return CLEAN
        if isinstance(node, ast.Dict):
            parts = []
            for key, value in zip(node.keys, node.values):
                res = get(value)
                name = literal_str(key) if key is not None else None
                if res is None and name:
                    kind = secret_kind(self.ctx, name)
                    if kind:
                        res = self._named(f"dict item '{name}'", kind, value, name)
                parts.append(res)
            return self._merge(parts)
        return self._merge([get(c) for c in self._children(node)])

    def _merge(self, results: list) -> object:
        return _best(results, self.accept)

    def _named(self, origin: str, kind: str, node: ast.AST, name: str) -> object:
        source = WEAK if "_".join(split_words(name)) in _AMBIGUOUS_NAMES else NAMED
        found = Secret(origin, source, kind, node)
        return found if self.accept is None or self.accept(found) else None

    def _found(self, origin: str, source: str, kind: str, node: ast.AST) -> object:
        found = Secret(origin, source, kind, node)
        return found if self.accept is None or self.accept(found) else None

    # ---- names
    def _name(self, node: ast.Name, depth: int, subst: dict | None) -> object:
        if not isinstance(node.ctx, ast.Load):
            return None
        ctx = self.ctx
        found = ctx.lookup(node.id, node)
        if found is None or found[0] == "builtin":
            return None
        if found[0] == "import":
            return self._imported(node, str(found[1]))
        if _names_a_secret(node.id):
            return CLEAN  # secret_name = key.removeprefix("env:"): what names the secret
        key = (id(node), id(subst) if subst else 0)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None  # a cycle through this name answers "unknown"
        binds = ctx.reaching_bindings(node) or ctx.bindings_of(node)
        results = []
        for b in binds:
            if b.kind == "param":
                results.append(self._param(node, b.target, depth, subst))
            elif b.kind in ("def", "import"):
                results.append(CLEAN)
            elif b.value is None or b.kind in ("with", "loop", "other"):
                results.append(None)
            elif self._declared_secret_type(b.target):
                results.append(CLEAN)
            elif depth >= MAX_DEPTH:
                results.append(None)
            else:
                results.append(self.eval(b.value, depth + 1, subst))
        res = self._merge(results) if results else None
        if isinstance(res, Secret):
            res = res._replace(node=node)
        elif res is not CLEAN:
            kind = secret_kind(ctx, node.id)
            # token.lineno, token.contents: an object, not a secret string
            if kind and node.id not in self._object_names(ctx.scope_of(node)):
                res = self._named(f"variable '{node.id}'", kind, node, node.id)
        self.memo[key] = res
        return res

    def _object_names(self, scope: ast.AST) -> frozenset:
        """Names the scope reads an attribute of that no string or mapping has
        (``token.lineno``, ``tok.type``): objects, whatever their name says."""
        memo = self.ctx.__dict__.setdefault("_aisec_object_names", {})
        found = memo.get(scope)
        if found is None:
            names = set()
            for sub in own_nodes(scope):
                if (
                    isinstance(sub, ast.Attribute)
                    and isinstance(sub.value, ast.Name)
                    and isinstance(sub.ctx, ast.Load)
                    and sub.attr not in _STRING_ATTRS
                ):
                    names.add(sub.value.id)
            found = memo[scope] = frozenset(names)
        return found

    def _declared_secret_type(self, target: ast.AST) -> bool:
        parent = self.ctx.parent(target)
        return isinstance(parent, ast.AnnAssign) and parent.target is target and _annotation_kind(parent.annotation) == "secret"

    def _param(self, node: ast.Name, arg: ast.AST, depth: int, subst: dict | None) -> object:
        if subst and id(arg) in subst:
            value, outer = subst[id(arg)]
            res = self.eval(value, depth + 1, outer) if depth < MAX_DEPTH else None
            if isinstance(res, Secret):
                return res._replace(node=node)
            if res is CLEAN:
                return CLEAN
        if not isinstance(arg, ast.arg):
            return None
        ann = _annotation_kind(arg.annotation)
        if ann in ("secret", "other"):
            return CLEAN
        default = _param_default(self.ctx, arg)
        if isinstance(default, ast.Call) and _tail(default.func) == "Header":
            alias = next((literal_str(k.value) for k in default.keywords if k.arg == "alias"), None) or arg.arg
            header = alias.lower().replace("_", "-")
            if header in _AUTH_HEADERS or secret_kind(self.ctx, alias):
                return self._found(f"the request's {alias} header", REQUEST, secret_kind(self.ctx, alias) or "credential", node)
        kind = secret_kind(self.ctx, arg.arg)
        if kind and arg.arg not in self._object_names(self.ctx.scope_of(node)):
            return self._named(f"parameter '{arg.arg}'", kind, node, arg.arg)
        return None

    def _imported(self, node: ast.Name, qualname: str) -> object:
        module, _, last = qualname.rpartition(".")
        kind = secret_kind(self.ctx, last)
        if not kind:
            return None
        if _CONFIG_WORDS & set(split_words(module.rsplit(".", 1)[-1])):
            return self._found(f"{module.rsplit('.', 1)[-1]}.{last}", STORED, kind, node)
        return self._named(f"'{last}' imported from {module or 'a module'}", kind, node, last)

    # ---- attributes
    def _attribute(self, node: ast.Attribute, base: object, depth: int, subst: dict | None) -> object:
        ctx = self.ctx
        attr = node.attr
        kind = secret_kind(ctx, attr)
        if attr == "authorization" and _is_request(ctx, node.value):
            return self._found("the request's Authorization header", REQUEST, "credential", node)
        if attr in _SECURITY_CREDENTIAL_FIELDS and isinstance(node.value, ast.Name) and _security_credentials(ctx, node.value):
            return self._found("the request's Authorization header", REQUEST, "password" if attr == "password" else "credential", node)
        if attr in self._secret_fields():
            return CLEAN
        if kind and _secret_name_reference(ctx, node):
            return CLEAN  # self.config.secret passed as get_secret_by_name(name=...): a name
        if kind and _is_config_object(ctx, node.value):
            return self._found(f"{dotted(node) or attr}", STORED, kind, node)
        if isinstance(base, Secret):
            if kind or attr.lower() in _VALUE_FIELDS:
                return base._replace(node=node, kind=kind or base.kind)
            return CLEAN  # metadata of a secret: .name, .id, .arn, .lineno
        if not kind and _names_path(attr):
            return CLEAN  # where a secret lives: .keyfile, .token_path
        if kind and _enum_member(ctx, node):
            return CLEAN  # GrantType.PASSWORD: a member of an enumeration of kinds, a constant
        if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls") and depth < MAX_DEPTH:
            res = self._class_attribute(node, depth, subst)
            if isinstance(res, Secret):
                return res._replace(node=node)
            if res is CLEAN:
                return CLEAN
        if kind:
            return self._named(f"attribute '{dotted(node) or attr}'", kind, node, attr)
        return None

    def _class_attribute(self, node: ast.Attribute, depth: int, subst: dict | None) -> object:
        """What ``self.attr`` was assigned anywhere in the class (``self.attr = ...`` in a method,
        ``attr = ...`` in the body)."""
        cls = self.ctx.enclosing_class(node)
        if cls is None:
            return None
        values = _class_assignments(self.ctx, cls).get(node.attr)
        if not values:
            return None
        if any(v is CLEAN for v in values):
            return CLEAN  # declared ``attr: SecretStr``
        key = ("class", id(cls), node.attr)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None
        res = self._merge([self.eval(v, depth + 1, None) for v in values[:8]])
        self.memo[key] = res
        return res

    def _secret_fields(self) -> frozenset:
        """Attribute names declared ``name: SecretStr`` in a class of this module (pydantic)."""
        ctx = self.ctx
        fields = ctx.__dict__.get("_secretstr_fields")
        if fields is None:
            found = set()
            for node in ctx.nodes_of(ast.ClassDef):
                for stmt in node.body:  # type: ignore[attr-defined]
                    if (
                        isinstance(stmt, ast.AnnAssign)
                        and isinstance(stmt.target, ast.Name)
                        and _annotation_kind(stmt.annotation) == "secret"
                    ):
                        found.add(stmt.target.id)
            fields = ctx.__dict__["_secretstr_fields"] = frozenset(found)
        return fields

    # ---- subscripts and keyed reads
    def _subscript(self, node: ast.Subscript, base: object) -> object:
        sl = node.slice
        if isinstance(sl, ast.Slice):
            if _short_slice(sl):
                return CLEAN
            return base._replace(node=node) if isinstance(base, Secret) else base
        return self._keyed(node, node.value, sl, base)

    def _keyed(self, node: ast.AST, container: ast.AST, key_node: ast.AST | None, base: object) -> object:
        ctx = self.ctx
        key = ctx.const_str(key_node) if key_node is not None else None
        qn = ctx.qualname(container)
        if key is None:
            if qn in _ENVIRON:
                return None
            if isinstance(base, Secret):
                return base._replace(node=node)
            return CLEAN if base is CLEAN else None
        kind = secret_kind(ctx, key)
        if qn in _ENVIRON:
            return self._found(f"{qn}['{key}']", STORED, kind, node) if kind else None
        if _is_app_config(ctx, container):
            return self._found(f"{dotted(container) or 'app.config'}['{key}']", STORED, kind, node) if kind else None
        if kind and _within_settings(ctx, container):
            return self._found(f"{_settings_root(container)}[...]['{key}']", STORED, kind, node)
        part = _request_part(ctx, container)
        if part is not None:
            header = key
            if part == "meta":
                if not key.startswith("HTTP_"):
                    return None
                header = key[5:].replace("_", "-")
            if part in ("headers", "meta"):
                if header.lower() in _AUTH_HEADERS or kind:
                    label = header.title() if part == "meta" else header
                    return self._found(f"the request's {label} header", REQUEST, kind or "credential", node)
                return None
            return self._found(f"the request's '{key}' field", REQUEST, kind, node) if kind else None
        if isinstance(base, Secret):
            if kind:
                if not base.definite:
                    return self._named(f"item '{key}'", kind, node, key)
                return base._replace(node=node, kind=kind)
            if key.lower() in _VALUE_FIELDS:
                return base._replace(node=node)
            return CLEAN  # metadata of a secret container: ARN, Name, VersionId, username
        if kind:
            holder = split_words(_tail(container)) if isinstance(container, (ast.Name, ast.Attribute)) else []
            if base is CLEAN or (holder and holder[-1] in _NAME_CONTAINERS):
                return CLEAN
            return self._named(f"item '{key}'", kind, node, key)
        return CLEAN if base is CLEAN or _names_path(key) or _names_identifier(key) else None

    # ---- calls
    def _call(self, node: ast.Call, get: Callable, depth: int, subst: dict | None) -> object:
        ctx = self.ctx
        func = node.func
        qn = ctx.call_name(node)
        tail = qn.rsplit(".", 1)[-1] if qn else _tail(func)
        first = node.args[0] if node.args else None
        if qn in _ENV_CALLS:
            name = ctx.const_str(first) if first is not None else None
            if name is None:
                name = next((ctx.const_str(k.value) for k in node.keywords if k.arg == "key"), None)
            kind = secret_kind(ctx, name) if name else None
            return self._found(f"{_ENV_CALLS[qn]}('{name}')", STORED, kind, node) if kind else None
        if qn in _KEYRING:
            return self._found(f"{qn}()", STORED, "password", node)
        if qn in _CLEAN_CALLS or (qn and qn.startswith(_CLEAN_MODULES)) or tail in _SECRET_TYPES:
            return CLEAN
        if _masking(tail) or _translated_literal(tail, node):
            return CLEAN
        args = [get(a) for a in node.args]
        kwargs = [get(k.value) for k in node.keywords]
        if qn in _PASS_CALLS:
            if qn == "builtins.dict":
                named = []
                for k, res in zip(node.keywords, kwargs):
                    if res is None and k.arg:
                        kind = secret_kind(ctx, k.arg)
                        if kind:
                            res = self._named(f"dict item '{k.arg}'", kind, k.value, k.arg)
                    named.append(res)
                kwargs = named
            res = self._merge(args + kwargs)
            return res
        if isinstance(func, ast.Attribute):
            attr = func.attr
            receiver = get(func.value)
            if attr == "get_secret_value":
                if node.args or node.keywords:
                    return self._found("Secrets Manager get_secret_value()", STORED, "secret", node)
                where = dotted(func.value)
                source = WEAK if _public_certificate(func.value) else STORED
                return self._found(f"{where or 'SecretStr'}.get_secret_value()", source, "secret", node)
            if attr in ("get_parameter", "get_parameters", "get_parameters_by_path") and any(
                k.arg == "WithDecryption" and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in node.keywords
            ):
                return self._found(f"SSM {attr}(WithDecryption=True)", STORED, "secret", node)
            if attr in _VAULT_METHODS:
                return self._found(_VAULT_METHODS[attr], STORED, "secret", node)
            if attr == "get_secret" and _key_vault_client(ctx, func.value):
                return self._found("Key Vault get_secret()", STORED, "secret", node)
            if attr == "read" and (ctx.instance_of(func.value) or "").startswith("hvac."):
                return self._found("Vault read()", STORED, "secret", node)
            if attr in _CLEAN_METHODS:
                return CLEAN
            if attr == "get" and node.args:
                res = self._keyed(node, func.value, node.args[0], receiver)
                return res
            if attr in _PASS_METHODS:
                if attr in _ARGS_NOT_KEPT:
                    # What these look for is not in their result: ``raw.replace(secret,
                    # "[redacted]")`` is the redaction, ``s.strip(chars)`` drops the chars.
                    args = args[1:] if attr == "replace" else []
                res = self._merge([receiver, *args, *kwargs])
                return res._replace(node=res.node if res.node is not func.value else node) if isinstance(res, Secret) else res
            if isinstance(receiver, Secret) and attr in ("json", "get_json"):
                return receiver._replace(node=node)
        local = ctx.taint.local_function(func)
        if local is not None:
            res = self._through(local, node, depth, subst, bound=isinstance(func, ast.Attribute))
            if isinstance(res, Secret) or res is CLEAN:
                return res
        kind = _getter_kind(ctx, tail)
        if kind:
            if kind == "secret" and _names_no_secret(ctx, node):
                return None  # get_secret("REDIS_HOST"): a store's accessor reading a host name
            return self._named(f"{tail}() result", kind, node, "_".join(split_words(tail)[1:]))
        return None

    def _through(self, func: ast.AST, call: ast.Call, depth: int, subst: dict | None, bound: bool) -> object:
        """A same-module function's returned values, its parameters bound to the call's arguments."""
        if depth >= MAX_DEPTH or id(func) in self.active or not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return None
        if _masking(func.name):
            return CLEAN
        returns = _returns(self.ctx, func)
        if not returns:
            return None
        args = func.args
        positional = [*args.posonlyargs, *args.args]
        offset = 1 if bound else 0
        mapping: dict[int, tuple] = {}
        stars = any(isinstance(a, ast.Starred) for a in call.args)
        for i, p in enumerate(positional):
            j = i - offset
            if not stars and 0 <= j < len(call.args):
                mapping[id(p)] = (call.args[j], subst)
        for kw in call.keywords:
            for p in [*positional, *args.kwonlyargs]:
                if kw.arg == p.arg:
                    mapping[id(p)] = (kw.value, subst)
        self.active.add(id(func))
        try:
            res = self._merge([self.eval(v, depth + 1, mapping) for v in returns[:8]])
        finally:
            self.active.discard(id(func))
        if isinstance(res, Secret):
            return res._replace(node=call)
        return res


# --- object recognition -------------------------------------------------------------------


_LINE = attrgetter("lineno")


def _class_assignments(ctx: FileContext, cls: ast.ClassDef) -> dict[str, list]:
    """``{attr: [assigned values]}`` for ``attr = ...`` in a class body and ``self.attr = ...``
    in its methods; `CLEAN` stands for an ``attr: SecretStr`` declaration. Memoised per
    class; one pass over the assignments on the class's lines (a class's statements are the
    only ones there), so the cost is the class's, not the file's."""
    memo = ctx.__dict__.setdefault("_aisec_class_assignments", {})
    index = memo.get(cls)
    if index is not None:
        return index
    index = memo[cls] = {}
    assigns, annotated = _on_lines(ctx.nodes_of(ast.Assign), cls), _on_lines(ctx.nodes_of(ast.AnnAssign), cls)
    # Both kinds in source order, as a walk of the file meets them.
    stmts = sorted([*assigns, *annotated], key=lambda n: (n.lineno, n.col_offset)) if ctx.nodes_of(ast.AnnAssign) else assigns
    # A name assigned counts in the class's own body only (the statements whose parent is
    # the class), ``self.attr`` in any of its methods (not a nested class's).
    body = set(map(id, cls.body))
    name, attribute, assign = ast.Name, ast.Attribute, ast.Assign
    for stmt in stmts:
        value = stmt.value
        for t in stmt.targets if type(stmt) is assign else (stmt.target,):
            kind = type(t)
            if kind is name:
                if id(stmt) not in body:
                    continue
                if type(stmt) is not assign and _annotation_kind(stmt.annotation) == "secret":
                    index.setdefault(t.id, []).append(CLEAN)
                elif value is not None:
                    index.setdefault(t.id, []).append(value)
            elif (
                kind is attribute
                and value is not None
                and type(t.value) is name
                and t.value.id == "self"
            ):
                if ctx.enclosing_class(stmt) is cls:
                    index.setdefault(t.attr, []).append(value)
    return index


def _methods(ctx: FileContext, cls: ast.ClassDef) -> dict[str, list]:
    """``{name: [defs]}`` of the defs in a class's own body, in source order. Memoised per
    class."""
    memo = ctx.__dict__.setdefault("_aisec_methods", {})
    found = memo.get(cls)
    if found is None:
        found = memo[cls] = {}
        for stmt in cls.body:
            if type(stmt) is ast.FunctionDef or type(stmt) is ast.AsyncFunctionDef:
                found.setdefault(stmt.name, []).append(stmt)  # type: ignore[attr-defined]
    return found


def _on_lines(stmts: list, cls: ast.ClassDef) -> list:
    """The statements of a list in source order that lie on the lines of `cls` (all of
    them when the class has no end position)."""
    end = getattr(cls, "end_lineno", None)
    if end is None:
        return stmts
    lo = bisect_left(stmts, cls.lineno, key=_LINE)
    return stmts[lo:bisect_right(stmts, end, lo, key=_LINE)]


def _returns(ctx: FileContext, func: ast.AST) -> list[ast.AST]:
    """The values a def returns (its own ``return`` statements, not those of nested defs), in
    `taint.own_nodes` order. Memoised per file: one pass over the file's ``return``
    statements, grouped by their scope, in place of a walk of each def asked about.

    The scope of a ``return`` (`FileContext.scope_of`) is the innermost def, class or lambda
    whose body holds it, and `own_nodes` leaves out exactly the nodes of nested defs,
    classes and lambdas (a ``return`` is never in a lambda, and never in a class body but
    where the class is the scope). `own_nodes` visits the nodes in the pre-order of
    `FileContext.nodes` with the children reversed; of nodes none of which holds another
    (``return`` statements), that is their reversed pre-order."""
    memo = ctx.__dict__.get("_aisec_returns")
    if memo is None:
        memo = ctx.__dict__["_aisec_returns"] = {}
        scope_of = ctx.scope_of
        for ret in reversed(ctx.nodes_of(ast.Return)):
            value = ret.value  # type: ignore[attr-defined]
            if value is not None:
                memo.setdefault(scope_of(ret), []).append(value)
    return memo.get(func, _NOTHING)


def _param_default(ctx: FileContext, arg: ast.arg) -> ast.AST | None:
    """The default value of a parameter of a def or lambda, or None."""
    parent = ctx.parent(arg)
    func = ctx.parent(parent) if parent is not None else None
    if type(func) not in _FUNCTION_TYPES:
        return None
    a = func.args  # type: ignore[union-attr]
    defaults = a.defaults
    if defaults:  # the last positional parameters have them (most defs have none)
        positional = [*a.posonlyargs, *a.args]
        for i, p in enumerate(positional):
            if p is arg:
                i -= len(positional) - len(defaults)
                return defaults[i] if i >= 0 else None
    for p, default in zip(a.kwonlyargs, a.kw_defaults):
        if p is arg:
            return default
    return None


_FUNCTION_TYPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _resolve(ctx: FileContext, expr: ast.AST) -> ast.AST:
    """Follow a local name to its single reaching value (a few hops)."""
    for _ in range(4):
        if not isinstance(expr, ast.Name):
            return expr
        value = ctx.reaching_value(expr)
        if value is None:
            return expr
        expr = value
    return expr


# FastAPI's security dependencies parse the Authorization header into these classes
# (https://fastapi.tiangolo.com/reference/security/): HTTPBasic gives HTTPBasicCredentials
# (.username, .password), HTTPBearer and HTTPDigest give HTTPAuthorizationCredentials
# (.scheme, .credentials).
_SECURITY_CREDENTIALS = frozenset({"HTTPBasicCredentials", "HTTPAuthorizationCredentials"})
_SECURITY_CREDENTIAL_FIELDS = frozenset({"password", "credentials"})


def _security_credentials(ctx: FileContext, name: ast.Name) -> bool:
    """A parameter annotated with one of FastAPI's `_SECURITY_CREDENTIALS` classes (also
    inside ``Annotated[...]``)."""
    for binding in ctx.reaching_bindings(name):
        target = binding.target
        if binding.kind == "param" and isinstance(target, ast.arg) and target.annotation is not None:
            for part in ast.walk(target.annotation):
                if (getattr(part, "id", None) or getattr(part, "attr", None)) in _SECURITY_CREDENTIALS:
                    return True
    return False


def _is_request(ctx: FileContext, expr: ast.AST) -> bool:
    """A web framework's request object: flask's ``request`` proxy, a ``request`` / ``req``
    parameter or variable, ``self.request``, or a parameter annotated ``Request``."""
    qn = ctx.qualname(expr)
    if qn is not None:
        return qn in _REQUEST_MODULES or qn.endswith(".request") and qn.split(".")[0] in ("flask", "quart", "bottle", "sanic")
    if isinstance(expr, ast.Name):
        if expr.id in REQUEST_NAMES:
            return True
        for b in ctx.bindings_of(expr):
            ann = getattr(b.target, "annotation", None)
            if b.kind == "param" and ann is not None and _tail(ann) in ("Request", "HttpRequest", "WSGIRequest"):
                return True
        return False
    return isinstance(expr, ast.Attribute) and expr.attr == "request" and isinstance(expr.value, ast.Name) and expr.value.id == "self"


def _request_part(ctx: FileContext, container: ast.AST) -> str | None:
    """``"headers"``, ``"meta"`` (WSGI environ / Django META) or ``"fields"`` (form, JSON,
    query) when `container` is that part of a request; None otherwise."""
    expr = _resolve(ctx, container)
    if isinstance(expr, ast.Await):
        expr = expr.value
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        if expr.func.attr in ("get_json", "json", "form") and _is_request(ctx, expr.func.value):
            return "fields"
        return None
    if not isinstance(expr, ast.Attribute):
        return None
    if not _is_request(ctx, expr.value):
        return None
    if expr.attr == "headers":
        return "headers"
    if expr.attr in ("META", "environ"):
        return "meta"
    if expr.attr in _FIELD_ATTRS:
        return "fields"
    return None


def _is_app_config(ctx: FileContext, expr: ast.AST) -> bool:
    """Flask's ``app.config`` / ``current_app.config`` (https://flask.palletsprojects.com/en/stable/config/)."""
    expr = _resolve(ctx, expr)
    if not (isinstance(expr, ast.Attribute) and expr.attr == "config"):
        return False
    app = expr.value
    qn = ctx.qualname(app) or ""
    if qn in ("flask.current_app", "quart.current_app"):
        return True
    inst = ctx.instance_of(app) or ""
    if inst.startswith(_FLASK_APPS):
        return True
    name = app.id if isinstance(app, ast.Name) else getattr(app, "attr", "")
    return name in ("app", "application", "current_app", "flask_app")


def _is_config_object(ctx: FileContext, expr: ast.AST) -> bool:
    """A settings or configuration object: Django's ``settings``, a ``settings`` / ``config``
    module, a Flask app (``app.secret_key``; a name ``app`` or ``application`` bound to a
    record, such as an OAuth client model, is none), or an instance of a pydantic
    ``BaseSettings`` class of this module."""
    qn = ctx.qualname(expr)
    if qn is not None:
        if qn == "django.conf.settings" or qn in ("flask.current_app", "quart.current_app"):
            return True
        return bool(_CONFIG_WORDS & set(split_words(qn.rsplit(".", 1)[-1])))
    inst = ctx.instance_of(expr) or ""
    if inst.startswith(_FLASK_APPS):
        return True
    name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", "")
    words = split_words(name)
    if words and words[-1] in _CONFIG_WORDS and not (name[:1].isupper() and not name.isupper()):
        return True  # settings, config, app_config, CONFIG; not a class such as AutoConfig
    value = _resolve(ctx, expr)
    if name in ("app", "application"):
        # A Flask app, unless bound to a record: an instance of another class
        # (``Application(...)``, an OAuth client model) or the result of a lookup.
        return not (isinstance(value, ast.Call) and _record_call(value))

    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        cls = _local_class(ctx, value.func)
        if cls is not None:
            return any(_tail(b) in ("BaseSettings",) for b in cls.bases)
    return False


# Calls that give a stored record, not an app: ORM and Flask-SQLAlchemy lookups.
_RECORD_CALLS = frozenset(
    {"get", "create", "first", "one", "one_or_none", "get_or_404", "first_or_404", "get_object_or_404", "scalar_one", "scalar"}
)


def _record_call(call: ast.Call) -> bool:
    """``Application(...)``, ``Application.objects.create(...)``, ``get_object_or_404(...)``:
    a call that gives a stored record, by a class name (capitalised: Flask and Quart apps are
    known by `FileContext.instance_of` before this is asked) or a lookup method."""
    tail = _tail(call.func)
    return (tail[:1].isupper() and not tail.isupper()) or tail in _RECORD_CALLS


def _within_settings(ctx: FileContext, container: ast.AST) -> bool:
    """An item of a settings attribute: ``settings.DATABASES["default"]``, ``CONFIG.db``."""
    cur = container
    for _ in range(6):
        if isinstance(cur, ast.Subscript):
            cur = cur.value
        elif isinstance(cur, ast.Call) and isinstance(cur.func, ast.Attribute) and cur.func.attr == "get":
            cur = cur.func.value
        elif isinstance(cur, ast.Attribute):
            if (ctx.qualname(cur.value) or "") == "django.conf.settings" or (
                isinstance(cur.value, ast.Name) and cur.value.id in ("settings", "SETTINGS", "CONFIG")
            ):
                return True
            cur = cur.value
        else:
            return False
    return False


def _settings_root(container: ast.AST) -> str:
    cur = container
    for _ in range(6):
        if isinstance(cur, ast.Attribute) and isinstance(cur.value, ast.Name):
            return f"{cur.value.id}.{cur.attr}"
        cur = getattr(cur, "value", None) or getattr(getattr(cur, "func", None), "value", None)
        if cur is None:
            break
    return "settings"


def _local_class(ctx: FileContext, name: ast.Name) -> ast.ClassDef | None:
    for b in ctx.bindings_of(name):
        if isinstance(b.target, ast.ClassDef):
            return b.target
    return None


def _key_vault_client(ctx: FileContext, expr: ast.AST) -> bool:
    """An Azure Key Vault ``SecretClient`` (azure-keyvault-secrets), or a receiver named for a
    vault or secret store."""
    inst = ctx.instance_of(expr) or ""
    if inst.endswith("SecretClient"):
        return True
    name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", "")
    words = set(split_words(name))
    return bool(words & {"vault", "kv", "keyvault"}) or ("secret" in words and "client" in words)
