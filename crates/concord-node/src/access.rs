//! Cases as a signed-in user sees them: only their own unit's when their role is limited
//! to a unit, and every view of identifying data and every change recorded in the audit
//! trail under their name.
//!
//! Which role may read or write at all is decided by the caller (the server checks
//! [`concord_core::Permission`] before it gets here); this module decides *which* cases
//! a permitted user reaches. A case outside the user's reach is reported exactly as a
//! case that does not exist, so that its ID does not even confirm that it exists.

use concord_core::{Case, CaseId, Person, PersonId};

use crate::audit::{self, Event};
use crate::store::sqlite;
use crate::store::{CaseFilter, CaseSummary, Page, Paged, PersonFilter, PersonSummary};
use crate::users::User;
use crate::{Store, StoreError};

/// The unit `user` is limited to, if their role is limited to one. A limited user
/// without a unit (which adding users prevents) reaches no case at all.
fn limit_of(user: &User) -> Option<Option<&str>> {
    user.role.limited_to_unit().then_some(user.unit.as_deref())
}

/// Whether a case of `unit` is within `user`'s reach.
fn reaches(user: &User, unit: Option<&str>) -> bool {
    match limit_of(user) {
        None => true,
        Some(own) => own.is_some() && own == unit,
    }
}

/// The unit every list of `user` is limited to (a unit that no case has, for a limited
/// user without one).
fn list_unit(user: &User, asked: Option<String>) -> Option<String> {
    match limit_of(user) {
        None => asked,
        Some(own) => Some(own.map_or_else(|| "\u{0}no unit".to_string(), str::to_owned)),
    }
}

impl Store {
    /// A page of the cases `user` may see, newest first.
    pub fn cases_for(&self, user: &User, filter: CaseFilter, page: Page) -> Result<Paged<CaseSummary>, StoreError> {
        let filter = CaseFilter {
            unit: list_unit(user, filter.unit.clone()),
            ..filter
        };
        self.list_cases(&filter, page)
    }

    /// A page of the persons in cases `user` may see.
    pub fn persons_for(
        &self,
        user: &User,
        filter: PersonFilter,
        page: Page,
    ) -> Result<Paged<PersonSummary>, StoreError> {
        let filter = PersonFilter {
            unit: list_unit(user, filter.unit.clone()),
            ..filter
        };
        self.list_persons(&filter, page)
    }

    /// Opens a case for `user`, recording the view; `None` if it does not exist or is
    /// out of their reach.
    pub fn open_case(&mut self, user: &User, id: &CaseId) -> Result<Option<Case>, StoreError> {
        if !self.within_reach(user, id)? {
            return Ok(None);
        }
        let case = self.get_case(id)?;
        if case.is_some() {
            self.record(user, Event::CaseViewed, &format!("case {id}"))?;
        }
        Ok(case)
    }

    /// Opens a person for `user`, recording the view; `None` if they do not exist or
    /// their case is out of the user's reach.
    pub fn open_person(&mut self, user: &User, id: &PersonId) -> Result<Option<(CaseId, Person)>, StoreError> {
        let Some((case_id, person)) = self.get_person(id)? else {
            return Ok(None);
        };
        if !self.within_reach(user, &case_id)? {
            return Ok(None);
        }
        self.record(user, Event::PersonViewed, &format!("person {id} of case {case_id}"))?;
        Ok(Some((case_id, person)))
    }

    /// Adds a case for `user`; it belongs to their unit (if they have one).
    pub fn create_case(&mut self, user: &User, case: &Case) -> Result<(), StoreError> {
        let username = user.username.as_str();
        self.write(|w| {
            w.insert_case_in_unit(case, user.unit.as_deref())?;
            let detail = format!("case {}", case.id);
            audit::record(
                w.tx(),
                w.vault(),
                Event::CaseCreated.entry().by(username).detail(&detail),
            )
        })
    }

    /// Replaces a case for `user`; [`StoreError::CaseNotFound`] if it does not exist or
    /// is out of their reach.
    pub fn change_case(&mut self, user: &User, case: &Case) -> Result<(), StoreError> {
        if !self.within_reach(user, &case.id)? {
            return Err(StoreError::CaseNotFound(case.id.clone()));
        }
        let username = user.username.as_str();
        self.write(|w| {
            w.replace_case(case)?;
            let detail = format!("case {}", case.id);
            audit::record(
                w.tx(),
                w.vault(),
                Event::CaseChanged.entry().by(username).detail(&detail),
            )
        })
    }

    /// Whether case `id` exists and is within `user`'s reach.
    pub fn within_reach(&self, user: &User, id: &CaseId) -> Result<bool, StoreError> {
        Ok(sqlite::case_unit(&self.conn, id)?.is_some_and(|unit| reaches(user, unit.as_deref())))
    }

    fn record(&mut self, user: &User, event: Event, detail: &str) -> Result<(), StoreError> {
        self.transaction(|tx, vault| audit::record(tx, vault, event.entry().by(user.username.as_str()).detail(detail)))
    }
}
