//! A hand-written operation over a small task type, so the runtime's rules are tested without the macro.
#![allow(dead_code)]

use ec2_ops_runtime::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub id: String,
    pub state: Option<String>,
    pub size: Option<f64>,
    pub encrypted: Option<bool>,
    pub started: Option<DateTime>,
    pub groups: Vec<String>,
    pub tags: Vec<Tag>,
}

impl Task {
    pub fn new(id: &str, state: &str) -> Task {
        Task {
            id: id.to_owned(),
            state: Some(state.to_owned()),
            size: None,
            encrypted: None,
            started: None,
            groups: Vec::new(),
            tags: Vec::new(),
        }
    }
}

const FILTERS: FilterCatalog = FilterCatalog {
    names: &[
        "task-id",
        "state",
        "size",
        "encrypted",
        "start-time",
        "group",
    ],
    tags: TagFilters::ALL,
};

const IDS: IdSpec = IdSpec {
    parameter: "TaskId",
    noun: "task ID",
    not_found_code: "InvalidTaskID.NotFound",
    malformed: Some(MalformedSpec {
        prefix: "task-",
        code: "InvalidTaskID.Malformed",
    }),
    set_name: "taskSet",
};

pub struct DescribeTasks;

impl Operation for DescribeTasks {
    type Resource = Task;
    const SPEC: OperationSpec = OperationSpec {
        action: "DescribeTasks",
        filters: FILTERS,
        ids: Some(IDS),
        pagination: Some(PaginationSpec {
            min: 5,
            max: 1000,
            clamp: false,
            ids_with_max_results: true,
        }),
    };

    fn resource_id(task: &Task) -> &str {
        &task.id
    }

    fn filter_matches(task: &Task, index: usize, values: &ValueSet) -> bool {
        match index {
            0 => values.matches_field(&task.id),
            1 => values.matches_field(&task.state),
            2 => values.matches_field(&task.size),
            3 => values.matches_field(&task.encrypted),
            4 => values.matches_field(&task.started),
            5 => values.matches_field(&task.groups),
            _ => false,
        }
    }

    fn tags(task: &Task) -> &[Tag] {
        &task.tags
    }
}

/// The same operation, but EC2-style strict: IDs and MaxResults may not be combined.
pub struct DescribeStrictTasks;

impl Operation for DescribeStrictTasks {
    type Resource = Task;
    const SPEC: OperationSpec = OperationSpec {
        action: "DescribeStrictTasks",
        filters: FILTERS,
        ids: Some(IDS),
        pagination: Some(PaginationSpec {
            min: 5,
            max: 1000,
            clamp: false,
            ids_with_max_results: false,
        }),
    };

    fn resource_id(task: &Task) -> &str {
        &task.id
    }

    fn filter_matches(task: &Task, index: usize, values: &ValueSet) -> bool {
        DescribeTasks::filter_matches(task, index, values)
    }
}

pub fn source(tasks: impl IntoIterator<Item = Task>) -> InMemorySource<Task> {
    let mut source = InMemorySource::new(|task: &Task| task.id.as_str());
    source.extend(tasks);
    source
}

pub fn context() -> DescribeContext {
    DescribeContext::new(TokenKey::from_bytes([42; 32]))
}

pub fn run(
    source: &InMemorySource<Task>,
    input: DescribeInput<'_>,
) -> Result<Page<Task>, Ec2Error> {
    describe::<DescribeTasks, _>(&input, source, &context())
}

pub fn ids_of(page: &Page<Task>) -> Vec<&str> {
    page.items.iter().map(|task| task.id.as_str()).collect()
}

/// The IDs a filter set selects from `source`, unpaginated.
pub fn filtered(
    source: &InMemorySource<Task>,
    filters: &[Filter],
) -> Result<Vec<String>, Ec2Error> {
    let page = run(
        source,
        DescribeInput {
            filters,
            ..Default::default()
        },
    )?;
    Ok(page.items.into_iter().map(|task| task.id).collect())
}
