//! The client's integration tests in one test binary (each links the endpoint and its catalog, so
//! one binary links them once).

mod against_embedded_endpoint;
mod against_endpoint;
mod signatures;
