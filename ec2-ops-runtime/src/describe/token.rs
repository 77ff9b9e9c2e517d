//! `NextToken`s: opaque, versioned and authenticated.
//!
//! A token carries the ID a page ended at, and an HMAC-SHA256 tag over it, the operation's action and a
//! fingerprint of the request's filters and IDs. A token that was forged, altered, truncated, is empty,
//! or comes from another operation or another filter set fails verification and the request gets
//! 400 `InvalidParameterValue` "... The token is invalid."; decoding never panics.
//!
//! ```
//! use ec2_ops_runtime::{Filter, TokenKey, RequestFingerprint};
//!
//! let key = TokenKey::from_bytes([7; 32]);
//! let fingerprint = RequestFingerprint::new(&[Filter::new("state", ["complete"])], &[]);
//! let token = key.sign("DescribeImportSnapshotTasks", &fingerprint, "import-snap-0001");
//! assert_eq!(key.verify("DescribeImportSnapshotTasks", &fingerprint, &token).unwrap(), "import-snap-0001");
//! assert!(key.verify("DescribeBundleTasks", &fingerprint, &token).is_err());
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::describe::ids::sorted_unique_ids;
use crate::error::Ec2Error;
use crate::types::Filter;

const VERSION: u8 = 1;
const TAG_LEN: usize = 16;
/// Longest token text accepted before any decoding is attempted: the longest value a Query request
/// can carry ([`QueryLimits::max_value_bytes`](crate::wire::query::QueryLimits::max_value_bytes)), so every token
/// a client can send back is at least read, and a token for a resume ID of up to 49,135 bytes
/// verifies.
const MAX_TOKEN_CHARS: usize = 64 << 10;

/// The secret that authenticates tokens. Tokens signed with one key do not verify with another, so a
/// restarted server with a fresh random key rejects old tokens (as an expired token is rejected).
#[derive(Clone)]
pub struct TokenKey {
    /// HMAC-SHA256 already keyed and fed the domain prefix: each token then costs its own bytes
    /// only, not the two key-padding blocks (a page walk signs and verifies one token per page).
    keyed: Hmac<Sha256>,
}

impl std::fmt::Debug for TokenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKey(..)")
    }
}

/// A digest of what a token is bound to besides the operation: the request's filters and ID lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFingerprint([u8; 32]);

impl RequestFingerprint {
    /// The fingerprint of `filters` (in order) and `ids` (as a set: order and repeats do not matter).
    pub fn new(filters: &[Filter], ids: &[String]) -> RequestFingerprint {
        RequestFingerprint::with_lookups(filters, ids, &[])
    }

    /// The fingerprint of `filters`, `ids` and the second ID lists `lookups` (each a set, in the
    /// operation's order), so a token from a walk over `KeyName.1=a` does not continue one over
    /// `KeyName.1=b`.
    pub fn with_lookups(
        filters: &[Filter],
        ids: &[String],
        lookups: &[&[String]],
    ) -> RequestFingerprint {
        let mut hasher = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hasher.update((bytes.len() as u64).to_be_bytes());
            hasher.update(bytes);
        };
        field(b"filters");
        for filter in filters {
            field(filter.name.as_bytes());
            field(&(filter.values.len() as u64).to_be_bytes());
            for value in &filter.values {
                field(value.as_bytes());
            }
        }
        field(b"ids");
        for id in sorted_unique_ids(ids) {
            field(id.as_bytes());
        }
        for lookup in lookups {
            field(b"lookup");
            for value in sorted_unique_ids(lookup) {
                field(value.as_bytes());
            }
        }
        RequestFingerprint(hasher.finalize().into())
    }
}

impl TokenKey {
    /// A key from 32 secret bytes (e.g. shared by the replicas of one service).
    pub fn from_bytes(bytes: [u8; 32]) -> TokenKey {
        let mut keyed = <Hmac<Sha256> as KeyInit>::new_from_slice(&bytes)
            .expect("HMAC takes keys of any length");
        keyed.update(b"ec2-ops next-token");
        TokenKey { keyed }
    }

    /// A fresh key from the operating system's random source.
    ///
    /// # Panics
    /// If the operating system has no random source, which no supported platform lacks.
    pub fn random() -> TokenKey {
        let mut bytes = [0; 32];
        getrandom::fill(&mut bytes).expect("the operating system's random source is unavailable");
        TokenKey::from_bytes(bytes)
    }

    /// A key of its own for `label` (an account and region, say), derived from this one: tokens
    /// signed with it verify with no other key, so a walk begun in one scope cannot be continued
    /// in another, while one secret still serves every scope (and every replica sharing it).
    ///
    /// ```
    /// use ec2_ops_runtime::{RequestFingerprint, TokenKey};
    ///
    /// let key = TokenKey::from_bytes([7; 32]);
    /// let fingerprint = RequestFingerprint::new(&[], &[]);
    /// let token = key.derive(b"111122223333/us-east-1").sign("DescribeVolumes", &fingerprint, "vol-1");
    /// let same = key.derive(b"111122223333/us-east-1");
    /// assert!(same.verify("DescribeVolumes", &fingerprint, &token).is_ok());
    /// let other = key.derive(b"111122223333/eu-west-1");
    /// assert!(other.verify("DescribeVolumes", &fingerprint, &token).is_err());
    /// assert!(key.verify("DescribeVolumes", &fingerprint, &token).is_err());
    /// ```
    #[must_use]
    pub fn derive(&self, label: &[u8]) -> TokenKey {
        let mut mac = self.keyed.clone();
        mac.update(b"derived key for ");
        mac.update(&(label.len() as u64).to_be_bytes());
        mac.update(label);
        TokenKey::from_bytes(mac.finalize().into_bytes().into())
    }

    fn tag(&self, action: &str, fingerprint: &RequestFingerprint, payload: &[u8]) -> Hmac<Sha256> {
        let mut mac = self.keyed.clone();
        mac.update(&(action.len() as u64).to_be_bytes());
        mac.update(action.as_bytes());
        mac.update(&fingerprint.0);
        mac.update(payload);
        mac
    }

    /// A token that resumes `action` after `last_id`.
    pub fn sign(&self, action: &str, fingerprint: &RequestFingerprint, last_id: &str) -> String {
        let mut bytes = Vec::with_capacity(1 + last_id.len() + TAG_LEN);
        bytes.push(VERSION);
        bytes.extend_from_slice(last_id.as_bytes());
        let tag = self
            .tag(action, fingerprint, &bytes)
            .finalize()
            .into_bytes();
        bytes.extend_from_slice(&tag[..TAG_LEN]);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The ID a valid token resumes after.
    ///
    /// # Errors
    /// 400 `InvalidParameterValue` for any token this key did not sign for this action and fingerprint.
    pub fn verify(
        &self,
        action: &str,
        fingerprint: &RequestFingerprint,
        token: &str,
    ) -> Result<String, Ec2Error> {
        let invalid = || Ec2Error::invalid_next_token(token);
        if token.len() > MAX_TOKEN_CHARS {
            return Err(invalid());
        }
        let bytes = URL_SAFE_NO_PAD.decode(token).map_err(|_| invalid())?;
        if bytes.len() < 1 + TAG_LEN || bytes[0] != VERSION {
            return Err(invalid());
        }
        let (payload, tag) = bytes.split_at(bytes.len() - TAG_LEN);
        self.tag(action, fingerprint, payload)
            .verify_truncated_left(tag)
            .map_err(|_| invalid())?;
        String::from_utf8(payload[1..].to_vec()).map_err(|_| invalid())
    }
}
