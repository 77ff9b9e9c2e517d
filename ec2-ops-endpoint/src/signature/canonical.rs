//! SigV4's arithmetic, from the receiving side: the canonical request rebuilt from what arrived
//! (method, path, query, the headers the client says it signed, the body's hash), the string to
//! sign, the key derived from the secret, and the signature. A client and the endpoint agree on a
//! signature only if both canonicalise alike, so every rule here is the one AWS documents for
//! services other than S3 (path encoded a second time, query pairs sorted, header values trimmed).

use hmac::{Hmac, KeyInit, Mac};
use hyper::HeaderMap;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use sha2::{Digest, Sha256};

/// The algorithm name of SigV4 with HMAC-SHA256, the only one EC2 takes.
pub(crate) const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// What SigV4 leaves unescaped: RFC 3986's unreserved characters.
const SIGV4_ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The same, keeping the path's `/` separators.
const SIGV4_PATH_ESCAPED: &AsciiSet = &SIGV4_ESCAPED.remove(b'/');

/// The parts of a received request a signature covers.
pub(crate) struct Covered<'a> {
    pub method: &'a str,
    /// The path as it arrived, still percent-encoded.
    pub path: &'a str,
    /// The query string as it arrived, still percent-encoded.
    pub query: &'a str,
    pub headers: &'a HeaderMap,
    /// The names the client lists as signed, lower case, `;`-separated, as sent.
    pub signed_headers: &'a str,
    pub body: &'a [u8],
    /// A query parameter left out of the canonical query: the presigned form's own
    /// `X-Amz-Signature`, which cannot sign itself.
    pub unsigned_parameter: Option<&'a str>,
}

/// `scope` is `<yyyyMMdd>/<region>/<service>/aws4_request`, `date_time` the request's
/// `X-Amz-Date`.
pub(crate) struct Scope<'a> {
    pub date_time: &'a str,
    pub date: &'a str,
    pub region: &'a str,
    pub service: &'a str,
}

impl Scope<'_> {
    fn text(&self) -> String {
        format!(
            "{}/{}/{}/aws4_request",
            self.date, self.region, self.service
        )
    }
}

/// The hex signature `secret` gives the request.
pub(crate) fn signature(secret: &str, scope: &Scope<'_>, covered: &Covered<'_>) -> String {
    let canonical = canonical_request(covered);
    let string_to_sign = format!(
        "{ALGORITHM}\n{}\n{}\n{}",
        scope.date_time,
        scope.text(),
        hex::encode(Sha256::digest(canonical.as_bytes()))
    );
    let mut key = hmac(format!("AWS4{secret}").as_bytes(), scope.date.as_bytes());
    for part in [scope.region, scope.service, "aws4_request"] {
        key = hmac(&key, part.as_bytes());
    }
    hex::encode(hmac(&key, string_to_sign.as_bytes()))
}

/// Compares two signatures in time that depends only on their lengths, so that timing does not
/// tell a caller how much of a guessed signature was right.
pub(crate) fn same_signature(expected: &str, presented: &str) -> bool {
    expected.len() == presented.len()
        && expected
            .bytes()
            .zip(presented.bytes())
            .fold(0_u8, |differ, (a, b)| differ | (a ^ b))
            == 0
}

fn canonical_request(covered: &Covered<'_>) -> String {
    let mut canonical = String::with_capacity(256 + covered.query.len());
    canonical.push_str(covered.method);
    canonical.push('\n');
    canonical.push_str(&canonical_path(covered.path));
    canonical.push('\n');
    canonical.push_str(&canonical_query(covered.query, covered.unsigned_parameter));
    canonical.push('\n');
    for name in covered.signed_headers.split(';') {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(&canonical_header_value(covered.headers, name));
        canonical.push('\n');
    }
    canonical.push('\n');
    canonical.push_str(covered.signed_headers);
    canonical.push('\n');
    canonical.push_str(&hex::encode(Sha256::digest(covered.body)));
    canonical
}

/// The path encoded once more, as clients sign it for every service but S3 (`%2F` becomes
/// `%252F`); an empty path is `/`.
fn canonical_path(path: &str) -> String {
    if path.is_empty() {
        return "/".to_owned();
    }
    utf8_percent_encode(path, SIGV4_PATH_ESCAPED).to_string()
}

/// Every `name=value` pair decoded and encoded again SigV4's way, sorted by name then value. A
/// `+` stays a `+` (it is not form encoding's space): clients sign spaces as `%20`.
fn canonical_query(query: &str, unsigned_parameter: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (reencode(name), reencode(value))
        })
        .filter(|(name, _)| Some(name.as_str()) != unsigned_parameter)
        .collect();
    pairs.sort_unstable();
    let mut canonical = String::with_capacity(query.len() + 16);
    for (index, (name, value)) in pairs.iter().enumerate() {
        if index > 0 {
            canonical.push('&');
        }
        canonical.push_str(name);
        canonical.push('=');
        canonical.push_str(value);
    }
    canonical
}

fn reencode(text: &str) -> String {
    let decoded: Vec<u8> = percent_decode_str(text).collect();
    percent_encoding::percent_encode(&decoded, SIGV4_ESCAPED).to_string()
}

/// Every value of header `name`, each trimmed with its inner runs of spaces made one, joined by
/// commas; a header the client signed but that did not arrive is empty (and so its signature
/// does not match).
fn canonical_header_value(headers: &HeaderMap, name: &str) -> String {
    let mut joined = String::new();
    for (index, value) in headers.get_all(name).iter().enumerate() {
        if index > 0 {
            joined.push(',');
        }
        let text = String::from_utf8_lossy(value.as_bytes());
        let mut words = text.split([' ', '\t']).filter(|word| !word.is_empty());
        if let Some(first) = words.next() {
            joined.push_str(first);
            for word in words {
                joined.push(' ');
                joined.push_str(word);
            }
        }
    }
    joined
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    //! Cases of AWS's SigV4 test suite (`aws-signing-test-suite/v4`): its secret, time, region
    //! and service, and the signature it expects.

    use hyper::header::HeaderValue;

    use super::*;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    fn suite_scope() -> Scope<'static> {
        Scope {
            date_time: "20150830T123600Z",
            date: "20150830",
            region: "us-east-1",
            service: "service",
        }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn get_vanilla_signs_as_the_suite() {
        let headers = headers(&[
            ("host", "example.amazonaws.com"),
            ("x-amz-date", "20150830T123600Z"),
        ]);
        let covered = Covered {
            method: "GET",
            path: "/",
            query: "",
            headers: &headers,
            signed_headers: "host;x-amz-date",
            body: b"",
            unsigned_parameter: None,
        };
        assert_eq!(
            signature(SECRET, &suite_scope(), &covered),
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        );
    }

    #[test]
    fn a_form_body_signs_as_the_suite() {
        let headers = headers(&[
            ("content-length", "13"),
            (
                "content-type",
                "application/x-www-form-urlencoded; charset=utf-8",
            ),
            ("host", "example.amazonaws.com"),
            (
                "x-amz-content-sha256",
                "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            ),
            ("x-amz-date", "20150830T123600Z"),
        ]);
        let covered = Covered {
            method: "POST",
            path: "/",
            query: "",
            headers: &headers,
            signed_headers: "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
            body: b"Param1=value1",
            unsigned_parameter: None,
        };
        assert_eq!(
            signature(SECRET, &suite_scope(), &covered),
            "328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422"
        );
    }

    #[test]
    fn a_session_token_header_signs_as_the_suite() {
        let token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        let headers = headers(&[
            ("host", "example.amazonaws.com"),
            ("x-amz-date", "20150830T123600Z"),
            ("x-amz-security-token", token),
        ]);
        let covered = Covered {
            method: "GET",
            path: "/",
            query: "",
            headers: &headers,
            signed_headers: "host;x-amz-date;x-amz-security-token",
            body: b"",
            unsigned_parameter: None,
        };
        assert_eq!(
            signature(SECRET, &suite_scope(), &covered),
            "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"
        );
    }

    #[test]
    fn query_pairs_sort_by_name_then_value_and_encode_sigv4s_way() {
        assert_eq!(
            canonical_query(
                "b=2&a=z&a=y&c=%7e+x%20y&X-Amz-Signature=ab",
                Some("X-Amz-Signature")
            ),
            "a=y&a=z&b=2&c=~%2Bx%20y"
        );
        assert_eq!(canonical_query("", None), "");
        assert_eq!(canonical_query("flag", None), "flag=");
    }

    #[test]
    fn the_path_is_encoded_a_second_time() {
        assert_eq!(canonical_path(""), "/");
        assert_eq!(canonical_path("/a%2Fb/c d"), "/a%252Fb/c%20d");
    }

    #[test]
    fn header_values_are_trimmed_and_joined() {
        let headers = headers(&[("x-a", "  one   two "), ("x-a", "three")]);
        assert_eq!(canonical_header_value(&headers, "x-a"), "one two,three");
        assert_eq!(canonical_header_value(&headers, "x-missing"), "");
    }

    #[test]
    fn signatures_compare_whole() {
        assert!(same_signature("ab12", "ab12"));
        assert!(!same_signature("ab12", "AB12"));
        assert!(!same_signature("ab12", "ab13"));
        assert!(!same_signature("ab12", "ab1"));
    }
}
