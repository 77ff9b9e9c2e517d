//! Paginators: every page of a paginated operation, or every item, as an async stream.

use std::collections::VecDeque;

use ec2_ops_runtime::PaginatedOperation;
use futures_util::Stream;
use futures_util::stream::{self, StreamExt};

use crate::client::Client;
use crate::error::ClientError;

/// Walks a paginated operation: each page asks with the previous page's `NextToken` until a page
/// has none. The walk also stops when EC2 answers with the token it was just sent (the AWS SDKs'
/// guard against a service that would loop), and after the first error, which the stream yields.
///
/// Unlike the official SDK's paginators, [`page_size`](Self::page_size) is sent as `MaxResults` on
/// every page, including the first.
#[derive(Debug)]
pub struct Paginator<O: PaginatedOperation> {
    client: Client,
    request: O::Request,
    page_size: Option<i32>,
}

/// Where a walk is.
enum Walk<O: PaginatedOperation> {
    /// The next page to ask for (`None`: the first).
    Next {
        paginator: Paginator<O>,
        token: Option<String>,
    },
    Done,
}

impl<O> Paginator<O>
where
    O: PaginatedOperation,
    O::Response: Default,
{
    pub(crate) fn new(client: Client, request: O::Request) -> Self {
        Paginator {
            client,
            request,
            page_size: None,
        }
    }

    /// Sends `MaxResults=size` with every page (the operation's bounds apply: EC2 refuses sizes
    /// outside them).
    pub fn page_size(mut self, size: i32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Every page's response, in order.
    pub fn pages(self) -> impl Stream<Item = Result<O::Response, ClientError>> {
        let first = Walk::Next {
            paginator: self,
            token: None,
        };
        stream::unfold(first, |walk| async move {
            let Walk::Next {
                mut paginator,
                token,
            } = walk
            else {
                return None;
            };
            O::set_max_results(&mut paginator.request, paginator.page_size);
            O::set_next_token(&mut paginator.request, token.clone());
            match paginator.client.send::<O>(&paginator.request).await {
                Ok(response) => {
                    let next = O::next_token(&response)
                        .filter(|next| !next.is_empty() && Some(*next) != token.as_deref())
                        .map(str::to_owned);
                    let walk = match next {
                        Some(next) => Walk::Next {
                            paginator,
                            token: Some(next),
                        },
                        None => Walk::Done,
                    };
                    Some((Ok(response), walk))
                }
                Err(error) => Some((Err(error), Walk::Done)),
            }
        })
    }

    /// Every item of every page, in order.
    pub fn items(self) -> impl Stream<Item = Result<O::Resource, ClientError>>
    where
        O::Resource: Clone,
    {
        self.pages().flat_map(|page| {
            let items: VecDeque<Result<O::Resource, ClientError>> = match page {
                Ok(response) => O::response_items(&response)
                    .iter()
                    .cloned()
                    .map(Ok)
                    .collect(),
                Err(error) => VecDeque::from([Err(error)]),
            };
            stream::iter(items)
        })
    }
}
