//! English labels of every term (see [`crate::vocabulary`]).

use crate::movements::TransferKind;
use crate::vocabulary::labels;

labels!(English, en;
    TransferKind { Official => "Official", Temporary => "Temporary" }
);

// Transfers, cards, badges, evaluations and reports.
labels!(English, en;
    crate::movements::TransferPurpose { Work => "Work", Residence => "Residence", Study => "Study" }
    crate::movements::TransferStatus {
        Pending => "Pending",
        Accepted => "Accepted",
        Rejected => "Rejected",
        Cancelled => "Cancelled",
        Completed => "Completed",
    }
    crate::movements::TransferDirection { Incoming => "Incoming", Outgoing => "Outgoing" }
    crate::cards::CardStatus {
        Active => "Active",
        Void => "Void",
        Revoked => "Revoked",
        Collected => "Collected",
    }
    crate::cards::ReissueReason { Lost => "Lost", Damaged => "Damaged" }
    crate::badges::BadgeStatus { Awarded => "Awarded", Returned => "Returned" }
    crate::badges::ProposalStatus { Proposed => "Proposed", Approved => "Approved", Rejected => "Rejected" }
    crate::evaluations::EvaluationLevel {
        Excellent => "Excellent",
        Good => "Good",
        Complete => "Complete",
        NotComplete => "Not complete",
        NotRated => "Not rated",
    }
    crate::evaluations::NotRatedReason {
        RecentlyAdmitted => "Recently admitted",
        Exempt => "Exempt from activities",
        Suspended => "Suspended from activities",
    }
    crate::evaluations::RoundStatus { Open => "Open", Closed => "Closed" }
    crate::reports::ReportCode {
        Movement => "Membership movement",
        Composition => "Membership composition",
        Admissions => "New admissions",
        Evaluations => "Evaluation results",
        Discipline => "Discipline",
        Badges => "Party badges awarded",
        Completeness => "Dossier completeness",
    }
);
