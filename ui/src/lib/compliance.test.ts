import type { SignoffStatus } from "../bindings/SignoffStatus";
import { AUDIT_ACTIONS, localMonth, signoffState } from "./compliance";
import { auditActionColor } from "./statusColors";

const status = (id: string, stale: boolean, superseded: boolean): SignoffStatus =>
  ({ signoff: { id }, stale, superseded }) as SignoffStatus;

describe("audit actions", () => {
  it("offers every action the trail records, acknowledgements included", () => {
    expect(AUDIT_ACTIONS).toContain("unaudited");
    expect(AUDIT_ACTIONS).toContain("acknowledge");
    expect(auditActionColor("unaudited")).toBe("red");
  });

  it("colours an action it does not know as plain text", () => {
    expect(auditActionColor("rename")).toBe("gray");
  });
});

describe("signoffState", () => {
  it("goes by the newest sign-off that is not superseded", () => {
    expect(signoffState([])).toEqual({ kind: "none" });
    const state = signoffState([status("SO-1", true, true), status("SO-2", false, false)]);
    expect(state.kind).toBe("current");
    expect(state.kind !== "none" && state.status.signoff.id).toBe("SO-2");
    expect(signoffState([status("SO-3", true, false)]).kind).toBe("stale");
  });
});

describe("localMonth", () => {
  it("names a YYYY-MM month in the user's locale, and leaves anything else as it is", () => {
    const shown = localMonth("2026-05");
    expect(shown).toContain("2026");
    expect(shown).not.toContain("2026-05");
    expect(localMonth("2026-12")).not.toBe(localMonth("2027-01"));
    expect(localMonth("soon")).toBe("soon");
  });
});
