//! Operations over several tables inside one transaction.

pub mod alerts;
pub mod arrivals;
pub mod alerts_refused;
pub mod badges;
pub mod bootstrap;
pub mod calendar;
pub mod cards;
pub mod cases;
pub mod disclosure;
pub mod entry;
pub mod evaluations;
pub mod illnesses;
pub mod imports;
pub mod integrity;
pub mod interruptions;
pub mod members;
pub mod movements;
pub mod regulations;
pub mod reports;
pub mod restructure;
pub mod seed;
pub mod spreadsheet;
pub mod sync;
pub mod transfers;
pub mod users;
