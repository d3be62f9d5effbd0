#!/usr/bin/env python3
"""Cognito Identity and Cognito Sync together, through boto3, against the emulator at argv[1].

Developer credentials (the environment's) create a pool; unauthenticated and login identities get their own
temporary credentials; each identity's credentials write its own dataset and are refused (403
NotAuthorizedException, nothing applied) on another identity's; an unknown identity is ResourceNotFoundException.
Prints "all steps passed" at the end; any failed step raises.
"""
import sys

import boto3
import botocore.exceptions

endpoint = sys.argv[1]
region = boto3.session.Session().region_name or "us-east-1"


def step(name):
    print("step:", name, flush=True)


developer_identity = boto3.client("cognito-identity", endpoint_url=endpoint, region_name=region)
developer_sync = boto3.client("cognito-sync", endpoint_url=endpoint, region_name=region)

step("CreateIdentityPool, signed with developer credentials")
pool = developer_identity.create_identity_pool(IdentityPoolName="conformance", AllowUnauthenticatedIdentities=True)
pool_id = pool["IdentityPoolId"]
assert pool_id.startswith(region + ":"), pool_id
assert pool["AllowUnauthenticatedIdentities"] is True

# GetId and GetCredentialsForIdentity are unsigned, as the mobile SDKs call them.
anonymous = boto3.client("cognito-identity", endpoint_url=endpoint, region_name=region,
                         config=botocore.config.Config(signature_version=botocore.UNSIGNED))

step("GetId: a new identity for each unauthenticated call")
alice = anonymous.get_id(IdentityPoolId=pool_id)["IdentityId"]
bob = anonymous.get_id(IdentityPoolId=pool_id)["IdentityId"]
assert alice != bob, (alice, bob)

step("GetId: the same identity for the same login")
carol = anonymous.get_id(IdentityPoolId=pool_id, Logins={"accounts.example.com": "carol-token"})["IdentityId"]
assert anonymous.get_id(IdentityPoolId=pool_id,
                        Logins={"accounts.example.com": "carol-token"})["IdentityId"] == carol

step("GetCredentialsForIdentity")
answer = anonymous.get_credentials_for_identity(IdentityId=alice)
assert answer["IdentityId"] == alice
credentials = answer["Credentials"]
for field in ("AccessKeyId", "SecretKey", "SessionToken", "Expiration"):
    assert credentials.get(field), field


def sync_client(creds):
    return boto3.client("cognito-sync", endpoint_url=endpoint, region_name=region,
                        aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretKey"],
                        aws_session_token=creds["SessionToken"])


alice_sync = sync_client(credentials)

step("the identity's credentials write its own dataset")
token = alice_sync.list_records(IdentityPoolId=pool_id, IdentityId=alice, DatasetName="settings")["SyncSessionToken"]
written = alice_sync.update_records(IdentityPoolId=pool_id, IdentityId=alice, DatasetName="settings",
                                    SyncSessionToken=token,
                                    RecordPatches=[{"Op": "replace", "Key": "theme", "Value": "dark",
                                                    "SyncCount": 0}])
assert written["Records"][0]["SyncCount"] == 1

step("and are refused on another identity's dataset, which stays untouched")
try:
    alice_sync.list_records(IdentityPoolId=pool_id, IdentityId=bob, DatasetName="settings")
    raise AssertionError("alice's credentials read bob's dataset")
except botocore.exceptions.ClientError as error:
    assert error.response["Error"]["Code"] == "NotAuthorizedException", error.response
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 403
bob_token = developer_sync.list_records(IdentityPoolId=pool_id, IdentityId=bob,
                                        DatasetName="settings")["SyncSessionToken"]
try:
    alice_sync.update_records(IdentityPoolId=pool_id, IdentityId=bob, DatasetName="settings",
                              SyncSessionToken=bob_token,
                              RecordPatches=[{"Op": "replace", "Key": "theme", "Value": "hacked", "SyncCount": 0}])
    raise AssertionError("alice's credentials wrote bob's dataset")
except botocore.exceptions.ClientError as error:
    assert error.response["Error"]["Code"] == "NotAuthorizedException", error.response
records = developer_sync.list_records(IdentityPoolId=pool_id, IdentityId=bob, DatasetName="settings")
assert records["Records"] == [] and records["DatasetSyncCount"] == 0, records

step("developer credentials still reach every identity")
assert developer_sync.list_records(IdentityPoolId=pool_id, IdentityId=alice,
                                   DatasetName="settings")["Records"][0]["Value"] == "dark"

step("a session token that does not belong to the key is refused")
forged = dict(credentials, SessionToken="forged")
try:
    sync_client(forged).list_records(IdentityPoolId=pool_id, IdentityId=alice, DatasetName="settings")
    raise AssertionError("a forged session token was accepted")
except botocore.exceptions.ClientError as error:
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 403, error.response

step("GetCredentialsForIdentity of an unknown identity")
try:
    anonymous.get_credentials_for_identity(IdentityId=region + ":00000000-0000-0000-0000-000000000000")
    raise AssertionError("an unknown identity got credentials")
except botocore.exceptions.ClientError as error:
    assert error.response["Error"]["Code"] == "ResourceNotFoundException", error.response

step("a pool without unauthenticated identities refuses GetId without logins")
strict = developer_identity.create_identity_pool(IdentityPoolName="strict", AllowUnauthenticatedIdentities=False)
try:
    anonymous.get_id(IdentityPoolId=strict["IdentityPoolId"])
    raise AssertionError("an unauthenticated identity was created in a strict pool")
except botocore.exceptions.ClientError as error:
    assert error.response["Error"]["Code"] == "NotAuthorizedException", error.response

print("all steps passed")
