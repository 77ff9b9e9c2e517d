//! `ec2-ops-scaffold MODEL.json DescribeVolumes [...]`: prints the declarations of the named
//! operations as one Rust module. `--all` takes every `Describe*` operation; `--catalog DIR` writes
//! the `ec2-ops-catalog` crate's generated files instead.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use ec2_ops_scaffold::{catalog, decisions::Finishing, emit, model::Model, plan};

/// Writes `#[ec2_operation]` declarations for EC2 describe operations from botocore's EC2 model.
#[derive(Parser)]
#[command(version)]
struct Arguments {
    /// botocore's EC2 model (`botocore/data/ec2/2016-11-15/service-2.json`).
    model: PathBuf,
    /// The operations to declare (`DescribeVolumes`).
    operations: Vec<String>,
    /// Declare every `Describe*` operation of the model.
    #[arg(long)]
    all: bool,
    /// Decisions for filters the scaffold cannot map (`Action filter => field.path` or
    /// `Action filter ! reason`, one per line).
    #[arg(long, value_name = "FILE")]
    finish: Option<PathBuf>,
    /// Write the catalog crate's generated sources into this crate directory (its decisions are
    /// read from `model/decisions.txt` there).
    #[arg(long, value_name = "CRATE_DIR")]
    catalog: Option<PathBuf>,
}

fn main() -> ExitCode {
    let arguments = Arguments::parse();
    match run(&arguments) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("ec2-ops-scaffold: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn run(arguments: &Arguments) -> Result<(), String> {
    let text = std::fs::read_to_string(&arguments.model)
        .map_err(|error| format!("{}: {error}", arguments.model.display()))?;
    let model = Model::from_json(&text)
        .map_err(|error| format!("{}: {error}", arguments.model.display()))?;
    if let Some(directory) = &arguments.catalog {
        let written = catalog::write(&model, directory)?;
        eprintln!("wrote {written} files under {}", directory.display());
        return Ok(());
    }
    let operations: Vec<&str> = if arguments.all {
        model.describe_operations()
    } else {
        arguments.operations.iter().map(String::as_str).collect()
    };
    if operations.is_empty() {
        return Err("name at least one operation, or pass --all".to_owned());
    }
    let finishing = match &arguments.finish {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| format!("{}: {error}", path.display()))?;
            Finishing::parse(&text).map_err(|problem| format!("{}: {problem}", path.display()))?
        }
        None => Finishing::default(),
    };
    let plan = plan::plan(&model, &finishing, &operations)?;
    print!("{}", emit::module(&plan));
    Ok(())
}
