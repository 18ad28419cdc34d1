#!/usr/bin/env bash
# Prints a policy under docs/ with each ${OutputName} replaced by that output of the deployed stack.
# usage: docs/fill-from-stack.sh STACK_NAME docs/POLICY.json > policy.json
set -euo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: docs/fill-from-stack.sh STACK_NAME docs/POLICY.json > policy.json" >&2
    exit 2
fi
stack=$1
policy=$(cat "$2")
# Read first, so a failed describe-stacks (no such stack, no credentials, another region) stops here
# with the CLI's own message instead of looking like a missing output.
if ! outputs=$(aws cloudformation describe-stacks --stack-name "$stack" \
    --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text); then
    echo "fill-from-stack: aws cloudformation describe-stacks --stack-name $stack failed (its message is above)" >&2
    exit 1
fi
while IFS=$'\t' read -r name value; do
    policy=${policy//"\${$name}"/"$value"}
done <<< "$outputs"
if [[ $policy =~ \$\{[A-Za-z]+\} ]]; then
    echo "fill-from-stack: the stack $stack has no output ${BASH_REMATCH[0]}" >&2
    exit 1
fi
printf '%s\n' "$policy"
