//! An `#[ec2_shape]` structure through any serde serializer: the members in declaration order under
//! their member names, an absent optional one left out, and the length announced to the serializer
//! (which formats such as MessagePack write first) equal to the members written.

use ec2_ops::ec2_shape;
use serde_test::{Token, assert_ser_tokens};

#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Window {
    pub window_id: String,
    pub hours: Vec<i32>,
    pub label: Option<String>,
    pub days: Option<Vec<String>>,
}

#[test]
fn the_length_announced_counts_the_members_written() {
    let window = Window {
        window_id: "w-1".into(),
        ..Window::default()
    };
    assert_ser_tokens(
        &window,
        &[
            Token::Struct {
                name: "Window",
                len: 2,
            },
            Token::Str("WindowId"),
            Token::Str("w-1"),
            Token::Str("Hours"),
            Token::Seq { len: Some(0) },
            Token::SeqEnd,
            Token::StructEnd,
        ],
    );
}

#[test]
fn present_optional_members_are_written_and_read_back() {
    let window = Window {
        window_id: "w-2".into(),
        hours: vec![3],
        label: Some("nightly".into()),
        days: Some(vec![]),
    };
    // A present optional member is written as its value, as the AWS CLI's JSON has it.
    assert_ser_tokens(
        &window,
        &[
            Token::Struct {
                name: "Window",
                len: 4,
            },
            Token::Str("WindowId"),
            Token::Str("w-2"),
            Token::Str("Hours"),
            Token::Seq { len: Some(1) },
            Token::I32(3),
            Token::SeqEnd,
            Token::Str("Label"),
            Token::Str("nightly"),
            Token::Str("Days"),
            Token::Seq { len: Some(0) },
            Token::SeqEnd,
            Token::StructEnd,
        ],
    );
    let json = serde_json::to_string(&window).unwrap();
    assert_eq!(
        json,
        r#"{"WindowId":"w-2","Hours":[3],"Label":"nightly","Days":[]}"#
    );
    assert_eq!(serde_json::from_str::<Window>(&json).unwrap(), window);
}
