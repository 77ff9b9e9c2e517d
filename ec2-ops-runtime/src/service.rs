//! The service: routing a raw Query request to the operation its `Action` names, and answering with
//! EC2's XML body and HTTP status.
//!
//! ```
//! use std::sync::Arc;
//! use ec2_ops_runtime::{DescribeContext, Service};
//!
//! let service = Service::new(DescribeContext::default());
//! let answer = service.handle(b"Action=DescribeNothing&Version=2016-11-15");
//! assert_eq!(answer.status, 400);
//! assert!(String::from_utf8(answer.body).unwrap().contains("<Code>InvalidAction</Code>"));
//! ```

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::describe::{Caller, DescribeContext, DescribeOperation, ResourceSource};
use crate::error::Ec2Error;
use crate::wire::query::QueryParams;
use crate::wire::xml::render_error;
use crate::wire::{Ec2Request, Ec2Response};

type Handler = Box<
    dyn Fn(QueryParams, &DescribeContext, &Caller) -> Result<(Vec<u8>, usize), Ec2Error>
        + Send
        + Sync,
>;

/// A set of operations, each over its own resource source, answering raw Query requests.
pub struct Service {
    context: DescribeContext,
    handlers: BTreeMap<&'static str, Handler>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("actions", &self.handlers.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The answer to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status: 200, or the error's.
    pub status: u16,
    /// The XML body (`text/xml;charset=UTF-8`).
    pub body: Vec<u8>,
    /// The action, when the request named one.
    pub action: Option<String>,
    /// How many resources the response lists (0 on error).
    pub items: usize,
    /// The error code, on error.
    pub error_code: Option<String>,
}

impl Service {
    /// A service with no operations yet.
    pub fn new(context: DescribeContext) -> Self {
        Service {
            context,
            handlers: BTreeMap::new(),
        }
    }

    /// Serves operation `O` from `source`; a later registration of the same action replaces it.
    pub fn register<O, S>(&mut self, source: Arc<S>) -> &mut Self
    where
        O: DescribeOperation + 'static,
        O::Resource: Clone,
        S: ResourceSource<O::Resource> + Send + Sync + 'static,
    {
        let handler: Handler = Box::new(move |params, context, caller| {
            let request = O::Request::from_query(params)?;
            let response = O::run_for(&request, &*source, context, caller)?;
            let items = O::response_len(&response);
            Ok((response.to_xml(), items))
        });
        self.handlers.insert(O::SPEC.action, handler);
        self
    }

    /// The actions served, in order.
    pub fn actions(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.handlers.keys().copied()
    }

    /// The context every call runs with.
    pub fn context(&self) -> &DescribeContext {
        &self.context
    }

    /// Answers a form body or query string for a caller of the context's account and region; see
    /// [`Service::handle_as`].
    pub fn handle(&self, params: &[u8]) -> Answer {
        self.handle_as(params, &self.context.caller())
    }

    /// Answers a form body or query string for `caller`: `Action` and `Version` are checked, the
    /// request decoded and run; any failure is EC2's error body with its status. The answer carries
    /// the caller's request ID.
    pub fn handle_as(&self, params: &[u8], caller: &Caller) -> Answer {
        let mut action_name = None;
        let result = (|| {
            let mut params = QueryParams::parse(params)?;
            let action = params.action()?;
            action_name = Some(action.clone());
            let handler = self
                .handlers
                .get(action.as_str())
                .ok_or_else(|| Ec2Error::invalid_action(&action))?;
            params.check_version()?;
            handler(params, &self.context, caller)
        })();
        match result {
            Ok((body, items)) => Answer {
                status: 200,
                body,
                action: action_name,
                items,
                error_code: None,
            },
            Err(error) => Answer {
                status: error.status(),
                body: render_error(&error, &caller.request_id),
                action: action_name,
                items: 0,
                error_code: Some(error.code().to_owned()),
            },
        }
    }
}
