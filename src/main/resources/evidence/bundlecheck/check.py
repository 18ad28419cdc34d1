"""Runs every check over one bundle and prints the findings, each subject escaped."""
import collections
import os
import tempfile

from . import keys, ledger, manifest, strict
from .strict import say


def plural(count, noun):
    return "%d %s%s" % (count, noun, "" if count == 1 else "s")


def accepted(bundle, name, problems):
    """The objects of one .jsonl file; a refused line is a finding naming its file and line."""
    objects = []
    for number, parsed in strict.read_lines(os.path.join(bundle, name)):
        if isinstance(parsed, strict.Unacceptable):
            problems.append((parsed.code, "%s line %d: %s" % (name, number, parsed)))
        else:
            objects.append(parsed)
    return objects


def run(bundle, carried, expected_head):
    stated = manifest.load(bundle)
    problems = []
    items = accepted(bundle, "items.jsonl", problems)
    seals = accepted(bundle, "seals.jsonl", problems)
    proofs = accepted(bundle, "proofs.jsonl", problems)
    with tempfile.TemporaryDirectory() as workdir:
        items_by_id, present, erasures = check_items(items, keys.Signatures(carried, "item", workdir), problems)
        hours = signed_hours(seals, keys.Signatures(carried, "seal", workdir), problems)
    problems.extend(("ERASURE_INCOMPLETE", ledger.ERASURE_PREFIX + i) for i in sorted(erasures) if i in items_by_id)
    heads, erased = {}, 0
    for period in sorted(hours):
        head, erased_in_hour = ledger.check_hour(period, hours[period], items_by_id, present[period], erasures,
                                                 problems)
        erased += erased_in_hour
        if head is not None:
            heads[period] = head
    ledger.check_chain(heads, stated, problems)
    ledger.check_sealing_goes_on(stated, heads, present, problems)
    ledger.check_range(stated, heads, hours, problems)
    unsealed = ledger.check_coverage(stated, heads, present, problems)
    ledger.check_proofs(proofs, heads, items_by_id, problems)
    if expected_head is not None and expected_head not in {ledger.link_digest(h) for h in heads.values()}:
        problems.append(("EXPECTED_HEAD_MISSING", expected_head))
    if stated.verify_problems:
        problems.append(("EXPORTED_WITH_PROBLEMS", "verify found %s when this bundle was made: see "
                                                   "verify-report.json" % plural(stated.verify_problems, "problem")))
    report(carried, stated, heads, (items, seals, hours, proofs, erased, unsealed), problems)
    return 0 if not problems else 1


def check_items(items, signatures, problems):
    """Each item's signature, erasure record and dating; returns the items by id, their ids by hour and
    the validly signed erasure records by the attempt id each accounts for."""
    items_by_id, present, erasures = {}, collections.defaultdict(set), {}
    for item in items:
        attempt_id = item.get("attemptId", "?")
        if attempt_id in items_by_id:
            problems.append(("DUPLICATE_ITEM", attempt_id))
            continue
        items_by_id[attempt_id] = item
        if not strict.ATTEMPT_ID.match(attempt_id):
            problems.append(("ID_INVALID", attempt_id))
        present[item.get("sealPeriod", "")].add(attempt_id)
        problem = signatures.problem(item)
        if problem is not None:
            problems.append((problem, attempt_id))
        elif item.get("kind") == "ERASURE":
            erased_id = ledger.erasure_of(item, problems)
            if erased_id is not None:
                erasures[erased_id] = item
        if ledger.misdated(item):
            problems.append(("ITEM_MISDATED", attempt_id))
    return items_by_id, present, erasures


def signed_hours(seals, signatures, problems):
    """The validly signed seal parts, by hour and part number."""
    hours = collections.defaultdict(dict)
    for seal in seals:
        problem = signatures.problem(seal)
        part = strict.count(seal.get("part"))
        if problem is None and (part is None or not strict.is_hour(seal.get("period"))):
            problem = "SEAL_INVALID"
        if problem is not None:
            problems.append((problem, "seal " + seal.get("sealId", "?")))
        else:
            hours[seal["period"]][part] = seal
    return hours


def say_finding(problem, subject):
    """The code, then the subject shown safely; a subject too long for the line goes on in chunks
    under its start, cut anywhere, so the chunks joined give it back exactly."""
    head = "%-24s " % problem
    width = strict.COLUMNS - len(head)
    text = strict.shown(subject)
    print(head + text[:width])
    for start in range(width, len(text), width):
        print(" " * len(head) + text[start:start + width])


def report(carried, stated, heads, counts, problems):
    items, seals, hours, proofs, erased, unsealed = counts
    for key in carried:
        say("%s key %s" % (key.role, key.key_id or "(bare)"))
        say("public key sha256:%s%s" % (key.fingerprint, " expected" if key.expected else ""), indent="  ")
        if not key.expected:
            say("NOT EXPECTED: ignored, nothing it signed is trusted", indent="  ")
    if stated.seal_source == "table":
        say("WARNING: no seal archive was configured when this bundle was made: its seals are the seal table's "
            "copies, which the seal role could have rewritten")
    start = "genesis" if stated.start_head is None else "head %s (height %d)" % (stated.start_head, stated.start_height)
    say("range %s UTC to %s UTC, sealed through %s, chained from %s"
        % (stated.first_hour, stated.last_hour, stated.sealed_through + " UTC" if stated.sealed_through
           else "no hour", start))
    if heads:
        newest = max(heads)
        say("newest head: %s UTC (compare its digest with the head you were given)" % newest)
        say("digest %s" % ledger.link_digest(heads[newest]), indent="  ")
    say("%s, %s (%s), %s, %d erased, %s"
        % (plural(len(items), "item"), plural(len(seals), "seal part"), plural(len(hours), "hour"),
           plural(len(proofs), "inclusion proof"), erased, plural(len(problems), "problem")))
    if unsealed:
        say("%s not yet sealed (after the newest seal), as verify counts them" % plural(len(unsealed), "item"))
    for problem, subject in problems:
        say_finding(problem, subject)
    print("RESULT: INTACT" if not problems else "RESULT: %s FOUND" % plural(len(problems), "PROBLEM").upper())
