#!/usr/bin/env bash
# Runs the interop suite against the endpoint's binary, `ec2-ops-endpoint` (ENDPOINT_BIN: any
# installed copy, such as `cargo install --path ec2-ops-endpoint`'s; default: the debug build), and
# the capture's, `ec2-ops-capture` (CAPTURE_BIN, likewise): real boto3 and AWS CLI (pinned in
# requirements.txt, installed from PyPI into a virtualenv under target/), the AWS SDK for
# JavaScript (pinned in js/package-lock.json, from npm) and moto's server (for the capture of an
# account built in moto).
#
#   bash tests/interop/run.sh [pytest args...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/interop-venv"
requirements="$root/tests/interop/requirements.txt"

source "$root/tests/python-venv.sh"
python_venv "$venv" "$requirements"

# The AWS SDK for JavaScript, pinned by tests/interop/js/package-lock.json, installed from the npm
# registry under target/ (again only when the lock changed) for test_javascript_sdk.py.
js="$root/target/interop-js"
mkdir -p "$js"
if ! cmp -s "$root/tests/interop/js/package-lock.json" "$js/package-lock.json"; then
  cp "$root/tests/interop/js/package.json" "$root/tests/interop/js/package-lock.json" "$js/"
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error)
fi
export NODE_PATH="$js/node_modules"

# moto's server (pinned in benches/moto/requirements.txt) in a virtualenv of its own, for
# test_moto_capture.py: it runs as a process beside the suite, so its many dependencies stay out of
# the suite's.
python_venv "$root/target/moto-venv" "$root/benches/moto/requirements.txt"
export MOTO_SERVER="$root/target/moto-venv/bin/moto_server"

if [ -z "${ENDPOINT_BIN:-}" ]; then
  cargo build --quiet -p ec2-ops-endpoint --manifest-path "$root/Cargo.toml"
  export ENDPOINT_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/ec2-ops-endpoint"
fi
if [ -z "${CAPTURE_BIN:-}" ]; then
  cargo build --quiet -p ec2-ops-capture --manifest-path "$root/Cargo.toml"
  export CAPTURE_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/ec2-ops-capture"
fi
export PATH="$venv/bin:$PATH"
cd "$root/tests/interop"
exec "$venv/bin/python" -m pytest -q "$@"
