#!/usr/bin/env python3
"""Accounts and regions at scale: the endpoint binary replaying a seed tree of 60 accounts in 3
regions (180 stores, 200 volumes each: 36,000 resources), then asked by 250 accounts the tree does
not hold (12-digit access keys), whose stores are made on their first request.

Reported: start-up time and resident memory with the tree, against the same 36,000 volumes as one
flat seed (the baseline, measured in the same run); the first request of an unseeded account
(its store made: the region's reference data, shared between stores, and what others share)
against a second request of the same account; the memory each made store adds.

    cargo build --release -p ec2-ops-endpoint --bins
    python3 benches/accounts/run.py [target/release/ec2-ops-endpoint]
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BINARY = sys.argv[1] if len(sys.argv) > 1 else "target/release/ec2-ops-endpoint"
ACCOUNTS, REGIONS, VOLUMES, UNSEEDED = 60, ["us-east-1", "eu-west-1", "ap-south-1"], 200, 250
BODY = b"Action=DescribeVolumes&Version=2016-11-15&MaxResults=5"


def volumes(prefix):
    return {"Volumes": [{"VolumeId": f"vol-{prefix}-{n:04d}", "Size": 8, "AvailabilityZone": "z"}
                        for n in range(VOLUMES)]}


def write(folder, tree):
    if tree:
        for account in range(ACCOUNTS):
            for region in REGIONS:
                path = os.path.join(folder, f"{100000000000 + account}", region)
                os.makedirs(path)
                with open(os.path.join(path, "describe-volumes.json"), "w") as file:
                    json.dump(volumes(f"{account}"), file)
    else:
        everything = {"Volumes": [volume for account in range(ACCOUNTS * len(REGIONS))
                                  for volume in volumes(f"{account}")["Volumes"]]}
        with open(os.path.join(folder, "describe-volumes.json"), "w") as file:
            json.dump(everything, file)


def rss(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def start(folder):
    began = time.perf_counter()
    process = subprocess.Popen([BINARY, "--seed-dir", folder, "--port", "0", "--log-level", "warn"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    assert line.startswith("listening on"), line
    return process, line.split()[-1], (time.perf_counter() - began) * 1000


def ask(url, account, region="us-east-1"):
    request = urllib.request.Request(url, data=BODY, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Authorization": f"AWS4-HMAC-SHA256 Credential={account}/20260101/{region}/ec2/aws4_request, "
                         "SignedHeaders=host;x-amz-date, Signature=00",
        "X-Amz-Date": "20260101T000000Z",
    })
    began = time.perf_counter()
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200
        answer.read()
    return (time.perf_counter() - began) * 1000


def main():
    print(f"{ACCOUNTS} accounts x {len(REGIONS)} regions x {VOLUMES} volumes; {UNSEEDED} unseeded accounts")
    print("| seed | start-up, median of 5 (ms) | resident (MiB) |")
    print("|---|---|---|")
    for name, tree in [("one flat folder (baseline)", False), ("tree of 180 (account, region)", True)]:
        with tempfile.TemporaryDirectory() as folder:
            write(folder, tree)
            runs = []
            for _ in range(5):
                process, _, took = start(folder)
                runs.append((took, rss(process.pid)))
                process.kill()
                process.wait()
            print(f"| {name} | {statistics.median(t for t, _ in runs):.0f} | "
                  f"{statistics.median(r for _, r in runs):.1f} |")
    with tempfile.TemporaryDirectory() as folder:
        write(folder, True)
        process, url, _ = start(folder)
        before = rss(process.pid)
        seeded = [ask(url, f"{100000000000 + n % ACCOUNTS}") for n in range(UNSEEDED)]
        first = [ask(url, f"{900000000000 + n}") for n in range(UNSEEDED)]
        again = [ask(url, f"{900000000000 + n}") for n in range(UNSEEDED)]
        after = rss(process.pid)
        process.kill()
        process.wait()
    print()
    print("| request | median (ms) | p90 (ms) |")
    print("|---|---|---|")
    for name, times in [("a seeded account's page (baseline)", seeded),
                        ("an unseeded account's first (its store made)", first),
                        ("the same account's second", again)]:
        times = sorted(times)
        print(f"| {name} | {statistics.median(times):.2f} | {times[int(len(times) * 0.9)]:.2f} |")
    print()
    print(f"resident: {before:.1f} MiB before, {after:.1f} MiB after {UNSEEDED} stores made: "
          f"{(after - before) * 1024 / UNSEEDED:.0f} KiB each")


if __name__ == "__main__":
    main()
