"""bundle.json: what the exporter states about the bundle (its range of hours, where its seals come
from, the head its chain starts from, what verify found). The sender can edit it like any other
file, so it only narrows what a complete bundle must hold: --expect-head and the expected keys are
what a recipient checks against facts they got by another channel."""
import datetime
import os

from . import strict
from .strict import CannotRun

FORMAT = "3"


class Manifest:
    def __init__(self, fields):
        self.first_hour = fields["firstHour"]
        self.last_hour = fields["lastHour"]
        self.sealed_through = fields["sealedThrough"] or None
        self.start_head = fields["startHead"] or None
        self.start_height = strict.count(fields["startHeight"]) if fields["startHeight"] else None
        self.seal_source = fields["sealSource"]
        self.verify_problems = strict.count(fields["verifyProblems"])
        self.exported_hour = strict.hour_of(fields["exportedAt"])
        # Whole seconds: how late an hour's seal is needs no more.
        self.exported_at = (datetime.datetime.strptime(fields["exportedAt"][:19], "%Y-%m-%dT%H:%M:%S")
                            if self.exported_hour is not None else None)


def load(bundle):
    lines = strict.read_lines(os.path.join(bundle, "bundle.json"))
    if len(lines) != 1 or isinstance(lines[0][1], strict.Unacceptable):
        why = lines[0][1] if len(lines) == 1 else "it must hold exactly one line"
        raise CannotRun("%s is not an evidence bundle of format %s: bundle.json: %s" % (bundle, FORMAT, why))
    fields = lines[0][1]
    try:
        manifest = Manifest(fields)
    except KeyError as e:
        raise CannotRun("bundle.json lacks %s" % e)
    valid = (fields.get("format") == FORMAT
             and strict.is_hour(manifest.first_hour) and strict.is_hour(manifest.last_hour)
             and manifest.first_hour <= manifest.last_hour
             and (manifest.sealed_through is None or strict.is_hour(manifest.sealed_through))
             and (manifest.start_head is None) == (manifest.start_height is None)
             and (manifest.start_head is None or strict.DIGEST.match(manifest.start_head))
             and manifest.seal_source in ("archive", "table")
             and manifest.verify_problems is not None and manifest.exported_hour is not None)
    if not valid:
        raise CannotRun("bundle.json is not a format %s manifest: %s" % (FORMAT, strict.canonical_json(fields)))
    return manifest
