#!/usr/bin/env python3
"""The example's acceptance run: the app jar against the standalone emulator jar.

2,000 concurrent PUTs (0 errors expected), every acknowledged value read back with boto3, the success counter on
/actuator/prometheus, then the emulator stopped (health must turn DOWN within a minute) and restarted (UP again).

    mvn -B -ntp install -DskipTests && mvn -B -ntp -f examples/webflux-settings/pom.xml package -DskipTests
    python3 examples/webflux-settings/verify.py
"""
import concurrent.futures
import glob
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
APP_JAR = os.path.join(ROOT, "examples/webflux-settings/target/webflux-settings.jar")
EMULATOR_JAR = glob.glob(os.path.join(ROOT, "emulator/target/cogsync-emulator-*-all.jar"))[0]
POOL = "us-east-1:0f0e0d0c-0000-4000-8000-000000000001"
KEY, SECRET = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_emulator(port):
    process = subprocess.Popen(["java", "-jar", EMULATOR_JAR, "--port", str(port)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    assert line.startswith("listening on"), line
    return process


def request(method, url, body=None):
    req = urllib.request.Request(url, data=body.encode() if body is not None else None, method=method,
                                 headers={"Content-Type": "text/plain"})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except OSError as e:
        return 0, str(e)


def health(base):
    status, body = request("GET", base + "/actuator/health")
    try:
        return json.loads(body)["components"]["cogsync"]["status"]
    except (ValueError, KeyError):
        return "unreachable (%s)" % status


def wait_for(what, predicate, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.5)
    raise SystemExit("FAILED: %s within %d s" % (what, timeout))


def main():
    emulator_port, app_port = free_port(), free_port()
    emulator = start_emulator(emulator_port)
    env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_REGION="us-east-1",
               AWS_EC2_METADATA_DISABLED="true")
    app = subprocess.Popen(["java", "-jar", APP_JAR, "--server.port=%d" % app_port,
                            "--cogsync.endpoint-override=http://127.0.0.1:%d" % emulator_port],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % app_port
    try:
        wait_for("the app answering", lambda: health(base) == "UP", 120)

        writes = [("us-east-1:%08x-0000-4000-8000-000000000000" % (i % 100), "key-%d" % i, "value-%d" % i)
                  for i in range(2000)]

        def put(write):
            identity, key, value = write
            return write, request("PUT", "%s/users/%s/datasets/settings/records/%s" % (base, identity, key), value)

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=200) as pool:
            results = list(pool.map(put, writes))
        elapsed = time.monotonic() - started
        errors = [(w, r) for w, r in results if r[0] != 200]
        acknowledged = {(w[0], w[1]): json.loads(r[1]) for w, r in results if r[0] == 200}
        print("PUTs: %d, errors: %d, %.0f requests/s" % (len(results), len(errors), len(results) / elapsed))

        sync = boto3.client("cognito-sync", endpoint_url="http://127.0.0.1:%d" % emulator_port,
                            region_name="us-east-1", aws_access_key_id=KEY, aws_secret_access_key=SECRET)
        stored = {}
        for identity in sorted({w[0] for w in writes}):
            token = None
            while True:
                page = sync.list_records(IdentityPoolId=POOL, IdentityId=identity, DatasetName="settings",
                                         **({"NextToken": token} if token else {}))
                for record in page["Records"]:
                    stored[(identity, record["Key"])] = record["Value"]
                token = page.get("NextToken")
                if not token:
                    break
        mismatched = [k for k, entry in acknowledged.items() if stored.get(k) != entry["value"]]
        print("acknowledged values read back by boto3: %d of %d match" % (len(acknowledged) - len(mismatched),
                                                                          len(acknowledged)))

        scrape = request("GET", base + "/actuator/prometheus")[1]
        success = sum(float(v) for v in re.findall(
            r'^cogsync_writer_writes_total\{[^}]*outcome="success"[^}]*\} (\S+)$', scrape, re.M))
        print("cogsync_writer_writes_total{outcome=\"success\"} = %.0f" % success)

        emulator.terminate()
        emulator.wait(30)
        down = wait_for("health DOWN after the emulator stopped", lambda: health(base) == "DOWN", 60)
        print("emulator stopped: /actuator/health cogsync DOWN after %.1f s" % down)
        emulator = start_emulator(emulator_port)
        up = wait_for("health UP after the emulator restarted", lambda: health(base) == "UP", 60)
        print("emulator restarted: /actuator/health cogsync UP after %.1f s" % up)

        ok = not errors and not mismatched and success >= 2000
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        app.terminate()
        emulator.terminate()
        app.wait(60)
        emulator.wait(30)


if __name__ == "__main__":
    sys.exit(main())
