//! Nhãn tiếng Việt of every term (see [`crate::vocabulary`]).

use crate::movements::TransferKind;
use crate::vocabulary::labels;

labels!(Vietnamese, vi;
    TransferKind { Official => "Chính thức", Temporary => "Tạm thời" }
);

// Transfers, cards, badges, evaluations and reports.
labels!(Vietnamese, vi;
    crate::movements::TransferPurpose { Work => "Làm việc", Residence => "Cư trú", Study => "Học tập" }
    crate::movements::TransferStatus {
        Pending => "Chờ tiếp nhận",
        Accepted => "Đã tiếp nhận",
        Rejected => "Bị từ chối",
        Cancelled => "Đã hủy",
        Completed => "Hoàn tất",
    }
    crate::movements::TransferDirection { Incoming => "Chuyển đến", Outgoing => "Chuyển đi" }
    crate::cards::CardStatus {
        Active => "Đang sử dụng",
        Void => "Đã cấp lại",
        Revoked => "Đã thu hồi",
        Collected => "Đã thu lại",
    }
    crate::cards::ReissueReason { Lost => "Bị mất", Damaged => "Bị hư hỏng" }
    crate::badges::BadgeStatus { Awarded => "Đã trao", Returned => "Đã thu hồi" }
    crate::badges::ProposalStatus { Proposed => "Đã đề nghị", Approved => "Đã duyệt", Rejected => "Bị từ chối" }
);
