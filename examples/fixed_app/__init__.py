"""The same Flask app as vulnerable_app, written safely: aisec-lint reports nothing here."""
