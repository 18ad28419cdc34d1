"""The ledger's completeness, as verify checks it: each hour's seal against its items, the chain of
seals from genesis (or from the head the bundle says it starts after), every hour of the stated range
sealed, every item covered by the seal of its hour, and each inclusion proof against its hour's root.
Each check appends (finding code, subject) pairs; the codes are verify's where verify has one."""
import datetime
import hashlib

from . import merkle, strict

ERASURE_PREFIX = "erasure-"


def item_digest(item):
    return hashlib.sha256(strict.canonical_json({n: v for n, v in item.items() if n != "signature"})
                          .encode("utf-8")).hexdigest()


def link_digest(head):
    """What the next seal names: the SHA-256 of this head as stored, signature included."""
    return hashlib.sha256(strict.canonical_json(head).encode("utf-8")).hexdigest()


def split(joined):
    return joined.split(",") if joined else []


def next_hour(period):
    return (datetime.datetime.strptime(period, "%Y-%m-%dT%H") + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H")


def misdated(item):
    """An item's seal period must be the hour it was decided (an erasure record's: erased)."""
    dated = item.get("erasedAt" if item.get("kind") == "ERASURE" else "decidedAt")
    return strict.hour_of(dated) != item.get("sealPeriod")


def erasure_of(item, problems):
    """The attempt id a validly signed erasure record accounts for, None when it is malformed."""
    erased = item.get("erasedAttemptId", "")
    if erased and item.get("attemptId") == ERASURE_PREFIX + erased:
        return erased
    problems.append(("ERASURE_INVALID", item.get("attemptId", "?")))
    return None


def account_for_missing(attempt_id, digest, erasures, problems):
    """A sealed item gone from the bundle is ERASED when a valid erasure record names it with the sealed digest."""
    erasure = erasures.get(attempt_id)
    if erasure is None:
        problems.append(("DELETED_AFTER_SEALING", attempt_id))
        return 0
    if digest is not None and erasure.get("erasedDigest") != digest:
        problems.append(("ERASURE_MISMATCH", ERASURE_PREFIX + attempt_id))
        return 0
    return 1


def leaves_of(parts, name, pattern, problems):
    """Each part's leaves in part order; a malformed one is named on its own and the rest still read."""
    leaves = []
    for number in sorted(parts):
        for leaf in split(parts[number].get(name, "")):
            if pattern.match(leaf):
                leaves.append(leaf)
            else:
                problems.append(("SEAL_INVALID", "seal " + parts[number].get("sealId", "?")))
    return leaves


def is_version_one(head):
    return head.get("schemaVersion", "1") == "1"


def check_hour(period, parts, items_by_id, present, erasures, problems):
    """One sealed hour; returns its head (None when it has no part 0) and how many of its items were erased."""
    head = parts.get(0)
    if head is None:
        problems.append(("SEAL_INCOMPLETE", "seal " + period))
        return None, 0
    erased = 0
    if is_version_one(head):
        ids = set(leaves_of(parts, "attemptIds", strict.ATTEMPT_ID, problems))
        for attempt_id in sorted(ids - present):
            erased += account_for_missing(attempt_id, None, erasures, problems)
        problems.extend(("NOT_IN_SEAL", i) for i in sorted(present - ids))
        return head, erased
    leaves = leaves_of(parts, "leaves", strict.LEAF, problems)
    malformed = sum(len(split(part.get("leaves", ""))) for part in parts.values()) - len(leaves)
    if (len(parts) != strict.count(head.get("partCount"))
            or len(leaves) + malformed != strict.count(head.get("itemCount"))):
        problems.append(("SEAL_INCOMPLETE", "seal " + period))
    if merkle.root([leaf.encode("utf-8") for leaf in leaves]).hex() != head.get("merkleRoot"):
        problems.append(("SEAL_INVALID", "seal " + period))
    sealed = dict(strict.LEAF.match(leaf).groups() for leaf in leaves)
    for attempt_id, digest in sorted(sealed.items()):
        item = items_by_id.get(attempt_id)
        if item is None:
            erased += account_for_missing(attempt_id, digest, erasures, problems)
        elif item_digest(item) != digest:
            problems.append(("CHANGED_AFTER_SEALING", attempt_id))
    problems.extend(("NOT_IN_SEAL", i) for i in sorted(present - set(sealed)))
    return head, erased


def check_chain(heads, manifest, problems):
    """Version 1 counts only before the cutover: the first version-2 seal, or, for seals from the write-once
    archive (which the version-1 sealer never wrote), none. Every head from the genesis on, whatever its
    version, must be followed by a head naming its digest and height."""
    chained = sorted(period for period, head in heads.items() if not is_version_one(head))
    cutover = min(heads) if heads and manifest.seal_source == "archive" else (chained[0] if chained else None)
    if cutover is not None:
        problems.extend(("SEAL_DOWNGRADED", "seal " + p) for p in sorted(heads) if p >= cutover and is_version_one(heads[p]))
    if not chained:
        return
    first = heads[chained[0]]
    height = strict.count(first.get("chainHeight"))
    if manifest.start_head is None:
        starts = height == 0 and not first.get("previousSeal")
    else:
        starts = first.get("previousSeal") == manifest.start_head and height == manifest.start_height + 1
    if not starts:
        problems.append(("CHAIN_TRUNCATED", "seal " + chained[0]))
    walk = [period for period in sorted(heads) if period >= chained[0]]
    for before, period in zip(walk, walk[1:]):
        head, previous = heads[period], heads[before]
        if is_version_one(head):
            continue
        if (head.get("previousSeal") != link_digest(previous) or height_of(head) is None
                or height_of(previous) is None or height_of(head) != height_of(previous) + 1):
            problems.append(("SEAL_CHAIN_BROKEN", "seal " + period))


OVERDUE = datetime.timedelta(hours=2)


def check_sealing_goes_on(manifest, heads, present_by_period, problems):
    """As verify: an hour of the range left unsealed two hours after it ended means sealing has stopped."""
    def overdue(period):
        end = datetime.datetime.strptime(period, "%Y-%m-%dT%H") + datetime.timedelta(hours=1)
        return period <= manifest.last_hour and end + OVERDUE < manifest.exported_at
    if heads:
        newest = max(heads)
        if overdue(next_hour(newest)):
            problems.append(("SEALING_STOPPED", "seal " + newest))
        return
    hours = sorted(p for p in present_by_period if strict.is_hour(p))
    if hours and overdue(hours[0]):
        problems.append(("SEALING_STOPPED", "no seal"))


def height_of(head):
    return strict.count(head.get("chainHeight"))


def check_range(manifest, heads, seal_periods, problems):
    """Every hour from the chain's start in the range through the hour the exporter says was sealed last
    must have a seal in the bundle: one SEAL_MISSING per run of hours without, as verify names them."""
    for period in sorted(seal_periods):
        if not manifest.first_hour <= period <= (manifest.sealed_through or manifest.last_hour):
            problems.append(("OUT_OF_RANGE", "seal " + period))
    if manifest.sealed_through is None:
        return
    # From genesis, the hours before the first seal had nothing to seal yet.
    period = min(heads) if manifest.start_head is None and heads else manifest.first_hour
    run = []
    while period <= manifest.sealed_through:
        if period in heads:
            _missing(run, problems)
            run = []
        else:
            run.append(period)
        period = next_hour(period)
    _missing(run, problems)


def _missing(run, problems):
    if run:
        problems.append(("SEAL_MISSING", run[0] if len(run) == 1 else run[0] + " to " + run[-1]))


def check_coverage(manifest, heads, present_by_period, problems):
    """Items of hours without a seal: outside the range, in the future, before genesis, behind the newest
    seal (SEAL_MISSING), or simply not yet sealed; returns the ids of the last kind."""
    genesis = min(heads) if heads and manifest.start_head is None else None
    newest = max(heads) if heads else None
    unsealed = []
    for period, ids in sorted(present_by_period.items()):
        if period in heads or not strict.is_hour(period):
            continue
        if period > manifest.exported_hour:
            problems.extend(("IN_FUTURE", i) for i in sorted(ids))
        elif not manifest.first_hour <= period <= manifest.last_hour:
            problems.extend(("OUT_OF_RANGE", i) for i in sorted(ids))
        elif genesis is not None and period < genesis:
            problems.extend(("BEFORE_GENESIS", i) for i in sorted(ids))
        elif newest is not None and period < newest:
            problems.append(("SEAL_MISSING", period))
        else:
            unsealed.extend(sorted(ids))
    return unsealed


def check_proofs(proofs, heads, items_by_id, problems):
    """Each proof must lead from its item's leaf to its hour's sealed root (RFC 9162, 2.1.3.2). A proof into
    an hour without a seal it can trust proves nothing either way: that seal's own finding names the hour."""
    for proof in proofs:
        attempt_id = proof.get("attemptId", "?")
        head, item = heads.get(proof.get("period")), items_by_id.get(attempt_id)
        if head is None:
            continue
        index, size = strict.count(proof.get("leafIndex")), strict.count(proof.get("treeSize"))
        path = split(proof.get("path", ""))
        valid = (item is not None and index is not None and size is not None
                 and item.get("sealPeriod") == proof.get("period") and size == strict.count(head.get("itemCount"))
                 and all(strict.DIGEST.match(p) for p in path))
        if valid:
            leaf = merkle.leaf_hash((attempt_id + ":" + item_digest(item)).encode("utf-8"))
            root = merkle.root_from_leaf_hash(leaf, index, size, [bytes.fromhex(p) for p in path])
            valid = root is not None and root.hex() == head.get("merkleRoot")
        if not valid:
            problems.append(("INCLUSION_PROOF_INVALID", attempt_id))
