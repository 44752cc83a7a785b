//! What may be written to a member record's dossier (creation, corrections).

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::members::{Gender, PoliticalTheory};

use crate::db::schema::members;

/// Dossier fields that may be written (creation and corrections). `None` leaves a field alone;
/// `Some(None)` clears it.
#[derive(Debug, Default, Clone, AsChangeset, Insertable, serde::Serialize)]
#[diesel(table_name = members)]
pub struct ProfileChanges {
    /// Full name.
    pub full_name: Option<String>,
    /// Folded name.
    pub name_folded: Option<String>,
    /// Sort key.
    pub name_sort_key: Option<String>,
    /// Birth name.
    pub birth_name: Option<Option<String>>,
    /// Other names.
    pub other_names: Option<Option<String>>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
    /// Place of birth.
    pub birth_place: Option<Option<String>>,
    /// Home town.
    pub hometown: Option<Option<String>>,
    /// Permanent residence.
    pub permanent_address: Option<Option<String>>,
    /// Current residence.
    pub current_address: Option<Option<String>>,
    /// Ethnicity.
    pub ethnicity: Option<Option<String>>,
    /// Religion.
    pub religion: Option<Option<String>>,
    /// CCCD.
    pub national_id: Option<Option<String>>,
    /// Legacy 9-digit CMND.
    pub legacy_id_no: Option<Option<String>>,
    /// Phone.
    pub phone: Option<Option<String>>,
    /// E-mail.
    pub email: Option<Option<String>>,
    /// Education.
    pub education_general: Option<Option<String>>,
    /// Qualification.
    pub professional_qualification: Option<Option<String>>,
    /// Degree.
    pub academic_degree: Option<Option<String>>,
    /// Title.
    pub academic_title: Option<Option<String>>,
    /// Political theory.
    pub political_theory: Option<Option<PoliticalTheory>>,
    /// State management.
    pub state_management: Option<Option<String>>,
    /// Languages.
    pub foreign_languages: Option<Option<String>>,
    /// IT.
    pub it_level: Option<Option<String>>,
    /// Occupation.
    pub occupation: Option<Option<String>>,
    /// Job title.
    pub job_title: Option<Option<String>>,
    /// Workplace.
    pub workplace: Option<Option<String>>,
    /// Youth Union.
    pub youth_union_joined_on: Option<Option<NaiveDate>>,
    /// Personal-history number.
    pub personal_history_no: Option<Option<String>>,
    /// Admission decision number.
    pub admission_decision_no: Option<Option<String>>,
    /// Introducers.
    pub introducers: Option<Option<String>>,
    /// Ceremony place.
    pub ceremony_place: Option<Option<String>>,
}
