//! SigV4 signing with AWS's own `aws-sigv4` crate: the request's headers are signed (but for those
//! aws-sigv4 leaves out, such as `user-agent`), with the host taken from the URI, as botocore
//! signs EC2's requests.

use std::time::SystemTime;

use aws_sigv4::http_request::{
    PayloadChecksumKind, SignableBody, SignableRequest, SigningSettings, sign,
};
use aws_sigv4::sign::v4;

use crate::credentials::Credentials;

/// Where and how a request is signed.
pub(crate) struct Signer<'a> {
    pub credentials: &'a Credentials,
    pub region: &'a str,
    /// The signing name: `ec2`.
    pub service: &'a str,
    pub time: SystemTime,
    /// Whether to add and sign `x-amz-content-sha256` (S3's mode; AWS's test suite uses it for
    /// its signed-body cases). EC2 requests go without.
    pub content_sha256_header: bool,
}

impl Signer<'_> {
    /// Adds `X-Amz-Date`, `Authorization` (and `X-Amz-Security-Token` for temporary credentials)
    /// to `request`, its body included in the signature.
    pub fn sign(
        &self,
        request: &mut http::Request<bytes::Bytes>,
    ) -> Result<(), aws_sigv4::http_request::SigningError> {
        let identity = aws_credential_types::Credentials::new(
            &self.credentials.access_key_id,
            &self.credentials.secret_access_key,
            self.credentials.session_token.clone(),
            None,
            "ec2-ops-client",
        )
        .into();
        let mut settings = SigningSettings::default();
        if self.content_sha256_header {
            settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
        }
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(self.region)
            .name(self.service)
            .time(self.time)
            .settings(settings)
            .build()
            .expect("every signing parameter is set")
            .into();
        let headers: Vec<(&str, &str)> = request
            .headers()
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
            .collect();
        let uri = request.uri().to_string();
        let signable = SignableRequest::new(
            request.method().as_str(),
            uri,
            headers.into_iter(),
            SignableBody::Bytes(request.body()),
        )?;
        let (instructions, _signature) = sign(signable, &params)?.into_parts();
        instructions.apply_to_request_http1x(request);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! Cases of AWS's SigV4 test suite (`aws-signing-test-suite/v4`, as shipped with the
    //! `aws-sigv4` crate): their credentials, time, region and service, and the expected
    //! `Authorization` header.

    use std::time::Duration;

    use super::*;

    const SUITE_TIME: u64 = 1_440_938_160; // 2015-08-30T12:36:00Z

    fn suite_signer(credentials: &Credentials, content_sha256_header: bool) -> Signer<'_> {
        Signer {
            credentials,
            region: "us-east-1",
            service: "service",
            time: SystemTime::UNIX_EPOCH + Duration::from_secs(SUITE_TIME),
            content_sha256_header,
        }
    }

    fn suite_credentials() -> Credentials {
        Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    }

    fn authorization(request: &http::Request<bytes::Bytes>) -> &str {
        request.headers()["authorization"].to_str().unwrap()
    }

    #[test]
    fn get_vanilla_matches_the_suite() {
        let credentials = suite_credentials();
        let mut request = http::Request::get("https://example.amazonaws.com/")
            .body(bytes::Bytes::new())
            .unwrap();
        suite_signer(&credentials, false)
            .sign(&mut request)
            .unwrap();
        assert_eq!(request.headers()["x-amz-date"], "20150830T123600Z");
        assert_eq!(
            authorization(&request),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        );
    }

    #[test]
    fn post_x_www_form_urlencoded_parameters_matches_the_suite() {
        // EC2's own content type, with a signed body.
        let credentials = suite_credentials();
        let mut request = http::Request::post("https://example.amazonaws.com/")
            .header(
                "content-type",
                "application/x-www-form-urlencoded; charset=utf-8",
            )
            .header("content-length", "13")
            .body(bytes::Bytes::from_static(b"Param1=value1"))
            .unwrap();
        suite_signer(&credentials, true).sign(&mut request).unwrap();
        assert_eq!(
            request.headers()["x-amz-content-sha256"],
            "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"
        );
        assert_eq!(
            authorization(&request),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature=328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422"
        );
    }

    #[test]
    fn get_vanilla_with_session_token_matches_the_suite() {
        let token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        let credentials = suite_credentials().with_session_token(token);
        let mut request = http::Request::get("https://example.amazonaws.com/")
            .body(bytes::Bytes::new())
            .unwrap();
        suite_signer(&credentials, false)
            .sign(&mut request)
            .unwrap();
        assert_eq!(request.headers()["x-amz-security-token"], token);
        assert_eq!(
            authorization(&request),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"
        );
    }
}
