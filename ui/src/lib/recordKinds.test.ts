import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UNION_LABELS } from "./recordKinds";
import { displayValue } from "./history";
import {
  actionLabel,
  ENTITY_KIND_LABEL,
  entityKindLabel,
  FIELD_LABEL,
  fieldLabel,
  humanise,
  moneyField,
  pathLabel,
  valueLabel,
} from "./recordFields";

const BINDINGS = join(__dirname, "..", "bindings");
const SNAKE = /\b[a-z]+_[a-z_]+\b/;

/** Every generated type that is a union of string literals, with its members. */
function stringUnions(): Map<string, string[]> {
  const unions = new Map<string, string[]>();
  for (const file of readdirSync(BINDINGS)) {
    const text = readFileSync(join(BINDINGS, file), "utf8");
    const match = /export type (\w+) = ((?:\s*\|?\s*"[^"]*")+);/.exec(text);
    if (match)
      unions.set(
        match[1]!,
        [...match[2]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!),
      );
  }
  return unions;
}

describe("labels", () => {
  it("every generated union of names has a label map, and every member a label people read", () => {
    const unions = stringUnions();
    expect(unions.size).toBeGreaterThan(15);
    for (const [type, members] of unions) {
      const labels = UNION_LABELS[type];
      expect(labels, `${type} needs a label map in lib/recordKinds.ts (UNION_LABELS)`).toBeDefined();
      for (const member of members) {
        const label = labels![member];
        expect(label, `${type} "${member}" needs a label`).toBeTruthy();
        expect(label, `${type} "${member}" reads as an internal name`).not.toMatch(SNAKE);
      }
    }
  });

  it("names every kind of record the audit trail holds, never as its table name", () => {
    for (const [kind, label] of Object.entries(ENTITY_KIND_LABEL)) {
      expect(label, kind).not.toMatch(SNAKE);
    }
    expect(entityKindLabel("use_case")).toBe("Use case");
    expect(entityKindLabel("adapter_version")).toBe("Adapter version");
    expect(entityKindLabel("bias_check")).toBe("Bias check");
    expect(entityKindLabel("signoff")).toBe("Sign-off");
    expect(entityKindLabel("data_pack")).toBe("Data pack");
    expect(entityKindLabel("some_future_table")).toBe("Some future table");
    expect(actionLabel("sign")).toBe("Signed off");
    expect(actionLabel("rename_all")).toBe("Rename all");
  });

  it("labels every column of the tables the trail images", () => {
    // Each column of crates/core/src/store/migrations, as `CREATE TABLE` and `ADD COLUMN` name it.
    const migrations = join(__dirname, "..", "..", "..", "crates", "core", "src", "store", "migrations");
    const columns = new Set<string>();
    for (const file of readdirSync(migrations)) {
      const sql = readFileSync(join(migrations, file), "utf8");
      for (const table of sql.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\)/g)) {
        // The trail itself, and the value totals derived from the months (not imaged; see images.rs).
        const unwatched = ["audit", "audit_anchor", "change_buffer", "value_total", "value_portfolio_month"];
        if (unwatched.includes(table[1]!)) continue;
        expect(ENTITY_KIND_LABEL, `table ${table[1]} needs a label`).toHaveProperty(table[1]!);
        for (const line of table[2]!.split("\n")) {
          const column = /^\s+([a-z_0-9]+)\s+(TEXT|INTEGER|REAL)/.exec(line);
          if (column) columns.add(column[1]!);
        }
      }
      for (const added of sql.matchAll(/ADD COLUMN (\w+)/g)) columns.add(added[1]!);
    }
    expect(columns.size).toBeGreaterThan(100);
    const missing = [...columns].filter((c) => !(c in FIELD_LABEL));
    expect(missing).toEqual([]);
  });

  it("reads fields as people say them, and an unknown field humanised", () => {
    expect(fieldLabel("one_time_cost_cents")).toBe("One-time cost");
    expect(fieldLabel("executive_sponsor")).toBe("Executive sponsor");
    expect(fieldLabel("data_readiness_notes")).toBe("Data readiness notes");
    expect(fieldLabel("brand_new_field")).toBe("Brand new field");
    expect(humanise("adapterVersion")).toBe("Adapter version");
  });

  it("reads a field by the label its kind of record gives it, and amounts stored in cents", () => {
    expect(fieldLabel("subject_id")).toBe("Let through");
    expect(fieldLabel("subject_id", "meeting_decision")).toBe("Decided on");
    expect(fieldLabel("value", "value_kpi")).toBe("KPI value");
    expect(moneyField("benefit_cents")).toBe("cents");
    expect(moneyField("annual_value_cents")).toBe("cents");
    expect(moneyField("annual_value")).toBe("units");
    expect(moneyField("benefit")).toBeNull();
    expect(fieldLabel("benefit_cents")).toBe("Benefit");
    const money = (n: number) => `€${n}`;
    expect(displayValue("cost_cents", 2_000_000, money)).toBe("€20000");
    expect(displayValue("decision", "authorise", money)).toBe("Authorise");
    expect(displayValue("kind", "quarterly_review", money)).toBe("Quarterly review");
    expect(displayValue("status", "deferred", money)).toBe("Deferred");
    expect(entityKindLabel("meeting_decision")).toBe("Steering decision");
  });

  it("reads a sign-off diff's path as the record and field it names", () => {
    expect(pathLabel("dossier.one_time_cost")).toBe("One-time cost");
    expect(pathLabel("dossier.ratings.value")).toBe("Value rating");
    expect(pathLabel("risks[RSK-001].status")).toBe("Risk RSK-001 › Status");
    expect(pathLabel("oversight.fallback_owner")).toBe("Oversight plan › Fallback owner");
    expect(pathLabel("data_packs[DP-1].sources[SRC-2].owner")).toBe("Data pack DP-1 › Data source SRC-2 › Owner");
    expect(pathLabel("version.base_model")).toBe("Base model");
    expect(pathLabel("dossier.lane_override.reason")).toBe("Override reason");
  });

  it("labels enumerated values by their field", () => {
    expect(valueLabel("status", "mitigating")).toBe("Mitigating");
    expect(valueLabel("status", "deployed")).toBe("Deployed");
    expect(valueLabel("kind", "adapter_version")).toBe("Adapter version");
    expect(valueLabel("personal_data", "pseudonymised")).toBe("Pseudonymised");
    expect(valueLabel("title", "anything")).toBeNull();
  });
});

describe("row ids", () => {
  it("read a two-column key's codes by their labels", async () => {
    const { entityIdLabel } = await import("./recordFields");
    expect(entityIdLabel("PER-003/compliance_officer")).not.toContain("compliance_officer");
    expect(entityIdLabel("UC-001")).toBe("UC-001");
  });
});
