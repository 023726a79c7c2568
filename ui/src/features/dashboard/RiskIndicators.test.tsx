import { fireEvent, screen } from "@testing-library/react";
import type { RiskIndicator } from "../../bindings/RiskIndicator";
import { renderWithProviders } from "../../test-utils";
import { RiskIndicators, SHOWN_PER_KIND } from "./RiskIndicators";

const stale = (n: number): RiskIndicator => ({
  kind: "stale_signoff",
  record_id: `UC-${String(n).padStart(3, "0")}`,
  use_case_id: `UC-${String(n).padStart(3, "0")}`,
  title: `Case ${n}`,
  detail: "The dossier changed since it was signed",
});

describe("RiskIndicators", () => {
  it("shows the first few of a long kind and the rest on request", () => {
    const risks = Array.from({ length: 1234 }, (_, i) => stale(i + 1));
    renderWithProviders(<RiskIndicators risks={risks} />);
    const links = () => screen.queryAllByTestId(/^dashboard-risk-stale_signoff-UC-/);
    expect(links()).toHaveLength(SHOWN_PER_KIND);
    expect(screen.getByTestId("dashboard-risks-stale_signoff").textContent).toContain("1,234");
    fireEvent.click(screen.getByRole("button", { name: "Show all 1,234" }));
    expect(links()).toHaveLength(1234);
    fireEvent.click(screen.getByRole("button", { name: "Show fewer" }));
    expect(links()).toHaveLength(SHOWN_PER_KIND);
  });

  it("offers nothing more when every indicator is shown", () => {
    renderWithProviders(<RiskIndicators risks={[stale(1), stale(2)]} />);
    expect(screen.queryAllByTestId(/^dashboard-risk-stale_signoff-UC-/)).toHaveLength(2);
    expect(screen.queryByTestId("dashboard-risks-stale_signoff-more")).toBeNull();
  });
});
