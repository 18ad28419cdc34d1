#!/usr/bin/env bash
# Deletes every object version and delete marker of a versioned bucket, then the bucket (docs/deploy.md,
# After a failed first deploy). "aws s3 rb --force" deletes current objects only, not their versions.
# usage: docs/remove-bucket.sh BUCKET
set -euo pipefail
if [[ $# -ne 1 ]]; then
    echo "usage: docs/remove-bucket.sh BUCKET" >&2
    exit 2
fi
bucket=$1
while :; do
    batch=$(aws s3api list-object-versions --bucket "$bucket" --max-items 1000 --output json \
        --query '{Objects: [Versions, DeleteMarkers][].{Key: Key, VersionId: VersionId}, Quiet: `true`}')
    [[ $batch == *'"Key"'* ]] || break
    aws s3api delete-objects --bucket "$bucket" --delete "$batch" >/dev/null
done
aws s3api delete-bucket --bucket "$bucket"
