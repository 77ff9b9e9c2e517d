//! Describes bundle tasks in a region, with filters, and prints the JSON the AWS CLI prints.
//!
//! ```text
//! cargo run -p ec2-ops-client --example describe_bundle_tasks -- --region us-east-1 \
//!     [--endpoint-url http://127.0.0.1:4599] [--filter state=complete,failed]...
//! ```
//!
//! Credentials and (without `--region`) the region come from the environment and `~/.aws`, as
//! for the AWS CLI. Exits 1 with EC2's error, or with where credentials were looked for.

use ec2_ops::Filter;
use ec2_ops::operations::bundle_tasks::{DescribeBundleTasks, DescribeBundleTasksRequest};
use ec2_ops_client::Client;

/// `name=value1,value2` as a filter.
fn parse_filter(text: &str) -> Result<Filter, String> {
    let (name, values) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}`: a filter is NAME=VALUE[,VALUE...]"))?;
    Ok(Filter::new(name, values.split(',')))
}

fn command() -> clap::Command {
    use clap::{Arg, ArgAction, Command};
    Command::new("describe_bundle_tasks")
        .about("DescribeBundleTasks, printed as the AWS CLI prints it")
        .arg(Arg::new("region").long("region").value_name("REGION"))
        .arg(
            Arg::new("endpoint-url")
                .long("endpoint-url")
                .value_name("URL")
                .help("default: https://ec2.REGION.amazonaws.com"),
        )
        .arg(
            Arg::new("filter")
                .long("filter")
                .value_name("NAME=VALUE[,VALUE]")
                .action(ArgAction::Append)
                .value_parser(parse_filter),
        )
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let matches = command().get_matches();
    let mut builder = Client::builder();
    if let Some(region) = matches.get_one::<String>("region") {
        builder = builder.region(region);
    }
    if let Some(url) = matches.get_one::<String>("endpoint-url") {
        builder = builder.endpoint_url(url);
    }
    let request = DescribeBundleTasksRequest {
        filters: matches
            .get_many::<Filter>("filter")
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
        ..Default::default()
    };
    let result = match builder.build() {
        Ok(client) => client.send::<DescribeBundleTasks>(&request).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(response) => println!(
            "{}",
            serde_json::to_string_pretty(&response).expect("responses serialize")
        ),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
