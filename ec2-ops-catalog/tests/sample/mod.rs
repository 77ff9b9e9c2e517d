//! Random AWS CLI JSON for any shape of the catalog's model (`model/ec2-describe.json`): what the
//! catalog's per-operation proof samples outputs with, and what the capture's round trip seeds
//! every operation with (`ec2-ops-capture/tests/`, which includes this file by path).
//!
//! Two kinds of sample:
//! - [`Sampler::new`], a round of the catalog's proof: texts carrying XML and wildcard
//!   metacharacters, enum values the model does not list, and (after the first round) members
//!   left out at random;
//! - [`Sampler::plain`], a resource as EC2 would answer it: every member present, plain texts,
//!   listed enum values, times within 2000–2030.

#![allow(dead_code)] // Each including test uses its part.

use std::sync::OnceLock;

use base64::Engine;
use ec2_ops::DateTime;
use serde_json::{Map, Value};

/// The catalog's model: the operations it declares and every shape they reach.
pub fn model() -> &'static Value {
    static MODEL: OnceLock<Value> = OnceLock::new();
    MODEL.get_or_init(|| {
        serde_json::from_str(include_str!("../../model/ec2-describe.json"))
            .expect("the vendored model is JSON")
    })
}

/// A shape of the model by name (`Null` for none).
pub fn shape(name: &str) -> &'static Value {
    &model()["shapes"][name]
}

/// Random AWS CLI JSON for model shapes: a small xorshift generator, reproducible per seed.
pub struct Sampler {
    /// The members every structure sampled keeps (the response's list, and the structure holding
    /// it: `ApplicationStatuses.Instances`).
    always: Option<&'static str>,
    state: u64,
    counter: u64,
    leave_out: bool,
    plain: bool,
}

impl Sampler {
    /// Round `round` of `action`'s proof: the first with every member present, the next leaving
    /// members out at random; `always` names the list every structure on its path keeps.
    pub fn new(action: &str, round: u64, always: Option<&'static str>) -> Self {
        Sampler {
            always,
            state: Self::seed(action, round),
            counter: 0,
            leave_out: round > 0,
            plain: false,
        }
    }

    /// Plain samples for `action`, varied by `salt`: every member present, texts of letters,
    /// digits and dashes, enum values the model lists, times between 2000 and 2030.
    pub fn plain(action: &str, salt: u64) -> Self {
        Sampler {
            always: None,
            state: Self::seed(action, salt),
            counter: 0,
            leave_out: false,
            plain: true,
        }
    }

    fn seed(action: &str, salt: u64) -> u64 {
        let seed = action
            .bytes()
            .fold(0x9E37_79B9_7F4A_7C15_u64 ^ salt, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3)
            });
        seed | 1
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn text(&mut self) -> String {
        self.counter += 1;
        const TAILS: [&str; 5] = ["", "<&>\"'", "é–\u{1F600}", "*?\\", " two words "];
        let counter = self.counter;
        let noise = self.below(1 << 20);
        if self.plain {
            return format!("v{counter}-{noise:x}");
        }
        let tail = TAILS[self.below(5) as usize];
        format!("v{counter}-{noise:x}{tail}")
    }

    /// A sample of shape `name`.
    pub fn sample(&mut self, name: &str) -> Value {
        let shape = shape(name);
        match shape["type"].as_str().unwrap_or_default() {
            "structure" => {
                let mut object = Map::new();
                for (member, reference) in shape["members"].as_object().into_iter().flatten() {
                    // Tags always carry both halves, and a response always its list (`[]` when
                    // EC2 answers none); other members may be left out.
                    let kept = name == "Tag"
                        || self
                            .always
                            .is_some_and(|path| path.split('.').any(|held| held == member));
                    if !kept && self.leave_out && self.below(5) == 0 {
                        continue;
                    }
                    let member_shape = reference["shape"].as_str().unwrap_or_default();
                    object.insert(member.clone(), self.sample(member_shape));
                }
                Value::Object(object)
            }
            "list" => {
                let element = shape["member"]["shape"].as_str().unwrap_or_default();
                let count = if self.leave_out {
                    self.below(4)
                } else {
                    1 + self.below(3)
                };
                Value::Array((0..count).map(|_| self.sample(element)).collect())
            }
            "string" => match shape["enum"].as_array() {
                Some(values) if self.plain || self.below(8) > 0 => {
                    values[self.below(values.len() as u64) as usize].clone()
                }
                Some(_) => Value::String(format!("unlisted-{}", self.below(1000))),
                None => Value::String(self.text()),
            },
            "integer" if self.plain => Value::from(self.below(1_000) as i64),
            "integer" => Value::from(self.below(2_000_000) as i64 - 1_000),
            "long" if self.plain => Value::from(self.below(1_000_000) as i64),
            "long" => Value::from(self.next() as i64 / 3),
            "boolean" => Value::Bool(self.below(2) == 1),
            "double" | "float" => Value::from((self.below(1 << 24) as f64 - 1000.0) / 4.0),
            "timestamp" => {
                // 2000-01-01 to 2030-01-01 for a plain sample.
                let millis = if self.plain {
                    946_684_800_000 + self.below(946_728_000_000) as i64
                } else {
                    self.below(4_000_000_000_000) as i64
                };
                Value::String(DateTime::from_unix_millis(millis).unwrap().to_string())
            }
            "blob" => {
                let bytes: Vec<u8> = (0..1 + self.below(12)).map(|_| self.next() as u8).collect();
                Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
            }
            other => {
                panic!("shape `{name}` has type `{other}`, which no describe operation reaches")
            }
        }
    }
}
