#!/usr/bin/env python3
"""Checks a Biometric Logger evidence bundle with Python's standard library and openssl only.

usage: python3 verify_bundle.py [BUNDLE_DIR]

For every item and seal: rebuilds the signed bytes (RFC 8785 JSON of every attribute except
"signature"; for all-String objects that is json.dumps with sorted keys, no spaces, no ASCII
escaping) and checks the ECDSA P-256 / SHA-256 signature against public-key.pem with openssl.
Then checks that each sealed hour's items are exactly the ones its seal lists.
Exit status 0 when everything holds, 1 otherwise.
"""
import base64
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile


def canonical(obj):
    signed = {name: value for name, value in obj.items() if name != "signature"}
    return json.dumps(signed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def signature_holds(public_key, obj, workdir):
    message = os.path.join(workdir, "message")
    signature = os.path.join(workdir, "signature")
    with open(message, "wb") as out:
        out.write(canonical(obj))
    with open(signature, "wb") as out:
        out.write(base64.b64decode(obj.get("signature", "")))
    result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", public_key, "-signature", signature, message],
                            capture_output=True)
    return result.returncode == 0


def read_lines(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main():
    bundle = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    public_key = os.path.join(bundle, "public-key.pem")
    items = read_lines(os.path.join(bundle, "items.jsonl"))
    seals = read_lines(os.path.join(bundle, "seals.jsonl"))
    problems = []
    with tempfile.TemporaryDirectory() as workdir:
        for item in items:
            if not signature_holds(public_key, item, workdir):
                problems.append(("SIGNATURE_INVALID", item.get("attemptId", "?")))
        valid_seals = [seal for seal in seals if signature_holds(public_key, seal, workdir)]
    for seal in seals:
        if seal not in valid_seals:
            problems.append(("SIGNATURE_INVALID", "seal " + seal.get("sealId", "?")))
    sealed = collections.defaultdict(set)
    for seal in valid_seals:
        ids = seal.get("attemptIds", "")
        sealed[seal["period"]].update(ids.split(",") if ids else [])
    present = collections.defaultdict(set)
    for item in items:
        present[item.get("sealPeriod", "")].add(item.get("attemptId", ""))
    for period, ids in sorted(sealed.items()):
        problems += [("DELETED_AFTER_SEALING", i) for i in sorted(ids - present[period])]
        problems += [("NOT_IN_SEAL", i) for i in sorted(present[period] - ids)]
    with open(public_key, "rb") as key:
        print("public key sha256 %s (compare it with the key you trust)" % hashlib.sha256(key.read()).hexdigest())
    print("items %d, seals %d (hours %d), problems %d" % (len(items), len(seals), len(sealed), len(problems)))
    for problem, subject in problems:
        print("%-24s %s" % (problem, subject))
    print("RESULT: INTACT" if not problems else "RESULT: %d PROBLEM(S) FOUND" % len(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
