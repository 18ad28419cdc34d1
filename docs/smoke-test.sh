#!/usr/bin/env bash
# After a deploy: uploads the bundled sample face, waits for its decision item, then runs verify.
# usage: docs/smoke-test.sh STACK_NAME
#        docs/smoke-test.sh --bucket UPLOAD_BUCKET --table AUDIT_TABLE -- VERIFY_ARGUMENTS...
# Run from the project after mvn -q package -DskipTests. Exit status 0: a decision was written and verify
# found the evidence intact; 1: the step that failed is named; 2: a usage error.
# SMOKE_UPLOAD_PREFIX (default uploads/) and SMOKE_WAIT_SECONDS (default 120) change the defaults.
set -euo pipefail
usage="usage: docs/smoke-test.sh STACK_NAME | docs/smoke-test.sh --bucket BUCKET --table TABLE -- VERIFY_ARGUMENTS..."
root=$(cd "$(dirname "$0")/.." && pwd)
sample=$root/src/local/resources/samples/astronaut.jpg
prefix=${SMOKE_UPLOAD_PREFIX:-uploads/}
wait_seconds=${SMOKE_WAIT_SECONDS:-120}

fail() {
    echo "smoke-test: FAILED: $*" >&2
    exit 1
}

if [[ $# -eq 1 ]]; then
    # The names as fill-from-stack.sh reads them: a failed describe stops here with the CLI's own message.
    outputs=$(aws cloudformation describe-stacks --stack-name "$1" \
        --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text) \
        || fail "aws cloudformation describe-stacks --stack-name $1 (its message is above)"
    output() { awk -F'\t' -v name="$1" '$1 == name { print $2 }' <<< "$outputs"; }
    bucket=$(output UploadBucketName)
    table=$(output AuditTableName)
    read -r -a verify <<< "$(output VerifyEvidenceCommand)"
    # The output is the whole command line; keep the arguments after target/bin/verify.
    verify=("${verify[@]:1}")
elif [[ $# -ge 5 && $1 == --bucket && $3 == --table && $5 == -- ]]; then
    bucket=$2
    table=$4
    verify=("${@:6}")
else
    echo "$usage" >&2
    exit 2
fi
[[ -n $bucket && -n $table && ${#verify[@]} -gt 0 ]] || fail "no upload bucket, audit table or verify arguments"
[[ -x $root/target/bin/verify ]] || fail "no target/bin/verify: run mvn -q package -DskipTests first"

# Not enrolled, so the decision is UNAUTHORIZED NOT_ENROLLED in VERIFY mode: any decision proves the pipeline.
key="${prefix}smoke-test/$(date -u +%Y%m%dT%H%M%SZ).jpg"
version=$(aws s3api put-object --bucket "$bucket" --key "$key" --body "$sample" --query VersionId --output text) \
    || fail "uploading to s3://$bucket/$key (the CLI's message is above)"
echo "uploaded s3://$bucket/$key version $version"

# A scan, not a get-item: the key is a digest of bucket, key and version that a shell should not re-derive.
values=$(printf '{":k":{"S":"%s"},":v":{"S":"%s"}}' "$key" "$version")
deadline=$((SECONDS + wait_seconds))
while true; do
    decision=$(aws dynamodb scan --table-name "$table" --consistent-read \
        --filter-expression 'objectKey = :k AND versionId = :v' --expression-attribute-values "$values" \
        --query 'Items[0].[decision.S,reasons.S,attemptId.S]' --output text) \
        || fail "scanning $table (the CLI's message is above)"
    [[ -n $decision && $decision != None ]] && break
    ((SECONDS < deadline)) || fail "no decision item for s3://$bucket/$key after ${wait_seconds} s: look at the \
verify function's log group and the dead-letter queue (the DeadLetterQueueUrl output)"
    sleep 2
done
echo "decision: $decision"

"$root/target/bin/verify" "${verify[@]}" || fail "verify found a problem in $table (its findings are above)"
echo "smoke-test: OK"
