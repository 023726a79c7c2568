import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { RateRequest } from "../../bindings/RateRequest";
import type { WorkshopDetail } from "../../bindings/WorkshopDetail";
import { requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { CRITERIA } from "../portfolio/testRanking";
import { WorkshopView } from "./WorkshopView";

const detail = (ratings: WorkshopDetail["ratings"] = []): WorkshopDetail => ({
  workshop: {
    id: "WS-1",
    title: "Claims discovery",
    held_on: "2026-11-30",
    facilitator: "Sofia Lind",
    participants: ["Ana Ruiz", "Ben Okafor"],
    use_case_ids: ["UC-001"],
    rating_count: ratings.length,
    created_at: "2026-11-01T09:00:00Z",
  },
  agenda: [{ id: "UC-001", title: "Claims triage" }],
  criteria: CRITERIA,
  ratings,
  consensus: (["value", "criticality", "guardrail"] as const).map((criterion) => {
    const given = ratings.filter((r) => r.criterion === criterion);
    return {
      use_case_id: "UC-001",
      criterion,
      ratings: given.map((r): [string, number] => [r.participant, r.rating]),
      median: given.length > 0 ? given[0]!.rating : null,
      spread: given.length > 0 ? 0 : null,
      discuss: false,
    };
  }),
});

describe("WorkshopView: rating on the facilitator's screen", () => {
  it("labels the scale per criterion and says each rating moves the dossier at once", async () => {
    respond({ workshop_get: () => detail() });
    renderWithProviders(<WorkshopView id="WS-1" />);
    fireEvent.click(await screen.findByTestId("tab-rate"));
    expect(screen.getByTestId("rate-scale-value").textContent).toBe("1 = little value … 5 = high value");
    expect(screen.getByTestId("rate-scale-guardrail").textContent).toContain("1 = simple guardrails … 5 = complex");
    const explainer = screen.getByTestId("rate-explainer").textContent ?? "";
    expect(explainer).toContain("the dossier's rating moves to the workshop median at once");
    expect(explainer).not.toMatch(/when the workshop (is )?close/i);
  });

  it("records a click as the participant's rating and confirms it beside the rating", async () => {
    let stored = detail();
    respond({
      workshop_get: () => stored,
      workshop_rate: (req: RateRequest) => {
        stored = detail(
          req.entries.map((e) => ({
            participant: e.participant,
            use_case_id: e.use_case_id,
            criterion: e.criterion,
            rating: e.rating ?? 0,
            source: "screen",
            recorded_at: "2026-11-30T10:00:00Z",
          })),
        );
        return stored;
      },
    });
    renderWithProviders(<WorkshopView id="WS-1" />);
    fireEvent.click(await screen.findByTestId("tab-rate"));
    const control = screen.getByTestId("rate-UC-001-value");
    fireEvent.click(within(control).getByLabelText("4"));
    await waitFor(() =>
      expect(requestsTo("workshop_rate")).toEqual([
        {
          workshop_id: "WS-1",
          entries: [{ participant: "Ana Ruiz", use_case_id: "UC-001", criterion: "value", rating: 4 }],
        },
      ]),
    );
    await waitFor(() =>
      expect(screen.getByTestId("rate-status-UC-001-value").textContent).toBe("Saved · the dossier's rating is now 4"),
    );
    expect((within(control).getByLabelText("4") as HTMLInputElement).checked).toBe(true);
  });
});
