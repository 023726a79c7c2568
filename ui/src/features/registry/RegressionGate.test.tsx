import { screen, within } from "@testing-library/react";
import { keys, staleKeys } from "../../lib/queryKeys";
import { respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { RegressionGate } from "./RegressionGate";
import { failingRegressionCheck, regressionCheck } from "./testData";

const row = (suite: string, metric: string) => screen.getByTestId(`regression-row-${suite}-${metric}`);

describe("RegressionGate", () => {
  it("flags the metric that got worse and says the gate fails", async () => {
    respond({
      regression_check: () =>
        failingRegressionCheck({
          decisions: [
            {
              id: "GD-001",
              gate: "regression",
              use_case_id: "UC-001",
              subject_id: "AV-3",
              decided_by: "Henrik Olsen",
              decided_at: "2026-11-02T10:00:00Z",
              rationale: "The drop is within noise on the pilot's questions",
              refusal: "AV-3 (claims 1.2.0) fails the regression gate",
            },
          ],
        }),
    });
    renderWithProviders(<RegressionGate versionId="AV-3" />);
    const gate = await screen.findByTestId("regression-gate");
    expect(within(gate).getByTestId("regression-reference").textContent).toBe(
      "Compared with AV-1 (claims 1.0.0), the version deployed before it for UC-001.",
    );

    const worse = row("mmlu", "acc");
    expect(worse.getAttribute("data-verdict")).toBe("worse");
    const cells = within(worse)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual(["mmlu", "acc", "0.812", "0.78", "−0.032", "0.01", "Worse than before"]);
    expect(row("hellaswag", "acc_norm").getAttribute("data-verdict")).toBe("holds");
    expect(within(row("hellaswag", "acc_norm")).getByText("Holds")).toBeTruthy();
    expect(within(row("hellaswag", "acc_norm")).getByText("+0.02")).toBeTruthy();

    const verdict = screen.getByTestId("regression-verdict");
    expect(verdict.getAttribute("data-passes")).toBe("false");
    expect(verdict.textContent).toContain("1 of 2 metrics do not hold");
    expect(screen.getByTestId("regression-decision-GD-001").textContent).toContain("Henrik Olsen · ");
    expect(screen.getByTestId("regression-decision-GD-001").textContent).toContain(
      "The drop is within noise on the pilot's questions",
    );
  });

  it("says when there is nothing to compare with, and passes", async () => {
    respond({ regression_check: () => regressionCheck({ reference: { kind: "nothing" }, comparisons: [] }) });
    renderWithProviders(<RegressionGate versionId="AV-3" />);
    expect((await screen.findByTestId("regression-reference")).textContent).toContain("Nothing to compare with yet");
    expect(screen.queryByTestId("regression-comparisons")).toBeNull();
    expect(screen.getByTestId("regression-verdict").getAttribute("data-passes")).toBe("true");
  });

  it("names the baseline evaluation a first deployment is compared with", async () => {
    respond({ regression_check: () => regressionCheck({ reference: { kind: "baseline", evaluation_id: "EV-003" } }) });
    renderWithProviders(<RegressionGate versionId="AV-3" />);
    expect((await screen.findByTestId("regression-reference")).textContent).toContain(
      "Compared with the baseline evaluation EV-003 for UC-001",
    );
  });

  it("is made stale by a new evaluation and by a deployment", () => {
    const reaches = (prefix: readonly unknown[], key: readonly unknown[]) =>
      prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));
    for (const changed of ["evaluations", "adapters"] as const) {
      expect(staleKeys(changed).some((k) => reaches(k, keys.regression("AV-3")))).toBe(true);
    }
  });
});
