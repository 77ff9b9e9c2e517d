// Generated code must name everything by absolute path: this crate shadows the prelude's names, and
// has modules named like the crates the macros use.
#![allow(dead_code, non_camel_case_types)]

type Result<T> = ::core::result::Result<T, ()>;
type Option = ();
type Vec = ();
type String = ();
type Box = ();
struct Some;
struct None;
struct Ok;
struct Err;
mod serde {}
mod ec2_ops_runtime {}
mod core {}
mod std {}
trait Default {}

// A trait in scope whose by-value methods share the names of the runtime's: generated calls must not
// resolve to it.
trait Members {
    fn member(self, _: u8);
    fn optional(self, _: u8);
    fn end(self, _: u8);
    fn with_text(self, _: u8);
}
impl<T> Members for T {
    fn member(self, _: u8) {}
    fn optional(self, _: u8) {}
    fn end(self, _: u8) {}
    fn with_text(self, _: u8) {}
}

use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    Active,
    Done,
}

#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Nightly,
}

#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub kind: ::std::option::Option<Kind>,
    pub hours: ::std::vec::Vec<i32>,
}

#[ec2_shape]
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub task_id: ::std::option::Option<::std::string::String>,
    pub state: ::std::option::Option<State>,
    pub tags: ::std::vec::Vec<ec2_ops::Tag>,
    pub task_name: ::std::string::String,
}

#[ec2_operation(
    action = "DescribeTasks",
    resource = Task,
    resource_id = task_id,
    output(member = "Tasks", xml = "taskSet"),
    ids(key = "TaskId", prefix = "t-"),
    ids(key = "TaskName", field = task_name),
    members(
        #[ec2(query = "Owner")]
        owners: ::std::vec::Vec<::std::string::String>,
        include_details: ::std::option::Option<bool>,
        region_name: ::std::string::String,
    ),
    filters("task-id" => task_id, "state" => state, "tag:<key>" => tags, "tag-key" => tags),
    paginate(min = 5, max = 1000, clamp),
    dry_run,
    visible = visible,
    respond = respond,
)]
pub struct DescribeTasks;

fn visible(
    _: &DescribeTasksRequest,
    _: &ec2_ops::Caller,
    _: &Task,
    _: &ec2_ops::DescribeContext,
) -> bool {
    true
}

fn respond(_: &DescribeTasksRequest, _: &ec2_ops::Caller, _: &mut DescribeTasksResponse) {}

fn main() {
    let request = DescribeTasksRequest::builder()
        .task_id("t-1")
        .task_name("nightly")
        .owner("self")
        .region_name("eu-west-1")
        .filter("state", ["active"])
        .build();
    let body = ec2_ops::Ec2Request::to_query(&request);
    let window = Window { kind: ::std::option::Option::Some(Kind::Nightly), hours: ::std::vec![3] };
    assert_eq!(::serde_json::to_string(&window).unwrap(), r#"{"Kind":"nightly","Hours":[3]}"#);
    let back: Window = ::serde_json::from_str(r#"{"Kind":"nightly","Hours":[3]}"#).unwrap();
    assert_eq!(back, window);
    assert_eq!(body, "Action=DescribeTasks&Version=2016-11-15&TaskId.1=t-1&TaskName.1=nightly&Owner.1=self&RegionName=eu-west-1&Filter.1.Name=state&Filter.1.Value.1=active");
}
