// Who is working on the open portfolio and what they may do, from the session. The person is
// chosen in the profile picker (a record of who does what, not a login); the backend decides
// each permission and says why not, so buttons are disabled ahead of a refusal with its reason.
import { useQuery } from "@tanstack/react-query";
import { api } from "../backend";
import type { Gate } from "../bindings/Gate";
import type { Permissions } from "../bindings/Permissions";
import type { Person } from "../bindings/Person";
import { keys } from "../lib/queryKeys";

export type Permission = keyof Permissions;

export interface WorkingAs {
  person: Person | null;
  hasPeople: boolean;
  /** Whether the person working may do `permission`, and if not, why. */
  gate: (permission: Permission) => Gate;
}

const UNKNOWN: Gate = { allowed: false, reason: null };

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: api.sessionStatus });
}

export function useWorkingAs(): WorkingAs {
  const session = useSession();
  const permissions = session.data?.permissions ?? null;
  return {
    person: session.data?.working_as ?? null,
    hasPeople: session.data?.has_people ?? false,
    gate: (permission) => permissions?.[permission] ?? UNKNOWN,
  };
}
