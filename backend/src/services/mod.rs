//! Operations over several tables inside one transaction.

pub mod alerts;
pub mod badge_eligibility;
pub mod badge_occasions;
pub mod badges;
pub mod bootstrap;
pub mod cards;
pub mod discipline_remedies;
pub mod disclosure;
pub mod evaluations;
pub mod illnesses;
pub mod imports;
pub mod integrity;
pub mod members;
pub mod movements;
pub mod name_removal;
pub mod reports;
pub mod restructure;
pub mod seed;
pub mod spreadsheet;
pub mod sync;
pub mod transfers;
pub mod users;
