use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SerialConsoleAccess {
    pub serial_console_access_enabled: Option<bool>,
}

fn new_account() -> SerialConsoleAccess {
    SerialConsoleAccess::default()
}

#[ec2_operation(
    action = "GetSerialConsoleAccessStatus",
    resource = SerialConsoleAccess,
    settings(),
)]
pub struct GetSerialConsoleAccessStatus;

fn main() {}
