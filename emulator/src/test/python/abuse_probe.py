#!/usr/bin/env python3
"""Abuses the standalone emulator jar (argv[1]) the way issue 12 measures it, and prints what happened.

Starts `java -Xmx256m -XX:MaxDirectMemorySize=256m -jar <jar> --port 0`, then: 4 unsigned chunked uploads of 64 MB
at once (how far each got, RSS before and after, a signed request's time meanwhile); 50 slow-header connections
(how long until each is closed); 50 requests with 40 KB of headers (statuses, log growth); a signed UpdateRecords
with trailing garbage and one with invalid UTF-8 (statuses, whether anything was applied). Exits 1 if a target
is missed.
"""
import json
import os
import socket
import subprocess
import sys
import threading
import time

import boto3
import botocore.auth
import botocore.awsrequest
import botocore.credentials

jar = sys.argv[1]
proc = subprocess.Popen(["java", "-Xmx256m", "-XX:MaxDirectMemorySize=256m", "-jar", jar, "--port", "0"],
                        stdout=subprocess.PIPE, stderr=open("/tmp/abuse-probe-emulator.log", "wb"))
line = proc.stdout.readline().decode()
endpoint = line.strip().split(" ")[-1]
port = int(endpoint.rsplit(":", 1)[1])
failures = []


def rss_mb():
    with open("/proc/%d/status" % proc.pid) as status:
        for row in status:
            if row.startswith("VmRSS:"):
                return int(row.split()[1]) / 1024.0


def log_bytes():
    return os.path.getsize("/tmp/abuse-probe-emulator.log")


pool, identity = "us-east-1:0f0e0d0c-0000-4000-8000-000000000001", "us-east-1:11111111-2222-3333-4444-555555555555"
sync = boto3.client("cognito-sync", endpoint_url=endpoint, region_name="us-east-1",
                    aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")


def signed_list():
    start = time.time()
    sync.list_records(IdentityPoolId=pool, IdentityId=identity, DatasetName="probe")
    return time.time() - start


signed_list()
time.sleep(1)
base_rss = rss_mb()

# 1. Four unsigned chunked uploads of 64 MB each, at once.
sent = [0] * 4
answers = [b""] * 4


def upload(i):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /identitypools/a:b/identities/a:b/datasets/d HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"100000\r\n" + b"a" * 0x100000 + b"\r\n"
    try:
        for _ in range(64):
            s.sendall(chunk)
            sent[i] += 1
    except OSError:
        pass
    s.settimeout(5)
    try:
        answers[i] = s.recv(64)
    except OSError:
        pass
    s.close()


threads = [threading.Thread(target=upload, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
during = signed_list()
for t in threads:
    t.join()
peak_rss = rss_mb()
print("chunked uploads: MiB sent before the cut %s of 64; answers %s" % (sent, [a[:12] for a in answers]))
print("RSS: %.0f MB before, %.0f MB after (+%.0f MB); signed ListRecords during the uploads: %.3f s"
      % (base_rss, peak_rss, peak_rss - base_rss, during))
if max(sent) >= 64 or peak_rss - base_rss >= 200 or during >= 2:
    failures.append("uploads")

# 2. 50 slow-header connections, one byte a second.
closed_after = []


def slow():
    s = socket.create_connection(("127.0.0.1", port))
    start = time.time()
    s.settimeout(0.5)
    for b in b"GET /identitypools/a:b/identities/a:b/datasets HTTP/1.1\r\nHost: x\r\n":
        try:
            s.send(bytes([b]))
            data = s.recv(100)
            if not data or data.startswith(b"HTTP/1.1 408"):
                break
        except socket.timeout:
            pass
        except OSError:
            break
        if time.time() - start > 60:
            break
    closed_after.append(time.time() - start)
    s.close()


threads = [threading.Thread(target=slow) for _ in range(50)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("slow headers: 50 connections closed after %.1f s at most" % max(closed_after))
if len(closed_after) != 50 or max(closed_after) >= 40:
    failures.append("slow headers")

# 3. 50 requests with 40 KB of headers.
before = log_bytes()
statuses = []
for _ in range(50):
    s = socket.create_connection(("127.0.0.1", port))
    headers = "".join("X-Pad-%d: %s\r\n" % (i, "v" * 30) for i in range(1000))
    s.sendall(("GET /identitypools/a:b/identities/a:b/datasets HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n").encode())
    s.settimeout(5)
    statuses.append(s.recv(12)[9:12].decode())
    s.close()
time.sleep(0.5)
grown = log_bytes() - before
print("40 KB headers: statuses %s; log grew %d bytes" % (sorted(set(statuses)), grown))
if any(not status.startswith("4") for status in statuses) or grown >= 100 * 1024:
    failures.append("headers")

# 4. Trailing garbage and invalid UTF-8, signed.
token = sync.list_records(IdentityPoolId=pool, IdentityId=identity, DatasetName="strict")["SyncSessionToken"]
valid = ('{"SyncSessionToken":"%s","RecordPatches":[{"Op":"replace","Key":"ov__","Value":"v","SyncCount":0}]}'
         % token).encode()
overlong = valid.replace(b"ov__", b"ov\xc0\xaf")
creds = botocore.credentials.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
url = "%s/identitypools/%s/identities/%s/datasets/strict" % (endpoint, pool.replace(":", "%3A"),
                                                             identity.replace(":", "%3A"))
results = []
for body in (valid + b"garbage", overlong):
    request = botocore.awsrequest.AWSRequest(method="POST", url=url, data=body,
                                             headers={"Content-Type": "application/json"})
    botocore.auth.SigV4Auth(creds, "cognito-sync", "us-east-1").add_auth(request)
    prepared = request.prepare()
    s = socket.create_connection(("127.0.0.1", port))
    head = "POST %s HTTP/1.1\r\n" % prepared.url.split(str(port), 1)[1]
    head += "".join("%s: %s\r\n" % (k, v) for k, v in prepared.headers.items())
    head += "Content-Length: %d\r\n\r\n" % len(body)
    s.sendall(head.encode() + body)
    s.settimeout(5)
    results.append(s.recv(12)[9:12].decode())
    s.close()
records = sync.list_records(IdentityPoolId=pool, IdentityId=identity, DatasetName="strict")
print("strict parsing: trailing garbage %s, invalid UTF-8 %s; records applied: %d"
      % (results[0], results[1], len(records["Records"])))
if results != ["400", "400"] or records["Records"]:
    failures.append("strict parsing")

proc.terminate()
print("targets missed: %s" % failures if failures else "all targets met")
sys.exit(1 if failures else 0)
