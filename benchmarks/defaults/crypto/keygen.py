from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa

KEY_BITS = 3072


def make_rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def make_dsa_key():
    return dsa.generate_private_key(key_size=1024)


def make_iot_key():
    return ec.generate_private_key(ec.SECT163K1())


def make_small_ec_key():
    return ec.generate_private_key(ec.SECP192R1())


def make_rsa_key_2048():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_rsa_key_configured():
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)


def make_dsa_key_3072():
    return dsa.generate_private_key(key_size=3072)


def make_ec_key():
    return ec.generate_private_key(ec.SECP256R1())


def make_ec_key_384():
    return ec.generate_private_key(ec.SECP384R1())


def make_ed25519_key():
    return ed25519.Ed25519PrivateKey.generate()
