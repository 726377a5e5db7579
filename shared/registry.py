"""The rule registry: the single source of truth for every rule's identifiers and metadata.

Each rule has one `Rule` record here. The flake8 adapter, the pylint adapter, the generated
docs (`docs/rules.md`) and the README rule table all read these records; nothing restates
them. Identifiers are append-only once released: `identifiers.json` beside this file is a
committed snapshot, and a test fails when an existing row changes.

Identifier scheme
-----------------
- flake8 code: ``AIS`` + three digits. The first digit is the *family*.
- pylint msgid: the letter ``W`` (fixed; it never follows severity), the family's two-digit
  checker id from `FAMILIES`, then the last two digits of the code. AIS402 -> ``W7402``.
  Checker ids are ``70 + family`` for families 0-6 and ``80 + family`` for 7-9 (77 is used by
  other plugins), so the last digit of the checker id is always the family digit.
- pylint symbol: lowercase words joined by hyphens, named after the pattern (it reads after
  "allow"), never after the fix.
"""

from __future__ import annotations

from typing import NamedTuple
from enum import Enum

from .analysis.patterns import lazy_compile

__all__ = [
    "Family",
    "FAMILIES",
    "Rule",
    "RULES",
    "Severity",
    "INTERNAL_ERROR",
    "MSGID_LETTER",
    "DOCS_URL",
    "by_symbol",
    "rule_for",
]

MSGID_LETTER = "W"
# Where each rule's generated page is published (the repository's docs/rules/ folder).
DOCS_URL = "https://github.com/aisec-lint/aisec-lint/blob/main/docs/rules/{code}.md"
CODE_RE = lazy_compile(r"^AIS[0-9]{3}$")
SYMBOL_RE = lazy_compile(r"^[a-z]+(?:-[a-z]+)*$")


class Severity(str, Enum):
    """How much damage the flaw allows if exploited (Bandit's sense), independent of confidence."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Family(NamedTuple):
    """A code family: the first digit of the AIS code and its pylint checker id."""

    digit: int
    checker_id: int
    title: str


FAMILIES: dict[int, Family] = {
    f.digit: f
    for f in (
        Family(0, 70, "Tool messages"),
        Family(1, 71, "Secrets and credential exposure"),
        Family(2, 72, "Authentication, passwords, sessions and tokens"),
        Family(3, 73, "Authorization and access control"),
        Family(4, 74, "Injection and untrusted data"),
        Family(5, 75, "Cryptography"),
        Family(6, 76, "Insecure defaults and transport"),
        Family(7, 87, "Cloud and non-human identity configuration"),
        Family(8, 88, "AI model and agent code"),
        Family(9, 89, "Review aids (opt-in)"),
    )
}


class Rule(NamedTuple):
    """One rule's identifiers and metadata.

    Attributes:
        code: flake8 code, ``AIS`` + three digits.
        symbol: pylint symbol, lowercase words joined by hyphens.
        template: ``%``-style message; the check supplies the arguments in order.
        summary: one paragraph, plain text; used as pylint's description.
        module: module under ``aisec_shared.rules`` holding the checks and the docs
            (its docstring, with the headings of STYLE.md).
        cwe: CWE ids, most specific first.
        owasp: OWASP Top 10 (2021) category id, e.g. ``"A03"``.
        owasp_nhi: OWASP Non-Human Identities Top 10 (2025) id, e.g. ``"NHI2"``, or ``""``.
        severity: impact if exploited.
        default_enabled: False for opt-in rules, which run only when listed in ``aisec-enable``.
        supersedes: codes this rule wins over when both report the same node.
        old_names: ``(msgid, symbol)`` pairs this rule was known by (pylint ``old_names``).
    """

    code: str
    symbol: str
    template: str
    summary: str
    module: str
    cwe: tuple[int, ...]
    owasp: str
    severity: Severity
    owasp_nhi: str = ""
    default_enabled: bool = True
    supersedes: tuple[str, ...] = ()
    old_names: tuple[tuple[str, str], ...] = ()

    @property
    def family(self) -> Family:
        return FAMILIES[int(self.code[3])]

    @property
    def msgid(self) -> str:
        return f"{MSGID_LETTER}{self.family.checker_id}{self.code[4:]}"

    @property
    def docs_url(self) -> str:
        """The rule's documentation page (generated into ``docs/rules/<code>.md``)."""
        return DOCS_URL.format(code=self.code)

    @property
    def description(self) -> str:
        """The summary followed by the documentation link (pylint's ``--help-msg`` text)."""
        return f"{self.summary} Documentation: {self.docs_url}"


INTERNAL_ERROR = "AIS000"

_RULES: tuple[Rule, ...] = (
    Rule(
        code="AIS000",
        symbol="aisec-internal-error",
        template="aisec-lint rule %s failed on this file (%s); the other rules still ran",
        summary=(
            "Used when one of aisec-lint's own rules raised an exception on this file. The "
            "failing rule is named; its findings for this file are missing, every other rule "
            "still reported. Please report it with the file that triggers it."
        ),
        module="internal_error",
        cwe=(),
        owasp="",
        severity=Severity.LOW,
    ),
    Rule(
        code="AIS001",
        symbol="unjustified-suppression",
        template="Suppression %s %s",
        summary=(
            "Used when a comment suppresses aisec findings without naming the rule "
            "(a bare '# noqa' covering an aisec finding, at any confidence) or without a reason "
            "after the codes "
            "('# noqa: AIS101' alone, or a pylint disable pragma naming an aisec message with "
            "no trailing '# reason' comment). Opt-in."
        ),
        module="ais001_unjustified_suppression",
        cwe=(1164,),
        owasp="",
        severity=Severity.LOW,
        default_enabled=False,
    ),
    Rule(
        code="AIS002",
        symbol="unused-suppression",
        template="'# noqa: %s' suppresses nothing here any more; remove it",
        summary=(
            "Used when a '# noqa' comment lists an aisec code or prefix and no finding of a rule "
            "it names was found on that statement, at any confidence, so the suppression is "
            "stale. Opt-in."
        ),
        module="ais002_unused_suppression",
        cwe=(1164,),
        owasp="",
        severity=Severity.LOW,
        default_enabled=False,
    ),
    Rule(
        code="AIS101",
        symbol="hardcoded-secret",
        template="Hardcoded secret %s in '%s'; read it from the environment or a secret manager",
        summary=(
            "Used when a string literal is bound to a secret-like name (password, secret, token, "
            "api_key / apiKey, private_key, client_secret, credential) as a variable, attribute, "
            "class or dataclass / pydantic field default, keyword argument, dict key, default "
            "argument or comparison operand, and is not a placeholder, template, enum-like label, "
            "env var name, path, URL without a password or UUID; confidence comes from the name, "
            "the value's shape and its entropy (aisec-entropy-threshold)."
        ),
        module="ais101_hardcoded_secret",
        cwe=(798, 259),
        owasp="A07",
        owasp_nhi="NHI2",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS102",
        symbol="hardcoded-provider-key",
        template="%s holds %s %s; revoke it and load the key from a secret manager",
        summary=(
            "Used when a string literal, docstring or comment holds a credential in a format its "
            "provider documents (over 60 formats: AWS, Google Cloud, Azure, GitHub with its "
            "checksum, GitLab, Slack, Stripe, Twilio, SendGrid, OpenAI, Anthropic, Hugging Face, "
            "npm, PyPI, Docker Hub, Datadog, Shopify, bot tokens, signed JWTs, private key "
            "blocks), whatever name it is bound to; prefix-less keys need a telling name or pair."
        ),
        module="ais102_hardcoded_provider_key",
        cwe=(798, 615),
        owasp="A07",
        owasp_nhi="NHI2",
        severity=Severity.HIGH,
        supersedes=("AIS101", "AIS103", "AIS104", "AIS105"),
    ),
    Rule(
        code="AIS103",
        symbol="hardcoded-connection-credential",
        template="Hardcoded credential %s in %s; read it from the environment or a secret manager",
        summary=(
            "Used when a string literal carries a password or token inside it: a database or "
            "broker URL with a password (user:pass@host), basic auth in an HTTP or FTP URL, an "
            "ODBC or libpq connection string with PWD= or password=, a password= query "
            "parameter, or an Authorization header value built from literals."
        ),
        module="ais103_hardcoded_connection_credential",
        cwe=(259, 798),
        owasp="A07",
        owasp_nhi="NHI2",
        severity=Severity.HIGH,
        supersedes=("AIS101",),
    ),
    Rule(
        code="AIS104",
        symbol="hardcoded-secret-fallback",
        template="Hardcoded fallback %s for secret '%s'; fail when it is unset instead of running with a known value",
        summary=(
            "Used when a secret-like environment variable or setting falls back to a literal: "
            "os.environ.get / os.getenv / os.environ.setdefault with a literal default or an "
            "'or \"literal\"', django-environ, environs, python-decouple and Starlette config "
            "defaults, and pydantic BaseSettings fields with literal defaults."
        ),
        module="ais104_hardcoded_secret_fallback",
        cwe=(798, 1188),
        owasp="A07",
        owasp_nhi="NHI2",
        severity=Severity.HIGH,
        supersedes=("AIS101",),
    ),
    Rule(
        code="AIS105",
        symbol="hardcoded-framework-secret",
        template="Hardcoded %s %s given to %s; load it from the environment or a secret manager",
        summary=(
            "Used when a literal is handed to a framework or SDK that signs or authenticates "
            "with it: Flask app.secret_key and SECRET_KEY config, Django's SECRET_KEY setting, "
            "JWT and itsdangerous signing keys, boto3 aws_* keys, Azure credentials, and the "
            "API keys and tokens of OpenAI, Anthropic, Stripe, Twilio and other SDK clients."
        ),
        module="ais105_hardcoded_framework_secret",
        cwe=(321, 798),
        owasp="A02",
        owasp_nhi="NHI2",
        severity=Severity.HIGH,
        supersedes=("AIS101",),
    ),
    Rule(
        code="AIS106",
        symbol="logged-secret",
        template="Secret from %s reaches %s; log or raise at most a masked form, never the value",
        summary=(
            "Used when a secret (read from the environment, settings, a secret manager, a "
            "request's Authorization header or password field, or named password, token, "
            "api_key ...) reaches a logging call, print(), warnings.warn() or an exception "
            "message, where it is copied into log files and error trackers."
        ),
        module="ais106_logged_secret",
        cwe=(532, 209),
        owasp="A09",
        owasp_nhi="NHI2",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS107",
        symbol="exposed-secret",
        template="Secret from %s is exposed in %s; keep it server-side",
        summary=(
            "Used when a server-side secret reaches an HTTP response (jsonify, JsonResponse, a "
            "dict returned by a route), a URL query string (?api_key=, params= of an HTTP "
            "client, a redirect), Flask's client-side session cookie, or a file the same "
            "function makes world-readable."
        ),
        module="ais107_exposed_secret",
        cwe=(200, 598, 315, 732),
        owasp="A01",
        owasp_nhi="NHI2",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS201",
        symbol="jwt-signature-unverified",
        template="JWT %s (%s); pass the key and an algorithms allow-list",
        summary=(
            "Used when a JSON Web Token is decoded with signature verification turned off "
            "(PyJWT options verify_signature False, verify=False, the 'none' algorithm, "
            "python-jose get_unverified_claims), so any forged token is accepted, or when the "
            "token picks its own algorithm: no algorithms allow-list, the algorithm read from "
            "its header, or HMAC allowed beside RSA/EC/EdDSA (algorithm confusion)."
        ),
        module="ais201_jwt_signature_unverified",
        cwe=(347,),
        owasp="A02",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS202",
        symbol="weak-password-hash",
        template="Password hashed with %s; %s",
        summary=(
            "Used when a password-like value is hashed with a fast general-purpose hash (MD5, "
            "SHA-1, SHA-2, SHA-3, BLAKE2, HMAC, passlib's plain and archaic schemes), or with "
            "a slow one at too low a work factor: PBKDF2 below the OWASP iteration counts "
            "(600,000 for HMAC-SHA256), bcrypt below cost 10, scrypt or Argon2 below minimal "
            "cost; also a Django PASSWORD_HASHERS list led by an MD5, SHA-1 or crypt hasher "
            "and a passlib CryptContext defaulting to a weak scheme."
        ),
        module="ais202_weak_password_hash",
        cwe=(916, 328),
        owasp="A02",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS203",
        symbol="insecure-random-token",
        template="%s is %s and here makes '%s'; %s",
        summary=(
            "Used when a security value (token, OTP, session id, reset or invite code, salt, "
            "nonce, key) is produced with the random module, whose Mersenne Twister output can "
            "be predicted from earlier outputs, with uuid1 (clock and MAC address), uuid3/uuid5 "
            "or the current time (hashed or not), or from fewer than 16 bytes of secrets output."
        ),
        module="ais203_insecure_random_token",
        cwe=(330, 338),
        owasp="A02",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS204",
        symbol="insecure-cookie",
        template="Cookie %s %s; %s",
        summary=(
            "Used when a session-like cookie is set without the Secure or HttpOnly flag (or with "
            "them False) in Flask, Django or Starlette, when a framework setting turns those "
            "flags off for the session, remember-me or CSRF cookie (module settings, config "
            "classes, app.config), when a cookie or SESSION_COOKIE_SAMESITE setting has "
            "SameSite=None without Secure, or when an identity or role cookie takes its value "
            "from the request."
        ),
        module="ais204_insecure_cookie",
        cwe=(614, 1004),
        owasp="A05",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS205",
        symbol="plaintext-password",
        template="Password %s in plaintext (%s); store a salted hash (argon2, bcrypt, scrypt) and verify it with the library",
        summary=(
            "Used when a password is compared with a stored one (user.password == password), "
            "written unhashed to a model field, an ORM create/update, a MongoDB document or an "
            "SQL INSERT/UPDATE, or used to look a user up (filter_by(password=...), WHERE "
            "password = ?): the passwords are kept as typed."
        ),
        module="ais205_plaintext_password",
        cwe=(256, 257),
        owasp="A07",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS206",
        symbol="hardcoded-credential-check",
        template="Hardcoded %s %s decides authentication; verify against a salted hash or a secret store instead",
        summary=(
            "Used when a login or API-key check compares a credential (password, secret, "
            "token, API key; a variable, request field or header) with a non-placeholder "
            "literal, a name bound to one, a literal environment fallback or a module-level "
            "dict of literal passwords: a backdoor credential shared by every deployment."
        ),
        module="ais206_hardcoded_credential_check",
        cwe=(798, 259),
        owasp="A07",
        severity=Severity.HIGH,
        supersedes=("AIS101", "AIS104"),
    ),
    Rule(
        code="AIS207",
        symbol="timing-unsafe-comparison",
        template="%s compared with '%s', whose timing reveals how much of it matched; use hmac.compare_digest()",
        summary=(
            "Used when an API key, token, HMAC digest, webhook signature, password hash or "
            "reset code is compared with == or != against another non-constant value (a "
            "request header, a stored token, a computed digest), so response times leak how "
            "many leading bytes of a guess were right."
        ),
        module="ais207_timing_unsafe_comparison",
        cwe=(208,),
        owasp="A07",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS208",
        symbol="credentials-over-http",
        template="Credential (%s) %s; send credentials only over https:// and in a header, never in the URL",
        summary=(
            "Used when an HTTP client call (requests, httpx, aiohttp, urllib3, urllib) sends "
            "auth=, an Authorization or API-key header, or a secret-named field to a plain "
            "http:// URL that is not loopback, when a credential-named parameter is sent in a "
            "URL query string (params=, ?api_key=), and when a handler reads an API key, "
            "secret or token from the query string (request.args, request.GET, query_params, "
            "FastAPI Query, APIKeyQuery)."
        ),
        module="ais208_credentials_over_http",
        cwe=(319, 598),
        owasp="A02",
        severity=Severity.HIGH,
        supersedes=("AIS107",),
    ),
    Rule(
        code="AIS209",
        symbol="jwt-without-expiry",
        template="%s issued %s; %s",
        summary=(
            "Used when a JSON Web Token is issued (PyJWT, python-jose, Authlib, "
            "Flask-JWT-Extended) from a payload built in the same function without an exp "
            "claim, with expires_delta=False, or with a lifetime beyond aisec-max-token-lifetime "
            "(refresh tokens: aisec-max-session-lifetime), including the JWT_*_TOKEN_EXPIRES "
            "and SIMPLE_JWT lifetime settings."
        ),
        module="ais209_jwt_without_expiry",
        cwe=(613,),
        owasp="A07",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS210",
        symbol="token-without-max-age",
        template="%s accepts %s of any age; %s",
        summary=(
            "Used when a signed token is read without an age limit: itsdangerous timed "
            "serializers and TimestampSigner, and Django TimestampSigner, without max_age; and "
            "Django signing.loads or untimed serializers and signers reading a password-reset, "
            "email-verification, invite or login token, which then never expires."
        ),
        module="ais210_token_without_max_age",
        cwe=(613, 640),
        owasp="A07",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS211",
        symbol="insecure-oauth-flow",
        template="%s; %s",
        summary=(
            "Used when an OAuth client callback exchanges the authorization code without "
            "checking the state (requests-oauthlib or Authlib OAuth2Session built without "
            "state=, a hand-written code exchange with no state comparison), when "
            "OAUTHLIB_INSECURE_TRANSPORT is set in deployed code, or when the redirect_uri "
            "comes from request input."
        ),
        module="ais211_insecure_oauth_flow",
        cwe=(352, 319, 601),
        owasp="A07",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS212",
        symbol="client-controlled-identity",
        template="%s comes from %s and is trusted for %s; %s",
        summary=(
            "Used when the client chooses who the user is or what they may do: a session key "
            "naming the user, a role or an admin flag written from request data without a "
            "password or token check, login_user() / Django login() of a user looked up by a "
            "request value, or an access decision on a role or admin flag read from a cookie, a "
            "header, a query or form admin flag, or a JWT claim whose signature is not verified."
        ),
        module="ais212_client_controlled_identity",
        cwe=(807, 565, 639),
        owasp="A01",
        severity=Severity.HIGH,
        supersedes=("AIS415",),
    ),
    Rule(
        code="AIS213",
        symbol="csrf-protection-disabled",
        template="CSRF protection is off for %s (%s); %s",
        summary=(
            "Used when CSRF protection is switched off where a session cookie signs users in: "
            "Django @csrf_exempt or Flask-WTF csrf.exempt on a state-changing view that uses "
            "login_required or the session user, a Django MIDDLEWARE with SessionMiddleware "
            "but no CsrfViewMiddleware, or Flask-WTF WTF_CSRF_ENABLED = False outside "
            "development and test configuration. DRF views, signed webhooks and "
            "token-authenticated endpoints are not reported."
        ),
        module="ais213_csrf_protection_disabled",
        cwe=(352,),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS214",
        symbol="long-session-lifetime",
        template="%s keeps a %s valid for %s (limit %s); shorten it so that users sign in again",
        summary=(
            "Used when a session or remember-me cookie lives longer than "
            "aisec-max-session-lifetime: Flask PERMANENT_SESSION_LIFETIME, Flask-Login "
            "REMEMBER_COOKIE_DURATION or login_user(duration=...), Django SESSION_COOKIE_AGE or "
            "session.set_expiry(), Starlette SessionMiddleware(max_age=...), or set_cookie() of "
            "a session-like cookie with a far max_age or expires, computed from constant "
            "numbers and timedelta arithmetic."
        ),
        module="ais214_long_session_lifetime",
        cwe=(613,),
        owasp="A07",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS215",
        symbol="jwt-claims-unverified",
        template="JWT %s; %s",
        summary=(
            "Used when a JSON Web Token's signature is verified but its claim checks are turned "
            "off: PyJWT or python-jose options verify_exp, verify_aud, verify_iss, verify_nbf "
            "(or verify_iat, verify_sub, verify_jti) False, PyJWT 1.x verify_expiration=False, "
            "a leeway of an hour or more, or Authlib claims used without claims.validate()."
        ),
        module="ais215_jwt_claims_unverified",
        cwe=(613, 345),
        owasp="A07",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS301",
        symbol="missing-authentication",
        template="%s handler '%s' has no authentication while other handlers %s use %s; add it, or mark the endpoint public",
        summary=(
            "Used when a Flask, Django, DRF or FastAPI handler for POST, PUT, PATCH or DELETE has no "
            "authentication (decorator, mixin, permission_classes, Depends/Security dependency, "
            "before_request hook or check in the body) in a module, blueprint or router whose other "
            "handlers have one; login, registration, password reset, token, OAuth callback and "
            "health endpoints are exempt."
        ),
        module="ais301_missing_authentication",
        cwe=(306, 862),
        owasp="A07",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS302",
        symbol="auth-decorator-order",
        template="%s is above the route decorator %s, so the route registers the view without it; put the route decorator first",
        summary=(
            "Used when an authentication or permission decorator (login_required, jwt_required, "
            "roles_required, ...) sits above a Flask-style or FastAPI route decorator, or DRF's "
            "@permission_classes / @authentication_classes above @api_view: the registered view "
            "never runs the check."
        ),
        module="ais302_auth_decorator_order",
        cwe=(306, 862),
        owasp="A07",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS303",
        symbol="permissive-api-permissions",
        template="%s lets unauthenticated clients use %s; %s",
        summary=(
            "Used when Django REST framework lets anonymous clients change data: AllowAny (or an "
            "empty permission_classes) or authentication_classes = [] on a view or viewset that "
            "serves POST, PUT, PATCH or DELETE, or AllowAny in DEFAULT_PERMISSION_CLASSES outside "
            "development settings."
        ),
        module="ais303_permissive_api_permissions",
        cwe=(306, 284),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS304",
        symbol="insecure-direct-object-reference",
        template="%s loads %s by %s with no filter on the current user and no ownership check; scope the query to the user or check the owner",
        summary=(
            "Used when an authenticated, non-admin handler fetches, changes or deletes an object by "
            "a client-supplied id (Model.query.get, session.get, get_object_or_404, "
            "Model.objects.get/filter, a DRF viewset's unscoped queryset) without filtering on the "
            "current user, owner or tenant and without checking the object's owner afterwards."
        ),
        module="ais304_insecure_direct_object_reference",
        cwe=(639, 862),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS305",
        symbol="mass-assignment",
        template="Mass assignment: %s; %s",
        summary=(
            "Used when request data is bound wholesale into a model or object, so the client "
            "chooses which attributes it sets (is_admin, role, owner_id): Model(**request.json), "
            "objects.create(**request.data), obj.__dict__.update(data), setattr loops over "
            "request keys, Query.update(request.json), MongoDB $set of the request document, and "
            "serializers or ModelForms with fields = '__all__' on a user model."
        ),
        module="ais305_mass_assignment",
        cwe=(915,),
        owasp="A08",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS306",
        symbol="assert-access-check",
        template="assert %s is an access check that python -O strips; %s",
        summary=(
            "Used when an assert statement decides access: it tests the caller's identity, "
            "role, permission, ownership, authentication or a token (assert user.is_admin, "
            "assert request.user.has_perm(...), assert obj.owner_id == current_user.id). "
            "Python run with -O or PYTHONOPTIMIZE removes asserts, and the check with them."
        ),
        module="ais306_assert_access_check",
        cwe=(617, 862),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS401",
        symbol="sql-injection",
        template="SQL built with %s reaches %s; pass values as bound parameters",
        summary=(
            "Used when a SQL statement is built by f-string, %-formatting, str.format or "
            "concatenation with a non-constant value and passed to an execute call (DB-API, "
            "sqlite3, SQLAlchemy text / exec_driver_sql, Django raw / extra / RawSQL)."
        ),
        module="ais401_sql_injection",
        cwe=(89,),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS402",
        symbol="command-injection",
        template="Shell command built from a non-constant value reaches %s; pass an argv list without a shell",
        summary=(
            "Used when a non-constant string is run by a shell: subprocess with shell=True, "
            "os.system, os.popen, or an argv of the form ['sh', '-c', value] even with "
            "shell=False."
        ),
        module="ais402_command_injection",
        cwe=(78,),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS403",
        symbol="nosql-injection",
        template='NoSQL query built from %s reaches %s; cast values and never pass raw input as a query document',
        summary=(
            'Used when untrusted input reaches a MongoDB query as a whole filter document (operators such as $ne or $gt included) or as $where JavaScript: pymongo and motor find, update, delete, count and aggregate calls, MongoEngine __raw__.'
        ),
        module="ais403_nosql_injection",
        cwe=(943,),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS404",
        symbol="code-injection",
        template='%s reaches %s, which runs it as Python; parse data with json or ast.literal_eval',
        summary=(
            "Used when a non-constant string from untrusted input reaches eval, exec or compile (or a builtins alias of them), which run it as Python code with the program's privileges."
        ),
        module="ais404_code_injection",
        cwe=(94, 95),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS405",
        symbol="template-injection",
        template='Template source built from %s reaches %s; render a fixed template and pass data as variables',
        summary=(
            'Used when untrusted input becomes the source of a template (Flask render_template_string, jinja2.Template, Environment.from_string, Mako Template, Django Template): template syntax in it runs with server-side access.'
        ),
        module="ais405_template_injection",
        cwe=(1336, 94),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS406",
        symbol="cross-site-scripting",
        template='%s; escape untrusted values or keep autoescaping on',
        summary=(
            'Used when untrusted input reaches an HTML response without escaping (Markup, mark_safe, format_html misuse, HTML built into make_response, HttpResponse or HTMLResponse) or when a Jinja2 Environment renders HTML with autoescaping off.'
        ),
        module="ais406_cross_site_scripting",
        cwe=(79,),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS407",
        symbol="path-traversal",
        template='%s; resolve the path and check it stays under the base directory',
        summary=(
            'Used when untrusted input reaches a file-system path (open, send_file, FileResponse, os.path.join, shutil, os.remove) without confinement, or when tarfile or zipfile members are extracted without a filter or name check.'
        ),
        module="ais407_path_traversal",
        cwe=(22, 73),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS408",
        symbol="server-side-request-forgery",
        template='URL from %s reaches %s; allow-list the scheme and host before fetching',
        summary=(
            'Used when untrusted input chooses the URL or host of a server-side request (requests, httpx, urllib, aiohttp, urljoin with an untrusted path), letting callers reach internal services and cloud metadata endpoints.'
        ),
        module="ais408_server_side_request_forgery",
        cwe=(918,),
        owasp="A10",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS409",
        symbol="open-redirect",
        template='Redirect target from %s reaches %s; allow only relative paths or listed hosts',
        summary=(
            'Used when untrusted input becomes the target of an HTTP redirect (Flask redirect, Django redirect and HttpResponseRedirect, Starlette RedirectResponse, a Location header) without a host check.'
        ),
        module="ais409_open_redirect",
        cwe=(601,),
        owasp="A01",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS410",
        symbol="header-injection",
        template='Response header value from %s reaches %s; validate it and reject CR and LF',
        summary=(
            'Used when untrusted input becomes an HTTP response header value or a Content-Disposition filename without validation, allowing header splitting on servers that pass CR/LF through and injected header parameters everywhere.'
        ),
        module="ais410_header_injection",
        cwe=(113,),
        owasp="A03",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS411",
        symbol="xml-external-entities",
        template='%s; parse with defusedxml or turn entity resolution off',
        summary=(
            'Used when XML from untrusted input is parsed with entity resolution or DTD loading on (lxml resolve_entities=True, no_network=False, xml.sax with external entities), or with a standard-library parser instead of defusedxml.'
        ),
        module="ais411_xml_external_entities",
        cwe=(611, 776),
        owasp="A05",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS412",
        symbol="ldap-injection",
        template='LDAP filter or DN built from %s reaches %s; escape values with escape_filter_chars',
        summary=(
            'Used when untrusted input is formatted into an LDAP search filter or DN (ldap3 Connection.search, python-ldap search_s) without escape_filter_chars / escape_dn_chars.'
        ),
        module="ais412_ldap_injection",
        cwe=(90,),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS413",
        symbol="xpath-injection",
        template='XPath built from %s reaches %s; pass values as XPath variables',
        summary=(
            'Used when untrusted input is formatted into an XPath or XSLT expression (lxml xpath, XPath, find, findall, ElementTree find) instead of being passed as an XPath variable.'
        ),
        module="ais413_xpath_injection",
        cwe=(643,),
        owasp="A03",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS414",
        symbol="unsafe-deserialization",
        template='%s deserializes %s, which can run code; use json or a safe loader',
        summary=(
            'Used when untrusted data is deserialized with a format that can run code: pickle, marshal, shelve, jsonpickle, dill, yaml.load without a safe loader, torch.load without weights_only=True, numpy.load with allow_pickle=True, pandas.read_pickle.'
        ),
        module="ais414_unsafe_deserialization",
        cwe=(502,),
        owasp="A08",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS415",
        symbol="trust-boundary-violation",
        template='%s is stored in the session unvalidated; validate or cast it first',
        summary=(
            'Used when untrusted input is stored into a server-side session (Flask session, Django request.session) without validation, so later code trusts a value the client chose.'
        ),
        module="ais415_trust_boundary_violation",
        cwe=(501,),
        owasp="A04",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS501",
        symbol="weak-cipher",
        template="%s is a weak cipher (%s); use AES-GCM or ChaCha20-Poly1305",
        summary=(
            "Used when data is encrypted with a broken or retired cipher: DES, 3DES, RC4, "
            "Blowfish, IDEA, CAST5, SEED or RC2 through pyca/cryptography (including its "
            "decrepit module), PyCryptodome, PyCrypto or pyDes, or a TLS cipher string that "
            "enables RC4, DES, 3DES, NULL or EXPORT suites."
        ),
        module="ais501_weak_cipher",
        cwe=(327, 326),
        owasp="A02",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS502",
        symbol="ecb-mode",
        template="%s leaks repeated plaintext blocks; use an AEAD mode such as AES-GCM",
        summary=(
            "Used when a block cipher runs in ECB mode: pyca/cryptography modes.ECB(), "
            "PyCryptodome MODE_ECB, or a PyCrypto AES.new(key) without a mode, whose default "
            "is ECB. Equal plaintext blocks then give equal ciphertext blocks."
        ),
        module="ais502_ecb_mode",
        cwe=(327,),
        owasp="A02",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS503",
        symbol="static-iv",
        template="%s is %s; %s",
        summary=(
            "Used when an IV or nonce is the same for every message: a constant given to "
            "CBC, CTR, GCM, CFB or OFB modes, to an AEAD's encrypt(), to PyCryptodome's iv= "
            "or nonce=, a constant CTR counter, or the key itself reused as the IV."
        ),
        module="ais503_static_iv",
        cwe=(329, 1204, 323),
        owasp="A02",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS504",
        symbol="hardcoded-crypto-key",
        template="Hardcoded %s %s given to %s; %s",
        summary=(
            "Used when a constant is given as a symmetric encryption key (Fernet, AESGCM, "
            "ChaCha20Poly1305, Cipher algorithms, PyCryptodome ciphers, PyNaCl SecretBox) or "
            "as the salt of a password-based key derivation (pbkdf2_hmac, scrypt, "
            "PBKDF2HMAC, Argon2, bcrypt.kdf), including values computed from constants."
        ),
        module="ais504_hardcoded_crypto_key",
        cwe=(321, 760),
        owasp="A02",
        owasp_nhi="NHI2",
        severity=Severity.HIGH,
        supersedes=("AIS101",),
    ),
    Rule(
        code="AIS505",
        symbol="weak-crypto-key",
        template="Weak %s (%s); %s",
        summary=(
            "Used when an RSA, DSA, DH or ElGamal key is generated below 2048 bits, an "
            "elliptic curve below 224 bits is used (SECP192R1, SECT163K1, SECT163R2, P-192), "
            "or an RSA public exponent below 65537 is chosen (NIST SP 800-57, SP 800-131A)."
        ),
        module="ais505_weak_crypto_key",
        cwe=(326,),
        owasp="A02",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS506",
        symbol="unauthenticated-encryption",
        template=(
            "%s encrypts without authentication, so the ciphertext can be altered undetected; "
            "use AES-GCM or ChaCha20-Poly1305, or add an HMAC over the ciphertext"
        ),
        summary=(
            "Used when a function encrypts with CBC, CTR, CFB or OFB (or a bare ChaCha20 or "
            "Salsa20 stream) and keeps the ciphertext without computing a MAC over it, which "
            "allows bit-flipping and padding-oracle attacks where an AEAD mode fits."
        ),
        module="ais506_unauthenticated_encryption",
        cwe=(649, 353),
        owasp="A02",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS507",
        symbol="weak-signature-hash",
        template="%s uses %s, whose collisions are practical; sign with SHA-256 or stronger",
        summary=(
            "Used when a digital signature, certificate, CSR or CRL is signed with MD5 or "
            "SHA-1: pyca/cryptography sign() and X.509 builders, PyCryptodome signers, "
            "pyOpenSSL and python-rsa. Verification, HMAC and MGF1 are not reported."
        ),
        module="ais507_weak_signature_hash",
        cwe=(328, 327),
        owasp="A02",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS601",
        symbol="debug-mode-enabled",
        template="%s turns on debug mode; read it from configuration that is off in production",
        summary=(
            "Used when a web framework's debug mode is switched on by a constant: Flask app.run("
            "debug=True), app.debug = True, app.config['DEBUG'] = True, DEBUG = True in a Flask "
            "config class or a Django settings module, FastAPI / Starlette debug=True, or "
            "Werkzeug's debugger (run_simple use_debugger=True, DebuggedApplication). Debug read "
            "from the environment, debug-gated branches and development or test configuration "
            "are not reported. Debug mode exposes an interactive debugger or stack traces with "
            "settings."
        ),
        module="ais601_debug_mode_enabled",
        cwe=(489, 215),
        owasp="A05",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS602",
        symbol="tls-verification-disabled",
        template="TLS certificate verification is disabled (%s); pass a CA bundle instead",
        summary=(
            "Used when certificate or host name verification is turned off: verify=False on "
            "requests or httpx calls, sessions and clients, session.verify = False, aiohttp "
            "ssl=False, ssl._create_unverified_context, check_hostname = False, ssl.CERT_NONE "
            "(verify_mode, cert_reqs, urllib3 cert_reqs='CERT_NONE'), pyOpenSSL VERIFY_NONE, "
            "ssl.wrap_socket without cert_reqs, or urllib3's InsecureRequestWarning silenced."
        ),
        module="ais602_tls_verification_disabled",
        cwe=(295,),
        owasp="A07",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS603",
        symbol="insecure-django-setting",
        template="Django setting %s %s; %s",
        summary=(
            "Used when a Django production settings module weakens a protection that "
            "'manage.py check --deploy' checks: ALLOWED_HOSTS holding '*', SECURE_SSL_REDIRECT = "
            "False, SECURE_HSTS_SECONDS = 0, a MIDDLEWARE list without SecurityMiddleware, "
            "X_FRAME_OPTIONS other than DENY or SAMEORIGIN, SECURE_PROXY_SSL_HEADER trusting "
            "'http' or naming a header Django never sees, SECURE_CONTENT_TYPE_NOSNIFF = False or "
            "SECURE_REFERRER_POLICY = 'unsafe-url'. Development and test settings and debug-only "
            "branches are not reported."
        ),
        module="ais603_insecure_django_setting",
        cwe=(319, 1021, 693, 20),
        owasp="A05",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS604",
        symbol="permissive-cors",
        template="CORS allows every origin%s (%s); %s",
        summary=(
            "Used when a CORS policy admits every origin: Flask-CORS CORS(app) with its default "
            "origins '*', origins='*' or an everything pattern, @cross_origin; Starlette / "
            "FastAPI CORSMiddleware with allow_origins=['*'] or allow_origin_regex='.*'; "
            "django-cors-headers CORS_ALLOW_ALL_ORIGINS (or CORS_ORIGIN_ALLOW_ALL). High "
            "confidence when credentials are allowed too, since the libraries then echo any "
            "origin with cookies; explicit origin lists and development settings are clean."
        ),
        module="ais604_permissive_cors",
        cwe=(942,),
        owasp="A05",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS605",
        symbol="weak-tls-version",
        template="%s allows %s, a deprecated protocol version; require TLS 1.2 or later (ssl.create_default_context(), minimum_version = ssl.TLSVersion.TLSv1_2)",
        summary=(
            "Used when a TLS connection pins or allows SSL 2.0 / 3.0 or TLS 1.0 / 1.1: "
            "ssl.PROTOCOL_SSLv2 / SSLv3 / TLSv1 / TLSv1_1 (SSLContext, wrap_socket, urllib3 "
            "ssl_version), ssl.TLSVersion.SSLv3 / TLSv1 / TLSv1_1 as a minimum or maximum "
            "version, and pyOpenSSL's SSLv2 / SSLv3 / TLSv1 / TLSv1_1 methods. Comparisons are "
            "not reported."
        ),
        module="ais605_weak_tls_version",
        cwe=(757, 327),
        owasp="A02",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS606",
        symbol="ssh-host-key-unverified",
        template="SSH host key is not verified (%s); %s",
        summary=(
            "Used when an SSH client accepts any server host key: paramiko "
            "set_missing_host_key_policy with AutoAddPolicy, WarningPolicy or a policy that "
            "never rejects, asyncssh known_hosts=None, pysftp cnopts.hostkeys = None, and "
            "OpenSSH StrictHostKeyChecking=no in a command or ANSIBLE_HOST_KEY_CHECKING=False."
        ),
        module="ais606_ssh_host_key_unverified",
        cwe=(322, 295),
        owasp="A02",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS607",
        symbol="bind-all-interfaces",
        template="%s listens on every network interface (%s); %s",
        summary=(
            "Used when a development server binds 0.0.0.0 or '::': Flask app.run(host=...), "
            "Werkzeug run_simple, wsgiref make_server, http.server, Django runserver and flask "
            "run argument lists (high when the debugger is on too). Production servers "
            "(uvicorn.run, aiohttp run_app) and raw sockets are reported at low confidence only; "
            "hosts from the environment are never reported."
        ),
        module="ais607_bind_all_interfaces",
        cwe=(1327,),
        owasp="A05",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS608",
        symbol="world-writable-permissions",
        template="%s gives %s (%s); %s",
        summary=(
            "Used when a known permission mode lets every local user write a file or directory "
            "(os.chmod / Path.chmod with the o+w bit, such as 0o777 or 0o666, chmod 777 run "
            "through subprocess, os.umask(0)), or read a key or secret file (0o644 on id_rsa, "
            "*.key, credentials). Creation modes (os.open, os.makedirs, Path.mkdir) that the "
            "umask narrows are low confidence."
        ),
        module="ais608_world_writable_permissions",
        cwe=(732, 276),
        owasp="A01",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS609",
        symbol="insecure-temp-file",
        template="%s %s; %s",
        summary=(
            "Used when a temporary file can be claimed by another local user first: "
            "tempfile.mktemp(), or a fixed or predictable path under /tmp, /var/tmp, /dev/shm or "
            "tempfile.gettempdir() opened for writing (open 'w' / 'a', os.open without O_EXCL, "
            "Path.write_text, shutil.copy destination, logging.FileHandler). Reads, exclusive "
            "creation, random names and test files are not reported."
        ),
        module="ais609_insecure_temp_file",
        cwe=(377, 59),
        owasp="A01",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS701",
        symbol="public-bucket-acl",
        template="%s makes S3 data %s; keep it private and share objects with presigned URLs",
        summary=(
            "Used when an S3 bucket or object gets a public canned ACL (public-read, public-read-write, "
            "authenticated-read) or a grant to the AllUsers / AuthenticatedUsers groups: ACL= of put_object, "
            "create_bucket, put_bucket_acl, put_object_acl, copy_object and the resource methods, "
            "ExtraArgs of upload_file / upload_fileobj, and django-storages AWS_DEFAULT_ACL / default_acl."
        ),
        module="ais701_public_bucket_acl",
        cwe=(732, 284),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS702",
        symbol="public-bucket-policy",
        template="%s: the bucket policy allows %s with no Condition; name the principals or add a condition",
        summary=(
            "Used when put_bucket_policy (or BucketPolicy.put, put_access_point_policy) sets a policy with an "
            "Allow statement for every principal (\"*\", {\"AWS\": \"*\"}, NotPrincipal) and no Condition. The "
            "policy is read from dict literals, json.dumps(...) and JSON strings."
        ),
        module="ais702_public_bucket_policy",
        cwe=(284,),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS703",
        symbol="public-access-block-disabled",
        template="%s %s; keep S3 Block Public Access on and grant access to named principals",
        summary=(
            "Used when S3 Block Public Access is turned off: put_public_access_block with BlockPublicAcls, "
            "IgnorePublicAcls, BlockPublicPolicy or RestrictPublicBuckets set to False (or left out, which "
            "stores false), or delete_public_access_block, on a bucket or (s3control) an account."
        ),
        module="ais703_public_access_block_disabled",
        cwe=(284,),
        owasp="A05",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS704",
        symbol="storage-encryption-disabled",
        template="%s: %s; turn encryption at rest on",
        summary=(
            "Used when AWS storage is created with encryption at rest explicitly off: StorageEncrypted=False "
            "on RDS / Aurora, Encrypted=False on EBS volumes, EFS and Redshift, "
            "AtRestEncryptionEnabled=False on ElastiCache, OpenSearch EncryptionAtRestOptions Enabled False; "
            "and (low confidence) S3 delete_bucket_encryption."
        ),
        module="ais704_storage_encryption_disabled",
        cwe=(311,),
        owasp="A02",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS705",
        symbol="overly-permissive-iam-policy",
        template="%s grants %s; list only the actions and resources the identity needs",
        summary=(
            "Used when an IAM policy document passed to create_policy, create_policy_version, "
            "put_role_policy, put_user_policy or put_group_policy allows Action \"*\", NotAction, "
            "\"service:*\" or write actions on Resource \"*\", and when the AdministratorAccess, "
            "IAMFullAccess or PowerUserAccess managed policies are attached."
        ),
        module="ais705_overly_permissive_iam_policy",
        cwe=(250, 269),
        owasp="A01",
        severity=Severity.HIGH,
        owasp_nhi="NHI5",
    ),
    Rule(
        code="AIS706",
        symbol="public-trust-policy",
        template="%s lets %s assume the role; name the trusted principals and add conditions (sts:ExternalId, token sub and aud)",
        summary=(
            "Used when an IAM role's trust policy (create_role AssumeRolePolicyDocument, "
            "update_assume_role_policy) allows every principal (\"*\", {\"AWS\": \"*\"}, NotPrincipal), or "
            "every identity of a web-identity or SAML provider, with no Condition."
        ),
        module="ais706_public_trust_policy",
        cwe=(284,),
        owasp="A01",
        severity=Severity.HIGH,
        owasp_nhi="NHI6",
    ),
    Rule(
        code="AIS707",
        symbol="long-lived-access-key",
        template="%s creates %s that never expires; give the workload a role or short-lived credentials instead",
        summary=(
            "Used when code mints a long-lived cloud credential: AWS IAM create_access_key / "
            "User.create_access_key_pair, Google Cloud create_service_account_key or "
            "serviceAccounts().keys().create(). Rotation tooling (files that also delete keys) is low confidence."
        ),
        module="ais707_long_lived_access_key",
        cwe=(522,),
        owasp="A07",
        severity=Severity.MEDIUM,
        owasp_nhi="NHI7",
    ),
    Rule(
        code="AIS708",
        symbol="long-presigned-url",
        template="%s signs a link valid for %s; keep signed links short-lived and issue new ones on demand",
        summary=(
            "Used when a presigned or signed URL is valid for more than a day: S3 generate_presigned_url / "
            "generate_presigned_post ExpiresIn, Google Cloud Storage generate_signed_url expiration, Azure "
            "generate_*_sas expiry, read through constant arithmetic and timedelta."
        ),
        module="ais708_long_presigned_url",
        cwe=(613,),
        owasp="A07",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS709",
        symbol="open-security-group",
        template="%s opens %s to the whole internet; allow only known address ranges, a VPN or a bastion",
        summary=(
            "Used when an EC2 security group ingress rule (authorize_security_group_ingress, "
            "SecurityGroup.authorize_ingress) admits 0.0.0.0/0 or ::/0 on an administration, database or "
            "cluster port (SSH, RDP, MySQL, PostgreSQL, Redis, MongoDB, Docker ...) or on every port."
        ),
        module="ais709_open_security_group",
        cwe=(284,),
        owasp="A05",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS710",
        symbol="publicly-accessible-database",
        template="%s %s; keep databases in private subnets, reached through the application's network",
        summary=(
            "Used when a managed database is made reachable from the internet: PubliclyAccessible=True on RDS, "
            "Aurora, Redshift and DMS calls, Cloud SQL authorizedNetworks with 0.0.0.0/0, Azure database "
            "firewall rules from 0.0.0.0 to 255.255.255.255."
        ),
        module="ais710_publicly_accessible_database",
        cwe=(284,),
        owasp="A05",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS711",
        symbol="public-cloud-storage",
        template="%s makes %s; keep storage private and share it through signed URLs or named principals",
        summary=(
            "Used when Google Cloud or Azure storage is made public: GCS make_public(), acl.all().grant_*(), "
            "public predefined ACLs, IAM bindings with allUsers / allAuthenticatedUsers; Azure containers "
            "with public_access \"container\" or \"blob\" and allow_blob_public_access=True."
        ),
        module="ais711_public_cloud_storage",
        cwe=(284,),
        owasp="A01",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS801",
        symbol="model-output-to-sink",
        template="Language-model output reaches %s; treat it as untrusted input and validate it first",
        summary=(
            "Used when the output of a language model (OpenAI, Anthropic, LiteLLM, LangChain) reaches code "
            "execution, a shell, SQL or a file path. A prompt injection in any text the model read then "
            "controls that sink."
        ),
        module="ais801_model_output_to_sink",
        cwe=(1426, 94, 78, 89, 22),
        owasp="A03",
        severity=Severity.HIGH,
        supersedes=("AIS401", "AIS402", "AIS404", "AIS407"),
    ),
    Rule(
        code="AIS802",
        symbol="trust-remote-code",
        template="trust_remote_code=True runs the Python code shipped with %s; %s",
        summary=(
            "Used when a model, tokenizer or dataset is loaded with trust_remote_code=True (Transformers "
            "from_pretrained and pipeline, Datasets load_dataset, sentence-transformers, vLLM, LangChain "
            "Hugging Face wrappers), which imports Python files from the model repository."
        ),
        module="ais802_trust_remote_code",
        cwe=(94, 829),
        owasp="A08",
        severity=Severity.HIGH,
    ),
    Rule(
        code="AIS803",
        symbol="unpinned-model-download",
        template="%s downloads %s without a pinned commit; %s",
        summary=(
            "Used when a model is downloaded by Hub id without revision= set to a full commit hash "
            "(from_pretrained, pipeline, hf_hub_download, snapshot_download, SentenceTransformer, vLLM LLM), or "
            "torch.hub.load fetches a GitHub repository without a commit, so its content can change under "
            "the code."
        ),
        module="ais803_unpinned_model_download",
        cwe=(494,),
        owasp="A08",
        severity=Severity.MEDIUM,
    ),
    Rule(
        code="AIS901",
        symbol="authentication-logic",
        template="Identity review: %s (%s)",
        summary=(
            "Used when code authenticates a user (an opt-in review aid): checks a password "
            "(check_password, check_password_hash, bcrypt.checkpw, passlib or argon2 verify), "
            "calls authenticate(), or logs a user in (Flask-Login login_user, Django login)."
        ),
        module="ais901_authentication_logic",
        cwe=(287,),
        owasp="A07",
        severity=Severity.LOW,
        default_enabled=False,
    ),
    Rule(
        code="AIS902",
        symbol="token-handling",
        template="Identity review: %s (%s)",
        summary=(
            "Used when code issues, verifies or compares a token (an opt-in review aid): JWT "
            "encode and decode (PyJWT, python-jose, Authlib, Flask-JWT-Extended, Simple JWT), "
            "itsdangerous and Django signing dumps / loads / sign / unsign, Django password-"
            "reset tokens, secrets.token_*, and hmac.compare_digest."
        ),
        module="ais902_token_handling",
        cwe=(1390, 287),
        owasp="A07",
        severity=Severity.LOW,
        default_enabled=False,
    ),
    Rule(
        code="AIS903",
        symbol="credential-access",
        template="Identity review: %s (%s)",
        summary=(
            "Used when code reads a credential (an opt-in review aid): a secret-like "
            "environment variable or config key (os.environ, os.getenv, django-environ, "
            "python-decouple), pydantic SecretStr.get_secret_value(), or a secret manager (AWS "
            "Secrets Manager and SSM with decryption, HashiCorp Vault through hvac, keyring, "
            "Azure Key Vault, Google Secret Manager)."
        ),
        module="ais903_credential_access",
        cwe=(522,),
        owasp="A07",
        severity=Severity.LOW,
        default_enabled=False,
    ),
    Rule(
        code="AIS904",
        symbol="permission-change",
        template="Identity review: %s (%s)",
        summary=(
            "Used when code changes a role, a permission or a cloud IAM policy (an opt-in "
            "review aid): assignments to is_staff, is_superuser, is_admin or role, groups and "
            "user_permissions changes, role and permission grants (django-guardian, "
            "Flask-Security), AWS IAM policy and group calls, and set_iam_policy."
        ),
        module="ais904_permission_change",
        cwe=(269,),
        owasp="A01",
        severity=Severity.LOW,
        default_enabled=False,
    ),
)

RULES: dict[str, Rule] = {r.code: r for r in _RULES}
_BY_SYMBOL: dict[str, Rule] = {r.symbol: r for r in _RULES}


def rule_for(code: str) -> Rule:
    """Return the rule with this AIS code. Raises KeyError for an unknown code."""
    return RULES[code]


def by_symbol(symbol: str) -> Rule:
    """Return the rule with this pylint symbol. Raises KeyError for an unknown symbol."""
    return _BY_SYMBOL[symbol]
