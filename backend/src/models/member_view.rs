//! The views of a member record: its party-age facts, status, missing fields and API form.

use chrono::NaiveDate;

use crate::domain::privacy::Privacy;
use qldv_api_types::members::{self as dto, MemberStatus};

use crate::domain::party_age::{self, PartyAgeFacts, Period};
use crate::models::member::MemberRow;
use crate::models::member_query::covers;

/// Required dossier fields (data completeness counts the empty ones).
pub const REQUIRED_FIELDS: [&str; 12] = [
    "birth_place",
    "hometown",
    "permanent_address",
    "current_address",
    "ethnicity",
    "religion",
    "national_id",
    "education_general",
    "political_theory",
    "occupation",
    "personal_history_no",
    "admission_decision_no",
];

/// The identity and dossier of a `members` row (a member's or a candidate's: both row types
/// select the same columns) as `privacy` shows them: the one place the members' privacy table
/// is applied to a profile, so a field masked for one is masked for the other.
macro_rules! masked_profile {
    ($row:expr, $privacy:expr) => {
        qldv_api_types::members::MemberProfile {
            full_name: Some($row.full_name.clone()),
            birth_name: $row.birth_name.clone(),
            other_names: $row.other_names.clone(),
            gender: Some($row.gender),
            birth_date: Some($row.birth_date),
            birth_place: $row.birth_place.clone(),
            hometown: $row.hometown.clone(),
            permanent_address: $privacy.show(
                $crate::domain::privacy::Field::Address,
                $row.permanent_address.clone(),
            ),
            current_address: $privacy.show(
                $crate::domain::privacy::Field::Address,
                $row.current_address.clone(),
            ),
            ethnicity: $privacy.show(
                $crate::domain::privacy::Field::Ethnicity,
                $row.ethnicity.clone(),
            ),
            religion: $privacy.show(
                $crate::domain::privacy::Field::Religion,
                $row.religion.clone(),
            ),
            national_id: $privacy.show(
                $crate::domain::privacy::Field::NationalId,
                $row.national_id.clone(),
            ),
            legacy_id_no: $privacy.show(
                $crate::domain::privacy::Field::NationalId,
                $row.legacy_id_no.clone(),
            ),
            phone: $privacy.show($crate::domain::privacy::Field::Phone, $row.phone.clone()),
            email: $privacy.show($crate::domain::privacy::Field::Email, $row.email.clone()),
            education_general: $row.education_general.clone(),
            professional_qualification: $row.professional_qualification.clone(),
            academic_degree: $row.academic_degree.clone(),
            academic_title: $row.academic_title.clone(),
            political_theory: $row.political_theory,
            state_management: $row.state_management.clone(),
            foreign_languages: $row.foreign_languages.clone(),
            it_level: $row.it_level.clone(),
            occupation: $row.occupation.clone(),
            job_title: $row.job_title.clone(),
            workplace: $row.workplace.clone(),
            youth_union_joined_on: $row.youth_union_joined_on,
            personal_history_no: $row.personal_history_no.clone(),
            admission_decision_no: $row.admission_decision_no.clone(),
            introducers: $row.introducers.clone(),
            ceremony_place: $row.ceremony_place.clone(),
        }
    };
}
pub(crate) use masked_profile;

impl MemberRow {
    /// The facts party age is computed from (cached on the row from the events): the closed
    /// interruptions as the dated periods they were, and the open one.
    pub fn party_age_facts(&self) -> PartyAgeFacts {
        let mut interruptions = match self.interruptions.as_deref().map(party_age::decode) {
            Some(Ok(periods)) => periods,
            // A row not derived again since the periods were kept (start-up derives them), or
            // a malformed cache: the recorded length, placed at the start as it used to be.
            Some(Err(_)) | None => (self.interruption_days > 0)
                .then(|| Period {
                    from: self.first_admission_decision_on,
                    to: Some(
                        self.first_admission_decision_on
                            + chrono::Duration::days(self.interruption_days),
                    ),
                })
                .into_iter()
                .collect(),
        };
        if let Some(since) = self.interrupted_since {
            interruptions.push(Period {
                from: since,
                to: None,
            });
        }
        PartyAgeFacts {
            first_decision: self.first_admission_decision_on,
            recognised: self.ever_recognised,
            interruptions,
        }
    }

    /// The status.
    pub fn status(&self) -> MemberStatus {
        self.status
    }

    /// Dossier fields of [`REQUIRED_FIELDS`] that are empty.
    pub fn missing_fields(&self) -> Vec<String> {
        let present = |f: &str| -> bool {
            let v = match f {
                "birth_place" => &self.birth_place,
                "hometown" => &self.hometown,
                "permanent_address" => &self.permanent_address,
                "current_address" => &self.current_address,
                "ethnicity" => &self.ethnicity,
                "religion" => &self.religion,
                "national_id" => &self.national_id,
                "education_general" => &self.education_general,
                "political_theory" => return self.political_theory.is_some(),
                "occupation" => &self.occupation,
                "personal_history_no" => &self.personal_history_no,
                "admission_decision_no" => &self.admission_decision_no,
                _ => return true,
            };
            v.as_deref().is_some_and(|s| !s.trim().is_empty())
        };
        REQUIRED_FIELDS
            .iter()
            .filter(|f| !present(f))
            .map(|f| f.to_string())
            .collect()
    }

    /// The API view, with party age as of `today` and personal data as `privacy` allows.
    pub fn to_dto(&self, today: NaiveDate, privacy: Privacy) -> dto::Member {
        dto::Member {
            id: self.id,
            organization_id: self.organization_id,
            profile: masked_profile!(self, privacy),
            first_admission_decision_on: self.first_admission_decision_on,
            admission_decision_on: self.admission_decision_on,
            ceremony_on: self.ceremony_on,
            official_on: self.official_on,
            status: self.status(),
            party_age_years: party_age::years(&self.party_age_facts(), today),
            card_number: self.card_number.clone(),
            in_transit: self.in_transit,
            exempt: covers(self.exempt_from, self.exempt_to, today),
            away: covers(self.away_from, self.away_to, today),
            missing_fields: self.missing_fields(),
            version: self.version,
            updated_at: super::utc(self.updated_at),
        }
    }
}
