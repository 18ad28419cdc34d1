"""Expands the SAM template into plain CloudFormation JSON, offline, for cfn-guard.

Usage: python3 sam_transform.py template.yaml OUT.json
Needs the aws-sam-translator and cfn-lint Python packages (cfn-lint brings both).
"""
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from cfnlint.decode import cfn_yaml  # noqa: E402  (parses the !Ref/!Sub short forms)
from samtranslator.translator.transform import transform  # noqa: E402


class NoManagedPolicies:
    """The template names no SAM policy templates, so there is nothing to look up in IAM."""

    def load(self):
        return {}


def main(source, target):
    template = cfn_yaml.load(source)
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://placeholder-bucket/function.zip"
    expanded = transform(template, {}, NoManagedPolicies())
    with open(target, "w") as out:
        json.dump(expanded, out, indent=1, sort_keys=True, default=str)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
