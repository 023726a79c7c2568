import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Incident } from "../../../bindings/Incident";
import type { Kpi } from "../../../bindings/Kpi";
import type { Pilot } from "../../../bindings/Pilot";
import { refuse, requestsTo, respond } from "../../../test-backend";
import { renderWithProviders } from "../../../test-utils";
import { KpisIncidentsTab } from "./KpisIncidentsTab";
import { improvement, incidentSummary } from "./operationsFormat";

const HANDLING: Kpi = {
  id: "KPI-001",
  pilot_id: "PIL-001",
  name: "Handling time",
  unit: "minutes",
  baseline: 30,
  target: 20,
  higher_is_better: false,
};

const LEAK: Incident = {
  id: "INC-002",
  pilot_id: "PIL-001",
  occurred_on: "2026-10-02",
  severity: "high",
  compliance: true,
  description: "An answer quoted a withdrawn product sheet",
  resolution: "",
  resolved_on: null,
  recorded_by: "Dana Lee",
};

const OUTAGE: Incident = {
  id: "INC-001",
  pilot_id: "PIL-001",
  occurred_on: "2026-09-20",
  severity: "low",
  compliance: false,
  description: "Router timed out for ten minutes",
  resolution: "Restarted; timeout raised",
  resolved_on: "2026-09-21",
  recorded_by: "Marco Ferri",
};

function pilot(fields: Partial<Pilot> = {}): Pilot {
  return {
    id: "PIL-001",
    use_case_id: "UC-001",
    use_case_title: "Claims triage",
    workflow: "motor claims only",
    protocols: {
      training_audience: "",
      training_materials: "",
      training_delivered_on: null,
      fallback_process: "",
      fallback_trigger: "",
      fallback_owner: "",
      evaluation_suite: "",
      acceptance: [],
    },
    missing_protocols: [],
    phases: [],
    kpis: [HANDLING],
    incidents: [LEAK, OUTAGE],
    created_by: "Aisha Rahman",
    ...fields,
  };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("KpisIncidentsTab", () => {
  it("lists the KPIs with their direction and the incidents, open ones with a Resolve action", () => {
    renderWithProviders(<KpisIncidentsTab pilot={pilot()} />);
    const kpi = screen.getByTestId("kpi-row-KPI-001");
    expect(kpi.textContent).toContain("Handling time");
    expect(kpi.textContent).toContain("−10 minutes (−33%)");
    expect(screen.getByTestId("kpi-direction-KPI-001").textContent).toBe("Lower");

    const open = screen.getByTestId("incident-row-INC-002");
    expect(open.textContent).toContain("High");
    expect(open.textContent).toContain("Open");
    expect(within(open).getByTestId("incident-compliance-INC-002").textContent).toBe("Compliance");
    const resolved = screen.getByTestId("incident-row-INC-001");
    expect(resolved.textContent).toContain("Restarted; timeout raised");
    expect(resolved.textContent).toContain("Operational");
    expect(screen.queryByTestId("incident-resolve-INC-001")).toBeNull();
    expect(screen.getByTestId("incidents-summary").textContent).toBe("2 incidents: 1 open, 1 compliance incident.");
  });

  it("adds a KPI with the values typed and the direction chosen", async () => {
    respond({ pilot_add_kpi: () => pilot({ kpis: [HANDLING] }) });
    renderWithProviders(<KpisIncidentsTab pilot={pilot({ kpis: [] })} />);
    expect(screen.getByTestId("kpis-none")).toBeTruthy();
    fireEvent.click(screen.getByTestId("kpi-add"));
    await screen.findByTestId("kpi-name");
    type("kpi-name", "First-contact resolution");
    type("kpi-unit", "%");
    fireEvent.click(await screen.findByText("Higher is better"));
    type("kpi-baseline", "62.5");
    type("kpi-target", "75");
    fireEvent.click(screen.getByTestId("kpi-save"));
    await waitFor(() =>
      expect(requestsTo("pilot_add_kpi")).toEqual([
        {
          pilot_id: "PIL-001",
          name: "First-contact resolution",
          unit: "%",
          baseline: 62.5,
          target: 75,
          higher_is_better: true,
        },
      ]),
    );
  });

  it("asks for the numbers before sending, and shows the backend's refusal beside the target", async () => {
    const reason = "20 does not improve on the baseline 30 when higher is better";
    respond({ pilot_add_kpi: () => refuse("invalid_input", `target: ${reason}`, "target", reason) });
    renderWithProviders(<KpisIncidentsTab pilot={pilot()} />);
    fireEvent.click(screen.getByTestId("kpi-add"));
    await screen.findByTestId("kpi-name");
    type("kpi-name", "Accuracy");
    type("kpi-unit", "%");
    fireEvent.click(screen.getByTestId("kpi-save"));
    expect(await screen.findByText("Type the baseline")).toBeTruthy();
    expect(requestsTo("pilot_add_kpi")).toEqual([]);

    type("kpi-baseline", "30");
    type("kpi-target", "20");
    fireEvent.click(await screen.findByText("Higher is better"));
    fireEvent.click(screen.getByTestId("kpi-save"));
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(screen.getByTestId("kpi-name")).toBeTruthy();
  });

  it("records an incident already resolved, with how and when", async () => {
    respond({ pilot_add_incident: () => pilot() });
    renderWithProviders(<KpisIncidentsTab pilot={pilot()} />);
    fireEvent.click(screen.getByTestId("incident-record"));
    await screen.findByTestId("incident-date");
    type("incident-date", "2026-10-05");
    fireEvent.click(await screen.findByText("Critical"));
    fireEvent.click(screen.getByTestId("incident-compliance"));
    type("incident-description", "Personal data in a trace");
    fireEvent.click(screen.getByTestId("incident-resolved"));
    type("incident-resolution", "Trace purged; masking added");
    type("incident-resolved-on", "2026-10-06");
    fireEvent.click(screen.getByTestId("incident-save"));
    await waitFor(() =>
      expect(requestsTo("pilot_add_incident")).toEqual([
        {
          pilot_id: "PIL-001",
          occurred_on: "2026-10-05",
          severity: "critical",
          compliance: true,
          description: "Personal data in a trace",
          resolution: "Trace purged; masking added",
          resolved_on: "2026-10-06",
        },
      ]),
    );
  });

  it("resolves an open incident with the resolution and date", async () => {
    respond({ pilot_resolve_incident: () => pilot() });
    renderWithProviders(<KpisIncidentsTab pilot={pilot()} />);
    fireEvent.click(screen.getByTestId("incident-resolve-INC-002"));
    await screen.findByTestId("resolve-resolution");
    type("resolve-resolution", "Sheet removed from the index");
    type("resolve-date", "2026-10-03");
    fireEvent.click(screen.getByTestId("resolve-save"));
    await waitFor(() =>
      expect(requestsTo("pilot_resolve_incident")).toEqual([
        { id: "INC-002", resolution: "Sheet removed from the index", resolved_on: "2026-10-03" },
      ]),
    );
  });
});

describe("operations wording", () => {
  it("words the improvement a target asks for and the incidents' state", () => {
    expect(improvement({ ...HANDLING, unit: "%", baseline: 62, target: 75, higher_is_better: true })).toBe(
      "+13 points (+21%)",
    );
    expect(improvement({ ...HANDLING, baseline: 0, target: 5, higher_is_better: true })).toBe("+5 minutes");
    expect(incidentSummary([])).toBe("No incident recorded.");
    expect(incidentSummary([OUTAGE])).toBe("1 incident: resolved.");
  });
});
