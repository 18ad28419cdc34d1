#!/usr/bin/env python3
"""Checks a Biometric Logger evidence bundle with Python 3's standard library and openssl only.

usage: python3 verify_bundle.py --expect-item-key FINGERPRINT --expect-seal-key FINGERPRINT
                                [--expect-head DIGEST] [BUNDLE_DIR]

Whoever handed the bundle over could have edited any byte of it, keys included, so the checker trusts
only the keys whose fingerprints (SHA-256 of the DER public key) you state, each for its role; without
them it names the keys the bundle carries and stops. Every line must be in the one canonical form the
exporter writes. Every item's and seal's signature is checked against the expected keys; every hour in
the bundle's range must be sealed and chained from genesis (or the head the bundle starts after);
every item must be in its hour's seal with the content it was sealed with, or be accounted for by a
signed erasure record; every inclusion proof must lead to its hour's root. --expect-head names the
digest of a seal head you were given by another channel: the bundle must hold it.
Exit status, as verify's: 0 everything holds, 1 a problem was found, 2 the check could not run.
Everything printed is escaped: nothing in a bundle reaches your terminal as a control character.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True  # the bundle directory is the recipient's evidence: write nothing into it
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bundlecheck import check, keys, strict  # noqa: E402


def fingerprint(text):
    value = text.lower()
    value = value[len("sha256:"):] if value.startswith("sha256:") else value
    if not strict.DIGEST.match(value):
        raise argparse.ArgumentTypeError("not a SHA-256 fingerprint (64 hex digits): %s" % strict.shown(text))
    return value


def arguments(argv):
    parser = argparse.ArgumentParser(prog="verify_bundle.py", description="Checks an evidence bundle.")
    parser.add_argument("bundle", nargs="?", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--expect-item-key", action="append", default=[], type=fingerprint, metavar="FINGERPRINT",
                        help="SHA-256 of an item-signing public key you trust (repeatable)")
    parser.add_argument("--expect-seal-key", action="append", default=[], type=fingerprint, metavar="FINGERPRINT",
                        help="SHA-256 of a seal-signing public key you trust (repeatable)")
    parser.add_argument("--expect-head", type=fingerprint, metavar="DIGEST",
                        help="the digest of a seal head you got by another channel; the bundle must hold it")
    return parser.parse_args(argv)


def main(argv):
    options = arguments(argv)
    try:
        expected = {"item": set(options.expect_item_key), "seal": set(options.expect_seal_key)}
        bundle = options.bundle
        if not os.path.isdir(bundle):
            raise strict.CannotRun("no bundle directory %s" % bundle)
        if not os.path.isfile(os.path.join(bundle, "trusted-keys.json")):
            raise strict.CannotRun("%s is not an evidence bundle: no trusted-keys.json" % bundle)
        carried = keys.load(bundle, expected)
        if not expected["item"] or not expected["seal"]:
            raise strict.CannotRun("state the keys you trust, as you got them by another channel than this bundle: "
                                   "--expect-item-key FINGERPRINT --expect-seal-key FINGERPRINT. The bundle carries: "
                                   + "; ".join("%s key %s sha256:%s" % (key.role, key.key_id or "(bare)", key.fingerprint)
                                               for key in carried))
        return check.run(bundle, carried, options.expect_head)
    except strict.CannotRun as e:
        strict.say("verify_bundle: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
