//! Nhãn tiếng Việt of every term (see [`crate::vocabulary`]).

use crate::movements::TransferKind;
use crate::vocabulary::labels;

labels!(Vietnamese, vi;
    TransferKind { Official => "Chính thức", Temporary => "Tạm thời" }
);
