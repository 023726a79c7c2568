import type { Person } from "../bindings/Person";
import { gateFor } from "./roles";

const person = (roles: Person["roles"], active = true): Person => ({
  id: "P-1",
  name: "Ana",
  roles,
  active,
  created_at: "",
});

describe("gateFor", () => {
  it("lets anyone act before a portfolio has people, unless the role is always needed", () => {
    expect(gateFor(null, false, "executive", "record a steering decision", false).allowed).toBe(true);
    const signing = gateFor(null, false, "compliance_officer", "sign off", true);
    expect(signing.allowed).toBe(false);
    expect(signing.reason).toContain("Only a compliance officer can sign off");
  });

  it("asks to choose who is working once there are people", () => {
    expect(gateFor(null, true, "executive", "record a steering decision", false).reason).toBe(
      "Only an executive can record a steering decision; choose who is working (top right).",
    );
  });

  it("names the person's roles when they lack the one needed", () => {
    const gate = gateFor(person(["consultant", "product_owner"]), true, "compliance_officer", "sign off", true);
    expect(gate).toEqual({
      allowed: false,
      reason: "Only a compliance officer can sign off; Ana is a consultant and product owner.",
    });
    expect(gateFor(person(["compliance_officer"]), true, "compliance_officer", "sign off", true).allowed).toBe(true);
    expect(gateFor(person(["compliance_officer"], false), true, "compliance_officer", "sign off", true).allowed).toBe(
      false,
    );
  });
});
