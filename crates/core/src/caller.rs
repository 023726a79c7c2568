//! Who is asking and when. A `Caller` is what a transport knows (the name picked in the profile
//! picker or given with `--as`, the operating-system login, the clock); an `Actor` is that name
//! resolved against the portfolio's people inside the transaction that acts, so a role check and
//! the change it guards see the same snapshot. `Permission` is every role rule in one table: the
//! services check it before acting and the session reports it, so the app can disable a button
//! ahead of a refusal and say why without knowing the rules itself.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// Whether anyone holds the administrator role (before someone does, anyone may manage
    /// people, or nobody could add the first administrator).
    pub portfolio_has_administrators: bool,
}

/// Something only some people may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    SignOff,
    AcknowledgeAudit,
    ApproveAdapterVersion,
    ApproveDataPack,
    DecideGate,
    ManagePeople,
}

/// When a permission's role starts being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checked {
    /// Always: a sign-off or an acknowledgement names who took it, so someone must be working.
    Always,
    /// Once the portfolio has people; before then the login name is recorded.
    OncePeopleExist,
    /// Once someone is an administrator.
    OnceAdministratorsExist,
}

impl Permission {
    pub const ALL: [Permission; 6] = [
        Permission::SignOff,
        Permission::AcknowledgeAudit,
        Permission::ApproveAdapterVersion,
        Permission::ApproveDataPack,
        Permission::DecideGate,
        Permission::ManagePeople,
    ];

    fn rule(self) -> (Role, &'static str, Checked) {
        match self {
            Permission::SignOff => (Role::ComplianceOfficer, "sign off", Checked::Always),
            Permission::AcknowledgeAudit => {
                (Role::ComplianceOfficer, "acknowledge a change made outside Steerco", Checked::Always)
            }
            Permission::ApproveAdapterVersion => {
                (Role::ComplianceOfficer, "approve an adapter version", Checked::OncePeopleExist)
            }
            Permission::ApproveDataPack => (Role::ComplianceOfficer, "approve a data pack", Checked::OncePeopleExist),
            Permission::DecideGate => (
                Role::Executive,
                "record a steering decision such as a payback-gate override",
                Checked::OncePeopleExist,
            ),
            Permission::ManagePeople => (Role::Administrator, "add or change people", Checked::OnceAdministratorsExist),
        }
    }
}

/// Whether the person working may do something, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Gate {
    pub allowed: bool,
    pub reason: Option<String>,
}

/// Every permission for the person working, as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Permissions {
    pub sign_off: Gate,
    pub acknowledge_audit: Gate,
    pub approve_adapter_version: Gate,
    pub approve_data_pack: Gate,
    pub decide_gate: Gate,
    pub manage_people: Gate,
}

impl Actor {
    /// Who a document says prepared it: the person's name, or the operating-system login marked
    /// as such when nobody of the portfolio was chosen (a regulator reading "Prepared by root"
    /// should know it names an account, not a person).
    pub fn preparer(&self) -> String {
        if self.person.is_none() && self.portfolio_has_people {
            format!("{} (computer login; no person of the portfolio chosen)", self.name)
        } else {
            self.name.clone()
        }
    }

    /// Resolves `caller` given the person stored under that name (if any) and whether the
    /// portfolio has people. A name the portfolio does not know is refused once it has people,
    /// so the trail never records a typo as an actor; an inactive person cannot act.
    pub fn resolve(caller: &Caller, found: Option<Person>, people: PeopleFacts) -> CoreResult<Actor> {
        let actor = |name: String, person: Option<Person>| Actor {
            name,
            person,
            portfolio_has_people: people.any,
            portfolio_has_administrators: people.administrators,
        };
        let Some(name) = caller.working_as.as_deref() else {
            return Ok(actor(caller.login.clone(), None));
        };
        match found {
            Some(p) if p.active => Ok(actor(p.name.clone(), Some(p))),
            Some(p) => Err(CoreError::Forbidden(format!("{} is marked inactive on this portfolio", p.name))),
            None if !people.any => Ok(actor(name.to_owned(), None)),
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
                "only {} can {doing}; say who is working (the profile picker at the top right, or `steerco --as NAME`)",
                role.with_article()
            ))),
        }
    }

    /// The person working when they may do `permission`; `None` when the rule is not checked
    /// yet (a portfolio without people, or without administrators, records the login name).
    pub fn may(&self, permission: Permission) -> CoreResult<Option<&Person>> {
        let (role, doing, checked) = permission.rule();
        let applies = match checked {
            Checked::Always => true,
            Checked::OncePeopleExist => self.portfolio_has_people,
            Checked::OnceAdministratorsExist => self.portfolio_has_administrators,
        };
        if !applies {
            return Ok(None);
        }
        self.require(role, doing).map(Some)
    }

    /// As `may`, for a permission whose rule always applies: the person is always there.
    pub fn must(&self, permission: Permission) -> CoreResult<&Person> {
        self.may(permission)?.ok_or_else(|| CoreError::Forbidden("nobody has said who is working".to_owned()))
    }

    pub fn gate(&self, permission: Permission) -> Gate {
        match self.may(permission) {
            Ok(_) => Gate { allowed: true, reason: None },
            Err(refusal) => Gate { allowed: false, reason: Some(capitalised(&refusal.to_string())) },
        }
    }

    pub fn permissions(&self) -> Permissions {
        Permissions {
            sign_off: self.gate(Permission::SignOff),
            acknowledge_audit: self.gate(Permission::AcknowledgeAudit),
            approve_adapter_version: self.gate(Permission::ApproveAdapterVersion),
            approve_data_pack: self.gate(Permission::ApproveDataPack),
            decide_gate: self.gate(Permission::DecideGate),
            manage_people: self.gate(Permission::ManagePeople),
        }
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

/// What the portfolio's people are, as far as role checks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PeopleFacts {
    pub any: bool,
    pub administrators: bool,
}

pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
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

    const NOBODY: PeopleFacts = PeopleFacts { any: false, administrators: false };
    const PEOPLE: PeopleFacts = PeopleFacts { any: true, administrators: false };
    const ADMINS: PeopleFacts = PeopleFacts { any: true, administrators: true };

    #[test]
    fn unknown_names_are_refused_only_once_the_portfolio_has_people() {
        assert_eq!(Actor::resolve(&caller(Some("Zed")), None, NOBODY).unwrap().name, "Zed");
        assert!(matches!(Actor::resolve(&caller(Some("Zed")), None, PEOPLE), Err(CoreError::Forbidden(_))));
        assert_eq!(Actor::resolve(&caller(None), None, PEOPLE).unwrap().name, "ana", "nobody chosen: the login");
    }

    #[test]
    fn a_document_names_its_preparer_and_marks_a_login_as_one() {
        let carla = person("Carla Mendes", &[Role::ComplianceOfficer], true);
        assert_eq!(
            Actor::resolve(&caller(Some("Carla Mendes")), Some(carla), PEOPLE).unwrap().preparer(),
            "Carla Mendes"
        );
        let login = Actor::resolve(&caller(None), None, PEOPLE).unwrap().preparer();
        assert!(login.starts_with("ana (computer login"), "{login}");
        assert_eq!(Actor::resolve(&caller(None), None, NOBODY).unwrap().preparer(), "ana", "no people to choose from");
    }

    #[test]
    fn the_stored_name_is_recorded_and_inactive_people_cannot_act() {
        let found = person("Carla Mendes", &[Role::ComplianceOfficer], true);
        let actor = Actor::resolve(&caller(Some("carla mendes")), Some(found), PEOPLE).unwrap();
        assert_eq!(actor.name, "Carla Mendes");
        assert!(actor.require(Role::ComplianceOfficer, "sign off").is_ok());
        assert!(actor.require(Role::Executive, "decide").is_err());
        let gone = person("Ben", &[Role::Executive], false);
        assert!(Actor::resolve(&caller(Some("Ben")), Some(gone), PEOPLE).is_err());
    }

    #[test]
    fn decisions_are_taken_in_the_name_of_the_person_working() {
        let actor =
            Actor::resolve(&caller(Some("Ana")), Some(person("Ana", &[Role::Executive], true)), PEOPLE).unwrap();
        assert!(actor.check_named("decided_by", " ana ").is_ok());
        let err = actor.check_named("decided_by", "Ben").unwrap_err();
        assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "decided_by"));
    }

    #[test]
    fn each_permission_applies_from_its_own_moment() {
        let nobody_yet = Actor::resolve(&caller(None), None, NOBODY).unwrap();
        assert!(!nobody_yet.gate(Permission::SignOff).allowed, "a sign-off always needs a compliance officer");
        assert!(nobody_yet.gate(Permission::ApproveDataPack).allowed, "no people yet: approvals record the login");
        assert!(nobody_yet.gate(Permission::ManagePeople).allowed, "someone must add the first people");
        let consultant = person("Cleo", &[Role::Consultant], true);
        let cleo = Actor::resolve(&caller(Some("Cleo")), Some(consultant.clone()), PEOPLE).unwrap();
        assert!(cleo.gate(Permission::ManagePeople).allowed, "no administrator yet");
        let refused = cleo.gate(Permission::ApproveAdapterVersion);
        assert!(!refused.allowed);
        assert!(refused
            .reason
            .unwrap()
            .starts_with("Only a compliance officer can approve an adapter version; Cleo is"));
        let cleo = Actor::resolve(&caller(Some("Cleo")), Some(consultant), ADMINS).unwrap();
        assert!(!cleo.gate(Permission::ManagePeople).allowed, "administrators exist: only they manage people");
        let carla = person("Carla", &[Role::ComplianceOfficer, Role::Executive], true);
        let carla = Actor::resolve(&caller(Some("Carla")), Some(carla), ADMINS).unwrap();
        let p = carla.permissions();
        assert!(
            p.sign_off.allowed && p.acknowledge_audit.allowed && p.decide_gate.allowed && p.approve_data_pack.allowed
        );
        assert!(!p.manage_people.allowed);
        assert_eq!(carla.must(Permission::SignOff).unwrap().name, "Carla");
    }
}
