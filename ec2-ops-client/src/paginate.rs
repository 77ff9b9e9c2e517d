//! Paginators: every page of a paginated operation, or every item, as an async stream.
//!
//! [`Client::paginate`] is defined here: this module drives the client, the client knows nothing of
//! it.

use ec2_ops_runtime::PaginatedOperation;
use futures_util::Stream;
use futures_util::stream::{self, StreamExt};

use crate::client::Client;
use crate::error::ClientError;

/// Walks a paginated operation: each page asks with the previous page's `NextToken` until a page
/// has none. The walk also stops when EC2 answers with the token it was just sent (the AWS SDKs'
/// guard against a service that would loop), and after the first error, which the stream yields.
///
/// [`page_size`](Self::page_size) is sent as `MaxResults` on every page, the first included;
/// without it the request's own `MaxResults` and `NextToken` (a walk resumed) are sent as given.
pub struct Paginator<O: PaginatedOperation> {
    client: Client,
    request: O::Request,
    page_size: Option<i32>,
}

impl<O: PaginatedOperation> std::fmt::Debug for Paginator<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("action", &O::SPEC.action)
            .field("client", &self.client)
            .field("page_size", &self.page_size)
            .finish_non_exhaustive()
    }
}

/// Where a walk is.
enum Walk<O: PaginatedOperation> {
    /// The next page to ask for, with the token it carries (`None`: the first page, with the
    /// request's own token).
    Next {
        paginator: Paginator<O>,
        token: Option<String>,
    },
    Done,
}

impl Client {
    /// A paginator over `request` as operation `O`: its pages or items as streams.
    pub fn paginate<O>(&self, request: O::Request) -> Paginator<O>
    where
        O: PaginatedOperation,
        O::Response: Default,
    {
        Paginator::new(self.clone(), request)
    }
}

impl<O> Paginator<O>
where
    O: PaginatedOperation,
    O::Response: Default,
{
    /// A walk of `request` with `client`, from the request's own page size and token.
    fn new(client: Client, request: O::Request) -> Self {
        Paginator {
            client,
            request,
            page_size: None,
        }
    }

    /// Sends `MaxResults=size` with every page. A size outside the operation's declared bounds
    /// is refused before anything is sent: the stream's only item is a [`ClientError::Config`].
    pub fn page_size(mut self, size: i32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Why the page size cannot be sent, if it cannot.
    fn page_size_problem(&self) -> Option<ClientError> {
        let size = self.page_size?;
        let bounds = O::SPEC.pagination?;
        let fits = u32::try_from(size)
            .is_ok_and(|size| size >= bounds.min && (bounds.clamp || size <= bounds.max));
        (!fits).then(|| {
            ClientError::Config(format!(
                "page size {size} for {}: it takes {} to {}",
                O::SPEC.action,
                bounds.min,
                bounds.max
            ))
        })
    }

    /// Every page's response, in order.
    pub fn pages(self) -> impl Stream<Item = Result<O::Response, ClientError>> {
        let refused = self.page_size_problem();
        let first = match refused {
            Some(_) => Walk::Done,
            None => Walk::Next {
                paginator: self,
                token: None,
            },
        };
        let walk = stream::unfold(first, |walk| async move {
            let Walk::Next {
                mut paginator,
                token,
            } = walk
            else {
                return None;
            };
            if let Some(size) = paginator.page_size {
                O::set_max_results(&mut paginator.request, Some(size));
            }
            if token.is_some() {
                O::set_next_token(&mut paginator.request, token.clone());
            }
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
        });
        stream::iter(refused.map(Err)).chain(walk)
    }

    /// Every item of every page, in order.
    pub fn items(self) -> impl Stream<Item = Result<O::Resource, ClientError>>
    where
        O::Resource: Clone,
    {
        self.pages().flat_map(|page| {
            let items: Vec<Result<O::Resource, ClientError>> = match page {
                Ok(response) => O::response_items(&response)
                    .iter()
                    .cloned()
                    .map(Ok)
                    .collect(),
                Err(error) => vec![Err(error)],
            };
            stream::iter(items)
        })
    }
}
