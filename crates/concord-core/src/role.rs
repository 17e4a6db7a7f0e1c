//! The roles a user of a node can hold (see DESIGN.md, "Users and roles").

use crate::picklist::picklist;

picklist! {
    /// What a user of a node may do. Each role is a job, not a level: an analyst sees
    /// statistics and cases but sends nothing, a field officer works on their own unit's
    /// cases only.
    Role, "role" {
        Administrator => "Administrator: node settings, users, partners";
        LiaisonOfficer => "Liaison officer: sends and answers requests, reviews hits";
        Analyst => "Analyst: cases and statistics, no outgoing messages";
        FieldOfficer => "Field officer: enters and sees their own unit's cases";
    }
}
