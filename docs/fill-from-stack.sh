#!/usr/bin/env bash
# Prints a policy under docs/ with each ${OutputName} replaced by that output of the deployed stack.
# usage: docs/fill-from-stack.sh STACK_NAME docs/POLICY.json > policy.json
set -euo pipefail
stack=$1
policy=$(cat "$2")
while IFS=$'\t' read -r name value; do
    policy=${policy//"\${$name}"/"$value"}
done < <(aws cloudformation describe-stacks --stack-name "$stack" \
    --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text)
if [[ $policy =~ \$\{[A-Za-z]+\} ]]; then
    echo "fill-from-stack: the stack $stack has no output ${BASH_REMATCH[0]}" >&2
    exit 1
fi
printf '%s\n' "$policy"
