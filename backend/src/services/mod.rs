//! Operations over several tables inside one transaction.

pub mod bootstrap;
pub mod users;
