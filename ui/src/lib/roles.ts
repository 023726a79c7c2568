// People's roles in order and as they read in sentences (labels in ./recordKinds, colours in
// ./statusColors). Which role may do what is the backend's rule; the session reports it per
// person (see shell/useWorkingAs).
import type { Role } from "../bindings/Role";
import { ROLE_LABEL } from "./recordKinds";

export const ROLES: readonly Role[] = [
  "consultant",
  "compliance_officer",
  "executive",
  "product_owner",
  "administrator",
];

/** "compliance officer, administrator". */
export function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABEL[r]).join(", ");
}

/** "an executive", "a compliance officer". */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
}
