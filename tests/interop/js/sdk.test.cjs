// The AWS SDK for JavaScript v3 against the endpoint that test_javascript_sdk.py starts: the seed
// tree of `tree.py` served unchecked (EC2_OPS_TREE_URL) and with credentials (EC2_OPS_CHECKED_URL).
// Run with `node --test`; the accounts are the tree's.
const test = require("node:test");
const assert = require("node:assert/strict");
const {
  EC2Client,
  DescribeVolumesCommand,
  DescribeImagesCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeVolumes,
} = require("@aws-sdk/client-ec2");

const [A, B, C] = ["111111111111", "222222222222", "333333333333"];
const TREE = process.env.EC2_OPS_TREE_URL;
const CHECKED = process.env.EC2_OPS_CHECKED_URL;

function client(endpoint, accessKeyId, region, secretAccessKey = "secret", sessionToken) {
  return new EC2Client({
    endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey, sessionToken },
    maxAttempts: 1,
  });
}

async function volumeIds(ec2) {
  const answer = await ec2.send(new DescribeVolumesCommand({}));
  return answer.Volumes.map((volume) => volume.VolumeId).sort();
}

async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    return error.name;
  }
  assert.fail("the request was served");
}

test("each account and region lists its own volumes", async () => {
  assert.deepEqual(await volumeIds(client(TREE, A, "us-east-1")), ["vol-a-east"]);
  assert.deepEqual(await volumeIds(client(TREE, A, "eu-west-1")), ["vol-a-west"]);
  assert.deepEqual(await volumeIds(client(TREE, B, "us-east-1")), ["vol-a-east", "vol-b-east"]);
  assert.deepEqual(await volumeIds(client(TREE, C, "us-east-1")), []);
});

test("the paginator walks one account's region only", async () => {
  const ids = [];
  const pages = paginateDescribeVolumes(
    { client: client(TREE, A, "ap-south-1"), pageSize: 5 },
    {},
  );
  for await (const page of pages) {
    ids.push(...page.Volumes.map((volume) => volume.VolumeId));
  }
  assert.equal(ids.length, 7);
  assert.ok(ids.every((id) => id.startsWith("vol-a-")));
});

test("another account sees public and shared images only", async () => {
  const names = async (accessKeyId) => {
    const answer = await client(TREE, accessKeyId, "us-east-1").send(new DescribeImagesCommand({}));
    return answer.Images.map((image) => image.Name).sort();
  };
  assert.deepEqual(await names(A), ["golden", "private", "shared"]);
  assert.deepEqual(await names(B), ["golden", "shared"]);
  assert.deepEqual(await names(C), ["golden"]);
});

test("account settings are the seeded account's, else a new account's", async () => {
  const encrypted = async (accessKeyId, region) =>
    (await client(TREE, accessKeyId, region).send(new GetEbsEncryptionByDefaultCommand({})))
      .EbsEncryptionByDefault;
  assert.equal(await encrypted(A, "us-east-1"), true);
  assert.equal(await encrypted(B, "us-east-1"), false);
});

test("an unknown region is refused as EC2 refuses its scope", async () => {
  const name = await refusal(client(TREE, A, "xx-nowhere-9").send(new DescribeVolumesCommand({})));
  assert.equal(name, "SignatureDoesNotMatch");
});

test("with credentials, a correct signature is served as its key's account and a wrong one refused", async () => {
  assert.deepEqual(await volumeIds(client(CHECKED, "AKIAACCOUNTA", "eu-west-1", "secret-a")), ["vol-a-west"]);
  assert.deepEqual(
    await volumeIds(client(CHECKED, "ASIAACCOUNTB", "us-east-1", "secret-b", "token-b")),
    ["vol-a-east", "vol-b-east"],
  );
  const wrongSecret = client(CHECKED, "AKIAACCOUNTA", "eu-west-1", "not-the-secret");
  assert.equal(await refusal(wrongSecret.send(new DescribeVolumesCommand({}))), "SignatureDoesNotMatch");
  const unknownKey = client(CHECKED, "AKIAUNKNOWN", "eu-west-1", "secret-a");
  assert.equal(await refusal(unknownKey.send(new DescribeVolumesCommand({}))), "AuthFailure");
  const wrongToken = client(CHECKED, "ASIAACCOUNTB", "us-east-1", "secret-b", "another-token");
  assert.equal(await refusal(wrongToken.send(new DescribeVolumesCommand({}))), "AuthFailure");
});
