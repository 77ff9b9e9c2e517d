//! `DescribeKeyPairs`: EC2 key pairs. Not paginated.
//!
//! Shapes reached by the output: `KeyPairInfo` and the enum `KeyType`. `PublicKey` is rendered only
//! when the request has `IncludePublicKey=true`.

use crate::{Caller, DateTime, Tag, ec2_operation, ec2_shape};

/// A key pair (`<item>` of `<keySet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyPairInfo {
    /// The key pair's ID, `key-...`.
    pub key_pair_id: Option<String>,
    /// The type of key pair.
    pub key_type: Option<KeyType>,
    /// The key pair's tags (`<tagSet>`).
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
    /// The public key material (only with `IncludePublicKey`).
    pub public_key: Option<String>,
    /// When the key pair was created or imported, in UTC.
    pub create_time: Option<DateTime>,
    /// The name of the key pair.
    pub key_name: Option<String>,
    /// The key pair's fingerprint.
    pub key_fingerprint: Option<String>,
}

/// A key pair type.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// `rsa`
    Rsa,
    /// `ed25519`
    Ed25519,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// `IncludePublicKey`: EC2 answers a key pair's public key material only when asked for it
/// ("Default: false").
fn public_keys_on_request(
    request: &DescribeKeyPairsRequest,
    _: &Caller,
    response: &mut DescribeKeyPairsResponse,
) {
    if request.include_public_key != Some(true) {
        for key_pair in &mut response.key_pairs {
            key_pair.public_key = None;
        }
    }
}

/// The `DescribeKeyPairs` operation.
///
/// Key pairs are named by ID (`KeyPairId.N`) or by name (`KeyName.N`); both lists apply together,
/// and an unknown value in either is `InvalidKeyPair.NotFound` ("The key pair 'x' does not exist").
/// Key names are free text, so only IDs can be malformed (`key-` prefix).
#[ec2_operation(
    action = "DescribeKeyPairs",
    resource = KeyPairInfo,
    resource_id = key_pair_id,
    output(member = "KeyPairs", xml = "keySet"),
    ids(key = "KeyName", field = key_name, noun = "key pair", not_found = "InvalidKeyPair.NotFound"),
    ids(key = "KeyPairId", prefix = "key-", noun = "key pair", not_found = "InvalidKeyPair.NotFound"),
    members(
        /// Whether the public key material is included in the response (default: false).
        include_public_key: Option<bool>,
    ),
    filters(
        "key-pair-id", "key-name",
        "fingerprint" => key_fingerprint,
        "tag-key" => tags,
        "tag:<key>" => tags,
    ),
    dry_run,
    respond = public_keys_on_request,
)]
pub struct DescribeKeyPairs;
