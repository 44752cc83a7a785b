//! One module per screen.

pub mod dashboard;
pub mod evaluations;
pub mod login;
pub mod member;
pub mod members;
pub mod organizations;
pub mod transfers;
