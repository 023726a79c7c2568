// Who is working on the open portfolio (from the session), for gating role-bound buttons. The
// person is chosen in the profile picker; this is a record of who does what, not a login.
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { backend } from "../backend";
import type { Person } from "../bindings/Person";
import type { Role } from "../bindings/Role";
import { SESSION_KEY } from "../features/portfolio-file/usePortfolioActions";
import { type Gate, gateFor } from "../lib/roles";

export interface WorkingAs {
  person: Person | null;
  hasPeople: boolean;
  /** The working person holds `role`. */
  can: (role: Role) => boolean;
  /** As `can`, with the reason to show when not; `strict` as in `gateFor`. */
  gate: (role: Role, doing: string, strict?: boolean) => Gate;
}

export function useWorkingAs(): WorkingAs {
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: backend.sessionStatus });
  const person = session.data?.working_as ?? null;
  const hasPeople = session.data?.has_people ?? false;
  const can = useCallback((role: Role) => person !== null && person.active && person.roles.includes(role), [person]);
  const gate = useCallback(
    (role: Role, doing: string, strict = false) => gateFor(person, hasPeople, role, doing, strict),
    [person, hasPeople],
  );
  return { person, hasPeople, can, gate };
}
