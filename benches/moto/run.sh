#!/usr/bin/env bash
# DescribeVolumes on the endpoint (ec2-ops-endpoint) against moto's server mode (moto from PyPI, installed into
# a virtualenv under target/), both seeded with the same volumes. Not part of CI: it takes minutes.
#
#   bash benches/moto/run.sh [--sizes 1000,5000,10000] [--ours-only 100000] [--requests 20] [--budget 60]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/moto-venv"
requirements="$root/benches/moto/requirements.txt"

source "$root/tests/python-venv.sh"
python_venv "$venv" "$requirements"

cargo build --quiet --release -p ec2-ops-endpoint --manifest-path "$root/Cargo.toml"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
export ENDPOINT_BIN="$target_dir/release/ec2-ops-endpoint"
exec "$venv/bin/python" "$root/benches/moto/compare.py" "$@"
