import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { DriftAlert } from "../../../bindings/DriftAlert";
import type { MonitoringView } from "../../../bindings/MonitoringView";
import { chooseNext, refuse, requestsTo, respond } from "../../../test-backend";
import { renderWithProviders } from "../../../test-utils";
import { chartSize, responsiveSvg } from "./monitoringData";
import { MonitoringTab } from "./MonitoringTab";

const DRIFT_SVG =
  '<svg width="760" height="320" viewBox="0 0 760 320" xmlns="http://www.w3.org/2000/svg">' +
  '<text x="10" y="20">escalation_rate: crossed on 2026-10-03 (0.26)</text></svg>';
const FEEDBACK_SVG =
  '<svg width="760" height="300" viewBox="0 0 760 300" xmlns="http://www.w3.org/2000/svg">' +
  '<text x="10" y="20">Feedback by week</text></svg>';

function alert(fields: Partial<DriftAlert> & Pick<DriftAlert, "id">): DriftAlert {
  return {
    pilot_id: "PIL-001",
    use_case_id: "UC-001",
    use_case_title: "Claims triage",
    metric: "escalation_rate",
    observed_on: "2026-10-03",
    value: 0.26,
    threshold: 0.2,
    direction: "above",
    opened_at: "2026-10-04T09:00:00Z",
    acknowledged_by: null,
    acknowledged_at: null,
    note: null,
    ...fields,
  };
}

const OPEN = alert({ id: "DA-002" });
const SEEN = alert({
  id: "DA-001",
  observed_on: "2026-09-28",
  value: 0.22,
  acknowledged_by: "Dana Lee",
  acknowledged_at: "2026-09-29T10:00:00Z",
  note: "A storm week; expected",
});

function view(fields: Partial<MonitoringView> = {}): MonitoringView {
  return {
    pilot_id: "PIL-001",
    use_case_id: "UC-001",
    drift_metric: "escalation_rate",
    drift_threshold: 0.2,
    drift_baseline: 0.12,
    drift_direction: "above",
    feedback_channel: "thumbs in the inbox",
    points: [
      { observed_on: "2026-10-02", metric: "escalation_rate", value: 0.14 },
      { observed_on: "2026-10-03", metric: "escalation_rate", value: 0.26 },
    ],
    feedback: [{ received_on: "2026-11-02", channel: "thumbs", rating: 4, count: 30, comment: "" }],
    feedback_weeks: [{ week_of: "2026-11-02", count: 30, mean_rating: 4 }],
    alerts: [OPEN, SEEN],
    drift_chart_svg: DRIFT_SVG,
    feedback_chart_svg: FEEDBACK_SVG,
    ...fields,
  };
}

describe("MonitoringTab", () => {
  beforeEach(() => respond({ monitoring_view: () => view() }));

  it("shows the drift settings, both charts the backend drew, the alerts open first and feedback by week", async () => {
    renderWithProviders(<MonitoringTab useCaseId="UC-001" />);
    const drift = await screen.findByTestId("drift-chart");
    expect(drift.querySelector("svg")?.getAttribute("width")).toBe("100%");
    expect(drift.querySelector("svg")?.getAttribute("viewBox")).toBe("0 0 760 320");
    expect(drift.textContent).toContain("crossed on 2026-10-03");
    expect(screen.getByTestId("feedback-chart").querySelector("svg")).toBeTruthy();

    const settings = screen.getByTestId("drift-settings");
    expect(settings.textContent).toContain("escalation_rate");
    expect(settings.textContent).toContain("above 0.2");
    expect(settings.textContent).toContain("0.12");

    const alerts = within(screen.getByTestId("drift-alerts")).getAllByTestId(/^alert-DA-\d+$/);
    expect(alerts.map((a) => a.getAttribute("data-testid"))).toEqual(["alert-DA-002", "alert-DA-001"]);
    expect(screen.getByTestId("alert-ack-DA-002")).toBeTruthy();
    expect(screen.queryByTestId("alert-ack-DA-001")).toBeNull();
    expect(screen.getByTestId("alert-DA-001").textContent).toContain("A storm week; expected");
    expect(screen.getByTestId("feedback-week-2026-11-02").textContent).toContain("4.00 / 5");
  });

  it("tells where to define drift when the blueprint defines none, and opens the blueprint", async () => {
    respond({
      monitoring_view: () =>
        view({ drift_metric: null, drift_threshold: null, drift_direction: null, drift_chart_svg: null, alerts: [] }),
    });
    const { navigate } = renderWithProviders(<MonitoringTab useCaseId="UC-001" />);
    expect((await screen.findByTestId("drift-chart-empty")).textContent).toContain("monitoring part");
    expect(screen.queryByTestId("drift-chart")).toBeNull();
    expect(screen.queryByTestId("save-chart-drift")).toBeNull();
    fireEvent.click(screen.getByTestId("drift-open-blueprint"));
    expect(navigate).toHaveBeenCalledWith("pilots", "UC-001#blueprint");
  });

  it("acknowledges an alert only with a note", async () => {
    respond({ monitoring_acknowledge: (req: { id: string; note: string }) => ({ ...OPEN, ...req }) });
    renderWithProviders(<MonitoringTab useCaseId="UC-001" />);
    fireEvent.click(await screen.findByTestId("alert-ack-DA-002"));
    await screen.findByTestId("alert-ack-note");
    fireEvent.click(screen.getByTestId("alert-ack-save"));
    expect(await screen.findByText("Say what was looked at and what is done about it")).toBeTruthy();
    expect(requestsTo("monitoring_acknowledge")).toEqual([]);

    fireEvent.change(screen.getByTestId("alert-ack-note"), { target: { value: "New product line; router retrained" } });
    fireEvent.click(screen.getByTestId("alert-ack-save"));
    await waitFor(() =>
      expect(requestsTo("monitoring_acknowledge")).toEqual([
        { id: "DA-002", note: "New product line; router retrained" },
      ]),
    );
  });

  it("imports a monitoring file and says what it added and which alerts opened", async () => {
    respond({
      monitoring_import: () => ({
        pilot_id: "PIL-001",
        added: 3,
        unchanged: 1,
        alerts: [alert({ id: "DA-003", observed_on: "2026-10-09", value: 0.31 })],
        unchecked: null,
      }),
    });
    chooseNext("/data/escalations.csv");
    renderWithProviders(<MonitoringTab useCaseId="UC-001" />);
    fireEvent.click(await screen.findByTestId("import-monitoring"));
    fireEvent.click(await screen.findByRole("button", { name: "Browse…" }));
    await waitFor(() =>
      expect((screen.getByTestId("monitoring-import-path") as HTMLInputElement).value).toBe("/data/escalations.csv"),
    );
    fireEvent.click(screen.getByTestId("monitoring-import-submit"));

    const result = await screen.findByTestId("monitoring-import-result");
    expect(result.textContent).toContain("3 values added, 1 already recorded");
    expect(within(result).getByTestId("import-alerts").textContent).toContain("1 drift alert opened");
    expect(result.textContent).toContain("DA-003: escalation_rate 0.31");
    expect(requestsTo("monitoring_import")).toEqual([{ use_case_id: "UC-001", path: "/data/escalations.csv" }]);
  });

  it("lists every row problem of a refused feedback file", async () => {
    respond({
      monitoring_import_feedback: () =>
        refuse(
          "invalid_input",
          "2 problems found; nothing was stored:\nrow 2, column rating: 6 is outside 1–5\nrow 3, column count: is 0; a row counts at least one answer",
        ),
    });
    renderWithProviders(<MonitoringTab useCaseId="UC-001" />);
    fireEvent.click(await screen.findByTestId("import-feedback"));
    fireEvent.change(await screen.findByTestId("monitoring-import-path"), { target: { value: "/data/fb.csv" } });
    fireEvent.click(screen.getByTestId("monitoring-import-submit"));
    const problems = await screen.findByTestId("monitoring-import-problems");
    expect(problems.textContent).toContain("2 problems found; nothing was stored:");
    expect(
      within(problems)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "row 2, column rating: 6 is outside 1–5",
      "row 3, column count: is 0; a row counts at least one answer",
    ]);
  });

  it("saves a chart as SVG where the person chooses", async () => {
    respond({
      monitoring_export_chart: () => ({ path: "/tmp/drift.svg", bytes: 2048, sha256: "ab".repeat(32), items: 1 }),
    });
    chooseNext("/tmp/drift.svg");
    renderWithProviders(<MonitoringTab useCaseId="UC-001" />);
    fireEvent.click(await screen.findByTestId("save-chart-drift"));
    await waitFor(() =>
      expect(requestsTo("monitoring_export_chart")).toEqual([
        { use_case_id: "UC-001", chart: "drift", destination: "/tmp/drift.svg" },
      ]),
    );
  });

  it("says the use case has no pilot yet when the backend finds none", async () => {
    respond({
      monitoring_view: () =>
        refuse(
          "invalid_input",
          "use_case_id: UC-009 is not a pilot (PIL-…) or a use case with one",
          "use_case_id",
          "UC-009 is not a pilot (PIL-…) or a use case with one",
        ),
    });
    renderWithProviders(<MonitoringTab useCaseId="UC-009" />);
    expect((await screen.findByTestId("monitoring-no-pilot")).textContent).toContain("UC-009 has no pilot yet");
  });
});

describe("chart SVG", () => {
  it("scales plotters' fixed-size drawing to its box", () => {
    expect(chartSize(DRIFT_SVG)).toEqual({ width: 760, height: 320 });
    expect(responsiveSvg(DRIFT_SVG).startsWith('<svg width="100%" height="100%" viewBox="0 0 760 320"')).toBe(true);
  });
});
