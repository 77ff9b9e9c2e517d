//! The official EC2 protocol test vectors (botocore `tests/unit/protocols/{input,output}/ec2.json`,
//! generated from Smithy's `ec2Query` suite), translated into Rust: each case's shape is declared with
//! `#[ec2_shape]`, so the vectors test generated code. Request bodies are compared as exact strings
//! and decoded back; responses are parsed and compared field by field, then rendered and re-parsed.
//!
//! Cases that cannot apply to the EC2 model, and why:
//! - `Ec2QueryEndpointTrait`, `Ec2QueryEndpointTraitWithHostLabel`, `Ec2QueryHostWithPath`: endpoint
//!   host prefixes and paths are transport concerns, not part of the Query body (no EC2 describe
//!   operation has an endpoint trait).
//! - `SDKAppliedContentEncoding_ec2Query`, `SDKAppendsGzipAndIgnoresHttpProvidedEncoding_ec2Query`:
//!   request compression; no EC2 operation declares it.
//! - `Ec2ProtocolIdempotencyTokenAutoFill`: idempotency-token auto-fill; no describe operation has
//!   one (`...IsSet`, a plain string member, is covered).
//! - `Ec2TimestampsInput` members `epochMember`/`epochTarget`, and the output cases
//!   `Ec2XmlTimestampsWith{EpochSeconds,HttpDate}{,OnTarget}Format`: the EC2 model has no
//!   `timestampFormat` overrides, so only ISO 8601 occurs (`normalFormat` is covered).
//! - Maps (`fooEnumMap`, `intEnumMap`) and flattened lists (`flattenedList*` in `Ec2XmlLists`): the
//!   EC2 model has neither; those elements are skipped as unknown, which is also tested.
//! - `nestedStringList` (a list of lists): no EC2 output member is one.
//! - `Ec2ComplexError`'s extra members inside `<Error>`: EC2's model declares no error shapes, so the
//!   code and message are parsed and extra members skipped.

use ec2_ops::wire::query::{QueryEncode, QueryParams, QueryWriter};
use ec2_ops::wire::xml::{XmlParse, XmlReader, XmlRender, XmlWriter, parse_error};
use ec2_ops::{Blob, DateTime, ec2_shape};

const VERSION: &str = "2020-01-08";

/// Encodes `input` as the body of `action`, and decodes the body back into an equal value.
fn encode<T: QueryEncode + ec2_ops::wire::query::QueryDecode + PartialEq + std::fmt::Debug>(
    action: &str,
    input: &T,
) -> String {
    let mut writer = QueryWriter::with_version(action, VERSION);
    input.encode_query("", &mut writer);
    let body = writer.finish();
    let mut params = QueryParams::parse(body.as_bytes()).unwrap();
    assert_eq!(params.action().unwrap(), action);
    let mut root = params.root_mut().clone();
    root.take("Version");
    let decoded = T::decode_query(root).unwrap();
    assert_eq!(&decoded, input, "decoding {body}");
    body
}

/// Parses a response body's members (after checking its root), then renders and re-parses them.
fn parse<T: XmlParse + XmlRender + PartialEq + std::fmt::Debug>(body: &str, action: &str) -> T {
    let mut reader = XmlReader::new(body.as_bytes()).unwrap();
    assert_eq!(reader.root().unwrap(), format!("{action}Response"));
    let value = T::parse_xml(&mut reader).unwrap();
    let mut rendered = Vec::new();
    value.render_xml(
        &format!("{action}Response"),
        &mut XmlWriter::new(&mut rendered),
    );
    let mut again = XmlReader::new(&rendered).unwrap();
    again.root().unwrap();
    assert_eq!(
        T::parse_xml(&mut again).unwrap(),
        value,
        "re-parsing {}",
        String::from_utf8_lossy(&rendered)
    );
    value
}

fn epoch(seconds: f64) -> DateTime {
    DateTime::from_unix_seconds_f64(seconds).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Input shapes

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct Empty {}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct NestedStructuresInput {
    nested: Option<StructArg>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct StructArg {
    string_arg: Option<String>,
    other_arg: Option<bool>,
    recursive_arg: Option<Box<StructArg>>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct IdempotencyInput {
    #[ec2(name = "token")]
    token: Option<String>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct QueryListsInput {
    list_arg: Option<Vec<String>>,
    complex_list_arg: Option<Vec<GreetingStruct>>,
    list_arg_with_xml_name_member: Option<Vec<String>>,
    #[ec2(query = "Hi")]
    list_arg_with_xml_name: Option<Vec<String>>,
    nested_with_list: Option<NestedStructWithList>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct GreetingStruct {
    #[ec2(name = "hi", query = "Hi")]
    hi: Option<String>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct NestedStructWithList {
    list_arg: Option<Vec<String>>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct QueryTimestampsInput {
    #[ec2(name = "normalFormat", query = "NormalFormat")]
    normal_format: Option<DateTime>,
}

#[ec2_shape]
#[derive(Debug, Clone, Copy, PartialEq)]
enum FooEnum {
    #[ec2(value = "Foo")]
    Foo,
    #[ec2(value = "Baz")]
    Baz,
    #[ec2(value = "Bar")]
    Bar,
    #[ec2(value = "1")]
    One,
    #[ec2(value = "0")]
    Zero,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct SimpleInputParamsInput {
    foo: Option<String>,
    bar: Option<String>,
    baz: Option<bool>,
    bam: Option<i32>,
    float_value: Option<f64>,
    boo: Option<f64>,
    qux: Option<Blob>,
    foo_enum: Option<FooEnum>,
    has_query_name: Option<String>,
    #[ec2(xml = "hasQueryAndXmlName", query = "HasQueryAndXmlName")]
    has_query_and_xml_name: Option<String>,
    #[ec2(xml = "usesXmlName", query = "UsesXmlName")]
    uses_xml_name: Option<String>,
}

fn simple() -> SimpleInputParamsInput {
    SimpleInputParamsInput::default()
}

// ---------------------------------------------------------------------------------------------
// Input cases

#[test]
fn ec2_query_empty_input_and_no_input() {
    assert_eq!(
        encode("EmptyInputAndEmptyOutput", &Empty {}),
        "Action=EmptyInputAndEmptyOutput&Version=2020-01-08"
    );
    assert_eq!(
        encode("NoInputAndOutput", &Empty {}),
        "Action=NoInputAndOutput&Version=2020-01-08"
    );
}

#[test]
fn ec2_nested_structures() {
    let input = NestedStructuresInput {
        nested: Some(StructArg {
            string_arg: Some("foo".into()),
            other_arg: Some(true),
            recursive_arg: Some(Box::new(StructArg {
                string_arg: Some("baz".into()),
                ..StructArg::default()
            })),
        }),
    };
    assert_eq!(
        encode("NestedStructures", &input),
        "Action=NestedStructures&Version=2020-01-08&Nested.StringArg=foo&Nested.OtherArg=true&Nested.RecursiveArg.StringArg=baz"
    );
}

#[test]
fn ec2_protocol_idempotency_token_auto_fill_is_set() {
    let input = IdempotencyInput {
        token: Some("00000000-0000-4000-8000-000000000123".into()),
    };
    // The query key of a lower-case member is capitalised (Smithy's rule).
    let mut writer = QueryWriter::with_version("QueryIdempotencyTokenAutoFill", VERSION);
    input.token.encode_query("Token", &mut writer);
    assert_eq!(
        writer.finish(),
        "Action=QueryIdempotencyTokenAutoFill&Version=2020-01-08&Token=00000000-0000-4000-8000-000000000123"
    );
}

#[test]
fn ec2_lists_and_empty_lists() {
    let input = QueryListsInput {
        list_arg: Some(vec!["foo".into(), "bar".into(), "baz".into()]),
        complex_list_arg: Some(vec![
            GreetingStruct {
                hi: Some("hello".into()),
            },
            GreetingStruct {
                hi: Some("hola".into()),
            },
        ]),
        ..QueryListsInput::default()
    };
    assert_eq!(
        encode("QueryLists", &input),
        "Action=QueryLists&Version=2020-01-08&ListArg.1=foo&ListArg.2=bar&ListArg.3=baz&ComplexListArg.1.Hi=hello&ComplexListArg.2.Hi=hola"
    );
    // Ec2EmptyQueryLists: an empty list is not sent at all (decoded back as absent).
    let mut writer = QueryWriter::with_version("QueryLists", VERSION);
    Some(Vec::<String>::new()).encode_query("ListArg", &mut writer);
    assert_eq!(writer.finish(), "Action=QueryLists&Version=2020-01-08");
}

#[test]
fn ec2_list_arg_with_xml_name_member_and_list_member_with_xml_name() {
    let input = QueryListsInput {
        list_arg_with_xml_name_member: Some(vec!["A".into(), "B".into()]),
        ..QueryListsInput::default()
    };
    assert_eq!(
        encode("QueryLists", &input),
        "Action=QueryLists&Version=2020-01-08&ListArgWithXmlNameMember.1=A&ListArgWithXmlNameMember.2=B"
    );
    let input = QueryListsInput {
        list_arg_with_xml_name: Some(vec!["A".into(), "B".into()]),
        ..QueryListsInput::default()
    };
    assert_eq!(
        encode("QueryLists", &input),
        "Action=QueryLists&Version=2020-01-08&Hi.1=A&Hi.2=B"
    );
}

#[test]
fn ec2_list_nested_struct_with_list() {
    let input = QueryListsInput {
        nested_with_list: Some(NestedStructWithList {
            list_arg: Some(vec!["A".into(), "B".into()]),
        }),
        ..QueryListsInput::default()
    };
    assert_eq!(
        encode("QueryLists", &input),
        "Action=QueryLists&Version=2020-01-08&NestedWithList.ListArg.1=A&NestedWithList.ListArg.2=B"
    );
}

#[test]
fn ec2_timestamps_input_normal_format() {
    let input = QueryTimestampsInput {
        normal_format: Some(epoch(1422172800.0)),
    };
    assert_eq!(
        encode("QueryTimestamps", &input),
        "Action=QueryTimestamps&Version=2020-01-08&NormalFormat=2015-01-25T08%3A00%3A00Z"
    );
}

#[test]
fn ec2_simple_input_params() {
    let cases: Vec<(&str, SimpleInputParamsInput, &str)> = vec![
        (
            "Ec2SimpleInputParamsStrings",
            SimpleInputParamsInput {
                foo: Some("val1".into()),
                bar: Some("val2".into()),
                ..simple()
            },
            "Foo=val1&Bar=val2",
        ),
        (
            "Ec2SimpleInputParamsStringAndBooleanTrue",
            SimpleInputParamsInput {
                foo: Some("val1".into()),
                baz: Some(true),
                ..simple()
            },
            "Foo=val1&Baz=true",
        ),
        (
            "Ec2SimpleInputParamsStringsAndBooleanFalse",
            SimpleInputParamsInput {
                baz: Some(false),
                ..simple()
            },
            "Baz=false",
        ),
        (
            "Ec2SimpleInputParamsInteger",
            SimpleInputParamsInput {
                bam: Some(10),
                ..simple()
            },
            "Bam=10",
        ),
        (
            "Ec2SimpleInputParamsFloat",
            SimpleInputParamsInput {
                boo: Some(10.8),
                ..simple()
            },
            "Boo=10.8",
        ),
        (
            "Ec2SimpleInputParamsBlob",
            SimpleInputParamsInput {
                qux: Some(Blob::new(b"value".to_vec())),
                ..simple()
            },
            "Qux=dmFsdWU%3D",
        ),
        (
            "Ec2Enums",
            SimpleInputParamsInput {
                foo_enum: Some(FooEnum::Foo),
                ..simple()
            },
            "FooEnum=Foo",
        ),
        (
            "Ec2Query",
            SimpleInputParamsInput {
                has_query_name: Some("Hi".into()),
                ..simple()
            },
            "HasQueryName=Hi",
        ),
        (
            "Ec2QueryIsPreferred",
            SimpleInputParamsInput {
                has_query_and_xml_name: Some("Hi".into()),
                ..simple()
            },
            "HasQueryAndXmlName=Hi",
        ),
        (
            "Ec2XmlNameIsUppercased",
            SimpleInputParamsInput {
                uses_xml_name: Some("Hi".into()),
                ..simple()
            },
            "UsesXmlName=Hi",
        ),
    ];
    for (id, input, members) in cases {
        assert_eq!(
            encode("SimpleInputParams", &input),
            format!("Action=SimpleInputParams&Version=2020-01-08&{members}"),
            "{id}"
        );
    }
}

#[test]
fn ec2_query_supports_nan_and_infinity_float_inputs() {
    for (value, text) in [
        (f64::INFINITY, "Infinity"),
        (f64::NEG_INFINITY, "-Infinity"),
    ] {
        let input = SimpleInputParamsInput {
            float_value: Some(value),
            boo: Some(value),
            ..simple()
        };
        assert_eq!(
            encode("SimpleInputParams", &input),
            format!("Action=SimpleInputParams&Version=2020-01-08&FloatValue={text}&Boo={text}")
        );
    }
    // NaN is not equal to itself, so it is checked without the round trip's equality.
    let input = SimpleInputParamsInput {
        float_value: Some(f64::NAN),
        boo: Some(f64::NAN),
        ..simple()
    };
    let mut writer = QueryWriter::with_version("SimpleInputParams", VERSION);
    input.encode_query("", &mut writer);
    assert_eq!(
        writer.finish(),
        "Action=SimpleInputParams&Version=2020-01-08&FloatValue=NaN&Boo=NaN"
    );
}

// ---------------------------------------------------------------------------------------------
// Output shapes and cases

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct DatetimeOutput {
    datetime: Option<DateTime>,
}

#[test]
fn ec2_query_date_time_with_offsets_and_fractional_seconds() {
    for body in [
        "<DatetimeOffsetsResponse xmlns=\"https://example.com/\">\n    <datetime>2019-12-16T22:48:18-01:00</datetime>\n    <requestId>requestid</requestId>\n</DatetimeOffsetsResponse>\n",
        "<DatetimeOffsetsResponse xmlns=\"https://example.com/\">\n    <datetime>2019-12-17T00:48:18+01:00</datetime>\n    <requestId>requestid</requestId>\n</DatetimeOffsetsResponse>\n",
    ] {
        let output: DatetimeOutput = parse(body, "DatetimeOffsets");
        assert_eq!(output.datetime, Some(epoch(1576540098.0)));
    }
    let output: DatetimeOutput = parse(
        "<FractionalSecondsResponse xmlns=\"https://example.com/\">\n    <datetime>2000-01-02T20:34:56.123Z</datetime>\n    <requestId>requestid</requestId>\n</FractionalSecondsResponse>\n",
        "FractionalSeconds",
    );
    assert_eq!(output.datetime, Some(epoch(946845296.123)));
}

#[test]
fn ec2_query_empty_and_no_output() {
    let _: Empty = parse(
        "<EmptyInputAndEmptyOutputResponse xmlns=\"https://example.com/\">\n    <requestId>requestid</requestId>\n</EmptyInputAndEmptyOutputResponse>\n",
        "EmptyInputAndEmptyOutput",
    );
    let _: Empty = parse(
        "<NoInputAndOutputResponse xmlns=\"https://example.com/\">\n    <requestId>requestid</requestId>\n</NoInputAndOutputResponse>\n",
        "NoInputAndOutput",
    );
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct GreetingOutput {
    greeting: Option<String>,
}

#[test]
fn ec2_greeting_with_errors_and_invalid_greeting_error() {
    let output: GreetingOutput = parse(
        "<GreetingWithErrorsResponse xmlns=\"https://example.com/\">\n    <greeting>Hello</greeting>\n    <requestId>requestid</requestId>\n</GreetingWithErrorsResponse>\n",
        "GreetingWithErrors",
    );
    assert_eq!(output.greeting.as_deref(), Some("Hello"));
    let error = parse_error(b"<Response>\n    <Errors>\n        <Error>\n            <Code>InvalidGreeting</Code>\n            <Message>Hi</Message>\n        </Error>\n    </Errors>\n    <RequestID>foo-id</RequestID>\n</Response>\n", 400).unwrap();
    assert_eq!(
        (error.error.code(), error.error.message()),
        ("InvalidGreeting", "Hi")
    );
    assert_eq!(error.request_id.as_deref(), Some("foo-id"));
}

#[test]
fn ec2_complex_error_code_and_message_with_extra_members_skipped() {
    let error = parse_error(b"<Response>\n    <Errors>\n        <Error>\n            <Code>ComplexError</Code>\n            <Message>Hi</Message>\n            <TopLevel>Top level</TopLevel>\n            <Nested>\n                <Foo>bar</Foo>\n            </Nested>\n        </Error>\n    </Errors>\n    <RequestID>foo-id</RequestID>\n</Response>\n", 400).unwrap();
    assert_eq!(
        (error.error.code(), error.error.message()),
        ("ComplexError", "Hi")
    );
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct IgnoresWrappingXmlNameOutput {
    foo: Option<String>,
}

#[test]
fn ec2_ignores_wrapping_xml_name() {
    let output: IgnoresWrappingXmlNameOutput = parse(
        "<IgnoresWrappingXmlNameResponse xmlns=\"https://example.com/\">\n    <foo>bar</foo>\n    <requestId>requestid</requestId>\n</IgnoresWrappingXmlNameResponse>\n",
        "IgnoresWrappingXmlName",
    );
    assert_eq!(output.foo.as_deref(), Some("bar"));
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct RecursiveXmlShapesOutput {
    nested: Option<Nested1>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct Nested1 {
    foo: Option<String>,
    nested: Option<Box<Nested2>>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct Nested2 {
    bar: Option<String>,
    recursive_member: Option<Box<Nested1>>,
}

#[test]
fn ec2_recursive_shapes() {
    let output: RecursiveXmlShapesOutput = parse(
        "<RecursiveXmlShapesResponse xmlns=\"https://example.com/\">\n    <nested>\n        <foo>Foo1</foo>\n        <nested>\n            <bar>Bar1</bar>\n            <recursiveMember>\n                <foo>Foo2</foo>\n                <nested>\n                    <bar>Bar2</bar>\n                </nested>\n            </recursiveMember>\n        </nested>\n    </nested>\n    <requestId>requestid</requestId>\n</RecursiveXmlShapesResponse>\n",
        "RecursiveXmlShapes",
    );
    let expected = RecursiveXmlShapesOutput {
        nested: Some(Nested1 {
            foo: Some("Foo1".into()),
            nested: Some(Box::new(Nested2 {
                bar: Some("Bar1".into()),
                recursive_member: Some(Box::new(Nested1 {
                    foo: Some("Foo2".into()),
                    nested: Some(Box::new(Nested2 {
                        bar: Some("Bar2".into()),
                        recursive_member: None,
                    })),
                })),
            })),
        }),
    };
    assert_eq!(output, expected);
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct SimpleScalarXmlPropertiesOutput {
    string_value: Option<String>,
    empty_string_value: Option<String>,
    true_boolean_value: Option<bool>,
    false_boolean_value: Option<bool>,
    byte_value: Option<i32>,
    short_value: Option<i32>,
    integer_value: Option<i32>,
    long_value: Option<i64>,
    float_value: Option<f64>,
    #[ec2(xml = "DoubleDribble")]
    double_value: Option<f64>,
}

#[test]
fn ec2_simple_scalar_properties() {
    let output: SimpleScalarXmlPropertiesOutput = parse(
        "<SimpleScalarXmlPropertiesResponse xmlns=\"https://example.com/\">\n    <stringValue>string</stringValue>\n    <emptyStringValue/>\n    <trueBooleanValue>true</trueBooleanValue>\n    <falseBooleanValue>false</falseBooleanValue>\n    <byteValue>1</byteValue>\n    <shortValue>2</shortValue>\n    <integerValue>3</integerValue>\n    <longValue>4</longValue>\n    <floatValue>5.5</floatValue>\n    <DoubleDribble>6.5</DoubleDribble>\n    <requestId>requestid</requestId>\n</SimpleScalarXmlPropertiesResponse>\n",
        "SimpleScalarXmlProperties",
    );
    let expected = SimpleScalarXmlPropertiesOutput {
        string_value: Some("string".into()),
        empty_string_value: Some(String::new()),
        true_boolean_value: Some(true),
        false_boolean_value: Some(false),
        byte_value: Some(1),
        short_value: Some(2),
        integer_value: Some(3),
        long_value: Some(4),
        float_value: Some(5.5),
        double_value: Some(6.5),
    };
    assert_eq!(output, expected);
}

#[test]
fn ec2_query_supports_nan_and_infinity_float_outputs() {
    for text in ["NaN", "Infinity", "-Infinity"] {
        let body = format!(
            "<SimpleScalarXmlPropertiesResponse xmlns=\"https://example.com/\">\n    <floatValue>{text}</floatValue>\n    <DoubleDribble>{text}</DoubleDribble>\n</SimpleScalarXmlPropertiesResponse>\n"
        );
        let mut reader = XmlReader::new(body.as_bytes()).unwrap();
        reader.root().unwrap();
        let output = SimpleScalarXmlPropertiesOutput::parse_xml(&mut reader).unwrap();
        for value in [output.float_value.unwrap(), output.double_value.unwrap()] {
            match text {
                "NaN" => assert!(value.is_nan()),
                "Infinity" => assert_eq!(value, f64::INFINITY),
                _ => assert_eq!(value, f64::NEG_INFINITY),
            }
        }
    }
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct XmlBlobsOutput {
    data: Option<Blob>,
}

#[test]
fn ec2_xml_blobs_empty_blobs_and_self_closed_blobs() {
    let output: XmlBlobsOutput = parse(
        "<XmlBlobsResponse xmlns=\"https://example.com/\">\n    <data>dmFsdWU=</data>\n    <requestId>requestid</requestId>\n</XmlBlobsResponse>\n",
        "XmlBlobs",
    );
    assert_eq!(output.data, Some(Blob::new(b"value".to_vec())));
    for body in [
        "<XmlEmptyBlobsResponse xmlns=\"https://example.com/\">\n    <data></data>\n    <requestId>requestid</requestId>\n</XmlEmptyBlobsResponse>\n",
        "<XmlEmptyBlobsResponse xmlns=\"https://example.com/\">\n    <data/>\n    <requestId>requestid</requestId>\n</XmlEmptyBlobsResponse>\n",
    ] {
        let output: XmlBlobsOutput = parse(body, "XmlEmptyBlobs");
        assert_eq!(output.data, Some(Blob::default()));
    }
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct XmlListsOutput {
    string_list: Option<Vec<String>>,
    string_set: Option<Vec<String>>,
    integer_list: Option<Vec<i32>>,
    boolean_list: Option<Vec<bool>>,
    timestamp_list: Option<Vec<DateTime>>,
    enum_list: Option<Vec<FooEnum>>,
    int_enum_list: Option<Vec<i32>>,
    #[ec2(xml = "renamed")]
    renamed_list_members: Option<Vec<String>>,
    #[ec2(xml = "myStructureList")]
    structure_list: Option<Vec<StructureListMember>>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct StructureListMember {
    #[ec2(xml = "value")]
    a: Option<String>,
    #[ec2(xml = "other")]
    b: Option<String>,
}

#[test]
fn ec2_xml_empty_lists() {
    let output: XmlListsOutput = parse(
        "<XmlEmptyListsResponse xmlns=\"https://example.com/\">\n  <stringList/>\n  <stringSet></stringSet>\n</XmlEmptyListsResponse>\n",
        "XmlEmptyLists",
    );
    assert_eq!(output.string_list, Some(vec![]));
    assert_eq!(output.string_set, Some(vec![]));
    assert_eq!(output.integer_list, None);
}

#[test]
fn ec2_xml_lists() {
    let body = include_str!("fixtures/protocol/Ec2XmlLists.xml");
    let output: XmlListsOutput = parse(body, "XmlLists");
    let strings = |items: &[&str]| Some(items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(output.string_list, strings(&["foo", "bar"]));
    assert_eq!(output.string_set, strings(&["foo", "bar"]));
    assert_eq!(output.integer_list, Some(vec![1, 2]));
    assert_eq!(output.boolean_list, Some(vec![true, false]));
    assert_eq!(
        output.timestamp_list,
        Some(vec![epoch(1398796238.0), epoch(1398796238.0)])
    );
    assert_eq!(output.enum_list, Some(vec![FooEnum::Foo, FooEnum::Zero]));
    assert_eq!(output.int_enum_list, Some(vec![1, 2]));
    assert_eq!(output.renamed_list_members, strings(&["foo", "bar"]));
    assert_eq!(
        output.structure_list,
        Some(vec![
            StructureListMember {
                a: Some("1".into()),
                b: Some("2".into())
            },
            StructureListMember {
                a: Some("3".into()),
                b: Some("4".into())
            },
        ])
    );
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct XmlEnumsOutput {
    foo_enum1: Option<FooEnum>,
    foo_enum2: Option<FooEnum>,
    foo_enum3: Option<FooEnum>,
    foo_enum_list: Option<Vec<FooEnum>>,
    foo_enum_set: Option<Vec<FooEnum>>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct XmlIntEnumsOutput {
    int_enum1: Option<i32>,
    int_enum2: Option<i32>,
    int_enum3: Option<i32>,
    int_enum_list: Option<Vec<i32>>,
    int_enum_set: Option<Vec<i32>>,
}

#[test]
fn ec2_xml_enums_and_int_enums_with_maps_skipped() {
    let output: XmlEnumsOutput = parse(
        include_str!("fixtures/protocol/Ec2XmlEnums.xml"),
        "XmlEnums",
    );
    assert_eq!(
        output,
        XmlEnumsOutput {
            foo_enum1: Some(FooEnum::Foo),
            foo_enum2: Some(FooEnum::Zero),
            foo_enum3: Some(FooEnum::One),
            foo_enum_list: Some(vec![FooEnum::Foo, FooEnum::Zero]),
            foo_enum_set: Some(vec![FooEnum::Foo, FooEnum::Zero]),
        }
    );
    let output: XmlIntEnumsOutput = parse(
        include_str!("fixtures/protocol/Ec2XmlIntEnums.xml"),
        "XmlIntEnums",
    );
    assert_eq!(
        output,
        XmlIntEnumsOutput {
            int_enum1: Some(1),
            int_enum2: Some(2),
            int_enum3: Some(3),
            int_enum_list: Some(vec![1, 2]),
            int_enum_set: Some(vec![1, 2]),
        }
    );
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct XmlNamespacesOutput {
    nested: Option<XmlNamespaceNested>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct XmlNamespaceNested {
    foo: Option<String>,
    values: Option<Vec<String>>,
}

#[test]
fn ec2_xml_namespaces_are_ignored() {
    let output: XmlNamespacesOutput = parse(
        "<XmlNamespacesResponse xmlns=\"https://example.com/\">\n    <nested>\n        <foo xmlns:baz=\"http://baz.com\">Foo</foo>\n        <values xmlns=\"http://qux.com\">\n            <member xmlns=\"http://bux.com\">Bar</member>\n            <member xmlns=\"http://bux.com\">Baz</member>\n        </values>\n    </nested>\n    <requestId>requestid</requestId>\n</XmlNamespacesResponse>\n",
        "XmlNamespaces",
    );
    let nested = output.nested.unwrap();
    assert_eq!(nested.foo.as_deref(), Some("Foo"));
    assert_eq!(
        nested.values,
        Some(vec!["Bar".to_owned(), "Baz".to_owned()])
    );
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct XmlTimestampsOutput {
    normal: Option<DateTime>,
    date_time: Option<DateTime>,
    date_time_on_target: Option<DateTime>,
}

#[test]
fn ec2_xml_timestamps_in_iso8601() {
    for member in ["normal", "dateTime", "dateTimeOnTarget"] {
        let body = format!(
            "<XmlTimestampsResponse xmlns=\"https://example.com/\">\n    <{member}>2014-04-29T18:30:38Z</{member}>\n    <requestId>requestid</requestId>\n</XmlTimestampsResponse>\n"
        );
        let output: XmlTimestampsOutput = parse(&body, "XmlTimestamps");
        let value = [output.normal, output.date_time, output.date_time_on_target]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
        assert_eq!(value, [epoch(1398796238.0)], "{member}");
    }
}
