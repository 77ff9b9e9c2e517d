// A declaration with a mistake still provides the operation's types and impls (as stubs), so code
// that uses it reports only the macro's error.
use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, InMemorySource, Service};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    pub task_id: Option<String>,
}

#[ec2_operation(
    action = "DescribeTasks",
    resource = Task,
    resource_id = task_id,
    output(member = "Tasks", xml = "taskSet"),
    paginate(min = 10, max = 5),
)]
pub struct DescribeTasks;

fn main() {
    let mut service = Service::new(DescribeContext::default());
    let source = InMemorySource::new(|task: &Task| task.task_id.as_deref().unwrap_or_default());
    service.register::<DescribeTasks, _>(std::sync::Arc::new(source));
    let _request = DescribeTasksRequest::default();
}
