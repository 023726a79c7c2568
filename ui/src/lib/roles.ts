// How people's roles read and look in the UI, and the rule for which actions a role unlocks. The
// backend decides; this mirror only disables buttons ahead of a refusal and says why.
import type { Person } from "../bindings/Person";
import type { Role } from "../bindings/Role";

export const ROLES: readonly Role[] = [
  "consultant",
  "compliance_officer",
  "executive",
  "product_owner",
  "administrator",
];

export const ROLE_LABEL: Record<Role, string> = {
  consultant: "consultant",
  compliance_officer: "compliance officer",
  executive: "executive",
  product_owner: "product owner",
  administrator: "administrator",
};

export const ROLE_COLOR: Record<Role, string> = {
  consultant: "gray",
  compliance_officer: "teal",
  executive: "violet",
  product_owner: "blue",
  administrator: "orange",
};

/** "compliance officer, administrator". */
export function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABEL[r]).join(", ");
}

/** "an executive", "a compliance officer". */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
}

/** Whether the working person may do something, and if not, a sentence saying which role it needs. */
export interface Gate {
  allowed: boolean;
  reason: string | null;
}

/**
 * `strict`: the role is needed even on a portfolio nobody has been added to (signing off). Other
 * role checks only start once the portfolio has people, as the backend's do.
 */
export function gateFor(person: Person | null, hasPeople: boolean, role: Role, doing: string, strict: boolean): Gate {
  if (!strict && !hasPeople) return { allowed: true, reason: null };
  if (person?.active && person.roles.includes(role)) return { allowed: true, reason: null };
  const needed = `Only ${withArticle(ROLE_LABEL[role])} can ${doing}`;
  if (person === null) {
    const how = hasPeople ? "choose who is working (top right)" : "add people under Portfolio → Manage people…";
    return { allowed: false, reason: `${needed}; ${how}.` };
  }
  const held = person.roles.map((r) => ROLE_LABEL[r]).join(" and ");
  const is = !person.active ? "marked inactive" : held ? withArticle(held) : "without a role";
  return { allowed: false, reason: `${needed}; ${person.name} is ${is}.` };
}
