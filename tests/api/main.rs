//! The black-box API suite: one binary, every test on its own fresh database. Runs on SQLite, or
//! on PostgreSQL when `TEST_DATABASE_URL` is set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod access;
mod access_matrix;
mod alerts;
mod audit;
mod auth;
mod badge_rules;
mod badges;
mod cards;
mod changes;
mod concurrency;
mod contract;
mod deployment;
mod evaluations;
mod export;
mod health;
mod idempotency;
mod imports;
mod lifecycle;
mod members;
mod movement_property;
mod name_removal;
mod openapi;
mod oracle;
mod organizations;
mod privacy;
mod problems;
mod reports;
mod restructure;
mod rules_doc;
mod scoped_admin;
mod search;
mod security;
mod seed;
mod sessions;
mod sign_in;
mod sync;
mod sync_scope;
mod transfers;
mod unit_of_work;
mod uploads;
mod users;
mod vocabulary;
