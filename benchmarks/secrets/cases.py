"""Labelled samples for the secrets benchmark: credentials and the look-alikes around them.

Each sample is a small Python snippet (1-6 lines once materialized) with:

- ``id``: ``<kind>/<slug>``, unique;
- ``kind``: the provider or shape it exercises (see ``KINDS``);
- ``label``: ``"secret"`` (a real-looking credential sits in the code) or ``"not-secret"``
  (a look-alike: hashes, UUIDs, identifiers, env var names, placeholders, templates, ...);
- ``lines``: for secrets, the line number(s) on which a finding counts (1-based, in the
  materialized snippet; a multi-line literal lists every line it spans); ``()`` for
  look-alikes, where a finding anywhere is a false alarm;
- ``source``: where the format or the look-alike comes from (provider documentation, a
  gitleaks / detect-secrets rule, a CWE example, a public bug report against Bandit,
  detect-secrets or gitleaks);
- ``note``: optional, why the label is what it is when that is not obvious.

Labels follow the truth (would a reviewer call this a committed credential?), not what any
tool reports. Credential-format values are ``@@NAME@@`` placeholders filled by
`keys.materialize` at run time, so this file trips no secret scanner; non-format secrets
(a human-chosen password bound to a name) are written literally: they are not anyone's.

To add a sample, append it to its kind's block; ids are slugs, so others keep their ids.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    id: str
    kind: str
    label: str
    code: str
    lines: tuple[int, ...]
    source: str
    note: str = ""


CASES: list[Case] = []


def _code(code: str | tuple[str, ...]) -> str:
    return ("\n".join(code) if isinstance(code, tuple) else code) + "\n"


def S(kind: str, slug: str, code: str | tuple[str, ...], line: int | tuple[int, ...], source: str, note: str = "") -> None:
    """A secret: a finding must sit on `line` (or one of them)."""
    lines = (line,) if isinstance(line, int) else tuple(line)
    CASES.append(Case(f"{kind}/{slug}", kind, "secret", _code(code), lines, source, note))


def N(kind: str, slug: str, code: str | tuple[str, ...], source: str, note: str = "") -> None:
    """A look-alike: no finding anywhere in the snippet."""
    CASES.append(Case(f"{kind}/{slug}", kind, "not-secret", _code(code), (), source, note))


# --------------------------------------------------------------------------- sources
AWS_IDS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"
AWS_KEYS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"
AWS_CLI = "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html"
BOTO3 = "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html (passing credentials as parameters)"
GH_BLOG = "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"
GH_DOCS = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats"
GH_PATTERNS = "https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns"
GITLAB = "https://docs.gitlab.com/ee/security/tokens/#token-prefixes"
GCP_KEYS = "https://cloud.google.com/docs/authentication/api-keys ; gitleaks rule gcp-api-key"
GCP_SA = "https://cloud.google.com/iam/docs/keys-create-delete (service account key JSON)"
AZ_CONN = "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string"
AZ_SAS = "https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview"
AZ_SB = "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas"
AZ_AD = "gitleaks rule azure-ad-client-secret ; https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials"
AZURITE = "https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite#http-connection-strings"
SLACK = "https://api.slack.com/authentication/token-types"
SLACK_HOOKS = "https://api.slack.com/messaging/webhooks"
STRIPE = "https://docs.stripe.com/keys"
TWILIO = "https://www.twilio.com/docs/iam/api-keys ; https://www.twilio.com/docs/glossary/what-is-a-sid"
SENDGRID = "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys ; gitleaks rule sendgrid-api-token"
MAILGUN = "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/ (API keys) ; gitleaks rule mailgun-private-api-token"
OPENAI = "https://platform.openai.com/docs/api-reference/authentication ; gitleaks rule openai-api-key"
ANTHROPIC = "https://docs.anthropic.com/en/api/overview ; gitleaks rules anthropic-api-key, anthropic-admin-api-key"
HF = "https://huggingface.co/docs/hub/security-tokens ; gitleaks rule huggingface-access-token"
GOAUTH = "https://developers.google.com/identity/protocols/oauth2 ; " + GH_PATTERNS + " (google_oauth_client_secret, _refresh_token, _access_token)"
NPM = "https://github.blog/security/announcing-npms-new-access-token-format/ ; https://docs.npmjs.com/cli/v10/configuring-npm/npmrc"
PYPI = "https://pypi.org/help/#apitoken ; https://packaging.python.org/en/latest/specifications/pypirc/"
DOCKER = "https://docs.docker.com/security/for-developers/access-tokens/ ; " + GH_PATTERNS + " (docker_personal_access_token)"
DATABRICKS = "https://docs.databricks.com/en/dev-tools/auth/pat.html ; gitleaks rule databricks-api-token"
DATADOG = "https://docs.datadoghq.com/account_management/api-app-keys/"
HEROKU = "https://devcenter.heroku.com/articles/authentication ; gitleaks rules heroku-api-key, heroku-api-key-v2"
DO = "https://docs.digitalocean.com/reference/api/create-personal-access-token/ ; gitleaks rules digitalocean-pat, -access-token, -refresh-token"
SHOPIFY = "https://shopify.dev/docs/apps/build/authentication-authorization ; gitleaks rules shopify-access-token, -shared-secret, -custom-access-token, -private-app-access-token"
DISCORD = "https://discord.com/developers/docs/reference#authentication ; https://discord.com/developers/docs/resources/webhook"
TELEGRAM = "https://core.telegram.org/bots/api#authorizing-your-bot ; https://core.telegram.org/bots/features#botfather"
JWT = "https://www.rfc-editor.org/rfc/rfc7519 ; detect-secrets JwtTokenDetector ; gitleaks rule jwt"
PYJWT = "https://pyjwt.readthedocs.io/en/stable/usage.html"
PEM = "https://www.rfc-editor.org/rfc/rfc7468 ; detect-secrets PrivateKeyDetector ; gitleaks rule private-key"
OPENSSH = "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key"
PGP = "https://www.rfc-editor.org/rfc/rfc4880#section-6.2"
SQLA = "https://docs.sqlalchemy.org/en/20/core/engines.html#database-urls"
LIBPQ = "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS"
MONGO = "https://www.mongodb.com/docs/manual/reference/connection-string/"
ODBC = "https://learn.microsoft.com/en-us/sql/connect/odbc/dsn-connection-string-attribute"
RFC3986 = "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1 (userinfo) ; detect-secrets BasicAuthDetector"
CELERY = "https://docs.celeryq.dev/en/stable/userguide/configuration.html#broker-url"
CWE798 = "https://cwe.mitre.org/data/definitions/798.html (demonstrative examples)"
CWE259 = "https://cwe.mitre.org/data/definitions/259.html (demonstrative examples)"
B105 = "https://bandit.readthedocs.io/en/latest/plugins/b105_hardcoded_password_string.html"
B106 = "https://bandit.readthedocs.io/en/latest/plugins/b106_hardcoded_password_funcarg.html"
B107 = "https://bandit.readthedocs.io/en/latest/plugins/b107_hardcoded_password_default.html"
DS_KEYWORD = "detect-secrets KeywordDetector (detect_secrets/plugins/keyword.py)"
GL_GENERIC = "gitleaks rule generic-api-key"
BANDIT_1350 = "https://github.com/PyCQA/bandit/issues/1350 (B105 false positive on 'NextToken')"
BANDIT_842 = "https://github.com/PyCQA/bandit/issues/842 (B106 false positive on token_type='Bearer')"
BANDIT_843 = "https://github.com/PyCQA/bandit/issues/843 (B105 false positive on token_fail_reason message)"
BANDIT_498 = "https://github.com/PyCQA/bandit/issues/498 (B105 false positives on token_* names)"
BANDIT_1267 = "https://github.com/PyCQA/bandit/issues/1267 (B105 false negative: password in a dict)"
DS_426 = "https://github.com/Yelp/detect-secrets/issues/426 (false positives on '*******' and parameter-store paths)"
DS_265 = "https://github.com/Yelp/detect-secrets/issues/265 (false positive on NOPASSWD)"
GL_1219 = "https://github.com/gitleaks/gitleaks/issues/1219 (hex id reported as generic API key)"
GL_1587 = "https://github.com/gitleaks/gitleaks/pull/1587 (client_id / public key / secret name are not secrets)"
GL_1188 = "https://github.com/gitleaks/gitleaks/pull/1188 (REDACTED stopword)"
PROWLER = "https://github.com/prowler-cloud/prowler/issues/4893 (MYSQL_ALLOW_EMPTY_PASSWORD=yes flagged)"
DJANGO_KEY = "https://docs.djangoproject.com/en/5.2/ref/settings/#secret-key ; https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/#secret-key"
FLASK_KEY = "https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY"
OS_ENV = "https://docs.python.org/3/library/os.html#os.getenv"
PYDANTIC = "https://docs.pydantic.dev/latest/concepts/pydantic_settings/"
DECOUPLE = "https://github.com/HBNetwork/python-decouple#usage"

# --------------------------------------------------------------------------- aws
S("aws", "key-id-constant", 'AWS_ACCESS_KEY_ID = "@@AWS_AKIA_1@@"', 1, AWS_IDS)
S("aws", "secret-key-constant", 'aws_secret_access_key = "@@AWS_SECRET_1@@"', 1, AWS_KEYS)
S("aws", "boto3-client-kwargs", (
    "import boto3",
    "s3 = boto3.client(",
    '    "s3",',
    '    aws_access_key_id="@@AWS_AKIA_2@@",',
    '    aws_secret_access_key="@@AWS_SECRET_2@@",',
    ")"), (4, 5), BOTO3)
S("aws", "boto3-session-temp-creds", (
    "import boto3",
    'session = boto3.Session(aws_access_key_id="@@AWS_ASIA_1@@", aws_secret_access_key="@@AWS_SECRET_3@@", aws_session_token="@@AWS_SESSION_1@@")',
), 2, AWS_IDS + " (ASIA: temporary credentials) ; " + BOTO3)
S("aws", "credentials-file-text", 'CREDENTIALS = "[default]\\naws_access_key_id = @@AWS_AKIA_3@@\\naws_secret_access_key = @@AWS_SECRET_4@@\\n"', 1, AWS_CLI)
S("aws", "sts-shaped-dict", (
    "creds = {",
    '    "AccessKeyId": "@@AWS_AKIA_4@@",',
    '    "SecretAccessKey": "@@AWS_SECRET_5@@",',
    "}"), (2, 3), "https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html")
S("aws", "bare-key-id", 'key_id = "@@AWS_AKIA_5@@"  # read-only CI user', 1, AWS_IDS)
S("aws", "environ-assignment", ("import os", 'os.environ["AWS_SECRET_ACCESS_KEY"] = "@@AWS_SECRET_6@@"'), 2, AWS_KEYS)

N("aws", "documented-example-id", 'AWS_ACCESS_KEY_ID = "@@AWS_DOC_ID@@"', AWS_KEYS, "AWS's documented example key id AKIAIOSFODNN7EXAMPLE")
N("aws", "documented-example-secret", 'aws_secret_access_key = "@@AWS_DOC_SECRET@@"', AWS_KEYS, "AWS's documented example secret key (...EXAMPLEKEY)")
N("aws", "env-var-name", 'SECRET_ENV_VAR = "AWS_SECRET_ACCESS_KEY"', DS_KEYWORD, "an environment variable NAME")
N("aws", "from-environ", ("import os", 'aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]'), BOTO3)
N("aws", "paginator-next-token", 'PAGINATION = {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Functions"}', BANDIT_1350)
N("aws", "role-arn", 'ROLE_ARN = "arn:aws:iam::123456789012:role/deploy-readonly"', "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html")
N("aws", "kms-key-id", 'KMS_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"', "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-id (documented example key id)")
N("aws", "key-id-regex", ("import re", 'AWS_KEY_ID_RE = re.compile(r"\\b(?:AKIA|ASIA)[A-Z2-7]{16}\\b")'), "gitleaks rule aws-access-token (a detector's own pattern)")
N("aws", "s3-etag-md5", "etag = '\"9b2cf535f27731c974343645a3985328\"'", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html (ETag: MD5 hex digest)")
N("aws", "assume-role", (
    "import boto3",
    'sts = boto3.client("sts", region_name="eu-west-1")',
    'creds = sts.assume_role(RoleArn="arn:aws:iam::123456789012:role/ci", RoleSessionName="ci")["Credentials"]',
), BOTO3)
N("aws", "session-token-none", "AWS_SESSION_TOKEN = None", B105)

# --------------------------------------------------------------------------- github
S("github", "classic-pat", 'GITHUB_TOKEN = "@@GH_PAT@@"', 1, GH_BLOG)
S("github", "pygithub-positional", ("from github import Github", 'gh = Github("@@GH_PAT_2@@")'), 2, GH_BLOG + " ; https://pygithub.readthedocs.io/en/stable/introduction.html")
S("github", "oauth-in-header", 'headers = {"Authorization": "token @@GHO@@", "Accept": "application/vnd.github+json"}', 1, GH_DOCS)
S("github", "installation-token", 'INSTALLATION_TOKEN = "@@GHS@@"', 1, GH_DOCS)
S("github", "refresh-token", 'refresh_token = "@@GHR@@"', 1, GH_DOCS)
S("github", "user-to-server", 'user_token = "@@GHU@@"', 1, GH_DOCS)
S("github", "fine-grained-pat", 'GH_PAT = "@@GH_FINE@@"', 1, GH_DOCS + " (github_pat_)")
S("github", "token-in-remote-url", 'REMOTE = "https://x-access-token:@@GHS_2@@@github.com/acme/deploy.git"', 1,
  "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation")
S("github", "basic-auth-tuple", ("import requests", 'requests.get("https://api.github.com/user", auth=("octocat", "@@GH_PAT_3@@"))'), 2, GH_BLOG)

N("github", "from-environ", ("import os", 'GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]'), DS_KEYWORD)
N("github", "bad-checksum", 'token = "@@GH_BADSUM@@"', GH_BLOG,
  "ghp_ shape but the CRC32 checksum does not match: GitHub never issued it (GitHub's own scanning discards these)")
N("github", "commit-sha", 'GITHUB_SHA = "e83c5163316f89bfbde7d9ab23ca2e25604af290"', "https://github.com/git/git/commit/e83c5163316f89bfbde7d9ab23ca2e25604af290 (git SHA-1)")
N("github", "prefix-tuple", 'TOKEN_PREFIXES = ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")', GH_DOCS)
N("github", "placeholder", 'token = "ghp_<your-personal-access-token>"', GH_DOCS)
N("github", "fstring-header", 'headers = {"Authorization": f"Bearer {token}", "X-GitHub-Api-Version": "2022-11-28"}',
  "https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api")
N("github", "actions-expression", 'WORKFLOW_ENV = "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}"', "https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication")
N("github", "token-regex", ("import re", 'GH_TOKEN_RE = re.compile(r"gh[pousr]_[A-Za-z0-9]{36}")'), "gitleaks rule github-pat (a detector's own pattern)")

# --------------------------------------------------------------------------- gitlab
S("gitlab", "pat-constant", 'GITLAB_TOKEN = "@@GLPAT@@"', 1, GITLAB)
S("gitlab", "python-gitlab-kwarg", ("import gitlab", 'gl = gitlab.Gitlab("https://gitlab.example.com", private_token="@@GLPAT_2@@")'), 2,
  GITLAB + " ; https://python-gitlab.readthedocs.io/en/stable/api-usage.html")
S("gitlab", "deploy-token-pair", 'DEPLOY_TOKEN = ("gitlab+deploy-token-12", "@@GLDT@@")', 1, GITLAB + " (gldt-)")
S("gitlab", "runner-auth-token", 'RUNNER_TOKEN = "@@GLRT@@"', 1, GITLAB + " (glrt-)")
S("gitlab", "runner-registration", 'registration_token = "@@GR13@@"', 1, GITLAB + " (GR1348941)")
S("gitlab", "pipeline-trigger", ("import requests", 'requests.post(TRIGGER_URL, data={"token": "@@GLPTT@@", "ref": "main"})'), 2, GITLAB + " (glptt-)")
S("gitlab", "oauth-app-secret", 'OAUTH_APP_SECRET = "@@GLOAS@@"', 1, GITLAB + " (gloas-)")

N("gitlab", "from-environ", ("import os", "import gitlab", 'gl = gitlab.Gitlab(URL, private_token=os.environ["GITLAB_TOKEN"])'), GITLAB)
N("gitlab", "ci-job-token", ("import os", 'job_token = os.environ.get("CI_JOB_TOKEN")'), "https://docs.gitlab.com/ee/ci/jobs/ci_job_token.html")
N("gitlab", "prefix-check", ("def kind_of(token):", '    if token.startswith("glpat-"):', '        return "personal"', '    return "other"'), GITLAB)
N("gitlab", "project-id", 'GITLAB_PROJECT_ID = "278964"', "https://docs.gitlab.com/ee/api/rest/#namespaced-paths")
N("gitlab", "placeholder-x", 'token = "@@GLPAT_X@@"', GITLAB, "glpat- followed by twenty x: a documentation placeholder")
N("gitlab", "pipeline-url", 'PIPELINE_URL = "https://gitlab.com/gitlab-org/gitlab/-/pipelines/1234567"', GITLAB)

# --------------------------------------------------------------------------- gcp
S("gcp", "api-key-constant", 'GOOGLE_API_KEY = "@@AIZA_1@@"', 1, GCP_KEYS)
S("gcp", "api-key-in-params", ("import requests", 'r = requests.get("https://maps.googleapis.com/maps/api/geocode/json", params={"address": addr, "key": "@@AIZA_2@@"})'), 2, GCP_KEYS)
S("gcp", "service-account-dict", (
    "SERVICE_ACCOUNT = {",
    '    "type": "service_account",',
    '    "project_id": "billing-prod-4821",',
    '    "private_key": "@@PEM_PKCS8_ESC@@",',
    '    "client_email": "etl@billing-prod-4821.iam.gserviceaccount.com",',
    "}"), 4, GCP_SA)
S("gcp", "service-account-info-call", (
    "from google.oauth2 import service_account",
    'creds = service_account.Credentials.from_service_account_info({"type": "service_account", "private_key": "@@PEM_PKCS8_ESC_2@@", "client_email": "ci@proj.iam.gserviceaccount.com", "token_uri": "https://oauth2.googleapis.com/token"})',
), 2, GCP_SA)
S("gcp", "key-in-url", 'URL = "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=@@AIZA_3@@"', 1, GCP_KEYS)
S("gcp", "genai-configure", ("import google.generativeai as genai", 'genai.configure(api_key="@@AIZA_4@@")'), 2, GCP_KEYS)

N("gcp", "credentials-path", 'GOOGLE_APPLICATION_CREDENTIALS = "/var/secrets/google/key.json"', "https://cloud.google.com/docs/authentication/application-default-credentials")
N("gcp", "project-id", 'PROJECT_ID = "billing-prod-4821"', GCP_SA)
N("gcp", "sa-email", 'SA_EMAIL = "etl@billing-prod-4821.iam.gserviceaccount.com"', GCP_SA)
N("gcp", "from-file", ("from google.oauth2 import service_account", 'creds = service_account.Credentials.from_service_account_file("/var/secrets/google/key.json")'), GCP_SA)
N("gcp", "private-key-id", 'PRIVATE_KEY_ID = "@@HEX40_GCPKID@@"', GCP_SA, "the key's id (a SHA-1-sized fingerprint), not the key")
N("gcp", "from-environ", ("import os", "import google.generativeai as genai", 'genai.configure(api_key=os.environ["GEMINI_API_KEY"])'), GCP_KEYS)
N("gcp", "token-uri", 'TOKEN_URI = "https://oauth2.googleapis.com/token"', GCP_SA)

# --------------------------------------------------------------------------- azure
S("azure", "storage-connection-string", 'AZURE_STORAGE_CONNECTION_STRING = "DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=@@AZ_KEY_1@@;EndpointSuffix=core.windows.net"', 1, AZ_CONN)
S("azure", "blob-client-account-key", (
    "from azure.storage.blob import BlobServiceClient",
    'svc = BlobServiceClient(account_url="https://acmelogs.blob.core.windows.net", credential="@@AZ_KEY_2@@")',
), 2, "https://learn.microsoft.com/en-us/azure/storage/blobs/storage-blob-python-get-started#authorize-access-and-connect-to-blob-storage")
S("azure", "sas-url", 'SAS_URL = "https://acmelogs.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=@@AZ_SIG@@"', 1, AZ_SAS)
S("azure", "service-bus", 'SERVICE_BUS = "Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=@@AZ_SB_KEY@@"', 1, AZ_SB)
S("azure", "client-secret-credential", (
    "from azure.identity import ClientSecretCredential",
    "cred = ClientSecretCredential(",
    '    tenant_id="72f988bf-86f1-41af-91ab-2d7cd011db47",',
    '    client_id="0b9a2c1e-5d4f-4e3a-9b8c-7d6e5f4a3b2c",',
    '    client_secret="@@AZ_AD_SECRET@@",',
    ")"), 5, AZ_AD)
S("azure", "cosmos-key", 'COSMOS_KEY = "@@AZ_KEY_3@@"', 1, "https://learn.microsoft.com/en-us/azure/cosmos-db/database-security#primary-keys")
S("azure", "ad-client-secret-constant", 'AZURE_CLIENT_SECRET = "@@AZ_AD_SECRET_2@@"', 1, AZ_AD)

N("azure", "azurite-dev-key", 'AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=@@AZURITE_KEY@@;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"', AZURITE,
  "the local emulator's well-known key, published by Microsoft")
N("azure", "development-storage", 'CONNECTION_STRING = "UseDevelopmentStorage=true"', AZURITE)
N("azure", "tenant-id", 'AZURE_TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"', "https://learn.microsoft.com/en-us/entra/fundamentals/how-to-find-tenant (tenant ids are identifiers)")
N("azure", "default-credential", ("from azure.identity import DefaultAzureCredential", "credential = DefaultAzureCredential()"), "https://learn.microsoft.com/en-us/python/api/azure-identity/azure.identity.defaultazurecredential")
N("azure", "account-url", 'account_url = "https://acmelogs.blob.core.windows.net"', AZ_CONN)
N("azure", "from-environ", ("import os", 'conn_str = os.environ["AZURE_STORAGE_CONNECTION_STRING"]'), AZ_CONN)
N("azure", "sas-template", 'SAS_TEMPLATE = "https://{account}.blob.core.windows.net/{container}?{sas_token}"', AZ_SAS)

# --------------------------------------------------------------------------- slack
S("slack", "bot-token", 'SLACK_BOT_TOKEN = "@@XOXB@@"', 1, SLACK)
S("slack", "webclient-user-token", ("from slack_sdk import WebClient", 'client = WebClient(token="@@XOXP@@")'), 2, SLACK)
S("slack", "webhook-constant", 'WEBHOOK_URL = "@@SLACK_HOOK@@"', 1, SLACK_HOOKS)
S("slack", "webhook-post", ("import requests", 'requests.post("@@SLACK_HOOK_2@@", json={"text": "deploy finished"})'), 2, SLACK_HOOKS)
S("slack", "app-level-token", 'SLACK_APP_TOKEN = "@@XAPP@@"', 1, "https://api.slack.com/apis/socket-mode")
S("slack", "signing-secret", 'SLACK_SIGNING_SECRET = "@@HEX32_SLACKSIGN@@"', 1, "https://api.slack.com/authentication/verifying-requests-from-slack")
S("slack", "config-refresh-token", 'config_refresh_token = "@@XOXE@@"', 1, SLACK + " (xoxe-1- refresh tokens)")

N("slack", "documented-webhook", 'SLACK_HOOK_EXAMPLE = "@@SLACK_HOOK_DOC@@"', SLACK_HOOKS, "Slack's documented example URL (T00000000/B00000000/XXXX...)")
N("slack", "from-environ", ("import os", "from slack_sdk import WebClient", 'client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])'), "https://slack.dev/python-slack-sdk/web/index.html")
N("slack", "placeholder", 'token = "xoxb-your-token"', "https://slack.dev/python-slack-sdk/installation/index.html")
N("slack", "channel-id", 'CHANNEL_ID = "C0123ABCDEF"', "https://api.slack.com/methods/chat.postMessage")
N("slack", "token-type-bot", 'token_type = "bot"', "https://api.slack.com/methods/oauth.v2.access (response token_type) ; " + BANDIT_842)
N("slack", "signature-header", 'signature = request.headers["X-Slack-Signature"]', "https://api.slack.com/authentication/verifying-requests-from-slack")

# --------------------------------------------------------------------------- stripe
S("stripe", "api-key-attribute", ("import stripe", 'stripe.api_key = "@@SK_LIVE@@"'), 2, STRIPE)
S("stripe", "secret-key-constant", 'STRIPE_SECRET_KEY = "@@SK_LIVE_2@@"', 1, STRIPE)
S("stripe", "restricted-key", 'STRIPE_RESTRICTED_KEY = "@@RK_LIVE@@"', 1, STRIPE + " (restricted keys)")
S("stripe", "webhook-secret", 'endpoint_secret = "@@WHSEC@@"', 1, "https://docs.stripe.com/webhooks#verify-official-libraries")
S("stripe", "client-positional", ("import stripe", 'client = stripe.StripeClient("@@SK_LIVE_3@@")'), 2, STRIPE)
S("stripe", "test-secret-key", 'STRIPE_TEST_SECRET = "@@SK_TEST@@"', 1, STRIPE,
  "a test-mode secret key still authenticates to the account's test data; Stripe says to keep it secret")

N("stripe", "publishable-key", 'STRIPE_PUBLISHABLE_KEY = "@@PK_LIVE@@"', STRIPE, "publishable keys are meant to be shipped to browsers")
N("stripe", "documented-test-key", ("import stripe", 'stripe.api_key = "@@SK_TEST_DOC@@"'), "https://docs.stripe.com/api/authentication (the API reference's shared sample test key, sk_test_4eC39...)",
  "the key Stripe's own docs printed for everyone")
N("stripe", "from-environ", ("import os", "import stripe", 'stripe.api_key = os.environ["STRIPE_SECRET_KEY"]'), STRIPE)
N("stripe", "customer-id", 'customer_id = "cus_NffrFeUfNV2Hib"', "https://docs.stripe.com/api/customers/object (object id)")
N("stripe", "price-id", 'PRICE = "price_1MoBy5LkdIwHu7ixZhnattbh"', "https://docs.stripe.com/api/prices/object (object id)")
N("stripe", "prefix-map", 'KEY_PREFIXES = {"sk_live_": "secret", "pk_live_": "publishable", "rk_live_": "restricted"}', STRIPE)

# --------------------------------------------------------------------------- twilio
S("twilio", "auth-token-constant", 'TWILIO_AUTH_TOKEN = "@@HEX32_TW1@@"', 1, TWILIO)
S("twilio", "client-positional", ("from twilio.rest import Client", 'client = Client("@@TW_AC_1@@", "@@HEX32_TW2@@")'), 2, "https://www.twilio.com/docs/libraries/reference/twilio-python/ ; " + TWILIO)
S("twilio", "sid-then-token", ('account_sid = "@@TW_AC_2@@"', 'auth_token = "@@HEX32_TW3@@"'), 2, TWILIO)
S("twilio", "api-key-client", ("from twilio.rest import Client", 'client = Client("@@TW_SK_1@@", "@@TW_APISECRET@@", "@@TW_AC_3@@")'), 2, TWILIO)
S("twilio", "api-secret-constant", 'TWILIO_API_SECRET = "@@TW_APISECRET_2@@"', 1, TWILIO)

N("twilio", "account-sid", 'TWILIO_ACCOUNT_SID = "@@TW_AC_4@@"', TWILIO, "the Account SID is an identifier (Twilio: used like a username)")
N("twilio", "from-environ", ("import os", 'auth_token = os.environ["TWILIO_AUTH_TOKEN"]'), TWILIO)
N("twilio", "phone-number", 'FROM_NUMBER = "+15017122661"', "https://www.twilio.com/docs/messaging/quickstart/python (example number)")
N("twilio", "message-sid", 'message_sid = "@@TW_SM@@"', "https://www.twilio.com/docs/glossary/what-is-a-sid (SM...: message id)")
N("twilio", "api-key-sid", 'TWILIO_API_KEY_SID = "@@TW_SK_2@@"', TWILIO, "the API key SID is the public half (username) of an API key pair")

# --------------------------------------------------------------------------- sendgrid
S("sendgrid", "constant", 'SENDGRID_API_KEY = "@@SG_1@@"', 1, SENDGRID)
S("sendgrid", "client-positional", ("from sendgrid import SendGridAPIClient", 'sg = SendGridAPIClient("@@SG_2@@")'), 2, SENDGRID)
S("sendgrid", "client-kwarg", ("from sendgrid import SendGridAPIClient", 'sg = SendGridAPIClient(api_key="@@SG_3@@")'), 2, SENDGRID)
S("sendgrid", "bearer-header", 'headers = {"Authorization": "Bearer @@SG_4@@", "Content-Type": "application/json"}', 1, SENDGRID)
S("sendgrid", "smtp-login", ("import smtplib", 'smtp = smtplib.SMTP("smtp.sendgrid.net", 587)', 'smtp.login("apikey", "@@SG_5@@")'), 3,
  "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api")

N("sendgrid", "from-environ", ("import os", "from sendgrid import SendGridAPIClient", 'sg = SendGridAPIClient(os.environ.get("SENDGRID_API_KEY"))'), SENDGRID)
N("sendgrid", "template-id", 'TEMPLATE_ID = "d-@@HEX32_SGTPL@@"', "https://www.twilio.com/docs/sendgrid/ui/sending-email/how-to-send-an-email-with-dynamic-templates (dynamic template id)")
N("sendgrid", "smtp-login-env", ("import os", "import smtplib", 'smtp = smtplib.SMTP("smtp.sendgrid.net", 587)', 'smtp.login("apikey", os.environ["SENDGRID_API_KEY"])'),
  "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api (user name is literally 'apikey')")
N("sendgrid", "env-var-name", 'SENDGRID_KEY_VAR = "SENDGRID_API_KEY"', DS_KEYWORD)
N("sendgrid", "placeholder", 'api_key = "SG.xxxxxxxx.yyyyyyyy"', SENDGRID, "documentation placeholder")

# --------------------------------------------------------------------------- mailgun
S("mailgun", "legacy-key-constant", 'MAILGUN_API_KEY = "@@MG_KEY_1@@"', 1, MAILGUN)
S("mailgun", "basic-auth-post", ("import requests", 'requests.post("https://api.mailgun.net/v3/mg.example.com/messages", auth=("api", "@@MG_KEY_2@@"), data=payload)'), 2,
  "https://documentation.mailgun.com/docs/mailgun/api-reference/ (HTTP basic auth, user 'api')")
S("mailgun", "new-format-key", 'MAILGUN_API_KEY = "@@MG_NEW_1@@"', 1, MAILGUN + " (32hex-8hex-8hex)")
S("mailgun", "webhook-signing-key", 'MAILGUN_WEBHOOK_SIGNING_KEY = "@@HEX32_MGWH@@"', 1, "https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks")
S("mailgun", "smtp-password", ("import smtplib", 's = smtplib.SMTP("smtp.mailgun.org", 587)', 's.login("postmaster@mg.example.com", "@@MG_SMTP_PW@@")'), 3,
  "https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/#send-via-smtp")

N("mailgun", "public-validation-key", 'MAILGUN_PUBLIC_KEY = "@@MG_PUB@@"', MAILGUN, "pubkey-: the public validation key, meant for client-side use")
N("mailgun", "sandbox-domain", 'MAILGUN_DOMAIN = "sandbox@@HEX32_MGSB@@.mailgun.org"', "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/ (sandbox domain)")
N("mailgun", "from-environ", ("import os", "import requests", 'requests.post(URL, auth=("api", os.environ["MAILGUN_API_KEY"]), data=payload)'), MAILGUN)
N("mailgun", "api-base", 'MAILGUN_API_BASE = "https://api.eu.mailgun.net/v3"', MAILGUN)
N("mailgun", "webhook-hmac", ("import hashlib", "import hmac", 'digest = hmac.new(signing_key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()'),
  "https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks")

# --------------------------------------------------------------------------- openai
S("openai", "legacy-key-constant", 'OPENAI_API_KEY = "@@OAI_LEGACY@@"', 1, OPENAI)
S("openai", "client-project-key", ("from openai import OpenAI", 'client = OpenAI(api_key="@@OAI_PROJ@@")'), 2, OPENAI)
S("openai", "module-attribute", ("import openai", 'openai.api_key = "@@OAI_LEGACY_2@@"'), 2, OPENAI)
S("openai", "service-account-key", 'OPENAI_SERVICE_KEY = "@@OAI_SVC@@"', 1, OPENAI + " (sk-svcacct-)")
S("openai", "bearer-header", 'headers = {"Authorization": "Bearer @@OAI_PROJ_2@@"}', 1, OPENAI)
S("openai", "admin-key", 'ADMIN_KEY = "@@OAI_ADMIN@@"', 1, "https://platform.openai.com/docs/api-reference/administration (sk-admin-)")

N("openai", "client-default", ("from openai import OpenAI", "client = OpenAI()"), OPENAI)
N("openai", "vllm-empty", ("from openai import OpenAI", 'client = OpenAI(base_url="http://localhost:8000/v1", api_key="EMPTY")'),
  "https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html", "a local server's documented dummy key")
N("openai", "ollama-dummy", ("from openai import OpenAI", 'client = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")'),
  "https://github.com/ollama/ollama/blob/main/docs/openai.md", "required by the client, ignored by Ollama")
N("openai", "model-name", 'MODEL = "gpt-4o-mini"', OPENAI)
N("openai", "organization-id", 'OPENAI_ORG = "@@OAI_ORG@@"', "https://platform.openai.com/docs/api-reference/organizations-and-projects-optional (org id)")
N("openai", "placeholder", 'api_key = "sk-..."', OPENAI)

# --------------------------------------------------------------------------- anthropic
S("anthropic", "constant", 'ANTHROPIC_API_KEY = "@@ANT_1@@"', 1, ANTHROPIC)
S("anthropic", "client-kwarg", ("import anthropic", 'client = anthropic.Anthropic(api_key="@@ANT_2@@")'), 2, ANTHROPIC)
S("anthropic", "x-api-key-header", 'headers = {"x-api-key": "@@ANT_3@@", "anthropic-version": "2023-06-01"}', 1, ANTHROPIC)
S("anthropic", "admin-key", 'ADMIN_KEY = "@@ANT_ADMIN@@"', 1, ANTHROPIC)
S("anthropic", "langchain-kwarg", ("from langchain_anthropic import ChatAnthropic", 'llm = ChatAnthropic(model="claude-3-5-sonnet-20241022", api_key="@@ANT_4@@")'), 2,
  ANTHROPIC + " ; https://python.langchain.com/docs/integrations/chat/anthropic/")

N("anthropic", "client-default", ("import anthropic", "client = anthropic.Anthropic()"), ANTHROPIC)
N("anthropic", "model-name", 'MODEL = "claude-3-5-sonnet-20241022"', ANTHROPIC)
N("anthropic", "version-header", 'HEADERS = {"anthropic-version": "2023-06-01", "content-type": "application/json"}', ANTHROPIC)
N("anthropic", "from-environ", ("import os", "import anthropic", 'client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])'), ANTHROPIC)
N("anthropic", "placeholder", 'ANTHROPIC_API_KEY = "<ANTHROPIC_API_KEY>"', ANTHROPIC)

# --------------------------------------------------------------------------- huggingface
S("huggingface", "token-constant", 'HF_TOKEN = "@@HF_1@@"', 1, HF)
S("huggingface", "login-kwarg", ("from huggingface_hub import login", 'login(token="@@HF_2@@")'), 2, HF)
S("huggingface", "from-pretrained-token", ("from transformers import AutoModel", 'model = AutoModel.from_pretrained("meta-llama/Llama-3.1-8B", token="@@HF_3@@")'), 2, HF)
S("huggingface", "hfapi-kwarg", ("from huggingface_hub import HfApi", 'api = HfApi(token="@@HF_4@@")'), 2, HF)
S("huggingface", "org-token", 'HF_ORG_TOKEN = "@@HF_ORG@@"', 1, "gitleaks rule huggingface-organization-api-token")
S("huggingface", "use-auth-token", ("from transformers import pipeline", 'pipe = pipeline("text-generation", model="acme/private-model", use_auth_token="@@HF_5@@")'), 2, HF)

N("huggingface", "login-interactive", ("from huggingface_hub import login", "login()"), HF)
N("huggingface", "revision-sha", ("from transformers import AutoModel", 'model = AutoModel.from_pretrained("bert-base-uncased", revision="86b5e0934494bd15c9632b12f734a8a67f723594")'),
  "https://huggingface.co/docs/transformers/main_classes/model (revision: a git commit id)")
N("huggingface", "repo-id", 'MODEL_ID = "hf-internal-testing/tiny-random-bert"', "https://huggingface.co/hf-internal-testing/tiny-random-bert")
N("huggingface", "from-environ", ("import os", "from huggingface_hub import HfApi", 'api = HfApi(token=os.environ["HF_TOKEN"])'), HF)
N("huggingface", "cache-path", 'HF_HOME = "/data/.cache/huggingface"', "https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables")
N("huggingface", "token-true", ("from transformers import AutoModel", 'model = AutoModel.from_pretrained("acme/private-model", token=True)'), HF + " (token=True: use the cached login)")

# --------------------------------------------------------------------------- google-oauth
S("google-oauth", "client-secret-constant", 'GOOGLE_CLIENT_SECRET = "@@GOCSPX_1@@"', 1, GOAUTH)
S("google-oauth", "client-config", (
    'CLIENT_CONFIG = {"web": {',
    '    "client_id": "@@GCLIENT_ID@@",',
    '    "client_secret": "@@GOCSPX_2@@",',
    '    "token_uri": "https://oauth2.googleapis.com/token",',
    "}}"), 3, GOAUTH + " ; https://google-auth-oauthlib.readthedocs.io/en/latest/reference/google_auth_oauthlib.flow.html")
S("google-oauth", "refresh-token", 'refresh_token = "@@GREFRESH@@"', 1, GOAUTH)
S("google-oauth", "access-token", 'ACCESS_TOKEN = "@@YA29@@"', 1, GOAUTH)
S("google-oauth", "credentials-kwarg", (
    "from google.oauth2.credentials import Credentials",
    'creds = Credentials(None, refresh_token=REFRESH, client_id=CLIENT_ID, client_secret="@@GOCSPX_3@@", token_uri="https://oauth2.googleapis.com/token")',
), 2, GOAUTH)

N("google-oauth", "client-id", 'GOOGLE_CLIENT_ID = "@@GCLIENT_ID_2@@"', GL_1587 + " ; " + GOAUTH, "the client id is public (it appears in every authorization URL)")
N("google-oauth", "redirect-uri", 'REDIRECT_URI = "http://localhost:8080/oauth2callback"', GOAUTH)
N("google-oauth", "scopes", 'SCOPES = ["https://www.googleapis.com/auth/drive.readonly"]', GOAUTH)
N("google-oauth", "secrets-file-flow", ("from google_auth_oauthlib.flow import InstalledAppFlow", 'flow = InstalledAppFlow.from_client_secrets_file("client_secret.json", SCOPES)'),
  "https://developers.google.com/workspace/drive/api/quickstart/python")
N("google-oauth", "secrets-file-name", 'CLIENT_SECRET_FILE = "client_secret.json"', "https://developers.google.com/workspace/drive/api/quickstart/python")
N("google-oauth", "placeholder-config", 'CLIENT_CONFIG = {"installed": {"client_id": "YOUR_CLIENT_ID", "client_secret": "YOUR_CLIENT_SECRET"}}', GOAUTH)

# --------------------------------------------------------------------------- npm
S("npm", "token-constant", 'NPM_TOKEN = "@@NPM_1@@"', 1, NPM)
S("npm", "npmrc-text", 'NPMRC = "//registry.npmjs.org/:_authToken=@@NPM_2@@\\n"', 1, NPM)
S("npm", "npmrc-write", ("from pathlib import Path", 'Path(".npmrc").write_text("//registry.npmjs.org/:_authToken=@@NPM_3@@\\n")'), 2, NPM)
S("npm", "bearer-header", 'headers = {"Authorization": "Bearer @@NPM_4@@"}', 1, NPM)
S("npm", "env-for-subprocess", ("import subprocess", 'subprocess.run(["npm", "publish"], env={"NODE_AUTH_TOKEN": "@@NPM_5@@"}, check=True)'), 2, NPM)

N("npm", "npmrc-env-reference", 'NPMRC = "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\\n"', NPM + " (environment variable expansion in .npmrc)")
N("npm", "integrity-hash", 'INTEGRITY = "@@NPM_INTEGRITY@@"', "https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json (integrity: SRI sha512)")
N("npm", "package-version-env", ("import os", 'version = os.environ.get("npm_package_version")'), "https://docs.npmjs.com/cli/v10/using-npm/scripts#packagejson-vars")
N("npm", "registry-url", 'REGISTRY = "https://registry.npmjs.org/"', NPM)
N("npm", "placeholder", 'NPM_TOKEN = "@@NPM_X@@"', NPM, "npm_ followed by 36 X: placeholder")

# --------------------------------------------------------------------------- pypi
S("pypi", "token-constant", 'PYPI_TOKEN = "@@PYPI_1@@"', 1, PYPI)
S("pypi", "pypirc-text", 'PYPIRC = "[pypi]\\nusername = __token__\\npassword = @@PYPI_2@@\\n"', 1, PYPI)
S("pypi", "twine-argv", ("import subprocess", 'subprocess.run(["twine", "upload", "dist/*", "-u", "__token__", "-p", "@@PYPI_3@@"], check=True)'), 2, PYPI)
S("pypi", "test-pypi-token", 'TEST_PYPI_TOKEN = "@@TESTPYPI_1@@"', 1, PYPI + " (test.pypi.org macaroon)")
S("pypi", "environ-assignment", ("import os", 'os.environ["TWINE_PASSWORD"] = "@@PYPI_4@@"'), 2, PYPI + " ; https://twine.readthedocs.io/en/stable/#environment-variables")

N("pypi", "token-username", 'TWINE_USERNAME = "__token__"', PYPI)
N("pypi", "upload-url", 'REPOSITORY_URL = "https://upload.pypi.org/legacy/"', PYPI)
N("pypi", "wheel-sha256", 'WHEEL_SHA256 = "@@HEX64_WHEEL@@"', "https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode (sha256 digest)")
N("pypi", "from-environ", ("import os", 'password = os.environ["TWINE_PASSWORD"]'), PYPI)
N("pypi", "macaroon-prefix", 'PYPI_TOKEN_PREFIX = "pypi-AgEIcHlwaS5vcmc"', PYPI, "the fixed prefix every pypi.org token shares, as a scanner constant")

# --------------------------------------------------------------------------- dockerhub
S("dockerhub", "token-constant", 'DOCKERHUB_TOKEN = "@@DCKR_1@@"', 1, DOCKER)
S("dockerhub", "sdk-login", ("import docker", "client = docker.from_env()", 'client.login(username="acmebot", password="@@DCKR_2@@")'), 3,
  DOCKER + " ; https://docker-py.readthedocs.io/en/stable/client.html#docker.client.DockerClient.login")
S("dockerhub", "auth-config-dict", 'auth_config = {"username": "acmebot", "password": "@@DCKR_3@@"}', 1, "https://docker-py.readthedocs.io/en/stable/images.html (auth_config)")
S("dockerhub", "config-json-auth", 'DOCKER_CONFIG = {"auths": {"https://index.docker.io/v1/": {"auth": "@@DOCKER_AUTH_B64@@"}}}', 1,
  "https://docs.docker.com/reference/cli/docker/login/ (config.json 'auth' = base64 of user:password)")
S("dockerhub", "cli-argv", ("import subprocess", 'subprocess.run(["docker", "login", "-u", "acmebot", "-p", "@@DCKR_4@@"], check=True)'), 2, DOCKER)

N("dockerhub", "image-digest", 'IMAGE = "python@sha256:@@HEX64_DIGEST@@"', "https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier")
N("dockerhub", "image-tag", 'IMAGE = "python:3.12-slim"', DOCKER)
N("dockerhub", "login-from-environ", ("import os", "import docker", 'docker.from_env().login(username="acmebot", password=os.environ["DOCKERHUB_TOKEN"])'), DOCKER)
N("dockerhub", "docker-host", 'DOCKER_HOST = "unix:///var/run/docker.sock"', "https://docs.docker.com/engine/security/protect-access/")
N("dockerhub", "creds-store", 'DOCKER_CONFIG = {"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "desktop"}', "https://docs.docker.com/reference/cli/docker/login/#credential-stores")

# --------------------------------------------------------------------------- databricks
S("databricks", "token-constant", 'DATABRICKS_TOKEN = "@@DAPI_1@@"', 1, DATABRICKS)
S("databricks", "workspace-client", ("from databricks.sdk import WorkspaceClient", 'w = WorkspaceClient(host="https://adb-1234567890123456.7.azuredatabricks.net", token="@@DAPI_2@@")'), 2, DATABRICKS)
S("databricks", "sql-connect", ("from databricks import sql", 'conn = sql.connect(server_hostname="adb-1234567890123456.7.azuredatabricks.net", http_path="/sql/1.0/warehouses/8f2a9c3b1d4e5f60", access_token="@@DAPI_3@@")'), 2,
  DATABRICKS + " ; https://docs.databricks.com/en/dev-tools/python-sql-connector.html")
S("databricks", "bearer-header", 'headers = {"Authorization": "Bearer @@DAPI_4@@"}', 1, DATABRICKS)
S("databricks", "suffixed-token", 'token = "@@DAPI_5@@"', 1, DATABRICKS + " (optional -N suffix)")

N("databricks", "http-path", 'HTTP_PATH = "/sql/1.0/warehouses/8f2a9c3b1d4e5f60"', "https://docs.databricks.com/en/dev-tools/python-sql-connector.html")
N("databricks", "cluster-id", 'CLUSTER_ID = "0923-164208-meows279"', "https://docs.databricks.com/api/workspace/clusters/get (example cluster id)")
N("databricks", "secret-scope", 'password = dbutils.secrets.get(scope="prod", key="db-password")', "https://docs.databricks.com/en/security/secrets/index.html")
N("databricks", "from-environ", ("import os", "from databricks import sql", 'conn = sql.connect(server_hostname=HOST, http_path=HTTP_PATH, access_token=os.getenv("DATABRICKS_TOKEN"))'), DATABRICKS)
N("databricks", "workspace-host", 'HOST = "https://adb-1234567890123456.7.azuredatabricks.net"', DATABRICKS)

# --------------------------------------------------------------------------- datadog
S("datadog", "api-key-constant", 'DD_API_KEY = "@@HEX32_DD1@@"', 1, DATADOG)
S("datadog", "initialize", ("from datadog import initialize", 'initialize(api_key="@@HEX32_DD2@@", app_key="@@HEX40_DD3@@")'), 2, DATADOG + " ; https://datadogpy.readthedocs.io/en/latest/")
S("datadog", "client-configuration", ("from datadog_api_client import Configuration", "configuration = Configuration()", 'configuration.api_key["apiKeyAuth"] = "@@HEX32_DD4@@"'), 3,
  "https://github.com/DataDog/datadog-api-client-python#authentication")
S("datadog", "headers", 'headers = {"DD-API-KEY": "@@HEX32_DD5@@", "DD-APPLICATION-KEY": "@@HEX40_DD6@@"}', 1, "https://docs.datadoghq.com/api/latest/authentication/")
S("datadog", "app-key-constant", 'DATADOG_APP_KEY = "@@HEX40_DD7@@"', 1, DATADOG)

N("datadog", "client-token", 'DD_CLIENT_TOKEN = "pub@@HEX32_DDPUB@@"', DATADOG + "#client-tokens", "browser (RUM) client tokens are public by design")
N("datadog", "site", 'DD_SITE = "datadoghq.eu"', "https://docs.datadoghq.com/getting_started/site/")
N("datadog", "from-environ", ("import os", "from datadog import initialize", 'initialize(api_key=os.environ["DD_API_KEY"], app_key=os.environ["DD_APP_KEY"])'), DATADOG)
N("datadog", "rum-application-id", 'RUM_APPLICATION_ID = "@@UUID_RUM@@"', "https://docs.datadoghq.com/real_user_monitoring/browser/setup/client/ (applicationId: public)")
N("datadog", "trace-id", 'trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"', "https://www.w3.org/TR/trace-context/#examples-of-http-traceparent-headers")

# --------------------------------------------------------------------------- heroku
S("heroku", "v2-token-constant", 'HEROKU_API_KEY = "@@HRKU_1@@"', 1, HEROKU)
S("heroku", "legacy-uuid-key", 'HEROKU_API_KEY = "@@UUID_HKLEGACY@@"', 1, HEROKU + " (legacy keys are UUIDs)")
S("heroku", "heroku3-from-key", ("import heroku3", 'conn = heroku3.from_key("@@UUID_HK2@@")'), 2, HEROKU + " ; https://github.com/martyzz1/heroku3.py#usage")
S("heroku", "bearer-header", 'headers = {"Authorization": "Bearer @@HRKU_2@@", "Accept": "application/vnd.heroku+json; version=3"}', 1, HEROKU)
S("heroku", "netrc-text", 'NETRC = "machine api.heroku.com\\n  login ops@example.com\\n  password @@HRKU_3@@\\n"', 1, HEROKU + " (.netrc)")

N("heroku", "app-id", 'HEROKU_APP_ID = "@@UUID_HKAPP@@"', "https://devcenter.heroku.com/articles/platform-api-reference#app (app id: UUID)")
N("heroku", "app-name", 'HEROKU_APP_NAME = "acme-billing-prod"', "https://devcenter.heroku.com/articles/platform-api-reference#app")
N("heroku", "from-environ", ("import os", "import heroku3", 'conn = heroku3.from_key(os.environ["HEROKU_API_KEY"])'), HEROKU)
N("heroku", "accept-header", 'ACCEPT = "application/vnd.heroku+json; version=3"', "https://devcenter.heroku.com/articles/platform-api-reference#clients")
N("heroku", "request-id", 'request_id = "@@UUID_HKREQ@@"', "https://devcenter.heroku.com/articles/http-request-id")

# --------------------------------------------------------------------------- digitalocean
S("digitalocean", "token-constant", 'DIGITALOCEAN_TOKEN = "@@DOP_1@@"', 1, DO)
S("digitalocean", "manager-kwarg", ("import digitalocean", 'manager = digitalocean.Manager(token="@@DOP_2@@")'), 2, DO + " ; https://github.com/koalalorenzo/python-digitalocean")
S("digitalocean", "oauth-bearer", 'headers = {"Authorization": "Bearer @@DOO_1@@"}', 1, DO + " (doo_v1_)")
S("digitalocean", "spaces-keys", (
    "import boto3",
    'spaces = boto3.client("s3", endpoint_url="https://nyc3.digitaloceanspaces.com",',
    '    aws_access_key_id="@@DO_SPACES_ID@@", aws_secret_access_key="@@DO_SPACES_SECRET@@")',
), (2, 3), "https://docs.digitalocean.com/products/spaces/how-to/manage-access/")
S("digitalocean", "refresh-token", 'REFRESH = "@@DOR_1@@"', 1, DO + " (dor_v1_)")

N("digitalocean", "ssh-fingerprint", 'SSH_KEY_FINGERPRINT = "3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa"', "https://docs.digitalocean.com/reference/api/api-reference/#tag/SSH-Keys (example fingerprint)")
N("digitalocean", "region-image", ('REGION = "nyc3"', 'DROPLET_IMAGE = "ubuntu-22-04-x64"'), "https://docs.digitalocean.com/reference/api/api-reference/#operation/droplets_create")
N("digitalocean", "from-environ", ("import os", "import digitalocean", 'manager = digitalocean.Manager(token=os.getenv("DIGITALOCEAN_TOKEN"))'), DO)
N("digitalocean", "droplet-id", "DROPLET_ID = 3164444", "https://docs.digitalocean.com/reference/api/api-reference/#operation/droplets_get")
N("digitalocean", "spaces-endpoint", 'SPACES_ENDPOINT = "https://nyc3.digitaloceanspaces.com"', "https://docs.digitalocean.com/products/spaces/how-to/manage-access/")

# --------------------------------------------------------------------------- shopify
S("shopify", "admin-token", 'SHOPIFY_ACCESS_TOKEN = "@@SHPAT@@"', 1, SHOPIFY)
S("shopify", "session-header", 'headers = {"X-Shopify-Access-Token": "@@SHPAT_2@@", "Content-Type": "application/json"}', 1,
  "https://shopify.dev/docs/api/admin-rest#authentication")
S("shopify", "shared-secret", 'SHOPIFY_API_SECRET = "@@SHPSS@@"', 1, SHOPIFY)
S("shopify", "custom-app-token", 'custom_app_token = "@@SHPCA@@"', 1, SHOPIFY)
S("shopify", "private-app-password", 'PRIVATE_APP_PASSWORD = "@@SHPPA@@"', 1, SHOPIFY)

N("shopify", "shop-domain", 'SHOP = "acme-store.myshopify.com"', SHOPIFY)
N("shopify", "api-version", 'API_VERSION = "2024-07"', "https://shopify.dev/docs/api/usage/versioning")
N("shopify", "from-environ", ("import os", 'headers = {"X-Shopify-Access-Token": os.environ["SHOPIFY_ACCESS_TOKEN"]}'), SHOPIFY)
N("shopify", "hmac-header-name", 'HMAC_HEADER = "X-Shopify-Hmac-Sha256"', "https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook")
N("shopify", "webhook-gid", 'WEBHOOK_ID = "gid://shopify/WebhookSubscription/8766704567"', "https://shopify.dev/docs/api/usage/gids")

# --------------------------------------------------------------------------- discord
S("discord", "bot-token-constant", 'DISCORD_TOKEN = "@@DISCORD_BOT_1@@"', 1, DISCORD)
S("discord", "client-run", ("import discord", "client = discord.Client(intents=discord.Intents.default())", 'client.run("@@DISCORD_BOT_2@@")'), 3,
  DISCORD + " ; https://discordpy.readthedocs.io/en/stable/quickstart.html")
S("discord", "webhook-constant", 'WEBHOOK_URL = "@@DISCORD_HOOK@@"', 1, DISCORD)
S("discord", "webhook-post", ("import requests", 'requests.post("@@DISCORD_HOOK_2@@", json={"content": "build green"})'), 2, DISCORD)
S("discord", "bot-auth-header", 'headers = {"Authorization": "Bot @@DISCORD_BOT_3@@"}', 1, DISCORD)

N("discord", "run-from-environ", ("import os", "import discord", "client = discord.Client(intents=discord.Intents.default())", 'client.run(os.environ["DISCORD_TOKEN"])'), DISCORD)
N("discord", "guild-id", "GUILD_ID = 613425648685547541", "https://discord.com/developers/docs/reference#snowflakes")
N("discord", "application-public-key", 'DISCORD_PUBLIC_KEY = "@@HEX64_DCPUB@@"', "https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers",
  "the application's Ed25519 public key, used to verify requests")
N("discord", "webhook-template", 'WEBHOOK_TEMPLATE = "https://discord.com/api/webhooks/{webhook_id}/{webhook_token}"', "https://discord.com/developers/docs/resources/webhook#execute-webhook")
N("discord", "application-id", 'CLIENT_ID = "1081004946872352958"', "https://discord.com/developers/docs/topics/oauth2 (client id: public)")

# --------------------------------------------------------------------------- telegram
S("telegram", "token-constant", 'TELEGRAM_BOT_TOKEN = "@@TG_1@@"', 1, TELEGRAM)
S("telegram", "bot-kwarg", ("import telegram", 'bot = telegram.Bot(token="@@TG_2@@")'), 2, TELEGRAM + " ; https://docs.python-telegram-bot.org/en/stable/telegram.bot.html")
S("telegram", "application-builder", ("from telegram.ext import ApplicationBuilder", 'app = ApplicationBuilder().token("@@TG_3@@").build()'), 2,
  "https://docs.python-telegram-bot.org/en/stable/telegram.ext.applicationbuilder.html")
S("telegram", "telebot-positional", ("import telebot", 'bot = telebot.TeleBot("@@TG_4@@")'), 2, "https://pytba.readthedocs.io/en/latest/quick_start.html")
S("telegram", "api-url", 'SEND_URL = "https://api.telegram.org/bot@@TG_5@@/sendMessage"', 1, TELEGRAM)

N("telegram", "documented-example", 'TOKEN = "@@TG_DOC@@"', TELEGRAM, "the Bot API docs' example token (123456:ABC-DEF1234...)")
N("telegram", "chat-id", "CHAT_ID = -1001234567890", "https://core.telegram.org/bots/api#chat")
N("telegram", "from-environ", ("import os", "import telegram", 'bot = telegram.Bot(token=os.environ["TELEGRAM_BOT_TOKEN"])'), TELEGRAM)
N("telegram", "url-template", 'SEND_URL = "https://api.telegram.org/bot{token}/sendMessage"', TELEGRAM)
N("telegram", "aspect-ratios", 'ASPECT_RATIOS = ["16:9", "4:3", "21:9"]', "digits-colon shape that is not a token")

# --------------------------------------------------------------------------- jwt
S("jwt", "token-constant", 'SERVICE_TOKEN = "@@JWT_1@@"', 1, JWT)
S("jwt", "bearer-header", 'headers = {"Authorization": "Bearer @@JWT_2@@"}', 1, JWT + " ; https://www.rfc-editor.org/rfc/rfc6750")
S("jwt", "encode-literal-key", ("import jwt", 'token = jwt.encode({"sub": user_id}, "Zq8#vN2!pL5@xR9$wT4&", algorithm="HS256")'), 2, PYJWT + " ; " + CWE798)
S("jwt", "decode-literal-key", ("import jwt", 'claims = jwt.decode(token, "Zq8#vN2!pL5@xR9$wT4&", algorithms=["HS256"])'), 2, PYJWT + " ; " + CWE798)
S("jwt", "session-cookie", 'cookies = {"session": "@@JWT_3@@"}', 1, JWT)
S("jwt", "id-token", 'ID_TOKEN = "@@JWT_4@@"', 1, JWT)

N("jwt", "documented-example", 'EXAMPLE = "@@JWT_DOC@@"', "https://jwt.io/ (the debugger's example token)", "jwt.io's published example token, signed with 'your-256-bit-secret'")
N("jwt", "encode-settings-key", ("import jwt", "from django.conf import settings", 'token = jwt.encode({"sub": user_id}, settings.SECRET_KEY, algorithm="HS256")'), PYJWT)
N("jwt", "algorithm", 'ALGORITHM = "HS256"', PYJWT)
N("jwt", "token-type-bearer", 'token_type = "bearer"', BANDIT_842 + " ; https://www.rfc-editor.org/rfc/rfc6749#section-7.1")
N("jwt", "header-only", 'JWT_HEADER_HS256 = "@@JWT_HEADER@@"', JWT, "only the base64url header {\"alg\":\"HS256\",\"typ\":\"JWT\"}, no claims or signature")
N("jwt", "jwks-url", 'JWKS_URL = "https://acme.eu.auth0.com/.well-known/jwks.json"', "https://www.rfc-editor.org/rfc/rfc7517")

# --------------------------------------------------------------------------- private-key
S("private-key", "rsa-triple-quoted", (
    'KEY = """@@BEGIN_RSA@@',
    "@@RSA_BODY_1@@",
    "@@RSA_BODY_2@@",
    "@@RSA_BODY_3@@",
    '@@END_RSA@@"""'), (1, 2, 3, 4, 5), PEM)
S("private-key", "pkcs8-escaped", 'PRIVATE_KEY = "@@PEM_PKCS8_ESC@@"', 1, PEM)
S("private-key", "ec-triple-quoted", (
    'EC_KEY = """@@BEGIN_EC@@',
    "@@EC_BODY_1@@",
    "@@EC_BODY_2@@",
    '@@END_EC@@"""'), (1, 2, 3, 4), "https://www.rfc-editor.org/rfc/rfc5915 ; " + PEM)
S("private-key", "openssh-bytes", (
    'DEPLOY_KEY = b"""@@BEGIN_OPENSSH@@',
    "@@OPENSSH_BODY_1@@",
    "@@OPENSSH_BODY_2@@",
    '@@END_OPENSSH@@"""'), (1, 2, 3, 4), OPENSSH)
S("private-key", "pgp-block", (
    'SIGNING_KEY = """@@BEGIN_PGP@@',
    "@@PGP_BODY_1@@",
    "@@PGP_BODY_2@@",
    "@@PGP_BODY_3@@",
    '@@END_PGP@@"""'), (1, 2, 3, 4, 5), PGP, "PGP armor: a blank line follows the BEGIN line")
S("private-key", "dsa-escaped", 'DSA_KEY = "@@BEGIN_DSA@@\\n@@DSA_BODY_1@@\\n@@DSA_BODY_2@@\\n@@END_DSA@@\\n"', 1, PEM)
S("private-key", "paramiko-from-string", (
    "import io",
    "import paramiko",
    'pkey = paramiko.RSAKey.from_private_key(io.StringIO("@@PEM_RSA_ESC@@"))'), 3, PEM + " ; https://docs.paramiko.org/en/stable/api/keys.html")
S("private-key", "encrypted-pkcs8", (
    'ENCRYPTED_KEY = """@@BEGIN_ENC@@',
    "@@ENC_BODY_1@@",
    "@@ENC_BODY_2@@",
    '@@END_ENC@@"""'), (1, 2, 3, 4), "https://www.rfc-editor.org/rfc/rfc5958#section-3 ; " + PEM,
  "encrypted with a passphrase, but still key material: offline brute force, and the passphrase usually sits nearby")

N("private-key", "public-key-block", (
    'PUBLIC_KEY = """@@BEGIN_PUBLIC@@',
    "@@PUBLIC_BODY_1@@",
    "@@PUBLIC_BODY_2@@",
    '@@END_PUBLIC@@"""'), "https://www.rfc-editor.org/rfc/rfc7468#section-13")
N("private-key", "certificate-block", (
    'CA_CERT = """@@BEGIN_CERT@@',
    "@@CERT_BODY_1@@",
    "@@CERT_BODY_2@@",
    '@@END_CERT@@"""'), "https://www.rfc-editor.org/rfc/rfc7468#section-5")
N("private-key", "ssh-public-key", 'AUTHORIZED_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@ci"',
  "https://man.openbsd.org/sshd.8#AUTHORIZED_KEYS_FILE_FORMAT")
N("private-key", "header-check", ("def looks_like_key(data: bytes) -> bool:", '    return data.startswith(b"@@BEGIN_PKCS8@@")'), PEM, "a header without key material")
N("private-key", "header-constant", 'PEM_HEADER = "@@BEGIN_RSA@@"', PEM, "a header without key material")
N("private-key", "key-path", 'KEY_FILE = "/etc/ssl/private/server.key.pem"', "https://ubuntu.com/server/docs/security-certificates")
N("private-key", "load-from-file", (
    "from cryptography.hazmat.primitives import serialization",
    'with open("/etc/ssl/private/server.key.pem", "rb") as f:',
    "    key = serialization.load_pem_private_key(f.read(), password=None)"), "https://cryptography.io/en/latest/hazmat/primitives/asymmetric/serialization/")
N("private-key", "generated-key", (
    "from cryptography.hazmat.primitives.asymmetric import rsa",
    "private_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)"), "https://cryptography.io/en/latest/hazmat/primitives/asymmetric/rsa/")

# --------------------------------------------------------------------------- connection-string
S("connection-string", "postgres-url", 'DATABASE_URL = "postgresql://billing:Vq7rT2kLp9xW@db.internal:5432/billing"', 1, LIBPQ)
S("connection-string", "sqlalchemy-engine", ("from sqlalchemy import create_engine", 'engine = create_engine("mysql+pymysql://root:Hx4$Lw8zQ1@10.0.3.14:3306/shop")'), 2, SQLA)
S("connection-string", "mongodb-srv", ("from pymongo import MongoClient", 'client = MongoClient("mongodb+srv://admin:Zt6pW3nR8vQ@cluster0.ab1cd.mongodb.net/prod")'), 2, MONGO)
S("connection-string", "redis-password-only", 'REDIS_URL = "redis://:f8Kq2Lr9Tz4W@cache.internal:6379/0"', 1, "https://redis-py.readthedocs.io/en/stable/connections.html#redis.Redis.from_url")
S("connection-string", "celery-broker", 'broker_url = "amqp://worker:Rb3!mQ7xV2@rabbit.internal:5672//"', 1, CELERY)
S("connection-string", "odbc-pwd", ("import pyodbc", 'conn = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.internal,1433;Database=erp;UID=sa;PWD=Kp9#vL2@qX7!")'), 2, ODBC)
S("connection-string", "https-basic-auth", 'INDEX_URL = "https://deploy:Jm4tR8wQ2zX6@pypi.acme.internal/simple/"', 1, RFC3986)
S("connection-string", "ado-net-password", 'CONN = "Server=sql.internal;Database=erp;User Id=app;Password=Wd5!nB8qZ3;"', 1,
  "https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax")
S("connection-string", "django-database-url", ('import dj_database_url', 'DATABASES = {"default": dj_database_url.parse("postgres://app:Ls2pX9wK4mQ7@db:5432/app")}'), 2,
  "https://github.com/jazzband/dj-database-url#usage")

N("connection-string", "no-credentials", 'DATABASE_URL = "postgresql://localhost/billing"', LIBPQ)
N("connection-string", "user-without-password", 'DATABASE_URL = "postgresql://billing@db.internal:5432/billing"', LIBPQ)
N("connection-string", "fstring", 'DATABASE_URL = f"postgresql://{user}:{password}@{host}:5432/{name}"', SQLA)
N("connection-string", "format-template", 'URL_TEMPLATE = "postgresql://{user}:{password}@{host}/{db}"', SQLA)
N("connection-string", "env-interpolation", 'DATABASE_URL = "postgresql://app:${DB_PASSWORD}@db:5432/app"', "https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/")
N("connection-string", "redis-local", 'REDIS_URL = "redis://localhost:6379/0"', "https://redis-py.readthedocs.io/en/stable/connections.html#redis.Redis.from_url")
N("connection-string", "sqlite", 'DATABASE_URL = "sqlite:///db.sqlite3"', SQLA)
N("connection-string", "masked-in-log", 'LOGGED_URL = "postgresql://billing:****@db.internal:5432/billing"', DS_426)
N("connection-string", "atlas-placeholder", 'MONGO_URI = "mongodb+srv://app:<db_password>@cluster0.ab1cd.mongodb.net/"', MONGO + " (Atlas shows <db_password>)")
N("connection-string", "odbc-integrated", 'CONN = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.internal;Database=erp;Authentication=ActiveDirectoryMsi"', ODBC)
N("connection-string", "sqlalchemy-url-create", (
    "import os",
    "from sqlalchemy.engine import URL",
    'url = URL.create("postgresql+psycopg2", username="app", password=os.environ["DB_PASSWORD"], host="db", database="app")'), SQLA)

# --------------------------------------------------------------------------- generic-assignment
S("generic-assignment", "snake-password", 'db_password = "Tr0ub4dor&3"', 1, CWE259)
S("generic-assignment", "upper-password", 'PASSWORD = "hunter2"', 1, B105)
S("generic-assignment", "camel-api-key", 'apiKey = "9f2c4e7a1b8d3f6e0a5c2d9b7e4f1a3c"', 1, GL_GENERIC, "camelCase name: missed by snake_case keyword lists")
S("generic-assignment", "self-attribute", ("class Client:", "    def __init__(self):", '        self.api_secret = "q8Zr3LmXv2Nw7KpT5yHb"'), 3, DS_KEYWORD)
S("generic-assignment", "annotated", 'SMTP_PASSWORD: str = "Winter2024!Mail"', 1, CWE259)
S("generic-assignment", "client-secret", 'client_secret = "Yk3nP8vQ2rT6wZ9mL4xB7cF1"', 1, GL_GENERIC)
S("generic-assignment", "bytes-token", 'auth_token = b"7hG2kP9qR4sV8wX3zA6cE1fJ"', 1, DS_KEYWORD)
S("generic-assignment", "encryption-key-b64", 'ENCRYPTION_KEY = "q3Ju8xV0b5nGmY7tR2cP9wLk4sZ6aE1dHf0iUoBvN8M="', 1, "https://cryptography.io/en/latest/fernet/ (a Fernet key is 32 url-safe base64 bytes) ; " + CWE798)
S("generic-assignment", "passwd", 'passwd = "letmein123"', 1, B105)
S("generic-assignment", "nested-attribute", 'config.database.password = "Pg!9xQ4wR7zT"', 1, CWE259)
S("generic-assignment", "class-attribute", ("class Settings:", '    ADMIN_PASS = "Adm1n!2024#Secure"'), 2, CWE259)
S("generic-assignment", "tuple-unpack", 'user, pwd = "admin", "S3cure!Pass#7"', 1, CWE259)
S("generic-assignment", "access-token", 'access_token = "a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV"', 1, GL_GENERIC)
S("generic-assignment", "webhook-secret", 'WEBHOOK_SECRET = "wk-4f9a2b7c8d1e6f3a0b5c"', 1, GL_GENERIC)
S("generic-assignment", "private-token", 'private_token = "Hn7pQ2xR9vL4tK8wZ3mB"', 1, DS_KEYWORD)

N("generic-assignment", "md5-digest", 'checksum = "d41d8cd98f00b204e9800998ecf8427e"', "https://www.rfc-editor.org/rfc/rfc1321 (MD5 of the empty string)")
N("generic-assignment", "sha1-digest", 'EXPECTED_SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709"', "https://www.rfc-editor.org/rfc/rfc3174 (SHA-1 of the empty string)")
N("generic-assignment", "sha256-of-token", 'API_KEY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"', GL_1219,
  "the stored digest of a key, compared against hashed input; the key itself is not here")
N("generic-assignment", "uuid-namespace", ("import uuid", 'NAMESPACE = uuid.UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")'), "https://www.rfc-editor.org/rfc/rfc4122#appendix-C (NAMESPACE_DNS)")
N("generic-assignment", "base64-png", 'PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="', "https://www.w3.org/TR/png/ (1x1 PNG, base64)")
N("generic-assignment", "env-var-name", 'TOKEN_ENV = "GITHUB_TOKEN"', DS_KEYWORD)
N("generic-assignment", "env-var-name-password", 'PASSWORD_VAR = "DB_PASSWORD"', DS_KEYWORD)
N("generic-assignment", "angle-placeholder", 'password = "<your-password>"', DS_KEYWORD)
N("generic-assignment", "changeme", 'api_key = "changeme"', "detect-secrets filters (is_likely_id_string / common placeholders)")
N("generic-assignment", "xxxx", 'secret = "xxxx"', DS_KEYWORD)
N("generic-assignment", "empty", 'password = ""', B105)
N("generic-assignment", "masked", 'PASSWORD = "********"', DS_426)
N("generic-assignment", "shell-interpolation", 'password = "${DB_PASSWORD}"', DS_KEYWORD)
N("generic-assignment", "brace-template", 'password = "{password}"', DS_KEYWORD)
N("generic-assignment", "percent-template", 'api_key = "%(api_key)s"', DS_KEYWORD)
N("generic-assignment", "none", "password = None", B105)
N("generic-assignment", "getpass", ("import getpass", 'password = getpass.getpass("Password: ")'), "https://docs.python.org/3/library/getpass.html")
N("generic-assignment", "secret-name", 'secret_name = "prod/billing/db-password"', GL_1587 + " ; https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets-python.html")
N("generic-assignment", "secret-arn", 'SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"', "https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html")
N("generic-assignment", "header-name", 'API_KEY_HEADER = "X-API-Key"', "https://fastapi.tiangolo.com/reference/security/#fastapi.security.APIKeyHeader")
N("generic-assignment", "token-url", 'auth_token_url = "https://auth.example.com/oauth/token"', "https://www.rfc-editor.org/rfc/rfc6749#section-3.2")
N("generic-assignment", "sa-token-path", 'TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token"', "https://kubernetes.io/docs/tasks/run-application/access-api-from-pod/")
N("generic-assignment", "version", 'token_version = "1.4.2"', BANDIT_498)
N("generic-assignment", "git-sha", 'RELEASE_COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8"', "git SHA-1 of a commit")
N("generic-assignment", "error-message", 'self.token_fail_reason = "Unexpected API response received"', BANDIT_843)
N("generic-assignment", "redacted", 'SALESFORCE_CLIENT_SECRET = "REDACTED"', GL_1188)
N("generic-assignment", "secrets-token", ("import secrets", "reset_token = secrets.token_urlsafe(32)"), "https://docs.python.org/3/library/secrets.html")
N("generic-assignment", "fernet-generate", ("from cryptography.fernet import Fernet", "key = Fernet.generate_key()"), "https://cryptography.io/en/latest/fernet/")
N("generic-assignment", "nopasswd", 'SUDOERS_LINE = "%wheel ALL=(ALL) NOPASSWD: ALL"', DS_265)
N("generic-assignment", "allow-empty-password", 'MYSQL_ALLOW_EMPTY_PASSWORD = "yes"', PROWLER)
N("generic-assignment", "password-min-length", "PASSWORD_MIN_LENGTH = 12", B105)
N("generic-assignment", "next-token", 'next_token = response["NextToken"]', BANDIT_1350)
N("generic-assignment", "token-regex", ("import re", 'TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")'), "a validation pattern, not a value")
N("generic-assignment", "password-field-name", 'password_field = "password"', B105)

# --------------------------------------------------------------------------- generic-dict-key
S("generic-dict-key", "password-literal", 'info = {"password": "Qw7!eR4tY9uI"}', 1, BANDIT_1267)
S("generic-dict-key", "subscript-assign", 'config["api_key"] = "Lm4Np8Qr2St6Uv0Wx3Yz5Ab7"', 1, DS_KEYWORD)
S("generic-dict-key", "bearer-literal", 'headers = {"Authorization": "Bearer 4f7Kp2Qx9Lm3Rt8Vw1Zy6Bn5Cd0Gh"}', 1, "https://www.rfc-editor.org/rfc/rfc6750#section-2.1 ; " + CWE798)
S("generic-dict-key", "x-api-key", 'HEADERS = {"X-API-Key": "k9Vz3Lq7Wp2Xr8Ts4Yn6Mb1"}', 1, GL_GENERIC)
S("generic-dict-key", "django-databases", (
    "DATABASES = {",
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "NAME": "shop", "USER": "shop",',
    '        "PASSWORD": "Sh0p!Db#2024x",',
    "    }}"), 5, "https://docs.djangoproject.com/en/5.2/ref/settings/#databases ; " + CWE259)
S("generic-dict-key", "update-client-secret", 'settings.update({"client_secret": "Ab3De6Gh9Jk2Mn5Pq8St1Vw4"})', 1, GL_GENERIC)
S("generic-dict-key", "login-payload", 'payload = {"username": "admin", "password": "Adm!n2024pw"}', 1, CWE259)
S("generic-dict-key", "basic-header-literal", 'headers = {"Authorization": "Basic YWRtaW46UzNjcjN0UGFzcyE="}', 1, "https://www.rfc-editor.org/rfc/rfc7617 (base64 of admin:S3cr3tPass!)")
S("generic-dict-key", "environ-subscript", ("import os", 'os.environ["API_KEY"] = "Rt5Yu8Io2Pa6Sd9Fg3Hj7Kl1"'), 2, CWE798)

N("generic-dict-key", "from-variable", 'info = {"password": password}', BANDIT_1267)
N("generic-dict-key", "oauth-response", 'body = {"token_type": "bearer", "access_token": token, "expires_in": 3600}', "https://www.rfc-editor.org/rfc/rfc6749#section-5.1 ; " + BANDIT_842)
N("generic-dict-key", "empty-password", 'DEFAULTS = {"user": "postgres", "password": ""}', B105)
N("generic-dict-key", "fstring-bearer", 'headers = {"Authorization": f"Bearer {token}"}', "https://www.rfc-editor.org/rfc/rfc6750#section-2.1")
N("generic-dict-key", "grant-type-password", 'data = {"grant_type": "password", "username": user, "password": pw}', "https://www.rfc-editor.org/rfc/rfc6749#section-4.3.2")
N("generic-dict-key", "masked", 'db = {"password": "*******"}', DS_426)
N("generic-dict-key", "i18n-label", 'LABELS = {"password": "Password", "password_confirm": "Confirm password"}', B105)
N("generic-dict-key", "next-token", 'params = {"MaxResults": 50, "NextToken": next_token}', BANDIT_1350)
N("generic-dict-key", "from-environ", ("import os", 'config = {"api_key": os.environ["API_KEY"]}'), DS_KEYWORD)
N("generic-dict-key", "secret-none", 'CACHE = {"secret": None, "expires": 0}', B105)
N("generic-dict-key", "html-input-type", 'attrs = {"type": "password", "autocomplete": "current-password"}', "https://html.spec.whatwg.org/multipage/input.html#password-state-(type=password)")
N("generic-dict-key", "response-type", 'params = {"response_type": "token", "client_id": CLIENT_ID}', "https://www.rfc-editor.org/rfc/rfc6749#section-4.2.1")
N("generic-dict-key", "paginator-config", 'PAGINATION = {"input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxItems"}', BANDIT_1350)

# --------------------------------------------------------------------------- generic-kwarg
S("generic-kwarg", "psycopg2", ("import psycopg2", 'conn = psycopg2.connect(host="db.internal", dbname="app", user="app", password="Pq8!zW3xL6")'), 2, B106 + " ; https://www.psycopg.org/docs/module.html#psycopg2.connect")
S("generic-kwarg", "redis", ("import redis", 'r = redis.Redis(host="cache.internal", port=6379, password="Rd7#kT2mQ9")'), 2, B106)
S("generic-kwarg", "requests-auth-tuple", ("import requests", 'resp = requests.get(URL, auth=("svc-report", "Rp4!vN8qX2"))'), 2, "https://requests.readthedocs.io/en/latest/user/authentication/#basic-authentication")
S("generic-kwarg", "http-basic-auth", ("from requests.auth import HTTPBasicAuth", 'auth = HTTPBasicAuth("svc-report", "Hb6#mK9wT3")'), 2, "https://requests.readthedocs.io/en/latest/user/authentication/#basic-authentication")
S("generic-kwarg", "smtp-login", ("import smtplib", 'server = smtplib.SMTP_SSL("smtp.example.com", 465)', 'server.login("alerts@example.com", "Sm7!tP4xQ8")'), 3, "https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.login")
S("generic-kwarg", "paramiko-connect", ("import paramiko", "ssh = paramiko.SSHClient()", 'ssh.connect("bastion.internal", username="deploy", password="Dp3#wL8nZ5")'), 3,
  "https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.SSHClient.connect")
S("generic-kwarg", "pymysql-passwd", ("import pymysql", 'conn = pymysql.connect(host="db", user="root", passwd="My5!qL2wR8", db="shop")'), 2, "https://pymysql.readthedocs.io/en/latest/modules/connections.html")
S("generic-kwarg", "default-argument", ('def connect(host, user="admin", password="Df9#xQ4pL7"):', "    return (host, user, password)"), 1, B107)
S("generic-kwarg", "ftp-positional", ("import ftplib", 'ftp = ftplib.FTP("ftp.partner.example", "acme", "Ft2!pW7zK4")'), 2, "https://docs.python.org/3/library/ftplib.html#ftplib.FTP")
S("generic-kwarg", "sdk-api-key", ("from acme_sdk import Client", 'client = Client(api_key="Ak3Lm7Np1Qr5St9Uv2Wx6Yz0")'), 2, B106 + " ; " + GL_GENERIC)
S("generic-kwarg", "ldap-bind", ("from ldap3 import Connection, Server", 'conn = Connection(Server("ldap.internal"), user="cn=svc,dc=acme,dc=io", password="Ld4#pQ8wZ2")'), 2,
  "https://ldap3.readthedocs.io/en/latest/connection.html")

N("generic-kwarg", "from-environ", ("import os", "import psycopg2", 'conn = psycopg2.connect(host="db.internal", user="app", password=os.environ["DB_PASSWORD"])'), B106)
N("generic-kwarg", "password-none", ("import redis", 'r = redis.Redis(host="localhost", port=6379, password=None)'), B106)
N("generic-kwarg", "password-empty", ("import pymysql", 'conn = pymysql.connect(host="localhost", user="root", password="")'), B106)
N("generic-kwarg", "getpass-login", ("import getpass", "import smtplib", 'server = smtplib.SMTP_SSL("smtp.example.com", 465)', "server.login(user, getpass.getpass())"), "https://docs.python.org/3/library/getpass.html")
N("generic-kwarg", "default-none", ("def connect(host, user=None, password=None):", "    return (host, user, password)"), B107)
N("generic-kwarg", "token-type-kwarg", ("def issue(token):", '    return AccessToken(token=token, token_type="Bearer")'), BANDIT_842)
N("generic-kwarg", "form-widget", ("from django import forms", 'password = forms.CharField(label="Password", widget=forms.PasswordInput(attrs={"placeholder": "Password"}))'),
  "https://docs.djangoproject.com/en/5.2/ref/forms/widgets/#passwordinput")
N("generic-kwarg", "argparse-help", ("import argparse", "parser = argparse.ArgumentParser()", 'parser.add_argument("--password", help="database password (or set DB_PASSWORD)")'), "https://docs.python.org/3/library/argparse.html")
N("generic-kwarg", "secrets-manager", ("import boto3", 'value = boto3.client("secretsmanager").get_secret_value(SecretId="prod/billing/db-password")["SecretString"]'),
  "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets-python.html")
N("generic-kwarg", "keyring", ("import keyring", 'password = keyring.get_password("billing-db", "app")'), "https://keyring.readthedocs.io/en/latest/#api-interface")
N("generic-kwarg", "starting-token", ('pages = paginator.paginate(PaginationConfig={"MaxItems": 100, "StartingToken": token})',), "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/paginators.html")
N("generic-kwarg", "password-prompt-text", ("import click", '@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)', "def login(password):", "    pass"),
  "https://click.palletsprojects.com/en/stable/options/#password-prompts")

# --------------------------------------------------------------------------- env-fallback
S("env-fallback", "environ-get-default", ("import os", 'API_KEY = os.environ.get("API_KEY", "b7Kx2Pq9Lm4Rt8Wz3Nv6Yc1")'), 2, OS_ENV + " ; " + CWE798)
S("env-fallback", "getenv-password", ("import os", 'DB_PASSWORD = os.getenv("DB_PASSWORD", "Pr0d-P@ss!2024")'), 2, OS_ENV + " ; " + CWE259)
S("env-fallback", "getenv-openai", ("import os", 'OPENAI_API_KEY = os.getenv("OPENAI_API_KEY", "@@OAI_LEGACY_ENV@@")'), 2, OS_ENV + " ; " + OPENAI)
S("env-fallback", "environ-get-stripe", ("import os", 'stripe_key = os.environ.get("STRIPE_KEY", "@@SK_LIVE_ENV@@")'), 2, OS_ENV + " ; " + STRIPE)
S("env-fallback", "decouple-default", ("from decouple import config", 'SECRET_TOKEN = config("SECRET_TOKEN", default="Dc8!mX3qW7zL2pR5")'), 2, DECOUPLE)
S("env-fallback", "environs-default", ("from environs import Env", "env = Env()", 'API_TOKEN = env.str("API_TOKEN", default="Ev4Kp9Lq2Mr7Ns1Ot5Pu8Qv")'), 3, "https://github.com/sloria/environs#basic-usage")
S("env-fallback", "pydantic-settings", ("from pydantic_settings import BaseSettings", "", "class Settings(BaseSettings):", '    api_key: str = "Ps6Wq1Er4Ty7Ui0Op3As8Df"'), 4, PYDANTIC)
S("env-fallback", "setdefault", ("import os", 'os.environ.setdefault("DO_TOKEN", "@@DOP_ENV@@")'), 2, OS_ENV + " ; " + DO)
S("env-fallback", "or-fallback", ("import os", 'token = os.getenv("SERVICE_TOKEN") or "Or5Tk8Lp2Qw9Zx4Cv7Bn3Mj"'), 2, OS_ENV + " ; " + CWE798)

N("env-fallback", "empty-default", ("import os", 'API_KEY = os.getenv("API_KEY", "")'), OS_ENV)
N("env-fallback", "none-default", ("import os", 'PASSWORD = os.environ.get("PASSWORD", None)'), OS_ENV)
N("env-fallback", "url-default", ("import os", 'TOKEN_URL = os.getenv("TOKEN_URL", "https://oauth2.googleapis.com/token")'), OS_ENV)
N("env-fallback", "file-path-default", ("import os", 'SECRET_KEY_FILE = os.getenv("SECRET_KEY_FILE", "/run/secrets/secret_key")'), "https://docs.docker.com/compose/how-tos/use-secrets/")
N("env-fallback", "log-level-default", ("import os", 'LOG_LEVEL = os.getenv("LOG_LEVEL", "INFO")'), OS_ENV)
N("env-fallback", "pydantic-secretstr", ("from pydantic import SecretStr", "from pydantic_settings import BaseSettings", "", "class Settings(BaseSettings):", "    api_key: SecretStr"), PYDANTIC)
N("env-fallback", "pydantic-optional", ("from pydantic_settings import BaseSettings", "", "class Settings(BaseSettings):", "    api_key: str | None = None"), PYDANTIC)
N("env-fallback", "auth-type-default", ("import os", 'AUTH_TYPE = os.getenv("AUTH_TYPE", "token")'), BANDIT_842)
N("env-fallback", "numeric-default", ("import os", 'PASSWORD_MIN_LENGTH = int(os.environ.get("PASSWORD_MIN_LENGTH", "12"))'), OS_ENV)
N("env-fallback", "decouple-no-default", ("from decouple import config", 'SECRET_TOKEN = config("SECRET_TOKEN")'), DECOUPLE)

# --------------------------------------------------------------------------- framework-secret-key
S("framework-secret-key", "django-insecure", 'SECRET_KEY = "django-insecure-7#q!v2m$k9x@p4z&l1r^w8t(c3n)b6y+h0j=d5f_s"', 1, DJANGO_KEY,
  "startproject's generated key; the 'insecure' prefix warns, but it still signs sessions if deployed")
S("framework-secret-key", "django-plain", 'SECRET_KEY = "p3$w!8zq@k1v#x6m^r9t&l2c(n5b)y0h+j4d=f7s_g"', 1, DJANGO_KEY)
S("framework-secret-key", "flask-attribute", ("from flask import Flask", "app = Flask(__name__)", 'app.secret_key = "f3c9a1e7b5d2084c6e1f9a3b7d5c2e8f"'), 3, FLASK_KEY)
S("framework-secret-key", "flask-config-subscript", ("from flask import Flask", "app = Flask(__name__)", 'app.config["SECRET_KEY"] = "Fk8#zQ2!mW5xR9pL"'), 3, FLASK_KEY)
S("framework-secret-key", "flask-config-update", ("from flask import Flask", "app = Flask(__name__)", 'app.config.update(SECRET_KEY="Up4!nT7qX2wZ9kLm")'), 3, FLASK_KEY)
S("framework-secret-key", "starlette-session", ("from starlette.middleware.sessions import SessionMiddleware", 'app.add_middleware(SessionMiddleware, secret_key="St6#rL9wQ2zX5mPk")'), 2,
  "https://www.starlette.io/middleware/#sessionmiddleware")
S("framework-secret-key", "flask-jwt-extended", ('app.config["JWT_SECRET_KEY"] = "Jw9!tK3xP7qZ2mLv"',), 1, "https://flask-jwt-extended.readthedocs.io/en/stable/options.html#JWT_SECRET_KEY")
S("framework-secret-key", "itsdangerous", ("from itsdangerous import URLSafeTimedSerializer", 'serializer = URLSafeTimedSerializer("It5#dG8!zQ3xW7mP")'), 2,
  "https://itsdangerous.palletsprojects.com/en/stable/url_safe/")
S("framework-secret-key", "wtf-csrf", ('WTF_CSRF_SECRET_KEY = "Cs7!rF2xQ9zW4kLp"',), 1, "https://flask-wtf.readthedocs.io/en/stable/config/")

N("framework-secret-key", "django-from-environ", ("import os", 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]'), DJANGO_KEY)
N("framework-secret-key", "flask-urandom", ("import os", "from flask import Flask", "app = Flask(__name__)", "app.secret_key = os.urandom(24)"), FLASK_KEY)
N("framework-secret-key", "django-random", ("from django.core.management.utils import get_random_secret_key", "SECRET_KEY = get_random_secret_key()"), DJANGO_KEY)
N("framework-secret-key", "flask-config-env", ("import os", "from flask import Flask", "app = Flask(__name__)", 'app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")'), FLASK_KEY)
N("framework-secret-key", "flask-prefixed-env", ("from flask import Flask", "app = Flask(__name__)", "app.config.from_prefixed_env()"), "https://flask.palletsprojects.com/en/stable/config/#configuring-from-environment-variables")
N("framework-secret-key", "django-environ", ("import environ", "env = environ.Env()", 'SECRET_KEY = env("SECRET_KEY")'), "https://django-environ.readthedocs.io/en/latest/quickstart.html")
N("framework-secret-key", "fallbacks-empty", "SECRET_KEY_FALLBACKS = []", "https://docs.djangoproject.com/en/5.2/ref/settings/#secret-key-fallbacks")
N("framework-secret-key", "docker-secret-file", ("from pathlib import Path", 'SECRET_KEY = Path("/run/secrets/django_secret_key").read_text().strip()'), "https://docs.docker.com/compose/how-tos/use-secrets/")
N("framework-secret-key", "session-cookie-name", 'SESSION_COOKIE_NAME = "session"', "https://docs.djangoproject.com/en/5.2/ref/settings/#session-cookie-name")
N("framework-secret-key", "secrets-token-hex", ("import secrets", "from flask import Flask", "app = Flask(__name__)", 'app.config["SECRET_KEY"] = secrets.token_hex()'), FLASK_KEY)
N("framework-secret-key", "password-hashers", 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]',
  "https://docs.djangoproject.com/en/5.2/topics/auth/passwords/#using-argon2-with-django")

# --------------------------------------------------------------------------- comment
S("comment", "github-token", ("# old token, revoke later: @@GH_COMMENT@@", "TOKEN_ENV = \"GITHUB_TOKEN\""), 1, GH_BLOG)
S("comment", "aws-key-id", ("import boto3", "s3 = boto3.client(\"s3\")  # was: @@AWS_AKIA_1@@"), 2, AWS_IDS)
S("comment", "commented-out-openai", ("import openai", '# openai.api_key = "@@OAI_PROJ_COMMENT@@"', "client = openai.OpenAI()"), 2, OPENAI)
S("comment", "slack-in-docstring", ("def notify(text):", '    """Post to #ops. Token for local runs: @@XOXB_COMMENT@@"""', "    return text"), 2, SLACK)
S("comment", "gitlab-in-comment", ("# CI debug: GITLAB_TOKEN=@@GLPAT_COMMENT@@", "import gitlab"), 1, GITLAB)
S("comment", "commented-out-password", ('# DB_PASSWORD = "Tr0ub4dor&3"', "import os", 'DB_PASSWORD = os.environ["DB_PASSWORD"]'), 1, CWE259,
  "a real password left in a commented-out line is still committed")

N("comment", "export-hint", ("# export GITHUB_TOKEN=<your token> before running", "import os"), GH_DOCS)
N("comment", "documented-example", ("# e.g. @@AWS_DOC_ID@@ (AWS's example key id)", "import boto3"), AWS_KEYS)
N("comment", "todo-rotate", ("# TODO: rotate the API key quarterly", "import os"), DS_KEYWORD)
N("comment", "password-policy", ("# password must be at least 12 characters", "PASSWORD_MIN_LENGTH = 12"), DS_KEYWORD)
N("comment", "sha256-comment", ("# sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 'ARTIFACT = "dist/app.tar.gz"'), "a digest in a comment")
N("comment", "format-description", ("# token format: ghp_ followed by 36 alphanumerics", "import re"), GH_DOCS)
N("comment", "docs-link", ("# see https://docs.github.com/en/authentication for token scopes", "import os"), GH_DOCS)
N("comment", "docstring-env-name", ("def api_key():", '    """Return the API key from the environment (``OPENAI_API_KEY``)."""', '    return __import__("os").environ["OPENAI_API_KEY"]'), OPENAI)
N("comment", "commit-reference", ("# fixed in e83c5163316f89bfbde7d9ab23ca2e25604af290", "import os"), "git SHA-1 in a comment")


KINDS: tuple[str, ...] = tuple(dict.fromkeys(c.kind for c in CASES))
