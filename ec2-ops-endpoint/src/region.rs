//! The region a request is for: its SigV4 credential scope's (the `Authorization` header's, or a
//! presigned URL's `X-Amz-Credential`), else its host's (`ec2.<region>.amazonaws.com`, or
//! `<region>.` in front of the endpoint's own host name, as in `eu-west-1.localhost:4599`), else
//! the endpoint's default region. Each region's resources are its own ([`crate::accounts`]).

use hyper::HeaderMap;

/// Whether `name` has the shape of an AWS region name: `us-east-1`, `eu-central-2`,
/// `us-gov-west-1`, `cn-northwest-1`, `ap-southeast-7`.
pub fn is_region_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('-').collect();
    let [first, middle @ .., number] = parts.as_slice() else {
        return false;
    };
    first.len() == 2
        && first.bytes().all(|byte| byte.is_ascii_lowercase())
        && !middle.is_empty()
        && middle
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_lowercase()))
        && !number.is_empty()
        && number.len() <= 2
        && number.bytes().all(|byte| byte.is_ascii_digit())
}

/// The region the request names, if it names one: its credential scope's, else its host's.
#[cfg(test)]
fn requested(headers: &HeaderMap, query: &str) -> Option<String> {
    crate::signature::presented_scope(headers, query)
        .map(|scope| scope.region)
        .or_else(|| of_host(headers))
}

/// The region the request's host names (`ec2.<region>.amazonaws.com`, `<region>.localhost`).
pub(crate) fn of_host(headers: &HeaderMap) -> Option<String> {
    let host = headers.get("host")?.to_str().ok()?;
    let name = host.split(':').next().unwrap_or_default();
    let mut labels = name.split('.');
    let first = labels.next()?;
    if first == "ec2" {
        let region = labels.next()?;
        return is_region_name(region).then(|| region.to_owned());
    }
    (is_region_name(first) && labels.next().is_some()).then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use hyper::header::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn region_names_have_aws_shape() {
        for name in [
            "us-east-1",
            "eu-central-2",
            "us-gov-west-1",
            "cn-northwest-1",
            "ap-southeast-7",
        ] {
            assert!(is_region_name(name), "{name}");
        }
        for name in [
            "",
            "us-east",
            "useast-1",
            "US-EAST-1",
            "us--1",
            "localhost",
            "us-east-123",
        ] {
            assert!(!is_region_name(name), "{name}");
        }
    }

    #[test]
    fn the_credential_scope_names_the_region_before_the_host() {
        let signed = headers(&[
            (
                "authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ec2/aws4_request, \
                 SignedHeaders=host;x-amz-date, Signature=ff",
            ),
            ("x-amz-date", "20260101T000000Z"),
            ("host", "ec2.us-west-2.amazonaws.com"),
        ]);
        assert_eq!(requested(&signed, "").as_deref(), Some("eu-west-1"));
        let presigned = "Action=DescribeVolumes&X-Amz-Algorithm=AWS4-HMAC-SHA256\
                         &X-Amz-Credential=AKID%2F20260101%2Fap-south-1%2Fec2%2Faws4_request\
                         &X-Amz-Date=20260101T000000Z&X-Amz-Expires=60\
                         &X-Amz-SignedHeaders=host&X-Amz-Signature=ff";
        assert_eq!(
            requested(&HeaderMap::new(), presigned).as_deref(),
            Some("ap-south-1")
        );
    }

    #[test]
    fn an_unsigned_request_names_the_region_of_its_host() {
        let region = |host: &str| requested(&headers(&[("host", host)]), "");
        assert_eq!(
            region("ec2.us-west-2.amazonaws.com").as_deref(),
            Some("us-west-2")
        );
        assert_eq!(
            region("eu-west-1.localhost:4599").as_deref(),
            Some("eu-west-1")
        );
        assert_eq!(region("127.0.0.1:4599"), None);
        assert_eq!(region("localhost:4599"), None);
        assert_eq!(region("ec2.amazonaws.com"), None);
    }
}
