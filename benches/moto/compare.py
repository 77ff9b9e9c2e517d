"""DescribeVolumes on the endpoint against moto's server mode, the server users pick today.

Both servers are seeded with the same N volumes (size, zone, type, encryption and a `team` tag of
red or blue, one in three red) and answer the same two requests through the same client: one
keep-alive HTTP/1.1 connection on loopback, one request at a time:

- unfiltered: `Action=DescribeVolumes` (every volume, one response);
- filtered: `Filter.1.Name=tag:team&Filter.1.Value.1=red` (a third of them).

Each (server, N, request) cell sends at most --requests requests and stops early once --budget
seconds have passed (always at least one), so moto's cost at large N bounds the run, not the
count. Every answer is checked: status 200 and the number of volumes expected.

    bash benches/moto/run.sh [--sizes 1000,5000,10000] [--ours-only 100000] [--requests 20] [--budget 60]

The endpoint is the release build of `ec2-ops-endpoint` (ENDPOINT_BIN, set by run.sh). Prints one
table row per cell and the ratios moto / ours; not part of CI (it takes minutes).
"""

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# One per volume of the answer: the seeds have no attachments, whose items would name a volume too.
VOLUME_ID = re.compile(rb"<volumeId>")
REQUESTS = {
    "unfiltered": "Action=DescribeVolumes&Version=2016-11-15",
    "filtered": "Action=DescribeVolumes&Version=2016-11-15&Filter.1.Name=tag%3Ateam&Filter.1.Value.1=red",
}
# moto reads the Region from the credential scope; the endpoint accepts any caller.
HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/ec2/aws4_request, "
    "SignedHeaders=host, Signature=0",
}


def volume(n):
    """The n-th volume of every seed: the same for both servers."""
    return {
        "size": 8 + n % 500,
        "zone": "us-east-1a",
        "type": "gp3",
        "encrypted": n % 2 == 0,
        "team": "red" if n % 3 == 0 else "blue",
    }


def expected(n_volumes, request):
    if request == "unfiltered":
        return n_volumes
    return (n_volumes + 2) // 3


class Server:
    def __init__(self, name, process, host, port):
        self.name, self.process, self.host, self.port = name, process, host, port

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_ours(n_volumes, scratch):
    seed = os.path.join(scratch, f"seed-{n_volumes}.json")
    volumes = []
    for n in range(n_volumes):
        v = volume(n)
        volumes.append(
            {
                "VolumeId": f"vol-{n:017x}",
                "Size": v["size"],
                "State": "available",
                "VolumeType": v["type"],
                "AvailabilityZone": v["zone"],
                "CreateTime": "2025-01-10T00:15:20.000Z",
                "Encrypted": v["encrypted"],
                "Tags": [{"Key": "team", "Value": v["team"]}],
            }
        )
    with open(seed, "w") as f:
        json.dump({"Volumes": volumes}, f)
    binary = os.environ["ENDPOINT_BIN"]
    process = subprocess.Popen(
        [binary, "--port", "0", "--log-level", "warn", "--seed", seed],
        stdout=subprocess.PIPE,
    )
    line = process.stdout.readline().decode().strip()
    if not line.startswith("listening on http://"):
        process.kill()
        raise SystemExit(f"the endpoint did not start (exit {process.wait()}): {line!r}")
    address = line.removeprefix("listening on http://")
    host, port = address.rsplit(":", 1)
    return Server("ec2-ops", process, host, int(port))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_moto(n_volumes, scratch, servers):
    """Starts moto on a free port, adds it to `servers` (so it is stopped whatever happens next)
    and seeds it through boto3."""
    import boto3

    port = free_port()
    log = open(os.path.join(scratch, f"moto-{n_volumes}.log"), "w")
    process = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server("moto", process, "127.0.0.1", port)
    servers.append(server)
    url = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "ec2",
        region_name="us-east-1",
        endpoint_url=url,
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
    )
    deadline = time.time() + 30
    while True:
        if process.poll() is not None:
            raise SystemExit(f"moto exited with {process.returncode}; see {log.name}")
        try:
            client.describe_regions()
            break
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.2)
    started = time.time()
    for n in range(n_volumes):
        v = volume(n)
        client.create_volume(
            Size=v["size"],
            AvailabilityZone=v["zone"],
            VolumeType=v["type"],
            Encrypted=v["encrypted"],
            TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "team", "Value": v["team"]}]}],
        )
    print(f"  moto seeded with {n_volumes} volumes in {time.time() - started:.1f} s", flush=True)


def measure(server, n_volumes, request, max_requests, budget):
    connection = http.client.HTTPConnection(server.host, server.port, timeout=3600)
    body = REQUESTS[request]
    latencies = []
    size = 0
    started = time.perf_counter()
    while len(latencies) < max_requests and (not latencies or time.perf_counter() - started < budget):
        sent = time.perf_counter()
        connection.request("POST", "/", body=body, headers=HEADERS)
        response = connection.getresponse()
        data = response.read()
        latencies.append(time.perf_counter() - sent)
        # Checked outside the timed span: the client's own work is not the server's latency.
        found = len(VOLUME_ID.findall(data))
        want = expected(n_volumes, request)
        if response.status != 200 or found != want:
            raise SystemExit(
                f"{server.name} N={n_volumes} {request}: status {response.status}, {found} volumes, expected {want}\n{data[:500]!r}"
            )
        size = len(data)
    connection.close()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return {
        "server": server.name,
        "n": n_volumes,
        "request": request,
        "count": len(latencies),
        "bytes": size,
        "p50": statistics.median(latencies),
        "p99": p99,
        # Requests a second back to back: the latencies alone, without the checks between them.
        "rps": len(latencies) / sum(latencies),
    }


def row(result):
    return (
        f"| {result['server']} | {result['n']:,} | {result['request']} | {result['count']} | "
        f"{result['bytes'] / 1e6:,.2f} MB | {result['p50'] * 1000:,.2f} ms | {result['p99'] * 1000:,.2f} ms | "
        f"{result['rps']:,.2f} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--ours-only", default="100000")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--budget", type=float, default=60.0)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    ours_only = [int(size) for size in args.ours_only.split(",") if size and int(size) not in sizes]

    results = []
    print("p99 is the largest latency when a cell has fewer than 100 requests.\n")
    print("| server | volumes | request | requests | response | p50 | p99 | requests/s |")
    print("|---|---|---|---|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        for n_volumes in sizes + ours_only:
            servers = []
            try:
                servers.append(start_ours(n_volumes, scratch))
                if n_volumes in sizes:
                    start_moto(n_volumes, scratch, servers)
                for server in servers:
                    for request in REQUESTS:
                        result = measure(server, n_volumes, request, args.requests, args.budget)
                        results.append(result)
                        print(row(result), flush=True)
            finally:
                for server in servers:
                    server.stop()

    print("\nRatios, moto / ec2-ops (higher: ec2-ops faster):\n")
    print("| volumes | request | p50 | p99 | requests/s (ec2-ops / moto) |")
    print("|---|---|---|---|---|")
    for n_volumes in sizes:
        for request in REQUESTS:
            ours = next(r for r in results if r["server"] == "ec2-ops" and r["n"] == n_volumes and r["request"] == request)
            moto = next(r for r in results if r["server"] == "moto" and r["n"] == n_volumes and r["request"] == request)
            print(
                f"| {n_volumes:,} | {request} | {moto['p50'] / ours['p50']:,.0f}× | {moto['p99'] / ours['p99']:,.0f}× | "
                f"{ours['rps'] / moto['rps']:,.0f}× |"
            )
    print("\nGrowth with N (p50 at N / p50 at the smallest N):\n")
    for server in ["ec2-ops", "moto"]:
        for request in REQUESTS:
            cells = sorted((r["n"], r["p50"]) for r in results if r["server"] == server and r["request"] == request)
            if len(cells) > 1:
                base_n, base = cells[0]
                growth = ", ".join(f"{n:,}: {p50 / base:,.1f}× ({n / base_n:,.0f}× the volumes)" for n, p50 in cells[1:])
                print(f"- {server} {request}: {growth}")


if __name__ == "__main__":
    main()
