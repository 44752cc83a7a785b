//! One module per screen (a member's tabs in `member/`).

pub mod badges;
pub mod candidate;
pub mod candidates;
pub mod cell_month;
pub mod dashboard;
pub mod evaluations;
pub mod imports;
pub mod liaisons;
pub mod login;
pub mod member;
pub mod member_new;
pub mod member_print;
pub mod members;
pub mod organizations;
pub mod rating_inputs;
pub mod report_print;
pub mod reports;
pub mod targets;
pub mod transfers;
pub mod users;
