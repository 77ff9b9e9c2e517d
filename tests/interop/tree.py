"""A seed tree of three accounts across three regions (`<account>/<region>/describe-*.json`), which
the accounts-and-regions suites of boto3, the AWS CLI and the JavaScript SDK replay: volumes of
each (one ID repeated across accounts), A's images (public, shared with B by launch permission,
private), A's setting of EBS encryption by default in us-east-1, and seven volumes to page through
in ap-south-1."""

import json

A, B, C = "111111111111", "222222222222", "333333333333"

TREE = {
    f"{A}/us-east-1/describe-volumes.json": {"Volumes": [{"VolumeId": "vol-a-east", "Size": 8}]},
    f"{A}/eu-west-1/describe-volumes.json": {"Volumes": [{"VolumeId": "vol-a-west", "Size": 8}]},
    f"{A}/us-east-1/describe-images.json": {"Images": [
        {"ImageId": "ami-public", "OwnerId": A, "Public": True, "Name": "golden"},
        {"ImageId": "ami-for-b", "OwnerId": A, "Public": False, "Name": "shared"},
        {"ImageId": "ami-private", "OwnerId": A, "Public": False, "Name": "private"}]},
    f"{A}/us-east-1/describe-image-attribute.json": [
        {"ImageId": "ami-for-b", "LaunchPermissions": [{"UserId": B}]}],
    f"{B}/us-east-1/describe-volumes.json": {"Volumes": [
        {"VolumeId": "vol-b-east", "Size": 8}, {"VolumeId": "vol-a-east", "Size": 100}]},
    f"{C}/eu-west-1/describe-volumes.json": {"Volumes": [{"VolumeId": "vol-c-west", "Size": 8}]},
    f"{A}/us-east-1/get-ebs-encryption-by-default.json": {"EbsEncryptionByDefault": True, "SseType": "sse-kms"},
    f"{A}/ap-south-1/describe-volumes.json": {"Volumes": [{"VolumeId": f"vol-a-{n}", "Size": 8} for n in range(7)]},
}


def write_tree(folder):
    """Writes the tree under `folder`; returns it."""
    for name, output in TREE.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(output))
    return folder
