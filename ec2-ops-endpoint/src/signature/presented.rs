//! What a request presents to prove who sent it, read from one of SigV4's two forms: the
//! `Authorization` header (with `X-Amz-Date` and `X-Amz-Security-Token` headers), or the
//! presigned query string (`X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`,
//! `X-Amz-SignedHeaders`, `X-Amz-Signature`, `X-Amz-Security-Token`). A form with a part missing
//! is `IncompleteSignature`, naming every missing part at once.

use ec2_ops::Ec2Error;
use hyper::HeaderMap;
use percent_encoding::percent_decode_str;

use super::canonical::ALGORITHM;

/// Which form carried the signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// The `Authorization` header.
    Header,
    /// The presigned query string; its `X-Amz-Signature` is left out of what is signed.
    Query,
}

/// The parts of a signature, before any is checked.
#[derive(Debug)]
pub(crate) struct Presented {
    pub form: Form,
    pub scope: CredentialScope,
    pub signed_headers: String,
    pub signature: String,
    /// `X-Amz-Date`: `yyyyMMddTHHmmssZ`.
    pub date_time: String,
    /// The presigned form's `X-Amz-Expires`, as sent.
    pub expires: Option<String>,
    pub session_token: Option<String>,
}

/// The signature `headers` and `query` carry; `None` when they carry none at all.
///
/// # Errors
/// `IncompleteSignature` when a form lacks a part, both forms are used, or the algorithm or the
/// credential is not SigV4's.
pub(crate) fn presented(headers: &HeaderMap, query: &str) -> Result<Option<Presented>, Ec2Error> {
    let query_form = QueryForm::read(query);
    match (headers.get("authorization"), query_form.is_present()) {
        (None, false) => Ok(None),
        (Some(_), true) => Err(incomplete(
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the \
             Authorization header should be specified",
        )),
        (Some(authorization), false) => {
            let authorization = String::from_utf8_lossy(authorization.as_bytes());
            from_header(&authorization, headers).map(Some)
        }
        (None, true) => from_query(query_form).map(Some),
    }
}

fn from_header(authorization: &str, headers: &HeaderMap) -> Result<Presented, Ec2Error> {
    let (algorithm, rest) = authorization
        .trim()
        .split_once(' ')
        .unwrap_or((authorization.trim(), ""));
    if algorithm != ALGORITHM {
        return Err(unsupported_algorithm(algorithm));
    }
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let Some((name, value)) = part.trim().split_once('=') else {
            continue;
        };
        let slot = match name {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => continue,
        };
        *slot = Some(value.to_owned());
    }
    let date_time = header_text(headers, "x-amz-date");
    let mut missing = String::new();
    for (present, name) in [
        (credential.is_some(), "Credential"),
        (signature.is_some(), "Signature"),
        (signed_headers.is_some(), "SignedHeaders"),
    ] {
        if !present {
            missing.push_str(&format!(
                "Authorization header requires '{name}' parameter. "
            ));
        }
    }
    if date_time.is_none() {
        missing.push_str("Authorization header requires existence of a 'X-Amz-Date' header. ");
    }
    let (Some(credential), Some(signed_headers), Some(signature), Some(date_time)) =
        (credential, signed_headers, signature, date_time)
    else {
        return Err(incomplete(format!(
            "{missing}Authorization={}",
            authorization.split(' ').next().unwrap_or_default()
        )));
    };
    Ok(Presented {
        form: Form::Header,
        scope: CredentialScope::parse(&credential)?,
        signed_headers,
        signature,
        date_time,
        expires: None,
        session_token: header_text(headers, "x-amz-security-token"),
    })
}

fn from_query(form: QueryForm) -> Result<Presented, Ec2Error> {
    let QueryForm {
        algorithm,
        credential,
        date_time,
        expires,
        signed_headers,
        signature,
        session_token,
    } = form;
    let missing: Vec<&str> = [
        (algorithm.is_none(), "X-Amz-Algorithm"),
        (credential.is_none(), "X-Amz-Credential"),
        (signature.is_none(), "X-Amz-Signature"),
        (date_time.is_none(), "X-Amz-Date"),
        (signed_headers.is_none(), "X-Amz-SignedHeaders"),
        (expires.is_none(), "X-Amz-Expires"),
    ]
    .into_iter()
    .filter_map(|(absent, name)| absent.then_some(name))
    .collect();
    let (
        Some(algorithm),
        Some(credential),
        Some(date_time),
        Some(expires),
        Some(signed_headers),
        Some(signature),
    ) = (
        algorithm,
        credential,
        date_time,
        expires,
        signed_headers,
        signature,
    )
    else {
        return Err(incomplete(format!(
            "AWS query-string parameters must include {}. Re-examine the query-string parameters.",
            missing
                .iter()
                .map(|name| format!("'{name}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    if algorithm != ALGORITHM {
        return Err(unsupported_algorithm(&algorithm));
    }
    Ok(Presented {
        form: Form::Query,
        scope: CredentialScope::parse(&credential)?,
        signed_headers,
        signature,
        date_time,
        expires: Some(expires),
        session_token,
    })
}

/// The presigned form's parameters, decoded; the first of a repeated one counts.
#[derive(Default)]
struct QueryForm {
    algorithm: Option<String>,
    credential: Option<String>,
    date_time: Option<String>,
    expires: Option<String>,
    signed_headers: Option<String>,
    signature: Option<String>,
    session_token: Option<String>,
}

impl QueryForm {
    fn read(query: &str) -> QueryForm {
        let mut form = QueryForm::default();
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let slot = match name {
                "X-Amz-Algorithm" => &mut form.algorithm,
                "X-Amz-Credential" => &mut form.credential,
                "X-Amz-Date" => &mut form.date_time,
                "X-Amz-Expires" => &mut form.expires,
                "X-Amz-SignedHeaders" => &mut form.signed_headers,
                "X-Amz-Signature" => &mut form.signature,
                "X-Amz-Security-Token" => &mut form.session_token,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(percent_decode_str(value).decode_utf8_lossy().into_owned());
            }
        }
        form
    }

    /// Whether the request means to use this form: any of the parameters only it sends.
    fn is_present(&self) -> bool {
        self.algorithm.is_some() || self.credential.is_some() || self.signature.is_some()
    }
}

/// `<access key ID>/<yyyyMMdd>/<region>/<service>/aws4_request`, split.
#[derive(Debug)]
pub(crate) struct CredentialScope {
    pub access_key_id: String,
    pub date: String,
    pub region: String,
    pub service: String,
    pub terminator: String,
}

impl CredentialScope {
    fn parse(credential: &str) -> Result<CredentialScope, Ec2Error> {
        let parts: Vec<&str> = credential.split('/').collect();
        let [access_key_id, date, region, service, terminator] = parts.as_slice() else {
            return Err(incomplete(format!(
                "Credential '{credential}' is not of the form \
                 <access key ID>/<yyyyMMdd>/<region>/<service>/aws4_request"
            )));
        };
        if access_key_id.is_empty() {
            return Err(incomplete(format!(
                "Credential '{credential}' names no access key ID"
            )));
        }
        Ok(CredentialScope {
            access_key_id: (*access_key_id).to_owned(),
            date: (*date).to_owned(),
            region: (*region).to_owned(),
            service: (*service).to_owned(),
            terminator: (*terminator).to_owned(),
        })
    }
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).trim().to_owned())
}

fn unsupported_algorithm(algorithm: &str) -> Ec2Error {
    incomplete(format!(
        "Unsupported AWS 'algorithm': '{algorithm}'; EC2 takes '{ALGORITHM}'"
    ))
}

/// EC2's `IncompleteSignature`: the request signature does not conform to AWS standards.
pub(crate) fn incomplete(message: impl Into<String>) -> Ec2Error {
    Ec2Error::new("IncompleteSignature", message, 400)
}

#[cfg(test)]
mod tests {
    use hyper::header::HeaderValue;

    use super::*;

    fn with_authorization(value: &str, date: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("authorization", HeaderValue::from_str(value).unwrap());
        if let Some(date) = date {
            headers.insert("x-amz-date", HeaderValue::from_str(date).unwrap());
        }
        headers
    }

    #[test]
    fn no_signature_at_all_is_none() {
        assert!(
            presented(&HeaderMap::new(), "Action=DescribeRegions")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn the_header_form_is_split_into_its_parts() {
        let headers = with_authorization(
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ec2/aws4_request, \
             SignedHeaders=host;x-amz-date, Signature=abcd",
            Some("20260101T000000Z"),
        );
        let presented = presented(&headers, "").unwrap().unwrap();
        assert_eq!(presented.form, Form::Header);
        assert_eq!(presented.scope.access_key_id, "AKID");
        assert_eq!(presented.scope.date, "20260101");
        assert_eq!(presented.scope.region, "eu-west-1");
        assert_eq!(presented.scope.service, "ec2");
        assert_eq!(presented.scope.terminator, "aws4_request");
        assert_eq!(presented.signed_headers, "host;x-amz-date");
        assert_eq!(presented.signature, "abcd");
        assert_eq!(presented.date_time, "20260101T000000Z");
    }

    #[test]
    fn a_header_form_missing_parts_names_every_one() {
        let headers = with_authorization(
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ec2/aws4_request",
            None,
        );
        let error = presented(&headers, "").unwrap_err();
        assert_eq!(error.code(), "IncompleteSignature");
        assert_eq!(error.status(), 400);
        for part in ["'Signature'", "'SignedHeaders'", "'X-Amz-Date'"] {
            assert!(error.message().contains(part), "{}", error.message());
        }
        assert!(!error.message().contains("'Credential'"));
    }

    #[test]
    fn another_algorithm_is_incomplete() {
        let headers = with_authorization("AWS AKID:c2lnbmF0dXJl", None);
        let error = presented(&headers, "").unwrap_err();
        assert_eq!(error.code(), "IncompleteSignature");
        assert!(error.message().contains("'AWS'"), "{}", error.message());
    }

    #[test]
    fn the_query_form_is_decoded() {
        let query = "Action=DescribeRegions&X-Amz-Algorithm=AWS4-HMAC-SHA256\
                     &X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fec2%2Faws4_request\
                     &X-Amz-Date=20260101T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host\
                     &X-Amz-Signature=ff&X-Amz-Security-Token=to%2Bken";
        let presented = presented(&HeaderMap::new(), query).unwrap().unwrap();
        assert_eq!(presented.form, Form::Query);
        assert_eq!(presented.scope.access_key_id, "AKID");
        assert_eq!(presented.expires.as_deref(), Some("300"));
        assert_eq!(presented.session_token.as_deref(), Some("to+ken"));
    }

    #[test]
    fn a_query_form_missing_parts_names_every_one() {
        let error = presented(&HeaderMap::new(), "X-Amz-Algorithm=AWS4-HMAC-SHA256").unwrap_err();
        assert_eq!(error.code(), "IncompleteSignature");
        for part in ["'X-Amz-Credential'", "'X-Amz-Signature'", "'X-Amz-Expires'"] {
            assert!(error.message().contains(part), "{}", error.message());
        }
    }

    #[test]
    fn both_forms_at_once_are_refused() {
        let headers = with_authorization("AWS4-HMAC-SHA256 Credential=a", None);
        let error = presented(&headers, "X-Amz-Signature=ff").unwrap_err();
        assert_eq!(error.code(), "IncompleteSignature");
    }

    #[test]
    fn a_credential_of_the_wrong_shape_is_incomplete() {
        let headers = with_authorization(
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/ec2, SignedHeaders=host, Signature=ff",
            Some("20260101T000000Z"),
        );
        assert_eq!(
            presented(&headers, "").unwrap_err().code(),
            "IncompleteSignature"
        );
    }
}
