//! English labels of every term (see [`crate::vocabulary`]).

use crate::movements::TransferKind;
use crate::vocabulary::labels;

labels!(English, en;
    TransferKind { Official => "Official", Temporary => "Temporary" }
);
