//! Operations over several tables inside one transaction.

pub mod alerts;
pub mod bootstrap;
pub mod members;
pub mod movements;
pub mod restructure;
pub mod transfers;
pub mod users;
