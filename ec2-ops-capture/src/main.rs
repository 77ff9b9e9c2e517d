//! `ec2-ops-capture`: captures an EC2 account into a seed folder `ec2-ops-endpoint` replays.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use ec2_ops_capture::Capture;

/// Captures every EC2 Describe* answer of an account, in every enabled region (or those given),
/// into OUT/<account>/<region>/describe-*.json: what `ec2-ops-endpoint --seed-dir` replays.
/// Credentials and the region for DescribeRegions are found as the AWS CLI finds them. An
/// interrupted capture continues where it stopped when run again with the same OUT.
#[derive(Parser, Debug)]
#[command(name = "ec2-ops-capture", version)]
struct Arguments {
    /// The folder to capture into: empty, or an earlier capture to continue.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The regions to capture (comma-separated); default: every region enabled for the account.
    #[arg(long, value_delimiter = ',', value_name = "REGION,...")]
    regions: Option<Vec<String>>,
    /// Where to send the calls instead of EC2's regional endpoints (a local endpoint, a proxy).
    #[arg(long, value_name = "URL")]
    endpoint_url: Option<String>,
    /// The account captured, where its resources' owners do not show it (an empty account).
    #[arg(long, value_name = "ID")]
    account_id: Option<String>,
    /// Calls in flight at once in a region.
    #[arg(long, default_value_t = 4, value_name = "N")]
    concurrency: usize,
    /// Capture into a folder that holds other files, or begin an earlier capture anew.
    #[arg(long)]
    overwrite: bool,
    /// List the calls the capture would make, and make none (but DescribeRegions, when no
    /// region is given).
    #[arg(long)]
    dry_run: bool,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let arguments = Arguments::parse();
    let mut capture = Capture::new(&arguments.out)
        .concurrency(arguments.concurrency)
        .overwrite(arguments.overwrite)
        .progress(true);
    if let Some(regions) = arguments.regions {
        capture = capture.regions(regions);
    }
    if let Some(url) = arguments.endpoint_url {
        capture = capture.endpoint_url(url);
    }
    if let Some(account) = arguments.account_id {
        capture = capture.account_id(account);
    }
    if arguments.dry_run {
        return match capture.dry_run().await {
            Ok(lines) => {
                for line in lines {
                    println!("{line}");
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("ec2-ops-capture: {error}");
                ExitCode::FAILURE
            }
        };
    }
    match capture.run().await {
        Ok(summary) => {
            print!("{summary}");
            if summary.is_complete() {
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "ec2-ops-capture: some calls got no answer: run the same command again to continue"
                );
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("ec2-ops-capture: {error}");
            ExitCode::FAILURE
        }
    }
}
