#!/usr/bin/env bash
# Prints a file under docs/ with each ${NAME} replaced by this shell's variable NAME: after pasting the
# export line `target/bin/local --serve` prints, it gives sam local invoke the local stack's names.
# usage: docs/fill-from-env.sh docs/sam-local-serve-env-vars.json > env.json
set -euo pipefail
if [[ $# -ne 1 ]]; then
    echo "usage: docs/fill-from-env.sh docs/FILE.json > env.json" >&2
    exit 2
fi
text=$(cat "$1")
while [[ $text =~ \$\{([A-Za-z_][A-Za-z0-9_]*)\} ]]; do
    name=${BASH_REMATCH[1]}
    if [[ -z ${!name:-} ]]; then
        echo "fill-from-env: $name is not set: paste the export line target/bin/local --serve printed" >&2
        exit 1
    fi
    text=${text//"\${$name}"/"${!name}"}
done
printf '%s\n' "$text"
