#!/usr/bin/env python3
"""Drives a running cogsync emulator with the official AWS SDK for Python and checks every answer.

Usage: boto3_conformance.py ENDPOINT
Credentials and region come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_DEFAULT_REGION.
Exits 0 when every step answered as the real service does, 1 at the first step that did not.
"""
import os
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

# botocore's "max_attempts" counts retries after the first attempt; "total_max_attempts" counts every
# attempt, so 1 means exactly one HTTP request per call and nothing is retried behind the script's back.
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})
POOL = "us-east-1:23ec4050-6aea-7089-a2dd-08002e000000"


def client(endpoint, secret=None):
    return boto3.client(
        "cognito-sync",
        endpoint_url=endpoint,
        region_name=os.environ["AWS_DEFAULT_REGION"],
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=secret or os.environ["AWS_SECRET_ACCESS_KEY"],
        config=NO_RETRIES,
    )


def identity():
    return "us-east-1:" + str(uuid.uuid4())


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok: " + message, flush=True)


def expect_error(call, status, code, message=None, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        got_status = error.response["ResponseMetadata"]["HTTPStatusCode"]
        got_code = error.response["Error"]["Code"]
        got_message = error.response["Error"].get("Message")
        check(got_status == status and got_code == code and (message is None or got_message == message),
              "%s answers %d %s %r (got %d %s %r)" % (call.__name__, status, code, message or "",
                                                      got_status, got_code, got_message))
        check(error.response["ResponseMetadata"].get("RequestId"), "the error carries a request id")
        return
    raise AssertionError("%s should have failed with %s" % (call.__name__, code))


def main(endpoint):
    sync = client(endpoint)
    ids = dict(IdentityPoolId=POOL, IdentityId=identity(), DatasetName="settings")

    listed = sync.list_records(**ids)
    check(listed["DatasetExists"] is False and listed["DatasetSyncCount"] == 0 and listed["Records"] == []
          and listed["Count"] == 0, "ListRecords on a new dataset: absent, count 0, no records")
    token = listed["SyncSessionToken"]
    check(token, "ListRecords issues a session token")

    updated = sync.update_records(SyncSessionToken=token, DeviceId="device-1", RecordPatches=[
        {"Op": "replace", "Key": "highScore", "Value": "100", "SyncCount": 0},
        {"Op": "replace", "Key": "old", "Value": "x", "SyncCount": 0}], **ids)
    check([(r["Key"], r.get("Value"), r["SyncCount"]) for r in updated["Records"]]
          == [("highScore", "100", 1), ("old", "x", 1)], "the first UpdateRecords writes both records at 1")
    check(all(r["LastModifiedDate"].year >= 2024 for r in updated["Records"]),
          "LastModifiedDate parses as a date")

    again = sync.update_records(SyncSessionToken=token, RecordPatches=[
        {"Op": "replace", "Key": "highScore", "Value": "200", "SyncCount": 1}], **ids)
    check(again["Records"][0]["SyncCount"] == 2, "a second UpdateRecords raises the count to 2")

    expect_error(sync.update_records, 409, "ResourceConflictException",
                 "Current SyncCount for: highScore is: 2 not: 1", SyncSessionToken=token,
                 RecordPatches=[{"Op": "replace", "Key": "highScore", "Value": "300", "SyncCount": 1}], **ids)

    removed = sync.update_records(SyncSessionToken=token, RecordPatches=[
        {"Op": "remove", "Key": "old", "SyncCount": 1}], **ids)
    check(removed["Records"][0]["SyncCount"] == 3 and "Value" not in removed["Records"][0],
          "remove answers a tombstone at 3 without a value")
    since = sync.list_records(LastSyncCount=2, **ids)
    check([(r["Key"], r.get("Value"), r["SyncCount"]) for r in since["Records"]] == [("old", None, 3)],
          "ListRecords since 2 returns only the tombstone")
    check(since["DatasetExists"] is True and since["DatasetSyncCount"] == 3 and since["Count"] == 1,
          "ListRecords reports the dataset and its count")

    paged = sync.list_records(LastSyncCount=0, MaxResults=1, **ids)
    rest = sync.list_records(LastSyncCount=0, MaxResults=1, NextToken=paged["NextToken"], **ids)
    check(paged["Count"] == 1 and rest["Count"] == 1 and "NextToken" not in rest
          and paged["Records"][0]["Key"] != rest["Records"][0]["Key"], "ListRecords pages with NextToken")

    expect_error(sync.list_records, 400, "InvalidParameterException",
                 "No such SyncCount: 37 exists for this Dataset", LastSyncCount=37, **ids)

    expect_error(sync.update_records, 400, "InvalidParameterException",
                 "SyncSessionToken not valid for these inputs", SyncSessionToken="not-a-token",
                 RecordPatches=[{"Op": "replace", "Key": "k", "Value": "v", "SyncCount": 0}], **ids)

    wrong_secret = client(endpoint, secret="not-the-secret")
    expect_error(wrong_secret.list_records, 403, "InvalidSignatureException", **ids)

    described = sync.describe_dataset(**ids)["Dataset"]
    check(described["DatasetName"] == "settings" and described["NumRecords"] == 1
          and described["DataStorage"] == len("highScore200"), "DescribeDataset describes the dataset")

    limit_ids = dict(IdentityPoolId=POOL, IdentityId=identity())
    for n in range(20):
        ds = dict(DatasetName="d%02d" % n, **limit_ids)
        sync.update_records(SyncSessionToken=sync.list_records(**ds)["SyncSessionToken"],
                            RecordPatches=[{"Op": "replace", "Key": "k", "Value": "v", "SyncCount": 0}], **ds)
    datasets = sync.list_datasets(MaxResults=50, **limit_ids)
    check(datasets["Count"] == 20, "ListDatasets lists 20 datasets")
    ds21 = dict(DatasetName="d20", **limit_ids)
    expect_error(sync.update_records, 400, "LimitExceededException", None,
                 SyncSessionToken=sync.list_records(**ds21)["SyncSessionToken"],
                 RecordPatches=[{"Op": "replace", "Key": "k", "Value": "v", "SyncCount": 0}], **ds21)

    deleted = sync.delete_dataset(**ids)["Dataset"]
    check(deleted["DatasetName"] == "settings", "DeleteDataset answers the deleted dataset")
    expect_error(sync.describe_dataset, 404, "ResourceNotFoundException", **ids)
    after = sync.list_records(LastSyncCount=3, **ids)
    check(after["DatasetExists"] is False and after["DatasetDeletedAfterRequestedSyncCount"] is True,
          "ListRecords after DeleteDataset reports the deletion")
    print("all steps passed", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        main(sys.argv[1])
    except AssertionError as failure:
        print("FAILED: %s" % failure, flush=True)
        sys.exit(1)
