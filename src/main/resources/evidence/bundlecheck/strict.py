"""Parsing at the edge: every line, number and hour is read strictly into a value or refused.

A bundle's sender can edit any byte of it, so a line is accepted only in the one form the exporter
writes (RFC 8785 for an all-String object, as the Java side's CanonicalForm): anything else could
mean something other to this checker than to another reader of the same file.
"""
import datetime
import json
import re
import textwrap
import unicodedata

HOUR = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}\Z")
DECIMAL = re.compile(r"(0|[1-9][0-9]{0,17})\Z")
INSTANT = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}):\d{2}:\d{2}(\.\d{1,9})?Z\Z")
DIGEST = re.compile(r"[0-9a-f]{64}\Z")
# A decision's attempt id (SHA-256 hex) or a record about one (erasure-<that id>), as verify's AttemptIds.
ATTEMPT_ID = re.compile(r"(?:[a-z]{1,16}-)?[0-9a-f]{64}\Z")
LEAF = re.compile(r"((?:[a-z]{1,16}-)?[0-9a-f]{64}):([0-9a-f]{64})\Z")


class CannotRun(Exception):
    """The check could not run: exit status 2 and one line, never a traceback."""


class Unacceptable(Exception):
    """One line refused, with the finding code that names why."""

    def __init__(self, code, why):
        super().__init__(why)
        self.code = code


def quoted(text):
    """A JSON string literal escaped as RFC 8785 (and JsonStrings on the Java side) escape it."""
    return json.dumps(text, ensure_ascii=False)


def canonical_json(obj):
    """RFC 8785 for an all-String object: names sorted by UTF-16 code units, no whitespace."""
    names = sorted(obj, key=lambda name: name.encode("utf-16-be"))
    return "{" + ",".join(quoted(name) + ":" + quoted(obj[name]) for name in names) + "}"


def _unique_names(pairs):
    names = [name for name, _ in pairs]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise Unacceptable("DUPLICATE_NAME", "the name %s appears more than once" % quoted(duplicated[0]))
    return dict(pairs)


def parse_line(line):
    """The all-String object a line holds, if the line is byte for byte its canonical form."""
    try:
        text = line.decode("utf-8")
        obj = json.loads(text, object_pairs_hook=_unique_names)
    except (UnicodeDecodeError, ValueError) as e:
        if isinstance(e, Unacceptable):
            raise
        raise Unacceptable("NON_CANONICAL", "not a JSON object in UTF-8: %s" % e)
    if not isinstance(obj, dict) or not all(isinstance(value, str) for value in obj.values()):
        raise Unacceptable("NOT_STRING_TYPED", "every value must be a JSON string")
    try:
        canonical = canonical_json(obj).encode("utf-8")
    except UnicodeEncodeError:
        raise Unacceptable("NON_CANONICAL", "holds a lone surrogate")
    if canonical != line:
        raise Unacceptable("NON_CANONICAL", "not in canonical form (RFC 8785: sorted names, no whitespace, "
                                            "minimal escapes)")
    return obj


def read_lines(path):
    """(line number, object or Unacceptable) for every line; a file must end with a newline."""
    try:
        with open(path, "rb") as source:
            data = source.read()
    except FileNotFoundError:
        return []
    except OSError as e:
        raise CannotRun("cannot read %s: %s" % (path, e))
    if not data:
        return []
    lines = data.split(b"\n")
    if lines[-1] != b"":
        lines.append(None)
    results = []
    for number, line in enumerate(lines[:-1], start=1):
        try:
            results.append((number, parse_line(line)))
        except Unacceptable as e:
            results.append((number, e))
    if lines[-1] is None:
        results[-1] = (len(lines) - 1, Unacceptable("NON_CANONICAL", "the last line has no newline"))
    return results


def count(text):
    """A non-negative decimal as the exporter writes it (no sign, no leading zero), else None."""
    return int(text) if isinstance(text, str) and DECIMAL.match(text) else None


def hour_of(instant):
    """The hour (2026-05-03T08) of an instant written as Java's Instant.toString writes one, else None."""
    match = INSTANT.match(instant) if isinstance(instant, str) else None
    return match.group(1) if match and is_hour(match.group(1)) else None


def is_hour(period):
    if not isinstance(period, str) or not HOUR.match(period):
        return False
    try:
        datetime.datetime.strptime(period, "%Y-%m-%dT%H")
        return True
    except ValueError:
        return False


COLUMNS = 100  # as verify's output (TextWrap.MAX_COLUMNS): every line fits a terminal that wide


def say(text, indent="", file=None):
    """Prints text shown safely, wrapped to COLUMNS; each line it continues on is indented two more
    spaces than its first, which starts with indent."""
    for line in textwrap.wrap(shown(text), width=COLUMNS, initial_indent=indent, subsequent_indent=indent + "  ",
                              break_on_hyphens=False):
        print(line, file=file)


def shown(text):
    """Text safe to print: every control, format and unassigned character (terminal escapes, carriage
    returns, bidirectional overrides) and the backslash itself written as an escape, so bundle content
    can never move the cursor, repaint the screen or pass itself off as this checker's own output."""
    out = []
    for c in str(text):
        if c == "\\":
            out.append("\\\\")
        elif unicodedata.category(c)[0] in "CZ" and c != " ":
            out.append("\\u%04x" % ord(c) if ord(c) <= 0xFFFF else "\\U%08x" % ord(c))
        else:
            out.append(c)
    return "".join(out)
