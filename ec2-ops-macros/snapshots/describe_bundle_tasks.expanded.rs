/// A bundle task (`<item>` of `<bundleInstanceTasksSet>`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BundleTask {
    /// The instance being bundled.
    pub instance_id: Option<String>,
    /// The task's ID, `bun-...`.
    pub bundle_id: Option<String>,
    /// The task's state.
    pub state: Option<BundleTaskState>,
    /// When the task started.
    pub start_time: Option<DateTime>,
    /// When the task's state last changed.
    pub update_time: Option<DateTime>,
    /// Where the bundle is stored.
    pub storage: Option<Storage>,
    /// The level of task completion, e.g. `20%`.
    pub progress: Option<String>,
    /// Why the task failed, when it did.
    pub error: Option<BundleTaskError>,
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for BundleTask {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        let mut __ec2_members = ::ec2_ops::__private::MembersWriter::begin(
            __ec2_s,
            "BundleTask",
            0usize
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.instance_id),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.bundle_id),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.state),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.start_time),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.update_time),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.storage),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.progress),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.error),
                ),
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "InstanceId",
            &self.instance_id,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "BundleId",
            &self.bundle_id,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "State",
            &self.state,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "StartTime",
            &self.start_time,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "UpdateTime",
            &self.update_time,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Storage",
            &self.storage,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Progress",
            &self.progress,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "BundleTaskError",
            &self.error,
        );
        ::ec2_ops::__private::MembersWriter::end(__ec2_members)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for BundleTask {
    fn absent() -> Self {
        BundleTask {
            instance_id: ::core::default::Default::default(),
            bundle_id: ::core::default::Default::default(),
            state: ::core::default::Default::default(),
            start_time: ::core::default::Default::default(),
            update_time: ::core::default::Default::default(),
            storage: ::core::default::Default::default(),
            progress: ::core::default::Default::default(),
            error: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for BundleTask {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "InstanceId" => {
                self.instance_id = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "BundleId" => {
                self.bundle_id = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "State" => {
                self.state = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "StartTime" => {
                self.start_time = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "UpdateTime" => {
                self.update_time = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Storage" => {
                self.storage = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Progress" => {
                self.progress = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "BundleTaskError" => {
                self.error = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for BundleTask {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for BundleTask {
    fn render_xml(
        &self,
        __ec2_name: &str,
        __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>,
    ) {
        __ec2_writer.start(__ec2_name);
        ::ec2_ops::__private::XmlMembers::write_xml_members(self, __ec2_writer);
        __ec2_writer.end(__ec2_name);
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlParse for BundleTask {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        ::ec2_ops::__private::parse_members(__ec2_reader)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlMembers for BundleTask {
    fn write_xml_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.instance_id,
            "instanceId",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.bundle_id,
            "bundleId",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(&self.state, "state", __ec2_writer);
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.start_time,
            "startTime",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.update_time,
            "updateTime",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.storage,
            "storage",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.progress,
            "progress",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(&self.error, "error", __ec2_writer);
    }
    fn read_xml_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "instanceId" => {
                self.instance_id = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "bundleId" => {
                self.bundle_id = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "state" => {
                self.state = ::core::option::Option::Some(
                    <BundleTaskState as ::ec2_ops::__private::XmlParse>::parse_xml(
                        __ec2_reader,
                    )?,
                );
            }
            "startTime" => {
                self.start_time = ::core::option::Option::Some(
                    <DateTime as ::ec2_ops::__private::XmlParse>::parse_xml(
                        __ec2_reader,
                    )?,
                );
            }
            "updateTime" => {
                self.update_time = ::core::option::Option::Some(
                    <DateTime as ::ec2_ops::__private::XmlParse>::parse_xml(
                        __ec2_reader,
                    )?,
                );
            }
            "storage" => {
                self.storage = ::core::option::Option::Some(
                    <Storage as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "progress" => {
                self.progress = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "error" => {
                self.error = ::core::option::Option::Some(
                    <BundleTaskError as ::ec2_ops::__private::XmlParse>::parse_xml(
                        __ec2_reader,
                    )?,
                );
            }
            _ => return ::core::result::Result::Ok(false),
        }
        ::core::result::Result::Ok(true)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::FilterPath for BundleTask {
    type Target = Self;
    fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(
        &self,
        __ec2_f: &mut __Ec2F,
    ) -> bool {
        __ec2_f(self)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Tagged for BundleTask {
    #[inline]
    fn tags(&self) -> &[::ec2_ops::__private::Tag] {
        &[]
    }
}
/// A bundle task's state.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BundleTaskState {
    /// `pending`
    Pending,
    /// `waiting-for-shutdown`
    WaitingForShutdown,
    /// `bundling`
    Bundling,
    /// `storing`
    Storing,
    /// `cancelling`
    Cancelling,
    /// `complete`
    Complete,
    /// `failed`
    Failed,
    /// A value this model does not list: EC2 adds values over time.
    Unknown(String),
}
impl BundleTaskState {
    /// Every wire value listed, in declaration order.
    pub const VALUES: &'static [&'static str] = &[
        "pending",
        "waiting-for-shutdown",
        "bundling",
        "storing",
        "cancelling",
        "complete",
        "failed",
    ];
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            BundleTaskState::Pending => "pending",
            BundleTaskState::WaitingForShutdown => "waiting-for-shutdown",
            BundleTaskState::Bundling => "bundling",
            BundleTaskState::Storing => "storing",
            BundleTaskState::Cancelling => "cancelling",
            BundleTaskState::Complete => "complete",
            BundleTaskState::Failed => "failed",
            BundleTaskState::Unknown(__ec2_text) => __ec2_text,
        }
    }
}
#[automatically_derived]
impl ::core::str::FromStr for BundleTaskState {
    type Err = ::ec2_ops::__private::UnknownEnumValue;
    fn from_str(__ec2_text: &str) -> ::core::result::Result<Self, Self::Err> {
        match __ec2_text {
            "pending" => ::core::result::Result::Ok(BundleTaskState::Pending),
            "waiting-for-shutdown" => {
                ::core::result::Result::Ok(BundleTaskState::WaitingForShutdown)
            }
            "bundling" => ::core::result::Result::Ok(BundleTaskState::Bundling),
            "storing" => ::core::result::Result::Ok(BundleTaskState::Storing),
            "cancelling" => ::core::result::Result::Ok(BundleTaskState::Cancelling),
            "complete" => ::core::result::Result::Ok(BundleTaskState::Complete),
            "failed" => ::core::result::Result::Ok(BundleTaskState::Failed),
            _ => {
                ::core::result::Result::Ok(
                    BundleTaskState::Unknown(
                        ::std::borrow::ToOwned::to_owned(__ec2_text),
                    ),
                )
            }
        }
    }
}
#[automatically_derived]
impl ::core::fmt::Display for BundleTaskState {
    fn fmt(&self, __ec2_f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        __ec2_f.write_str(self.as_str())
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::ResourceIdText for BundleTaskState {
    fn id_text(&self) -> &str {
        self.as_str()
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::WireText for BundleTaskState {
    fn with_wire_text<__Ec2T>(
        &self,
        __ec2_f: impl ::core::ops::FnOnce(&str) -> __Ec2T,
    ) -> __Ec2T {
        __ec2_f(self.as_str())
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for BundleTaskState {
    fn render_xml(
        &self,
        __ec2_name: &str,
        __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>,
    ) {
        __ec2_writer.text_element(__ec2_name, self.as_str());
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlParse for BundleTaskState {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        __ec2_reader
            .with_text(|__ec2_text| <Self as ::core::str::FromStr>::from_str(
                ::core::primitive::str::trim(__ec2_text),
            ))?
            .map_err(|__ec2_err: ::ec2_ops::__private::UnknownEnumValue| ::ec2_ops::__private::XmlError::new(
                ::std::string::ToString::to_string(&__ec2_err),
            ))
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for BundleTaskState {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        __ec2_s.serialize_str(self.as_str())
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for BundleTaskState {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        let __ec2_text: ::std::string::String = ::ec2_ops::__private::serde::Deserialize::deserialize(
            __ec2_d,
        )?;
        ::core::str::FromStr::from_str(&__ec2_text)
            .map_err(
                ::ec2_ops::__private::serde::de::Error::custom::<
                    ::ec2_ops::__private::UnknownEnumValue,
                >,
            )
    }
}
/// Where a bundle goes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Storage {
    /// The Amazon S3 location (`<S3>`: EC2 keeps this member's PascalCase name in XML).
    pub s3: Option<S3Storage>,
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for Storage {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        let mut __ec2_members = ::ec2_ops::__private::MembersWriter::begin(
            __ec2_s,
            "Storage",
            0usize
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.s3),
                ),
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "S3",
            &self.s3,
        );
        ::ec2_ops::__private::MembersWriter::end(__ec2_members)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for Storage {
    fn absent() -> Self {
        Storage {
            s3: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for Storage {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "S3" => {
                self.s3 = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for Storage {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for Storage {
    fn render_xml(
        &self,
        __ec2_name: &str,
        __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>,
    ) {
        __ec2_writer.start(__ec2_name);
        ::ec2_ops::__private::XmlMembers::write_xml_members(self, __ec2_writer);
        __ec2_writer.end(__ec2_name);
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlParse for Storage {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        ::ec2_ops::__private::parse_members(__ec2_reader)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlMembers for Storage {
    fn write_xml_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        ::ec2_ops::__private::XmlRender::render_xml(&self.s3, "S3", __ec2_writer);
    }
    fn read_xml_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "S3" => {
                self.s3 = ::core::option::Option::Some(
                    <S3Storage as ::ec2_ops::__private::XmlParse>::parse_xml(
                        __ec2_reader,
                    )?,
                );
            }
            _ => return ::core::result::Result::Ok(false),
        }
        ::core::result::Result::Ok(true)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::FilterPath for Storage {
    type Target = Self;
    fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(
        &self,
        __ec2_f: &mut __Ec2F,
    ) -> bool {
        __ec2_f(self)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Tagged for Storage {
    #[inline]
    fn tags(&self) -> &[::ec2_ops::__private::Tag] {
        &[]
    }
}
/// An Amazon S3 bundle location.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct S3Storage {
    /// The access key ID of the bucket's owner.
    pub aws_access_key_id: Option<String>,
    /// The bucket.
    pub bucket: Option<String>,
    /// The key prefix.
    pub prefix: Option<String>,
    /// A base64-encoded upload policy.
    pub upload_policy: Option<Blob>,
    /// The signature of the upload policy.
    pub upload_policy_signature: Option<String>,
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for S3Storage {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        let mut __ec2_members = ::ec2_ops::__private::MembersWriter::begin(
            __ec2_s,
            "S3Storage",
            0usize
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.aws_access_key_id),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.bucket),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.prefix),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.upload_policy),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.upload_policy_signature),
                ),
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "AWSAccessKeyId",
            &self.aws_access_key_id,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Bucket",
            &self.bucket,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Prefix",
            &self.prefix,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "UploadPolicy",
            &self.upload_policy,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "UploadPolicySignature",
            &self.upload_policy_signature,
        );
        ::ec2_ops::__private::MembersWriter::end(__ec2_members)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for S3Storage {
    fn absent() -> Self {
        S3Storage {
            aws_access_key_id: ::core::default::Default::default(),
            bucket: ::core::default::Default::default(),
            prefix: ::core::default::Default::default(),
            upload_policy: ::core::default::Default::default(),
            upload_policy_signature: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for S3Storage {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "AWSAccessKeyId" => {
                self.aws_access_key_id = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Bucket" => {
                self.bucket = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Prefix" => {
                self.prefix = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "UploadPolicy" => {
                self.upload_policy = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "UploadPolicySignature" => {
                self.upload_policy_signature = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for S3Storage {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for S3Storage {
    fn render_xml(
        &self,
        __ec2_name: &str,
        __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>,
    ) {
        __ec2_writer.start(__ec2_name);
        ::ec2_ops::__private::XmlMembers::write_xml_members(self, __ec2_writer);
        __ec2_writer.end(__ec2_name);
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlParse for S3Storage {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        ::ec2_ops::__private::parse_members(__ec2_reader)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlMembers for S3Storage {
    fn write_xml_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.aws_access_key_id,
            "AWSAccessKeyId",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.bucket,
            "bucket",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.prefix,
            "prefix",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.upload_policy,
            "uploadPolicy",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.upload_policy_signature,
            "uploadPolicySignature",
            __ec2_writer,
        );
    }
    fn read_xml_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "AWSAccessKeyId" => {
                self.aws_access_key_id = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "bucket" => {
                self.bucket = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "prefix" => {
                self.prefix = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "uploadPolicy" => {
                self.upload_policy = ::core::option::Option::Some(
                    <Blob as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "uploadPolicySignature" => {
                self.upload_policy_signature = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            _ => return ::core::result::Result::Ok(false),
        }
        ::core::result::Result::Ok(true)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::FilterPath for S3Storage {
    type Target = Self;
    fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(
        &self,
        __ec2_f: &mut __Ec2F,
    ) -> bool {
        __ec2_f(self)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Tagged for S3Storage {
    #[inline]
    fn tags(&self) -> &[::ec2_ops::__private::Tag] {
        &[]
    }
}
/// Why a bundle task failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BundleTaskError {
    /// The error code.
    pub code: Option<String>,
    /// The error message.
    pub message: Option<String>,
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for BundleTaskError {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        let mut __ec2_members = ::ec2_ops::__private::MembersWriter::begin(
            __ec2_s,
            "BundleTaskError",
            0usize
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.code),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.message),
                ),
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Code",
            &self.code,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Message",
            &self.message,
        );
        ::ec2_ops::__private::MembersWriter::end(__ec2_members)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for BundleTaskError {
    fn absent() -> Self {
        BundleTaskError {
            code: ::core::default::Default::default(),
            message: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for BundleTaskError {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "Code" => {
                self.code = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Message" => {
                self.message = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for BundleTaskError {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for BundleTaskError {
    fn render_xml(
        &self,
        __ec2_name: &str,
        __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>,
    ) {
        __ec2_writer.start(__ec2_name);
        ::ec2_ops::__private::XmlMembers::write_xml_members(self, __ec2_writer);
        __ec2_writer.end(__ec2_name);
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlParse for BundleTaskError {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        ::ec2_ops::__private::parse_members(__ec2_reader)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlMembers for BundleTaskError {
    fn write_xml_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        ::ec2_ops::__private::XmlRender::render_xml(&self.code, "code", __ec2_writer);
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.message,
            "message",
            __ec2_writer,
        );
    }
    fn read_xml_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "code" => {
                self.code = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "message" => {
                self.message = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            _ => return ::core::result::Result::Ok(false),
        }
        ::core::result::Result::Ok(true)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::FilterPath for BundleTaskError {
    type Target = Self;
    fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(
        &self,
        __ec2_f: &mut __Ec2F,
    ) -> bool {
        __ec2_f(self)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Tagged for BundleTaskError {
    #[inline]
    fn tags(&self) -> &[::ec2_ops::__private::Tag] {
        &[]
    }
}
/// The `DescribeBundleTasks` operation.
pub struct DescribeBundleTasks;
///The request of `DescribeBundleTasks`. Build it with `DescribeBundleTasksRequest::builder()`; `Ec2Request::to_query` encodes it as botocore does, `Ec2Request::from_query` decodes a server's copy.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::default::Default,
    ::core::cmp::PartialEq,
    ::ec2_ops::__private::serde::Serialize
)]
#[serde(crate = "::ec2_ops::__private::serde")]
pub struct DescribeBundleTasksRequest {
    ///The bundle IDs to describe (`BundleId.N`); empty describes all.
    #[serde(
        rename = "BundleIds",
        default,
        skip_serializing_if = "::std::vec::Vec::is_empty"
    )]
    pub bundle_ids: ::std::vec::Vec<::std::string::String>,
    ///The filters (`Filter.N.Name`, `Filter.N.Value.M`).
    #[serde(
        rename = "Filters",
        default,
        skip_serializing_if = "::std::vec::Vec::is_empty"
    )]
    pub filters: ::std::vec::Vec<::ec2_ops::__private::Filter>,
    ///Checks permissions without describing anything (`DryRun`).
    #[serde(
        rename = "DryRun",
        default,
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub dry_run: ::core::option::Option<bool>,
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for DescribeBundleTasksRequest {
    fn absent() -> Self {
        DescribeBundleTasksRequest {
            bundle_ids: ::core::default::Default::default(),
            filters: ::core::default::Default::default(),
            dry_run: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for DescribeBundleTasksRequest {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "BundleIds" => {
                self.bundle_ids = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Filters" => {
                self.filters = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "DryRun" => {
                self.dry_run = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for DescribeBundleTasksRequest {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
///Builds a [`DescribeBundleTasksRequest`].
#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default)]
pub struct DescribeBundleTasksRequestBuilder {
    request: DescribeBundleTasksRequest,
}
impl DescribeBundleTasksRequest {
    /// A builder for this request.
    pub fn builder() -> DescribeBundleTasksRequestBuilder {
        ::core::default::Default::default()
    }
}
impl DescribeBundleTasksRequestBuilder {
    ///Adds one value to `BundleId.N`.
    pub fn bundle_id(
        mut self,
        value: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        self.request.bundle_ids.push(::core::convert::Into::into(value));
        self
    }
    ///Adds several values to `BundleId.N`.
    pub fn bundle_ids<__Ec2I: ::core::convert::Into<::std::string::String>>(
        mut self,
        values: impl ::core::iter::IntoIterator<Item = __Ec2I>,
    ) -> Self {
        self.request
            .bundle_ids
            .extend(values.into_iter().map(::core::convert::Into::into));
        self
    }
    /// Adds a filter: `name` matches any of `values` (with `*` and `?` wildcards).
    pub fn filter<__Ec2V: ::core::convert::Into<::std::string::String>>(
        mut self,
        name: impl ::core::convert::Into<::std::string::String>,
        values: impl ::core::iter::IntoIterator<Item = __Ec2V>,
    ) -> Self {
        self.request.filters.push(::ec2_ops::__private::Filter::new(name, values));
        self
    }
    ///Sets `DryRun`.
    pub fn dry_run(mut self, value: impl ::core::convert::Into<bool>) -> Self {
        self.request.dry_run = ::core::option::Option::Some(
            ::core::convert::Into::into(value),
        );
        self
    }
    /// The request.
    pub fn build(self) -> DescribeBundleTasksRequest {
        self.request
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Ec2Request for DescribeBundleTasksRequest {
    const ACTION: &'static str = "DescribeBundleTasks";
    fn take_from_query(
        __ec2_node: &mut ::ec2_ops::__private::QueryNode,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::Ec2Error> {
        ::core::result::Result::Ok(DescribeBundleTasksRequest {
            bundle_ids: __ec2_node.take_list("BundleId")?,
            filters: __ec2_node.take_list("Filter")?,
            dry_run: __ec2_node.take_scalar("DryRun")?,
        })
    }
    fn write_query(&self, __ec2_writer: &mut ::ec2_ops::__private::QueryWriter) {
        ::ec2_ops::__private::QueryEncode::encode_query(
            &self.bundle_ids,
            "BundleId",
            __ec2_writer,
        );
        ::ec2_ops::__private::QueryEncode::encode_query(
            &self.filters,
            "Filter",
            __ec2_writer,
        );
        ::ec2_ops::__private::QueryEncode::encode_query(
            &self.dry_run,
            "DryRun",
            __ec2_writer,
        );
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for DescribeBundleTasksResponse {
    fn absent() -> Self {
        DescribeBundleTasksResponse {
            bundle_tasks: ::core::default::Default::default(),
            request_id: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for DescribeBundleTasksResponse {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "BundleTasks" => {
                self.bundle_tasks = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for DescribeBundleTasksResponse {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
///The response of `DescribeBundleTasks`: `<DescribeBundleTasksResponse>` in XML, `{"BundleTasks": [...]}` in JSON.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::default::Default,
    ::core::cmp::PartialEq,
    ::ec2_ops::__private::serde::Serialize
)]
#[serde(crate = "::ec2_ops::__private::serde")]
pub struct DescribeBundleTasksResponse {
    /// EC2's `<requestId>` (not part of the AWS CLI's JSON).
    #[serde(skip)]
    pub request_id: ::core::option::Option<::std::string::String>,
    /// The resources of this page.
    #[serde(rename = "BundleTasks", default)]
    pub bundle_tasks: ::std::vec::Vec<BundleTask>,
}
#[automatically_derived]
impl ::ec2_ops::__private::Ec2Response for DescribeBundleTasksResponse {
    const ACTION: &'static str = "DescribeBundleTasks";
    fn write_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        __ec2_writer.list("bundleInstanceTasksSet", "item", &self.bundle_tasks);
    }
    fn request_id(&self) -> ::core::option::Option<&str> {
        self.request_id.as_deref()
    }
    fn read_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "bundleInstanceTasksSet" => {
                self.bundle_tasks = <::std::vec::Vec<
                    BundleTask,
                > as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?;
            }
            _ => return ::core::result::Result::Ok(false),
        }
        ::core::result::Result::Ok(true)
    }
    fn set_request_id(&mut self, __ec2_request_id: ::std::string::String) {
        self.request_id = ::core::option::Option::Some(__ec2_request_id);
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Operation for DescribeBundleTasks {
    type Resource = BundleTask;
    const SPEC: ::ec2_ops::__private::OperationSpec = ::ec2_ops::__private::OperationSpec {
        action: "DescribeBundleTasks",
        filters: ::ec2_ops::__private::FilterCatalog {
            names: &[
                "bundle-id",
                "instance-id",
                "progress",
                "start-time",
                "state",
                "update-time",
                "error-code",
                "error-message",
                "s3-bucket",
                "s3-prefix",
            ],
            tags: ::ec2_ops::__private::TagFilters {
                named: false,
                key: false,
                value: false,
            },
        },
        ids: ::core::option::Option::Some(::ec2_ops::__private::IdSpec {
            parameter: "BundleId",
            noun: "bundle ID",
            not_found_code: "InvalidBundleID.NotFound",
            malformed: ::core::option::Option::Some(::ec2_ops::__private::MalformedSpec {
                prefix: "bun-",
                code: "InvalidBundleID.Malformed",
            }),
            set_name: "bundleInstanceTasksSet",
        }),
        pagination: ::core::option::Option::None,
    };
    fn resource_id(__ec2_resource: &BundleTask) -> &str {
        ::ec2_ops::__private::ResourceIdText::id_text(&__ec2_resource.bundle_id)
    }
    #[allow(unused_variables)]
    fn filter_matches(
        __ec2_resource: &BundleTask,
        __ec2_index: usize,
        __ec2_values: &::ec2_ops::__private::ValueSet,
    ) -> bool {
        match __ec2_index {
            0usize => {
                ::ec2_ops::__private::FilterLeaf::filter_leaf(
                    &__ec2_resource.bundle_id,
                    __ec2_values,
                )
            }
            1usize => {
                ::ec2_ops::__private::FilterLeaf::filter_leaf(
                    &__ec2_resource.instance_id,
                    __ec2_values,
                )
            }
            2usize => {
                ::ec2_ops::__private::FilterLeaf::filter_leaf(
                    &__ec2_resource.progress,
                    __ec2_values,
                )
            }
            3usize => {
                ::ec2_ops::__private::FilterLeaf::filter_leaf(
                    &__ec2_resource.start_time,
                    __ec2_values,
                )
            }
            4usize => {
                ::ec2_ops::__private::FilterLeaf::filter_leaf(
                    &__ec2_resource.state,
                    __ec2_values,
                )
            }
            5usize => {
                ::ec2_ops::__private::FilterLeaf::filter_leaf(
                    &__ec2_resource.update_time,
                    __ec2_values,
                )
            }
            6usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.error,
                    &mut |__ec2_step_0| ::ec2_ops::__private::FilterLeaf::filter_leaf(
                        &__ec2_step_0.code,
                        __ec2_values,
                    ),
                )
            }
            7usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.error,
                    &mut |__ec2_step_0| ::ec2_ops::__private::FilterLeaf::filter_leaf(
                        &__ec2_step_0.message,
                        __ec2_values,
                    ),
                )
            }
            8usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.storage,
                    &mut |__ec2_step_0| ::ec2_ops::__private::FilterPath::reach(
                        &__ec2_step_0.s3,
                        &mut |__ec2_step_1| ::ec2_ops::__private::FilterLeaf::filter_leaf(
                            &__ec2_step_1.bucket,
                            __ec2_values,
                        ),
                    ),
                )
            }
            9usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.storage,
                    &mut |__ec2_step_0| ::ec2_ops::__private::FilterPath::reach(
                        &__ec2_step_0.s3,
                        &mut |__ec2_step_1| ::ec2_ops::__private::FilterLeaf::filter_leaf(
                            &__ec2_step_1.prefix,
                            __ec2_values,
                        ),
                    ),
                )
            }
            _ => false,
        }
    }
    #[allow(unused_variables)]
    fn filter_texts(
        __ec2_resource: &BundleTask,
        __ec2_index: usize,
        __ec2_visit: &mut dyn ::core::ops::FnMut(&str),
    ) {
        match __ec2_index {
            0usize => {
                {
                    ::ec2_ops::__private::FilterLeaf::leaf_texts(
                        &__ec2_resource.bundle_id,
                        __ec2_visit,
                    );
                    false
                };
            }
            1usize => {
                {
                    ::ec2_ops::__private::FilterLeaf::leaf_texts(
                        &__ec2_resource.instance_id,
                        __ec2_visit,
                    );
                    false
                };
            }
            2usize => {
                {
                    ::ec2_ops::__private::FilterLeaf::leaf_texts(
                        &__ec2_resource.progress,
                        __ec2_visit,
                    );
                    false
                };
            }
            3usize => {
                {
                    ::ec2_ops::__private::FilterLeaf::leaf_texts(
                        &__ec2_resource.start_time,
                        __ec2_visit,
                    );
                    false
                };
            }
            4usize => {
                {
                    ::ec2_ops::__private::FilterLeaf::leaf_texts(
                        &__ec2_resource.state,
                        __ec2_visit,
                    );
                    false
                };
            }
            5usize => {
                {
                    ::ec2_ops::__private::FilterLeaf::leaf_texts(
                        &__ec2_resource.update_time,
                        __ec2_visit,
                    );
                    false
                };
            }
            6usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.error,
                    &mut |__ec2_step_0| {
                        ::ec2_ops::__private::FilterLeaf::leaf_texts(
                            &__ec2_step_0.code,
                            __ec2_visit,
                        );
                        false
                    },
                );
            }
            7usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.error,
                    &mut |__ec2_step_0| {
                        ::ec2_ops::__private::FilterLeaf::leaf_texts(
                            &__ec2_step_0.message,
                            __ec2_visit,
                        );
                        false
                    },
                );
            }
            8usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.storage,
                    &mut |__ec2_step_0| ::ec2_ops::__private::FilterPath::reach(
                        &__ec2_step_0.s3,
                        &mut |__ec2_step_1| {
                            ::ec2_ops::__private::FilterLeaf::leaf_texts(
                                &__ec2_step_1.bucket,
                                __ec2_visit,
                            );
                            false
                        },
                    ),
                );
            }
            9usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.storage,
                    &mut |__ec2_step_0| ::ec2_ops::__private::FilterPath::reach(
                        &__ec2_step_0.s3,
                        &mut |__ec2_step_1| {
                            ::ec2_ops::__private::FilterLeaf::leaf_texts(
                                &__ec2_step_1.prefix,
                                __ec2_visit,
                            );
                            false
                        },
                    ),
                );
            }
            _ => {}
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::DescribeOperation for DescribeBundleTasks {
    type Request = DescribeBundleTasksRequest;
    type Response = DescribeBundleTasksResponse;
    fn input(
        __ec2_request: &DescribeBundleTasksRequest,
    ) -> ::ec2_ops::__private::DescribeInput<'_> {
        ::ec2_ops::__private::DescribeInput {
            ids: &__ec2_request.bundle_ids,
            filters: &__ec2_request.filters,
            max_results: ::core::option::Option::None,
            next_token: ::core::option::Option::None,
            dry_run: __ec2_request.dry_run.unwrap_or(false),
            parent: ::core::option::Option::None,
        }
    }
    fn response(
        __ec2_page: ::ec2_ops::__private::Page<BundleTask>,
        __ec2_request: &DescribeBundleTasksRequest,
        __ec2_caller: &::ec2_ops::__private::Caller,
    ) -> DescribeBundleTasksResponse {
        let _ = (__ec2_request, __ec2_caller);
        let __ec2_response = DescribeBundleTasksResponse {
            request_id: ::core::option::Option::Some(
                ::std::clone::Clone::clone(&__ec2_caller.request_id),
            ),
            bundle_tasks: __ec2_page.items,
        };
        __ec2_response
    }
    fn response_items(__ec2_response: &DescribeBundleTasksResponse) -> &[BundleTask] {
        &__ec2_response.bundle_tasks
    }
    #[inline]
    fn resource_tags(__ec2_resource: &BundleTask) -> &[::ec2_ops::__private::Tag] {
        <BundleTask as ::ec2_ops::__private::Tagged>::tags(__ec2_resource)
    }
}
