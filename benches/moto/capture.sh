#!/usr/bin/env bash
# ec2-ops-capture pointed at moto's server mode, the capture replayed by ec2-ops-endpoint and
# compared (benches/moto/capture.py), printing what moto did not answer and every difference; the
# interop suite's test_moto_capture.py checks the same account in CI.
#
#   bash benches/moto/capture.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/moto-venv"

source "$root/tests/python-venv.sh"
python_venv "$venv" "$root/benches/moto/requirements.txt"

cargo build --quiet --release -p ec2-ops-endpoint -p ec2-ops-capture --bins --manifest-path "$root/Cargo.toml"
exec "$venv/bin/python" "$root/benches/moto/capture.py" "$@"
