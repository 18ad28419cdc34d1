#!/usr/bin/env python3
"""Checks a Biometric Logger evidence bundle with Python's standard library and openssl only.

usage: python3 verify_bundle.py [BUNDLE_DIR]

For every item: rebuilds the signed bytes (RFC 8785 JSON of every attribute except "signature";
for all-String objects that is json.dumps with sorted keys, no spaces, no ASCII escaping) and checks
the ECDSA P-256 / SHA-256 signature against public-key.pem with openssl; every seal part likewise
against seal-public-key.pem. Then, for each sealed hour: that its leaves hash to its Merkle root
(RFC 9162), that every sealed item is present with the content it was sealed with, that no item of
the hour is missing from the seal, that each item's inclusion proof leads to the root, and that each
hour's seal names the digest of the one before it.
Exit status, as verify's: 0 everything holds, 1 a problem was found, 2 the check could not run
(no bundle there, an unreadable file, no openssl).
"""
import base64
import binascii
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


def link_digest(head):
    return hashlib.sha256(json.dumps(head, sort_keys=True, separators=(",", ":"),
                                     ensure_ascii=False).encode("utf-8")).hexdigest()


def signature_holds(public_key, obj, workdir):
    message = os.path.join(workdir, "message")
    signature = os.path.join(workdir, "signature")
    with open(message, "wb") as out:
        out.write(canonical(obj))
    try:
        signature_bytes = base64.b64decode(obj.get("signature", ""), validate=True)
    except (binascii.Error, ValueError):
        return False
    with open(signature, "wb") as out:
        out.write(signature_bytes)
    try:
        result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", public_key, "-signature", signature, message],
                                capture_output=True)
    except OSError as e:
        raise CannotRun("cannot run openssl: %s" % e)
    return result.returncode == 0


def leaf_hash(leaf):
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def merkle_root(leaves):
    """MTH of RFC 9162, 2.1.1."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(merkle_root(leaves[:k]), merkle_root(leaves[k:]))


def root_from_proof(leaf, index, size, path):
    """RFC 9162, 2.1.3.2: the root an inclusion proof leads to, or None if the proof is malformed."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf_hash(leaf)
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


class CannotRun(Exception):
    """The check could not run: exit status 2 and one line, never a traceback."""


def read_lines(path):
    if not os.path.exists(path):
        return []
    try:
        with open(path, encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise CannotRun("cannot read %s: %s" % (path, e))


def fingerprint(pem_path):
    """SHA-256 of the DER SubjectPublicKeyInfo: what verify, KMS and
    `openssl pkey -pubin -outform DER | sha256sum` show for the same key."""
    try:
        with open(pem_path, encoding="ascii") as pem:
            body = "".join(line.strip() for line in pem if line.strip() and not line.startswith("-----"))
        return hashlib.sha256(base64.b64decode(body, validate=True)).hexdigest()
    except (OSError, UnicodeDecodeError, binascii.Error, ValueError) as e:
        raise CannotRun("cannot read the public key %s: %s" % (pem_path, e))


def plural(count, noun):
    return "%d %s%s" % (count, noun, "" if count == 1 else "s")


def split(joined):
    return joined.split(",") if joined else []


def check_hour(period, parts, items_by_id, present, problems):
    head = parts.get(0)
    if head is None:
        problems.append(("SEAL_INCOMPLETE", "seal " + period))
        return None
    if head.get("schemaVersion", "1") == "1":
        ids = set()
        for part in parts.values():
            ids.update(split(part.get("attemptIds", "")))
        problems.extend(("DELETED_AFTER_SEALING", i) for i in sorted(ids - present[period]))
        problems.extend(("NOT_IN_SEAL", i) for i in sorted(present[period] - ids))
        return None
    leaves = []
    for number in sorted(parts):
        leaves.extend(split(parts[number].get("leaves", "")))
    if len(parts) != int(head["partCount"]) or len(leaves) != int(head["itemCount"]):
        problems.append(("SEAL_INCOMPLETE", "seal " + period))
    if merkle_root([leaf.encode("utf-8") for leaf in leaves]).hex() != head.get("merkleRoot"):
        problems.append(("SEAL_INVALID", "seal " + period))
    sealed = {}
    for leaf in leaves:
        attempt_id, _, digest = leaf.partition(":")
        sealed[attempt_id] = digest
    for attempt_id, digest in sorted(sealed.items()):
        item = items_by_id.get(attempt_id)
        if item is None:
            problems.append(("DELETED_AFTER_SEALING", attempt_id))
        elif hashlib.sha256(canonical(item)).hexdigest() != digest:
            problems.append(("CHANGED_AFTER_SEALING", attempt_id))
    problems.extend(("NOT_IN_SEAL", i) for i in sorted(present[period] - set(sealed)))
    return head


def main():
    try:
        return check(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
    except CannotRun as e:
        print("verify_bundle: %s" % e, file=sys.stderr)
        return 2


def check(bundle):
    public_key = os.path.join(bundle, "public-key.pem")
    seal_key = os.path.join(bundle, "seal-public-key.pem")
    if not os.path.isdir(bundle):
        raise CannotRun("no bundle directory %s" % bundle)
    for key in (public_key, seal_key):
        if not os.path.isfile(key):
            raise CannotRun("%s is not an evidence bundle: no %s" % (bundle, os.path.basename(key)))
    fingerprints = (("item key", fingerprint(public_key)), ("seal key", fingerprint(seal_key)))
    items = read_lines(os.path.join(bundle, "items.jsonl"))
    seals = read_lines(os.path.join(bundle, "seals.jsonl"))
    proofs = read_lines(os.path.join(bundle, "proofs.jsonl"))
    problems = []
    with tempfile.TemporaryDirectory() as workdir:
        for item in items:
            if not signature_holds(public_key, item, workdir):
                problems.append(("SIGNATURE_INVALID", item.get("attemptId", "?")))
        valid_seals = []
        for seal in seals:
            if signature_holds(seal_key, seal, workdir):
                valid_seals.append(seal)
            else:
                problems.append(("SIGNATURE_INVALID", "seal " + seal.get("sealId", "?")))
    items_by_id = {item.get("attemptId", ""): item for item in items}
    present = collections.defaultdict(set)
    for item in items:
        present[item.get("sealPeriod", "")].add(item.get("attemptId", ""))
    hours = collections.defaultdict(dict)
    for seal in valid_seals:
        hours[seal["period"]][int(seal["part"])] = seal
    heads = {}
    for period in sorted(hours):
        head = check_hour(period, hours[period], items_by_id, present, problems)
        if head is not None:
            heads[period] = head
    previous = None
    for period in sorted(heads):
        head = heads[period]
        if previous is not None and (head.get("previousSeal") != link_digest(heads[previous])
                                     or int(head["chainHeight"]) != int(heads[previous]["chainHeight"]) + 1):
            problems.append(("SEAL_CHAIN_BROKEN", "seal " + period))
        previous = period
    for proof in proofs:
        head = heads.get(proof["period"])
        item = items_by_id.get(proof["attemptId"])
        if head is None or item is None:
            problems.append(("INCLUSION_PROOF_INVALID", proof["attemptId"]))
            continue
        leaf = (proof["attemptId"] + ":" + hashlib.sha256(canonical(item)).hexdigest()).encode("utf-8")
        path = [bytes.fromhex(h) for h in split(proof["path"])]
        root = root_from_proof(leaf, int(proof["leafIndex"]), int(proof["treeSize"]), path)
        if root is None or root.hex() != head["merkleRoot"]:
            problems.append(("INCLUSION_PROOF_INVALID", proof["attemptId"]))
    for name, digest in fingerprints:
        print("%s: public key sha256:%s (compare it with the key you trust)" % (name, digest))
    print("%s, %s (%s), %s, %s" % (plural(len(items), "item"), plural(len(seals), "seal part"), plural(len(hours), "hour"),
                                  plural(len(proofs), "inclusion proof"), plural(len(problems), "problem")))
    for problem, subject in problems:
        print("%-24s %s" % (problem, subject))
    print("RESULT: INTACT" if not problems else "RESULT: %s FOUND" % plural(len(problems), "PROBLEM").upper())
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
