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
    crate::evaluations::EvaluationLevel {
        Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Good => "Hoàn thành tốt nhiệm vụ",
        Complete => "Hoàn thành nhiệm vụ",
        NotComplete => "Không hoàn thành nhiệm vụ",
        NotRated => "Không xếp loại",
    }
    crate::evaluations::NotRatedReason {
        RecentlyAdmitted => "Mới kết nạp chưa đủ 6 tháng",
        Exempt => "Miễn công tác và sinh hoạt đảng",
        Suspended => "Đình chỉ sinh hoạt",
    }
    crate::evaluations::RoundStatus { Open => "Đang đánh giá", Closed => "Đã khóa sổ" }
    crate::reports::ReportCode {
        Movement => "Báo cáo biến động đảng viên",
        Composition => "Báo cáo cơ cấu đội ngũ đảng viên",
        Admissions => "Báo cáo kết nạp đảng viên",
        Evaluations => "Báo cáo kết quả đánh giá, xếp loại chất lượng đảng viên",
        Discipline => "Báo cáo kỷ luật đảng viên",
        Badges => "Báo cáo trao tặng Huy hiệu Đảng",
        Completeness => "Báo cáo chất lượng dữ liệu hồ sơ đảng viên",
    }
);
