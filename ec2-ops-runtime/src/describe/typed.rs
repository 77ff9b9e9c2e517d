//! Operations with typed requests and responses: the pipeline behind a decoded request and the
//! response it answers with.

use crate::describe::context::{DescribeContext, new_request_id};
use crate::describe::pipeline::{DescribeInput, Page, describe};
use crate::describe::source::ResourceSource;
use crate::error::Ec2Error;
use crate::operation::Operation;
use crate::wire::{Ec2Request, Ec2Response};

/// An operation with typed request and response: what `#[ec2_operation]` generates.
pub trait DescribeOperation: Operation {
    /// The request type.
    type Request: Ec2Request;
    /// The response type.
    type Response: Ec2Response;

    /// The describe parameters of a request.
    fn input(request: &Self::Request) -> DescribeInput<'_>;

    /// The response for one page.
    fn response(page: Page<Self::Resource>, request_id: String) -> Self::Response;

    /// How many resources a response lists (for logs).
    fn response_len(response: &Self::Response) -> usize;

    /// Runs the operation: DryRun → validation → IDs → filters → pagination → response.
    ///
    /// # Errors
    /// EC2's error for the first rule the request breaks.
    fn run<S>(
        request: &Self::Request,
        source: &S,
        context: &DescribeContext,
    ) -> Result<Self::Response, Ec2Error>
    where
        Self::Resource: Clone,
        S: ResourceSource<Self::Resource> + ?Sized,
    {
        let page = describe::<Self, S>(&Self::input(request), source, context)?;
        Ok(Self::response(page, new_request_id()))
    }
}
