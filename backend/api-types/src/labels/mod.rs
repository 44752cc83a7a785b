//! The labels of every vocabulary term, one file per language ([`vi`], [`en`]): each concept
//! is one exhaustive match, so a new value without a label in every language fails to compile.
//! Server exports, reports and the web client all read their labels from here.

pub mod en;
pub mod vi;
