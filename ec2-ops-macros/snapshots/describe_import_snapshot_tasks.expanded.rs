/// A snapshot import task (`<item>` of `<importSnapshotTaskSet>`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSnapshotTask {
    /// The task's description.
    pub description: Option<String>,
    /// The task's ID, `import-snap-...`.
    pub import_task_id: Option<String>,
    /// Details of the import.
    pub snapshot_task_detail: Option<SnapshotTaskDetail>,
    /// The task's tags (`<tagSet>`).
    pub tags: Option<Vec<Tag>>,
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for ImportSnapshotTask {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        let mut __ec2_members = ::ec2_ops::__private::MembersWriter::begin(
            __ec2_s,
            "ImportSnapshotTask",
            0usize
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.description),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.import_task_id),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.snapshot_task_detail),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.tags),
                ),
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Description",
            &self.description,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "ImportTaskId",
            &self.import_task_id,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "SnapshotTaskDetail",
            &self.snapshot_task_detail,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Tags",
            &self.tags,
        );
        ::ec2_ops::__private::MembersWriter::end(__ec2_members)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for ImportSnapshotTask {
    fn absent() -> Self {
        ImportSnapshotTask {
            description: ::core::default::Default::default(),
            import_task_id: ::core::default::Default::default(),
            snapshot_task_detail: ::core::default::Default::default(),
            tags: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for ImportSnapshotTask {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "Description" => {
                self.description = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "ImportTaskId" => {
                self.import_task_id = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "SnapshotTaskDetail" => {
                self.snapshot_task_detail = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Tags" => {
                self.tags = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for ImportSnapshotTask {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for ImportSnapshotTask {
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
impl ::ec2_ops::__private::XmlParse for ImportSnapshotTask {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        ::ec2_ops::__private::parse_members(__ec2_reader)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlMembers for ImportSnapshotTask {
    fn write_xml_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.description,
            "description",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.import_task_id,
            "importTaskId",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.snapshot_task_detail,
            "snapshotTaskDetail",
            __ec2_writer,
        );
        if let ::core::option::Option::Some(__ec2_list) = &self.tags {
            __ec2_writer.list("tagSet", "item", __ec2_list);
        }
    }
    fn read_xml_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "description" => {
                self.description = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "importTaskId" => {
                self.import_task_id = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "snapshotTaskDetail" => {
                self.snapshot_task_detail = ::core::option::Option::Some(
                    <SnapshotTaskDetail as ::ec2_ops::__private::XmlParse>::parse_xml(
                        __ec2_reader,
                    )?,
                );
            }
            "tagSet" => {
                self.tags = ::core::option::Option::Some(
                    <::std::vec::Vec<
                        Tag,
                    > as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            _ => return ::core::result::Result::Ok(false),
        }
        ::core::result::Result::Ok(true)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::FilterPath for ImportSnapshotTask {
    type Target = Self;
    fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(
        &self,
        __ec2_f: &mut __Ec2F,
    ) -> bool {
        __ec2_f(self)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Tagged for ImportSnapshotTask {
    #[inline]
    fn tags(&self) -> &[::ec2_ops::__private::Tag] {
        ::ec2_ops::__private::TagList::tag_slice(&self.tags)
    }
}
/// Details of a snapshot import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SnapshotTaskDetail {
    /// The description of the disk image.
    pub description: Option<String>,
    /// The size of the disk, in GiB.
    pub disk_image_size: Option<f64>,
    /// Whether the snapshot is encrypted.
    pub encrypted: Option<bool>,
    /// The disk image format, e.g. `VMDK`.
    pub format: Option<String>,
    /// The KMS key that encrypts the snapshot.
    pub kms_key_id: Option<String>,
    /// The percentage of completion.
    pub progress: Option<String>,
    /// The resulting snapshot.
    pub snapshot_id: Option<String>,
    /// The status: `active`, `completed`, `deleting`, `deleted`, ...
    pub status: Option<String>,
    /// A detailed status message.
    pub status_message: Option<String>,
    /// The URL of the disk image.
    pub url: Option<String>,
    /// The S3 bucket of the disk image.
    pub user_bucket: Option<UserBucketDetails>,
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for SnapshotTaskDetail {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        let mut __ec2_members = ::ec2_ops::__private::MembersWriter::begin(
            __ec2_s,
            "SnapshotTaskDetail",
            0usize
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.description),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.disk_image_size),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.encrypted),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.format),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.kms_key_id),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.progress),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.snapshot_id),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.status),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.status_message),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.url),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.user_bucket),
                ),
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Description",
            &self.description,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "DiskImageSize",
            &self.disk_image_size,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Encrypted",
            &self.encrypted,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Format",
            &self.format,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "KmsKeyId",
            &self.kms_key_id,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Progress",
            &self.progress,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "SnapshotId",
            &self.snapshot_id,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Status",
            &self.status,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "StatusMessage",
            &self.status_message,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "Url",
            &self.url,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "UserBucket",
            &self.user_bucket,
        );
        ::ec2_ops::__private::MembersWriter::end(__ec2_members)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for SnapshotTaskDetail {
    fn absent() -> Self {
        SnapshotTaskDetail {
            description: ::core::default::Default::default(),
            disk_image_size: ::core::default::Default::default(),
            encrypted: ::core::default::Default::default(),
            format: ::core::default::Default::default(),
            kms_key_id: ::core::default::Default::default(),
            progress: ::core::default::Default::default(),
            snapshot_id: ::core::default::Default::default(),
            status: ::core::default::Default::default(),
            status_message: ::core::default::Default::default(),
            url: ::core::default::Default::default(),
            user_bucket: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for SnapshotTaskDetail {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "Description" => {
                self.description = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "DiskImageSize" => {
                self.disk_image_size = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Encrypted" => {
                self.encrypted = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Format" => {
                self.format = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "KmsKeyId" => {
                self.kms_key_id = ::ec2_ops::__private::serde::de::MapAccess::next_value(
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
            "SnapshotId" => {
                self.snapshot_id = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Status" => {
                self.status = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "StatusMessage" => {
                self.status_message = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "Url" => {
                self.url = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "UserBucket" => {
                self.user_bucket = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for SnapshotTaskDetail {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for SnapshotTaskDetail {
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
impl ::ec2_ops::__private::XmlParse for SnapshotTaskDetail {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        ::ec2_ops::__private::parse_members(__ec2_reader)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlMembers for SnapshotTaskDetail {
    fn write_xml_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.description,
            "description",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.disk_image_size,
            "diskImageSize",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.encrypted,
            "encrypted",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.format,
            "format",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.kms_key_id,
            "kmsKeyId",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.progress,
            "progress",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.snapshot_id,
            "snapshotId",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.status,
            "status",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.status_message,
            "statusMessage",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(&self.url, "url", __ec2_writer);
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.user_bucket,
            "userBucket",
            __ec2_writer,
        );
    }
    fn read_xml_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "description" => {
                self.description = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "diskImageSize" => {
                self.disk_image_size = ::core::option::Option::Some(
                    <f64 as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "encrypted" => {
                self.encrypted = ::core::option::Option::Some(
                    <bool as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "format" => {
                self.format = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "kmsKeyId" => {
                self.kms_key_id = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "progress" => {
                self.progress = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "snapshotId" => {
                self.snapshot_id = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "status" => {
                self.status = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "statusMessage" => {
                self.status_message = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "url" => {
                self.url = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "userBucket" => {
                self.user_bucket = ::core::option::Option::Some(
                    <UserBucketDetails as ::ec2_ops::__private::XmlParse>::parse_xml(
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
impl ::ec2_ops::__private::FilterPath for SnapshotTaskDetail {
    type Target = Self;
    fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(
        &self,
        __ec2_f: &mut __Ec2F,
    ) -> bool {
        __ec2_f(self)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Tagged for SnapshotTaskDetail {
    #[inline]
    fn tags(&self) -> &[::ec2_ops::__private::Tag] {
        &[]
    }
}
/// The S3 location of a disk image.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserBucketDetails {
    /// The bucket.
    pub s3_bucket: Option<String>,
    /// The key.
    pub s3_key: Option<String>,
}
#[automatically_derived]
impl ::ec2_ops::__private::serde::Serialize for UserBucketDetails {
    fn serialize<__Ec2S: ::ec2_ops::__private::serde::Serializer>(
        &self,
        __ec2_s: __Ec2S,
    ) -> ::core::result::Result<__Ec2S::Ok, __Ec2S::Error> {
        let mut __ec2_members = ::ec2_ops::__private::MembersWriter::begin(
            __ec2_s,
            "UserBucketDetails",
            0usize
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.s3_bucket),
                )
                + ::core::primitive::usize::from(
                    ::core::option::Option::is_some(&self.s3_key),
                ),
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "S3Bucket",
            &self.s3_bucket,
        );
        ::ec2_ops::__private::MembersWriter::optional(
            &mut __ec2_members,
            "S3Key",
            &self.s3_key,
        );
        ::ec2_ops::__private::MembersWriter::end(__ec2_members)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for UserBucketDetails {
    fn absent() -> Self {
        UserBucketDetails {
            s3_bucket: ::core::default::Default::default(),
            s3_key: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for UserBucketDetails {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "S3Bucket" => {
                self.s3_bucket = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "S3Key" => {
                self.s3_key = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de> for UserBucketDetails {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlRender for UserBucketDetails {
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
impl ::ec2_ops::__private::XmlParse for UserBucketDetails {
    fn parse_xml(
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::XmlError> {
        ::ec2_ops::__private::parse_members(__ec2_reader)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::XmlMembers for UserBucketDetails {
    fn write_xml_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.s3_bucket,
            "s3Bucket",
            __ec2_writer,
        );
        ::ec2_ops::__private::XmlRender::render_xml(&self.s3_key, "s3Key", __ec2_writer);
    }
    fn read_xml_member(
        &mut self,
        __ec2_name: &str,
        __ec2_reader: &mut ::ec2_ops::__private::XmlReader<'_>,
    ) -> ::core::result::Result<bool, ::ec2_ops::__private::XmlError> {
        match __ec2_name {
            "s3Bucket" => {
                self.s3_bucket = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            "s3Key" => {
                self.s3_key = ::core::option::Option::Some(
                    <String as ::ec2_ops::__private::XmlParse>::parse_xml(__ec2_reader)?,
                );
            }
            _ => return ::core::result::Result::Ok(false),
        }
        ::core::result::Result::Ok(true)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::FilterPath for UserBucketDetails {
    type Target = Self;
    fn reach<__Ec2F: ::core::ops::FnMut(&Self) -> bool>(
        &self,
        __ec2_f: &mut __Ec2F,
    ) -> bool {
        __ec2_f(self)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Tagged for UserBucketDetails {
    #[inline]
    fn tags(&self) -> &[::ec2_ops::__private::Tag] {
        &[]
    }
}
/// The `DescribeImportSnapshotTasks` operation.
pub struct DescribeImportSnapshotTasks;
///The request of `DescribeImportSnapshotTasks`. Build it with `DescribeImportSnapshotTasksRequest::builder()`; `Ec2Request::to_query` encodes it as botocore does, `Ec2Request::from_query` decodes a server's copy.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::default::Default,
    ::core::cmp::PartialEq,
    ::ec2_ops::__private::serde::Serialize
)]
#[serde(crate = "::ec2_ops::__private::serde")]
pub struct DescribeImportSnapshotTasksRequest {
    ///The import task IDs to describe (`ImportTaskId.N`); empty describes all.
    #[serde(
        rename = "ImportTaskIds",
        default,
        skip_serializing_if = "::std::vec::Vec::is_empty"
    )]
    pub import_task_ids: ::std::vec::Vec<::std::string::String>,
    ///The filters (`Filters.N.Name`, `Filters.N.Value.M`).
    #[serde(
        rename = "Filters",
        default,
        skip_serializing_if = "::std::vec::Vec::is_empty"
    )]
    pub filters: ::std::vec::Vec<::ec2_ops::__private::Filter>,
    ///The page size (`MaxResults`); absent returns everything.
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub max_results: ::core::option::Option<i32>,
    ///The token from the previous page (`NextToken`).
    #[serde(
        rename = "NextToken",
        default,
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub next_token: ::core::option::Option<::std::string::String>,
    ///Checks permissions without describing anything (`DryRun`).
    #[serde(
        rename = "DryRun",
        default,
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub dry_run: ::core::option::Option<bool>,
}
#[automatically_derived]
impl ::ec2_ops::__private::Absent for DescribeImportSnapshotTasksRequest {
    fn absent() -> Self {
        DescribeImportSnapshotTasksRequest {
            import_task_ids: ::core::default::Default::default(),
            filters: ::core::default::Default::default(),
            max_results: ::core::default::Default::default(),
            next_token: ::core::default::Default::default(),
            dry_run: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for DescribeImportSnapshotTasksRequest {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "ImportTaskIds" => {
                self.import_task_ids = ::ec2_ops::__private::serde::de::MapAccess::next_value(
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
            "MaxResults" => {
                self.max_results = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "NextToken" => {
                self.next_token = ::ec2_ops::__private::serde::de::MapAccess::next_value(
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
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de>
for DescribeImportSnapshotTasksRequest {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
///Builds a [`DescribeImportSnapshotTasksRequest`].
#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default)]
pub struct DescribeImportSnapshotTasksRequestBuilder {
    request: DescribeImportSnapshotTasksRequest,
}
impl DescribeImportSnapshotTasksRequest {
    /// A builder for this request.
    pub fn builder() -> DescribeImportSnapshotTasksRequestBuilder {
        ::core::default::Default::default()
    }
}
impl DescribeImportSnapshotTasksRequestBuilder {
    ///Adds one value to `ImportTaskId.N`.
    pub fn import_task_id(
        mut self,
        value: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        self.request.import_task_ids.push(::core::convert::Into::into(value));
        self
    }
    ///Adds several values to `ImportTaskId.N`.
    pub fn import_task_ids<__Ec2I: ::core::convert::Into<::std::string::String>>(
        mut self,
        values: impl ::core::iter::IntoIterator<Item = __Ec2I>,
    ) -> Self {
        self.request
            .import_task_ids
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
    ///Sets `MaxResults`.
    pub fn max_results(mut self, value: impl ::core::convert::Into<i32>) -> Self {
        self.request.max_results = ::core::option::Option::Some(
            ::core::convert::Into::into(value),
        );
        self
    }
    ///Sets `NextToken`.
    pub fn next_token(
        mut self,
        value: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        self.request.next_token = ::core::option::Option::Some(
            ::core::convert::Into::into(value),
        );
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
    pub fn build(self) -> DescribeImportSnapshotTasksRequest {
        self.request
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::Ec2Request for DescribeImportSnapshotTasksRequest {
    const ACTION: &'static str = "DescribeImportSnapshotTasks";
    fn take_from_query(
        __ec2_node: &mut ::ec2_ops::__private::QueryNode,
    ) -> ::core::result::Result<Self, ::ec2_ops::__private::Ec2Error> {
        ::core::result::Result::Ok(DescribeImportSnapshotTasksRequest {
            import_task_ids: __ec2_node.take_list("ImportTaskId")?,
            filters: __ec2_node.take_list("Filters")?,
            max_results: __ec2_node.take_scalar("MaxResults")?,
            next_token: __ec2_node.take_scalar("NextToken")?,
            dry_run: __ec2_node.take_scalar("DryRun")?,
        })
    }
    fn write_query(&self, __ec2_writer: &mut ::ec2_ops::__private::QueryWriter) {
        ::ec2_ops::__private::QueryEncode::encode_query(
            &self.import_task_ids,
            "ImportTaskId",
            __ec2_writer,
        );
        ::ec2_ops::__private::QueryEncode::encode_query(
            &self.filters,
            "Filters",
            __ec2_writer,
        );
        ::ec2_ops::__private::QueryEncode::encode_query(
            &self.max_results,
            "MaxResults",
            __ec2_writer,
        );
        ::ec2_ops::__private::QueryEncode::encode_query(
            &self.next_token,
            "NextToken",
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
impl ::ec2_ops::__private::Absent for DescribeImportSnapshotTasksResponse {
    fn absent() -> Self {
        DescribeImportSnapshotTasksResponse {
            import_snapshot_tasks: ::core::default::Default::default(),
            next_token: ::core::default::Default::default(),
            request_id: ::core::default::Default::default(),
        }
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::JsonMembers for DescribeImportSnapshotTasksResponse {
    fn read_json_member<'de, __Ec2A: ::ec2_ops::__private::serde::de::MapAccess<'de>>(
        &mut self,
        __ec2_name: &str,
        __ec2_map: &mut __Ec2A,
    ) -> ::core::result::Result<bool, __Ec2A::Error> {
        match __ec2_name {
            "ImportSnapshotTasks" => {
                self.import_snapshot_tasks = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            "NextToken" => {
                self.next_token = ::ec2_ops::__private::serde::de::MapAccess::next_value(
                    __ec2_map,
                )?;
                ::core::result::Result::Ok(true)
            }
            _ => ::core::result::Result::Ok(false),
        }
    }
}
#[automatically_derived]
impl<'de> ::ec2_ops::__private::serde::Deserialize<'de>
for DescribeImportSnapshotTasksResponse {
    fn deserialize<__Ec2D: ::ec2_ops::__private::serde::Deserializer<'de>>(
        __ec2_d: __Ec2D,
    ) -> ::core::result::Result<Self, __Ec2D::Error> {
        ::ec2_ops::__private::deserialize_members(__ec2_d)
    }
}
///The response of `DescribeImportSnapshotTasks`: `<DescribeImportSnapshotTasksResponse>` in XML, `{"ImportSnapshotTasks": [...]}` in JSON.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::default::Default,
    ::core::cmp::PartialEq,
    ::ec2_ops::__private::serde::Serialize
)]
#[serde(crate = "::ec2_ops::__private::serde")]
pub struct DescribeImportSnapshotTasksResponse {
    /// EC2's `<requestId>` (not part of the AWS CLI's JSON).
    #[serde(skip)]
    pub request_id: ::core::option::Option<::std::string::String>,
    /// The resources of this page.
    #[serde(rename = "ImportSnapshotTasks", default)]
    pub import_snapshot_tasks: ::std::vec::Vec<ImportSnapshotTask>,
    /// The token for the next page; absent on the last page.
    #[serde(
        rename = "NextToken",
        default,
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub next_token: ::core::option::Option<::std::string::String>,
}
#[automatically_derived]
impl ::ec2_ops::__private::Ec2Response for DescribeImportSnapshotTasksResponse {
    const ACTION: &'static str = "DescribeImportSnapshotTasks";
    fn write_members(&self, __ec2_writer: &mut ::ec2_ops::__private::XmlWriter<'_>) {
        __ec2_writer.list("importSnapshotTaskSet", "item", &self.import_snapshot_tasks);
        ::ec2_ops::__private::XmlRender::render_xml(
            &self.next_token,
            "nextToken",
            __ec2_writer,
        );
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
            "nextToken" => {
                self.next_token = ::core::option::Option::Some(
                    <::std::string::String as ::ec2_ops::__private::XmlParse>::parse_xml(
                        __ec2_reader,
                    )?,
                );
            }
            "importSnapshotTaskSet" => {
                self.import_snapshot_tasks = <::std::vec::Vec<
                    ImportSnapshotTask,
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
impl ::ec2_ops::__private::Operation for DescribeImportSnapshotTasks {
    type Resource = ImportSnapshotTask;
    const SPEC: ::ec2_ops::__private::OperationSpec = ::ec2_ops::__private::OperationSpec {
        action: "DescribeImportSnapshotTasks",
        filters: ::ec2_ops::__private::FilterCatalog {
            names: &["import-task-id", "task-state"],
            tags: ::ec2_ops::__private::TagFilters {
                named: true,
                key: true,
                value: true,
            },
        },
        ids: ::core::option::Option::Some(::ec2_ops::__private::IdSpec {
            parameter: "ImportTaskId",
            noun: "import task ID",
            not_found_code: "InvalidImportTaskId.NotFound",
            malformed: ::core::option::Option::Some(::ec2_ops::__private::MalformedSpec {
                prefix: "import-snap-",
                code: "InvalidImportTaskId.Malformed",
            }),
            set_name: "importSnapshotTaskSet",
        }),
        pagination: ::core::option::Option::Some(::ec2_ops::__private::PaginationSpec {
            min: 5,
            max: 1000,
            clamp: false,
            ids_with_max_results: true,
        }),
    };
    fn resource_id(__ec2_resource: &ImportSnapshotTask) -> &str {
        ::ec2_ops::__private::ResourceIdText::id_text(&__ec2_resource.import_task_id)
    }
    #[allow(unused_variables)]
    fn filter_matches(
        __ec2_resource: &ImportSnapshotTask,
        __ec2_index: usize,
        __ec2_values: &::ec2_ops::__private::ValueSet,
    ) -> bool {
        match __ec2_index {
            0usize => {
                ::ec2_ops::__private::FilterLeaf::filter_leaf(
                    &__ec2_resource.import_task_id,
                    __ec2_values,
                )
            }
            1usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.snapshot_task_detail,
                    &mut |__ec2_step_0| ::ec2_ops::__private::FilterLeaf::filter_leaf(
                        &__ec2_step_0.status,
                        __ec2_values,
                    ),
                )
            }
            _ => false,
        }
    }
    #[allow(unused_variables)]
    fn filter_texts(
        __ec2_resource: &ImportSnapshotTask,
        __ec2_index: usize,
        __ec2_visit: &mut dyn ::core::ops::FnMut(&str),
    ) {
        match __ec2_index {
            0usize => {
                {
                    ::ec2_ops::__private::FilterLeaf::leaf_texts(
                        &__ec2_resource.import_task_id,
                        __ec2_visit,
                    );
                    false
                };
            }
            1usize => {
                ::ec2_ops::__private::FilterPath::reach(
                    &__ec2_resource.snapshot_task_detail,
                    &mut |__ec2_step_0| {
                        ::ec2_ops::__private::FilterLeaf::leaf_texts(
                            &__ec2_step_0.status,
                            __ec2_visit,
                        );
                        false
                    },
                );
            }
            _ => {}
        }
    }
    #[inline]
    fn tags(__ec2_resource: &ImportSnapshotTask) -> &[::ec2_ops::__private::Tag] {
        ::ec2_ops::__private::TagList::tag_slice(&__ec2_resource.tags)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::DescribeOperation for DescribeImportSnapshotTasks {
    type Request = DescribeImportSnapshotTasksRequest;
    type Response = DescribeImportSnapshotTasksResponse;
    fn input(
        __ec2_request: &DescribeImportSnapshotTasksRequest,
    ) -> ::ec2_ops::__private::DescribeInput<'_> {
        ::ec2_ops::__private::DescribeInput {
            ids: &__ec2_request.import_task_ids,
            filters: &__ec2_request.filters,
            max_results: __ec2_request.max_results,
            next_token: __ec2_request.next_token.as_deref(),
            dry_run: __ec2_request.dry_run.unwrap_or(false),
            parent: ::core::option::Option::None,
        }
    }
    fn response(
        __ec2_page: ::ec2_ops::__private::Page<ImportSnapshotTask>,
        __ec2_request: &DescribeImportSnapshotTasksRequest,
        __ec2_caller: &::ec2_ops::__private::Caller,
    ) -> DescribeImportSnapshotTasksResponse {
        let _ = (__ec2_request, __ec2_caller);
        let __ec2_response = DescribeImportSnapshotTasksResponse {
            request_id: ::core::option::Option::Some(
                ::std::clone::Clone::clone(&__ec2_caller.request_id),
            ),
            import_snapshot_tasks: __ec2_page.items,
            next_token: __ec2_page.next_token,
        };
        __ec2_response
    }
    fn response_items(
        __ec2_response: &DescribeImportSnapshotTasksResponse,
    ) -> &[ImportSnapshotTask] {
        &__ec2_response.import_snapshot_tasks
    }
    #[inline]
    fn resource_tags(
        __ec2_resource: &ImportSnapshotTask,
    ) -> &[::ec2_ops::__private::Tag] {
        <ImportSnapshotTask as ::ec2_ops::__private::Tagged>::tags(__ec2_resource)
    }
}
#[automatically_derived]
impl ::ec2_ops::__private::PaginatedOperation for DescribeImportSnapshotTasks {
    fn set_max_results(
        __ec2_request: &mut DescribeImportSnapshotTasksRequest,
        __ec2_max_results: ::core::option::Option<i32>,
    ) {
        __ec2_request.max_results = __ec2_max_results;
    }
    fn set_next_token(
        __ec2_request: &mut DescribeImportSnapshotTasksRequest,
        __ec2_next_token: ::core::option::Option<::std::string::String>,
    ) {
        __ec2_request.next_token = __ec2_next_token;
    }
    fn next_token(
        __ec2_response: &DescribeImportSnapshotTasksResponse,
    ) -> ::core::option::Option<&str> {
        ::core::option::Option::as_deref(&__ec2_response.next_token)
    }
}
