#!/usr/bin/env python3
"""Checks a Biometric Logger evidence bundle with Python's standard library and openssl only.

usage: python3 verify_bundle.py [BUNDLE_DIR]

For every item: rebuilds the signed bytes (RFC 8785 JSON of every attribute except "signature";
for all-String objects that is json.dumps with sorted keys, no spaces, no ASCII escaping) and checks
the ECDSA P-256 / SHA-256 signature with openssl against the item key it names among those listed in
trusted-keys.json; every seal part likewise against the seal keys listed there. Then, for each
sealed hour: that its leaves hash to its Merkle root (RFC 9162), that every sealed item is present
with the content it was sealed with or is accounted for by a validly signed erasure record with the
sealed digest (ERASED), that no item of the hour is missing from the seal, that each item's inclusion
proof leads to the root, and that each hour's seal names the digest of the one before it.
Exit status 0 when everything holds, 1 otherwise.
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
    result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", public_key, "-signature", signature, message],
                            capture_output=True)
    return result.returncode == 0


def load_keys(bundle):
    """The trusted keys by role, as (key id, PEM file) pairs; an empty id is a bare key, trusted for any id."""
    with open(os.path.join(bundle, "trusted-keys.json"), encoding="utf-8") as listing:
        listed = json.load(listing)
    return {role: [(key["keyId"], os.path.join(bundle, key["file"])) for key in listed[role]] for role in ("item", "seal")}


def signature_problem(keys, obj, workdir):
    """None when obj is signed by one of the keys it may name; otherwise the problem, as verify names it."""
    if "signature" not in obj or "signingKeyId" not in obj:
        return "UNSIGNED"
    candidates = [path for key_id, path in keys if not key_id or key_id == obj["signingKeyId"]]
    if not candidates:
        return "UNTRUSTED_KEY"
    if any(signature_holds(path, obj, workdir) for path in candidates):
        return None
    return "SIGNATURE_INVALID"


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


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def split(joined):
    return joined.split(",") if joined else []


def account_for_missing(attempt_id, digest, erasures, problems):
    """A sealed item gone from the bundle is ERASED when a valid erasure record names it with the sealed digest."""
    erasure = erasures.get(attempt_id)
    if erasure is None:
        problems.append(("DELETED_AFTER_SEALING", attempt_id))
        return 0
    if digest is not None and erasure.get("erasedDigest") != digest:
        problems.append(("ERASURE_MISMATCH", "erasure-" + attempt_id))
        return 0
    return 1


def check_hour(period, parts, items_by_id, present, erasures, problems):
    """Checks one sealed hour; returns its head (None when unusable) and how many of its items were erased."""
    head = parts.get(0)
    if head is None:
        problems.append(("SEAL_INCOMPLETE", "seal " + period))
        return None, 0
    erased = 0
    if head.get("schemaVersion", "1") == "1":
        ids = set()
        for part in parts.values():
            ids.update(split(part.get("attemptIds", "")))
        for attempt_id in sorted(ids - present[period]):
            erased += account_for_missing(attempt_id, None, erasures, problems)
        problems.extend(("NOT_IN_SEAL", i) for i in sorted(present[period] - ids))
        return None, erased
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
            erased += account_for_missing(attempt_id, digest, erasures, problems)
        elif hashlib.sha256(canonical(item)).hexdigest() != digest:
            problems.append(("CHANGED_AFTER_SEALING", attempt_id))
    problems.extend(("NOT_IN_SEAL", i) for i in sorted(present[period] - set(sealed)))
    return head, erased


def main():
    bundle = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    keys = load_keys(bundle)
    items = read_lines(os.path.join(bundle, "items.jsonl"))
    seals = read_lines(os.path.join(bundle, "seals.jsonl"))
    proofs = read_lines(os.path.join(bundle, "proofs.jsonl"))
    problems = []
    with tempfile.TemporaryDirectory() as workdir:
        erasures = {}
        for item in items:
            problem = signature_problem(keys["item"], item, workdir)
            if problem is not None:
                problems.append((problem, item.get("attemptId", "?")))
            elif item.get("kind") == "ERASURE":
                erased_id = item.get("erasedAttemptId", "")
                if erased_id and item.get("attemptId") == "erasure-" + erased_id:
                    erasures[erased_id] = item
                else:
                    problems.append(("ERASURE_INVALID", item.get("attemptId", "?")))
        valid_seals = []
        for seal in seals:
            problem = signature_problem(keys["seal"], seal, workdir)
            if problem is None:
                valid_seals.append(seal)
            else:
                problems.append((problem, "seal " + seal.get("sealId", "?")))
    items_by_id = {item.get("attemptId", ""): item for item in items}
    present = collections.defaultdict(set)
    for item in items:
        present[item.get("sealPeriod", "")].add(item.get("attemptId", ""))
    hours = collections.defaultdict(dict)
    for seal in valid_seals:
        hours[seal["period"]][int(seal["part"])] = seal
    problems.extend(("ERASURE_INCOMPLETE", "erasure-" + i) for i in sorted(erasures) if i in items_by_id)
    heads = {}
    erased = 0
    for period in sorted(hours):
        head, erased_in_hour = check_hour(period, hours[period], items_by_id, present, erasures, problems)
        erased += erased_in_hour
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
    for role in ("item", "seal"):
        for key_id, path in keys[role]:
            with open(path, "rb") as key:
                print("%s key %s sha256 %s (compare it with the key you trust)"
                      % (role, key_id or os.path.basename(path), hashlib.sha256(key.read()).hexdigest()))
    print("items %d, seals %d (hours %d), inclusion proofs %d, erased %d, problems %d"
          % (len(items), len(seals), len(hours), len(proofs), erased, len(problems)))
    for problem, subject in problems:
        print("%-24s %s" % (problem, subject))
    print("RESULT: INTACT" if not problems else "RESULT: %d PROBLEM(S) FOUND" % len(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
