//! Every resource's tags through one generated accessor: `#[ec2_shape]` implements `Tagged` (the
//! `tagSet` field, or no tags), and `#[ec2_operation]` answers `DescribeOperation::resource_tags`
//! for a stored unit (a `nested` operation's unit: its one item's tags).

use ec2_ops::operations::instances::{DescribeInstances, Instance, Reservation};
use ec2_ops::operations::volumes::{DescribeVolumes, Volume};
use ec2_ops::{DescribeOperation, Tag, Tagged, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listed {
    pub listed_id: String,
    #[ec2(xml = "tagSet")]
    pub tags: Vec<Tag>,
}

#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MaybeListed {
    pub maybe_id: Option<String>,
    #[ec2(xml = "tagSet")]
    pub tags: Option<Vec<Tag>>,
}

/// `tag_set` is `<tagSet>` by the default naming rule.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NamedByRule {
    pub tag_set: Vec<ec2_ops::Tag>,
}

/// Tags that are not the structure's own: another element name (a `TagSpecification`'s `<Tag>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Untagged {
    pub untagged_id: Option<String>,
    #[ec2(xml = "Tag")]
    pub tags: Option<Vec<Tag>>,
}

fn name(value: &str) -> Vec<Tag> {
    vec![Tag::new("Name", value)]
}

#[test]
fn a_list_field_named_tag_set_is_the_shape_s_tags() {
    let listed = Listed {
        listed_id: "l-1".into(),
        tags: name("a"),
    };
    assert_eq!(listed.tags(), name("a"));
    assert!(Listed::default().tags().is_empty());
}

#[test]
fn an_optional_list_named_tag_set_is_the_shape_s_tags_and_absent_is_none() {
    let maybe = MaybeListed {
        maybe_id: None,
        tags: Some(name("b")),
    };
    assert_eq!(Tagged::tags(&maybe), name("b"));
    assert!(Tagged::tags(&MaybeListed::default()).is_empty());
    assert!(
        Tagged::tags(&MaybeListed {
            tags: Some(Vec::new()),
            ..MaybeListed::default()
        })
        .is_empty()
    );
}

#[test]
fn the_default_xml_name_counts_and_other_tag_lists_do_not() {
    let by_rule = NamedByRule { tag_set: name("c") };
    assert_eq!(by_rule.tags(), name("c"));
    let untagged = Untagged {
        untagged_id: Some("u-1".into()),
        tags: Some(name("d")),
    };
    assert_eq!(Tagged::tags(&untagged), [] as [Tag; 0]);
}

#[test]
fn a_volume_answers_its_tags() {
    let volume = Volume {
        volume_id: Some("vol-1".into()),
        tags: Some(name("data")),
        ..Volume::default()
    };
    assert_eq!(DescribeVolumes::resource_tags(&volume), name("data"));
    assert!(DescribeVolumes::resource_tags(&Volume::default()).is_empty());
}

#[test]
fn an_instances_unit_answers_its_instance_s_tags() {
    let instance = |id: &str, tags: Option<Vec<Tag>>| Instance {
        instance_id: Some(id.into()),
        tags,
        ..Instance::default()
    };
    let reservation = Reservation {
        reservation_id: Some("r-1".into()),
        instances: Some(vec![
            instance("i-1", Some(name("web"))),
            instance("i-2", None),
        ]),
        ..Reservation::default()
    };
    let units = DescribeInstances::units(reservation);
    assert_eq!(units.len(), 2);
    assert_eq!(DescribeInstances::resource_tags(&units[0]), name("web"));
    assert!(DescribeInstances::resource_tags(&units[1]).is_empty());
    // A reservation has no tags of its own, and one without instances answers none.
    assert!(Reservation::default().tags().is_empty());
    assert!(DescribeInstances::resource_tags(&Reservation::default()).is_empty());
}
