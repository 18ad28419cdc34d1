"""Which of the bundle's public keys the recipient trusts, and ECDSA checks with openssl.

The bundle carries its own keys, so a forger re-signing everything would carry theirs: a key counts
only when its fingerprint is one the recipient stated, for the role they stated it for (an item key
listed as a seal key must not let the function's role sign seals).
"""
import base64
import binascii
import hashlib
import json
import os
import re
import subprocess

from .strict import CannotRun, canonical_json

ROLES = ("item", "seal")
KEY_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.pem\Z")


class BundleKey:
    def __init__(self, role, key_id, path, fingerprint, expected):
        self.role, self.key_id, self.path = role, key_id, path
        self.fingerprint, self.expected = fingerprint, expected


def fingerprint(pem_path):
    """SHA-256 of the DER SubjectPublicKeyInfo: what verify, KMS and
    `openssl pkey -pubin -outform DER | sha256sum` show for the same key."""
    try:
        with open(pem_path, encoding="ascii") as pem:
            body = "".join(line.strip() for line in pem if line.strip() and not line.startswith("-----"))
        return hashlib.sha256(base64.b64decode(body, validate=True)).hexdigest()
    except (OSError, UnicodeDecodeError, binascii.Error, ValueError) as e:
        raise CannotRun("cannot read the public key %s: %s" % (pem_path, e))


def _no_duplicates(pairs):
    if len({name for name, _ in pairs}) != len(pairs):
        raise CannotRun("trusted-keys.json repeats a name")
    return dict(pairs)


def load(bundle, expected):
    """Every key the bundle lists, by role; expected maps a role to the fingerprints stated for it."""
    try:
        with open(os.path.join(bundle, "trusted-keys.json"), encoding="utf-8") as listing:
            listed = json.load(listing, object_pairs_hook=_no_duplicates)
        keys = []
        for role in ROLES:
            for entry in listed[role]:
                if not KEY_FILE.match(entry["file"]) or not isinstance(entry["keyId"], str):
                    raise CannotRun("trusted-keys.json names a key file outside the bundle: %s" % entry["file"])
                path = os.path.join(bundle, entry["file"])
                digest = fingerprint(path)
                keys.append(BundleKey(role, entry["keyId"], path, digest, digest in expected[role]))
        return keys
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise CannotRun("cannot read the bundle's trusted-keys.json: %s" % e)


class Signatures:
    """Checks signatures against the expected keys of one role, as verify names their problems."""

    def __init__(self, keys, role, workdir):
        self.keys = [key for key in keys if key.role == role and key.expected]
        self.workdir = workdir

    def problem(self, obj):
        """None when obj is signed by an expected key it may name; otherwise the finding code."""
        if "signature" not in obj or "signingKeyId" not in obj:
            return "UNSIGNED"
        candidates = [key for key in self.keys if not key.key_id or key.key_id == obj["signingKeyId"]]
        if not candidates:
            return "UNTRUSTED_KEY"
        if any(self._holds(key.path, obj) for key in candidates):
            return None
        return "SIGNATURE_INVALID"

    def _holds(self, public_key, obj):
        try:
            signature = base64.b64decode(obj["signature"], validate=True)
        except (binascii.Error, ValueError):
            return False
        message = os.path.join(self.workdir, "message")
        signature_file = os.path.join(self.workdir, "signature")
        with open(message, "wb") as out:
            out.write(canonical_json({n: v for n, v in obj.items() if n != "signature"}).encode("utf-8"))
        with open(signature_file, "wb") as out:
            out.write(signature)
        try:
            result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", public_key, "-signature",
                                     signature_file, message], capture_output=True)
        except OSError as e:
            raise CannotRun("cannot run openssl: %s" % e)
        return result.returncode == 0
