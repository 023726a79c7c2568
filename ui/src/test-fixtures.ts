// Records as the backend returns them, for unit tests: complete values with the fields a test
// cares about overridden.
import type { Gate } from "./bindings/Gate";
import type { Permissions } from "./bindings/Permissions";
import type { Person } from "./bindings/Person";
import type { SessionStatus } from "./bindings/SessionStatus";
import type { UseCase } from "./bindings/UseCase";

const allowed: Gate = { allowed: true, reason: null };

export function permissions(overrides: Partial<Permissions> = {}): Permissions {
  return {
    sign_off: allowed,
    acknowledge_audit: allowed,
    approve_adapter_version: allowed,
    approve_data_pack: allowed,
    decide_gate: allowed,
    manage_people: allowed,
    ...overrides,
  };
}

export function person(id: string, name: string, roles: Person["roles"], active = true): Person {
  return { id, name, roles, active, created_at: "2026-01-01T00:00:00Z" };
}

/** A refusal as the backend reports it for a permission. */
export function refused(reason: string): Gate {
  return { allowed: false, reason };
}

/** The session with `working_as` chosen and the permissions the backend would report. */
export function workingAs(working_as: Person | null, overrides: Partial<Permissions> = {}): SessionStatus {
  return session({ working_as, has_people: true, permissions: permissions(overrides) });
}

export function session(overrides: Partial<SessionStatus> = {}): SessionStatus {
  return {
    portfolio: {
      path: "/tmp/test.steerco",
      schema_version: 5,
      programme: null,
      use_case_count: 0,
      read_only: null,
    },
    problem: null,
    default_path: "/tmp/test.steerco",
    working_as: null,
    has_people: false,
    permissions: permissions(),
    ...overrides,
  };
}

export function aUseCase(overrides: Partial<UseCase> = {}): UseCase {
  return {
    id: "UC-001",
    title: "Claims triage",
    business_unit: "Claims",
    description: "Routes incoming claims",
    workflow: "Intake",
    executive_sponsor: "Henrik Olsen",
    product_owner: "Aisha Rahman",
    annual_value: 1_200_000,
    one_time_cost: 300_000,
    monthly_run_cost: 20_000,
    ratings: { value: 4, criticality: 3, guardrail: 2 },
    data_readiness: 3,
    data_readiness_notes: "",
    risk_class: "limited",
    risk_notes: "",
    stage: "discovery",
    lane: "portfolio",
    requested_lane: "portfolio",
    lane_reason: null,
    payback_months: 3.75,
    lane_override: null,
    created_at: "2026-11-01T09:00:00Z",
    updated_at: "2026-11-01T09:00:00Z",
    ...overrides,
  };
}
