#!/usr/bin/env python3
"""ec2-ops-capture against moto's server mode: an account built in moto through boto3 (a VPC with
two subnets, a security group, two instances, a volume, a snapshot, an image, a key pair, tags) is
captured by `ec2-ops-capture --endpoint-url <moto>`, replayed by `ec2-ops-endpoint --seed-dir`,
and the primary describe calls a tool makes are asked of both: each answer must come back from
the replay the same. Prints the operations moto does not implement (its 500s, which the capture
lists as failed and leaves out) and those it refused. The interop suite's `test_moto_capture.py`
checks the same in CI; this prints the details.

    bash benches/moto/capture.sh
"""

import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The account built in moto and the calls compared are the interop suite's (test_moto_capture.py).
sys.path.insert(0, str(ROOT / "tests" / "interop"))
from moto_account import REGION, build_account, canonical, client, compare, start_moto  # noqa: E402
# The binaries: the release build's, or those of EC2_OPS_BIN_DIR (a debug build's, for a quick look).
BIN = pathlib.Path(os.environ.get("EC2_OPS_BIN_DIR", ROOT / "target" / "release"))
ENV = {**os.environ, "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
       "AWS_EC2_METADATA_DISABLED": "true"}


def main():
    with tempfile.TemporaryDirectory() as scratch:
        scratch = pathlib.Path(scratch)
        with open(scratch / "moto.log", "w") as log:
            moto, url = start_moto(pathlib.Path(sys.executable).parent / "moto_server", log)
        try:
            made = build_account(client(url))
            out = scratch / "captured"
            capture = subprocess.run(
                [BIN / "ec2-ops-capture", "--out", out, "--endpoint-url", url,
                 "--regions", REGION], env=ENV, capture_output=True, text=True)
            # moto answers the operations it does not implement with a 500 and an HTML page: the
            # capture lists them as failed (EC2's 500s pass) and keeps the rest, which is replayed.
            summary = capture.stdout.strip().splitlines()
            print(summary[0] if summary else capture.stderr)
            unanswered = [line for line in summary if "failed (a rerun" in line]
            print(f"{len(unanswered)} operations moto did not answer (its 500s), e.g.:")
            for line in unanswered[:3]:
                print(f"  {line.strip()}")
            for line in summary:
                if "refused" in line:
                    print(line)
            if not any(path.is_dir() for path in out.iterdir()):
                raise SystemExit(1)
            # The capture's tree, `<account>/<region>/`, as it is.
            replay = subprocess.Popen(
                [BIN / "ec2-ops-endpoint", "--seed-dir", out, "--port", "0", "--log-level", "warn"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            line = replay.stdout.readline()
            if not line.startswith("listening on"):
                print(replay.stderr.read(), file=sys.stderr)
                raise SystemExit("the replay refused the capture")
            replayed = line.split()[-1]
            try:
                failures = 0
                for method, asked, answered, deviation in compare(url, replayed):
                    same = canonical(asked) == canonical(answered)
                    if not same and not deviation:
                        failures += 1
                    verdict = "same" if same else f"different ({deviation})" if deviation else "DIFFERENT"
                    print(f"{verdict}: {method}: {len(asked)} from moto, {len(answered)} from the replay")
                    if not same and len(asked) == len(answered):
                        for moto_item, replay_item in zip(canonical(asked), canonical(answered)):
                            if moto_item != replay_item:
                                print(f"  moto:   {moto_item}\n  replay: {replay_item}")
                status = client(replayed).describe_instance_status(InstanceIds=made["instances"])
                print(f"derived by the replay: {len(status['InstanceStatuses'])} instance statuses, "
                      f"{len(client(replayed).describe_security_group_rules()['SecurityGroupRules'])} "
                      f"security group rules")
                raise SystemExit(1 if failures else 0)
            finally:
                replay.terminate()
        finally:
            moto.terminate()


if __name__ == "__main__":
    main()
