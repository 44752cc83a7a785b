//! Rules 27 and 28: a resolution's vote reaches two thirds of the body's voting members — of
//! all of them, not of those present — counted in integers (no floating point).

/// A vote on a resolution proposing an admission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vote {
    /// The body's voting members the share is counted on. For a cell: its official members,
    /// less those registered temporarily elsewhere and those exempt from activities who were
    /// absent (294-QĐ/TW §9.3.2). For a committee: its members.
    pub members: u32,
    /// Those who agreed.
    pub agreeing: u32,
}

impl Vote {
    /// Whether the count is possible: at least one member, no more agreeing than members.
    pub fn is_consistent(self) -> bool {
        self.members > 0 && self.agreeing <= self.members
    }

    /// The fewest agreeing votes that reach two thirds of the members: ⌈2·members / 3⌉.
    pub fn needed(self) -> u32 {
        let twice = u64::from(self.members) * 2;
        u32::try_from(twice.div_ceil(3)).unwrap_or(u32::MAX)
    }

    /// Whether at least two thirds of the members agreed: 3·agreeing ≥ 2·members.
    pub fn reaches_two_thirds(self) -> bool {
        u64::from(self.agreeing) * 3 >= u64::from(self.members) * 2
    }
}
