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

/// Something a user may be allowed to do. Every endpoint and page of the node names the
/// permission it needs, and [`Role::may`] is the one place that says which role holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Read cases and the persons in them, identifying data included (a field officer:
    /// only their own unit's).
    ReadCases,
    /// Create and edit cases (a field officer: only their own unit's).
    WriteCases,
    /// Read the node's statistics, which count across every unit.
    ReadStatistics,
    /// Read partners, agreements and the delivery status of messages.
    ReadPartners,
    /// Add partners and change agreements.
    ManagePartners,
    /// Send messages to partners.
    SendMessages,
    /// Add users and reset their passwords.
    ManageUsers,
    /// Read the audit trail.
    ReadAudit,
}

impl Role {
    /// Whether this role holds `permission`.
    ///
    /// The table follows DESIGN.md: an administrator runs the node (users, partners, the
    /// audit trail) and may read and correct cases; a liaison officer deals with partners
    /// and reads cases but does not edit them; an analyst works on cases and statistics
    /// and sends nothing; a field officer enters and reads cases of their own unit only,
    /// and sees no statistics, which count every unit's cases.
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Administrator => !matches!(permission, SendMessages),
            Role::LiaisonOfficer => matches!(permission, ReadCases | ReadStatistics | ReadPartners | SendMessages),
            Role::Analyst => matches!(permission, ReadCases | WriteCases | ReadStatistics),
            Role::FieldOfficer => matches!(permission, ReadCases | WriteCases),
        }
    }

    /// Whether this role sees only the cases of its own unit.
    pub fn limited_to_unit(self) -> bool {
        self == Role::FieldOfficer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_administrators_manage_users_and_read_the_audit_trail() {
        for role in [Role::LiaisonOfficer, Role::Analyst, Role::FieldOfficer] {
            assert!(!role.may(Permission::ManageUsers), "{role:?}");
            assert!(!role.may(Permission::ReadAudit), "{role:?}");
        }
        assert!(Role::Administrator.may(Permission::ManageUsers));
        assert!(Role::Administrator.may(Permission::ReadAudit));
    }

    #[test]
    fn only_liaison_officers_send_messages() {
        let senders: Vec<_> = [
            Role::Administrator,
            Role::LiaisonOfficer,
            Role::Analyst,
            Role::FieldOfficer,
        ]
        .into_iter()
        .filter(|r| r.may(Permission::SendMessages))
        .collect();
        assert_eq!(senders, [Role::LiaisonOfficer]);
    }

    #[test]
    fn field_officers_see_their_unit_and_no_statistics() {
        assert!(Role::FieldOfficer.limited_to_unit());
        assert!(Role::FieldOfficer.may(Permission::WriteCases));
        assert!(!Role::FieldOfficer.may(Permission::ReadStatistics));
        assert!(!Role::Analyst.limited_to_unit());
    }
}
