"""Look-alikes found by the precision review of corpus E (an MLOps platform's client, server
and integrations, reviewed by hand): each case states the confidence the core must give, at
every confidence level, beside the nearby real flaw that must stay reported.
"""

from __future__ import annotations

import textwrap

from aisec_shared import Settings, check_source

APP = "src/app/client.py"


def _found(src: str, code: str, filename: str = APP) -> list[tuple[int, str]]:
    """``[(line, confidence)]`` of rule `code` at every confidence."""
    settings = Settings.from_mapping({"aisec_min_confidence": "low"}, strict=True)
    return [(f.line, f.confidence.value) for f in check_source(textwrap.dedent(src), filename, settings, only=[code])]


# ------------------------------------------------------------------ AIS106
def test_ais106_enum_member_named_for_a_credential_is_a_constant():
    src = """\
    import logging

    from fastapi import HTTPException
    from app.enums import LoginGrantTypes

    logger = logging.getLogger(__name__)


    class LoginForm:
        def __init__(self, grant_type, password):
            if not grant_type:
                self.grant_type = LoginGrantTypes.OAUTH_PASSWORD
            else:
                self.grant_type = LoginGrantTypes(grant_type)
            if self.grant_type == LoginGrantTypes.OAUTH_PASSWORD:
                logger.info(f"Request with unsupported grant type: {self.grant_type}")
                raise HTTPException(status_code=400, detail=f"Unsupported grant type: {self.grant_type}.")
            logger.info(f"login with {password}")
    """
    assert _found(src, "AIS106") == [(18, "medium")]


def test_ais106_local_enum_member_is_a_constant_but_a_settings_class_is_not():
    src = """\
    import enum
    import logging

    logger = logging.getLogger(__name__)


    class AuthKind(enum.Enum):
        API_KEY = "api-key"


    class Settings:
        API_KEY = load()


    def describe():
        logger.info("auth: %s", AuthKind.API_KEY)
        logger.info("key: %s", Settings.API_KEY)
    """
    assert _found(src, "AIS106") == [(17, "medium")]


def test_ais106_attribute_that_names_the_secret_to_look_up_is_a_name():
    src = """\
    class AuthenticationMixin:
        def get_authentication_secret(self):
            if not self.config.authentication_secret:
                return None
            try:
                return Client().get_secret_by_name_and_private_status(name=self.config.authentication_secret)
            except KeyError:
                raise KeyError(f"The secret {self.config.authentication_secret} does not exist.")

        def get_typed_secret(self, schema):
            secret = self.get_authentication_secret()
            try:
                return schema(**secret.secret_values)
            except TypeError as e:
                raise TypeError(f"Secret `{self.config.authentication_secret}` is not a {schema}: {e}")

        def connect(self):
            raise ValueError(f"cannot connect with {self.config.api_token}")
    """
    assert _found(src, "AIS106") == [(18, "high")]


def test_ais106_arn_answered_by_a_create_call_is_an_identifier():
    src = """\
    import json
    import logging

    logger = logging.getLogger(__name__)


    class Deployer:
        def _create_or_update_secret(self, name, value):
            try:
                response = self.client.update_secret(SecretId=name, SecretString=value)
                return response["ARN"]
            except KeyError:
                response = self.client.create_secret(Name=name, SecretString=value)
                return response["ARN"]

        def _read_secret(self, name):
            response = self.client.fetch(SecretId=name)
            return response["Value"]

        def prepare(self, name, secrets):
            secret_arn = self._create_or_update_secret(name, json.dumps(secrets))
            logger.debug(f"Secret {name} stored with ARN {secret_arn}")
            secret_value = self._read_secret(name)
            logger.debug(f"Secret {name} holds {secret_value}")
    """
    assert _found(src, "AIS106") == [(24, "medium")]
