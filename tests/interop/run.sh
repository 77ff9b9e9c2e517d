#!/usr/bin/env bash
# Runs the interop suite: real boto3 and AWS CLI (pinned in requirements.txt, installed from PyPI into
# a virtualenv under target/) against the example endpoint.
#
#   bash tests/interop/run.sh [pytest args...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/interop-venv"
requirements="$root/tests/interop/requirements.txt"

source "$root/tests/python-venv.sh"
python_venv "$venv" "$requirements"

cargo build --quiet --example endpoint --manifest-path "$root/Cargo.toml"
export ENDPOINT_BIN="$root/target/debug/examples/endpoint"
export PATH="$venv/bin:$PATH"
cd "$root/tests/interop"
exec "$venv/bin/python" -m pytest -q "$@"
