//! Who is asking and when. A `Caller` is what a transport knows (the name picked in the profile
//! picker or given with `--as`, the operating-system login, the clock); an `Actor` is that name
//! resolved against the portfolio's people inside the transaction that acts, so a role check and
//! the change it guards see the same snapshot.

use chrono::{DateTime, Utc};

use crate::compliance::{Person, Role};
use crate::error::{CoreError, CoreResult};

/// What a transport knows about the person asking, before the portfolio is consulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The person working, as they named themselves; `None` when nobody was chosen.
    pub working_as: Option<String>,
    /// The operating system's login name, recorded when nobody is working as a known person.
    pub login: String,
    pub now: DateTime<Utc>,
}

impl Caller {
    pub fn new(working_as: Option<String>, now: DateTime<Utc>) -> Self {
        let working_as = working_as.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        Self { working_as, login: os_login(), now }
    }

    /// A caller for work Steerco does on its own behalf (a migration, the first run's demo).
    pub fn system(name: &str, now: DateTime<Utc>) -> Self {
        Self { working_as: None, login: name.to_owned(), now }
    }
}

/// The operating system's login name, or "unknown".
pub fn os_login() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|u| !u.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The caller resolved against the portfolio's people.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The name the audit trail records: the person's stored name, else the login.
    pub name: String,
    pub person: Option<Person>,
    /// Whether the portfolio has any people (before it does, roles cannot be checked).
    pub portfolio_has_people: bool,
}

impl Actor {
    /// Resolves `caller` given the person stored under that name (if any) and whether the
    /// portfolio has people. A name the portfolio does not know is refused once it has people,
    /// so the trail never records a typo as an actor; an inactive person cannot act.
    pub fn resolve(caller: &Caller, found: Option<Person>, portfolio_has_people: bool) -> CoreResult<Actor> {
        let Some(name) = caller.working_as.as_deref() else {
            return Ok(Actor { name: caller.login.clone(), person: None, portfolio_has_people });
        };
        match found {
            Some(p) if p.active => Ok(Actor { name: p.name.clone(), person: Some(p), portfolio_has_people }),
            Some(p) => Err(CoreError::Forbidden(format!("{} is marked inactive on this portfolio", p.name))),
            None if !portfolio_has_people => Ok(Actor { name: name.to_owned(), person: None, portfolio_has_people }),
            None => Err(CoreError::Forbidden(format!(
                "{name:?} is not a person on this portfolio; `steerco person list` shows who is"
            ))),
        }
    }

    /// The person working, who must hold `role` to do `doing` ("sign off", …).
    pub fn require(&self, role: Role, doing: &str) -> CoreResult<&Person> {
        match &self.person {
            Some(p) if p.has(role) => Ok(p),
            Some(p) => Err(CoreError::Forbidden(format!(
                "only {} can {doing}; {} is {}",
                role.with_article(),
                p.name,
                roles_text(p)
            ))),
            None => Err(CoreError::Forbidden(format!(
                "only {} can {doing}; say who is working (the app's profile picker, or `steerco --as NAME` / STEERCO_USER)",
                role.with_article()
            ))),
        }
    }

    /// As `require`, on a portfolio that has people; a portfolio nobody has been added to yet
    /// cannot check roles and records the login name instead.
    pub fn require_once_people_exist(&self, role: Role, doing: &str) -> CoreResult<Option<&Person>> {
        if !self.portfolio_has_people {
            return Ok(None);
        }
        self.require(role, doing).map(Some)
    }

    /// Refuses a decision recorded in someone else's name: with a person working, `named` (the
    /// "by" of an approval or an override) must be that person.
    pub fn check_named(&self, field: &str, named: &str) -> CoreResult<()> {
        if let Some(p) = &self.person {
            if !p.name.eq_ignore_ascii_case(named.trim()) {
                return Err(CoreError::invalid(
                    field,
                    format!(
                        "you are working as {}; a decision is recorded in the name of the person taking it, not {:?}",
                        p.name,
                        named.trim()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// "a compliance officer and an executive", "inactive", "without a role".
pub fn roles_text(person: &Person) -> String {
    if !person.active {
        return "inactive".to_owned();
    }
    let roles: Vec<String> = person.roles.iter().map(|r| r.with_article()).collect();
    if roles.is_empty() {
        "without a role".to_owned()
    } else {
        roles.join(" and ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, roles: &[Role], active: bool) -> Person {
        Person { id: "PER-001".into(), name: name.into(), roles: roles.to_vec(), active, created_at: Utc::now() }
    }

    fn caller(name: Option<&str>) -> Caller {
        Caller { working_as: name.map(Into::into), login: "ana".into(), now: Utc::now() }
    }

    #[test]
    fn unknown_names_are_refused_only_once_the_portfolio_has_people() {
        assert_eq!(Actor::resolve(&caller(Some("Zed")), None, false).unwrap().name, "Zed");
        assert!(matches!(Actor::resolve(&caller(Some("Zed")), None, true), Err(CoreError::Forbidden(_))));
        assert_eq!(Actor::resolve(&caller(None), None, true).unwrap().name, "ana", "nobody chosen: the login");
    }

    #[test]
    fn the_stored_name_is_recorded_and_inactive_people_cannot_act() {
        let found = person("Carla Mendes", &[Role::ComplianceOfficer], true);
        let actor = Actor::resolve(&caller(Some("carla mendes")), Some(found), true).unwrap();
        assert_eq!(actor.name, "Carla Mendes");
        assert!(actor.require(Role::ComplianceOfficer, "sign off").is_ok());
        assert!(actor.require(Role::Executive, "decide").is_err());
        let gone = person("Ben", &[Role::Executive], false);
        assert!(Actor::resolve(&caller(Some("Ben")), Some(gone), true).is_err());
    }

    #[test]
    fn decisions_are_taken_in_the_name_of_the_person_working() {
        let actor = Actor::resolve(&caller(Some("Ana")), Some(person("Ana", &[Role::Executive], true)), true).unwrap();
        assert!(actor.check_named("decided_by", " ana ").is_ok());
        let err = actor.check_named("decided_by", "Ben").unwrap_err();
        assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "decided_by"));
    }
}
