#!/usr/bin/env python3
"""Start-up time and resident memory of the endpoint binary with an empty seed folder: without
the embedded reference data, with us-east-1's (the default) and with eu-west-1's. Each case is
started 15 times; the time is from spawning to the `listening on` line, the memory VmRSS then.

    cargo build --release -p ec2-ops-endpoint --bins
    python3 benches/startup/run.py [target/release/ec2-ops-endpoint]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

BINARY = sys.argv[1] if len(sys.argv) > 1 else "target/release/ec2-ops-endpoint"
CASES = [
    ("no reference data", ["--no-reference-data"]),
    ("us-east-1 (default)", []),
    ("eu-west-1", ["--region", "eu-west-1"]),
]


def start(empty, arguments):
    began = time.perf_counter()
    process = subprocess.Popen(
        [BINARY, "--seed-dir", empty, "--port", "0", *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    line = process.stdout.readline()
    took = (time.perf_counter() - began) * 1000
    assert line.startswith("listening on"), line
    with open(f"/proc/{process.pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
    process.kill()
    process.wait()
    return took, rss


def main():
    print(f"binary: {os.path.getsize(BINARY) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as empty:
        print("| case | start-up, median of 15 (ms) | fastest (ms) | resident (MiB) |")
        print("|---|---|---|---|")
        for name, arguments in CASES:
            runs = [start(empty, arguments) for _ in range(15)]
            times = [took for took, _ in runs]
            print(f"| {name} | {statistics.median(times):.1f} | {min(times):.1f} | "
                  f"{statistics.median(rss for _, rss in runs):.1f} |")


if __name__ == "__main__":
    main()
