//! People who work on a portfolio and their roles. Managing people is an administrator's job
//! once the portfolio has an administrator; until then anyone may add people, so a new portfolio
//! can get going. A name that merely looks like an existing person's (other letters that render
//! alike, other Unicode forms of the same text) is refused: the trail must never show two
//! "Carla Mendes" who are different people.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use crate::audit::Action;
use crate::caller::Caller;
use crate::caller::{Gate, Permission, Permissions};
use crate::compliance::{Person, PersonField, PersonInput, Role};
use crate::edits;
use crate::error::{CoreError, CoreResult};
use crate::store::Access;
use crate::store::{person, Db, Tx};

pub fn list(db: &Db) -> CoreResult<Vec<Person>> {
    db.read(|s| person::list(s))
}

/// The active person called `name`, if any (for showing who is working).
pub fn find_active(db: &Db, name: &str) -> CoreResult<Option<Person>> {
    Ok(db.read(|s| person::find(s, name))?.filter(|p| p.active))
}

/// What the person `caller` names may do on this portfolio. A name the portfolio does not know
/// (or an inactive person) gets what nobody-in-particular gets; a read-only portfolio allows
/// nothing, saying why.
pub fn permissions(db: &Db, caller: &Caller) -> CoreResult<Permissions> {
    let actor = match db.resolve(caller) {
        Ok(actor) => actor,
        Err(CoreError::Forbidden(_)) => db.resolve(&Caller { working_as: None, ..caller.clone() })?,
        Err(other) => return Err(other),
    };
    let mut permissions = actor.permissions();
    if let Access::ReadOnly { reason } = db.access() {
        let refused = Gate { allowed: false, reason: Some(format!("The portfolio is open read-only: {reason}")) };
        for gate in [
            &mut permissions.sign_off,
            &mut permissions.acknowledge_audit,
            &mut permissions.approve_adapter_version,
            &mut permissions.approve_data_pack,
            &mut permissions.decide_gate,
            &mut permissions.manage_people,
        ] {
            *gate = refused.clone();
        }
    }
    Ok(permissions)
}

pub fn count(db: &Db) -> CoreResult<i64> {
    db.read(|s| person::count(s))
}

pub fn create(db: &Db, caller: &Caller, input: &PersonInput) -> CoreResult<Person> {
    let p = input.validated()?;
    db.write(caller, Action::Create, |tx| {
        tx.actor().may(Permission::ManagePeople)?;
        refuse_look_alike(tx, &p.name, None)?;
        let id = person::insert(tx, &p)?;
        person::require(tx, &id)
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonUpdate {
    pub id: String,
    pub changes: Vec<PersonField>,
    /// The person as the editor showed them; `None` sets the fields whatever they hold now.
    pub loaded: Option<PersonInput>,
}

pub fn update(db: &Db, caller: &Caller, req: &PersonUpdate) -> CoreResult<Person> {
    db.write(caller, Action::Update, |tx| {
        tx.actor().may(Permission::ManagePeople)?;
        let current = person::require(tx, &req.id)?;
        let p = edits::apply(&current.id, &current.to_input(), req.loaded.as_ref(), &req.changes)?.validated()?;
        refuse_look_alike(tx, &p.name, Some(&current.id))?;
        let keeps_admin = p.active && p.roles.contains(&Role::Administrator);
        if current.has(Role::Administrator) && !keeps_admin {
            let others = person::list(tx)?
                .iter()
                .filter(|o| o.id != current.id && o.active && o.has(Role::Administrator))
                .count();
            if others == 0 {
                return Err(CoreError::invalid(
                    "roles",
                    "this is the last active administrator; name another one first",
                ));
            }
        }
        person::update(tx, &current.id, &p)?;
        person::require(tx, &current.id)
    })
}

/// The form two names are compared in: compatibility-normalised (NFKC), case-folded, then
/// reduced to the Unicode confusable skeleton (UTS #39), with spacing collapsed.
pub(crate) fn look_alike_key(name: &str) -> String {
    let folded: String = name.nfkc().collect::<String>().to_lowercase();
    let skeleton: String = unicode_security::skeleton(&folded).collect();
    skeleton.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn refuse_look_alike(tx: &Tx, name: &str, own_id: Option<&str>) -> CoreResult<()> {
    let key = look_alike_key(name);
    for other in person::list(tx)? {
        if Some(other.id.as_str()) == own_id {
            continue;
        }
        if other.name.eq_ignore_ascii_case(name) {
            return Err(CoreError::invalid("name", format!("{} is already {:?}", other.id, other.name)));
        }
        if look_alike_key(&other.name) == key {
            return Err(CoreError::invalid(
                "name",
                format!(
                    "{name:?} looks like {:?} ({}), who is already a person on this portfolio; use a name people can tell apart",
                    other.name, other.id
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::look_alike_key;

    #[test]
    fn look_alikes_share_a_key_and_different_names_do_not() {
        let carla = look_alike_key("Carla Mendes");
        // Cyrillic "а" and "е" in place of Latin letters; full-width letters; a doubled space.
        assert_eq!(look_alike_key("C\u{0430}rla M\u{0435}ndes"), carla);
        assert_eq!(look_alike_key("Ｃａｒｌａ Mendes"), carla);
        assert_eq!(look_alike_key("carla  mendes"), carla);
        assert_ne!(look_alike_key("Carla Mendez"), carla);
        assert_ne!(look_alike_key("Karla Mendes"), carla);
    }
}
