// How people's roles read and look in the UI. Which role may do what is the backend's rule; the
// session reports it per person (see shell/useWorkingAs).
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
