import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { Programme } from "../../bindings/Programme";
import type { ProgrammeChange } from "../../bindings/ProgrammeChange";
import { refuse, requestsTo, respond } from "../../test-backend";
import { session } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { ProgrammeSettingsModal } from "./ProgrammeSettingsModal";

const programme: Programme = {
  name: "Halden LoRA",
  currency: "EUR",
  settings: { payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 },
  created_at: "2026-11-01T09:00:00Z",
  updated_at: "2026-11-01T09:00:00Z",
};

describe("ProgrammeSettingsModal", () => {
  beforeEach(() => respond({ programme_get: () => programme, session_status: () => session() }));

  it("sends the settings changed with what the dialog showed", async () => {
    respond({ programme_update: () => ({ ...programme, settings: { ...programme.settings, backups_kept: 30 } }) });
    renderWithProviders(<ProgrammeSettingsModal opened onClose={() => {}} />);
    await screen.findByDisplayValue("Halden LoRA");
    fireEvent.change(screen.getByTestId("backups-kept-input"), { target: { value: "30" } });
    fireEvent.click(screen.getByTestId("save-programme"));
    await waitFor(() => expect(requestsTo("programme_update")).toHaveLength(1));
    const sent = requestsTo("programme_update")[0] as ProgrammeChange;
    expect(sent.changes).toEqual([{ field: "backups_kept", value: 30 }]);
    expect(sent.loaded).toEqual({ name: "Halden LoRA", currency: "EUR", settings: programme.settings });
  });

  it("sets how often research-lane cases come back to the steering agenda", async () => {
    respond({
      programme_update: () => ({ ...programme, settings: { ...programme.settings, research_review_months: 6 } }),
    });
    renderWithProviders(<ProgrammeSettingsModal opened onClose={() => {}} />);
    await screen.findByDisplayValue("Halden LoRA");
    expect((screen.getByTestId("research-review-input") as HTMLInputElement).value).toBe("3");
    fireEvent.change(screen.getByTestId("research-review-input"), { target: { value: "6" } });
    fireEvent.click(screen.getByTestId("save-programme"));
    await waitFor(() => expect(requestsTo("programme_update")).toHaveLength(1));
    const sent = requestsTo("programme_update")[0] as ProgrammeChange;
    expect(sent.changes).toEqual([{ field: "research_review_months", value: 6 }]);
  });

  it("shows the handler's refusal beside the setting it names", async () => {
    respond({
      programme_update: () =>
        refuse(
          "invalid_input",
          "programme.settings.payback_horizon_months: must be between 1 and 120 months",
          "programme.settings.payback_horizon_months",
          "must be between 1 and 120 months",
        ),
    });
    renderWithProviders(<ProgrammeSettingsModal opened onClose={() => {}} />);
    await screen.findByDisplayValue("Halden LoRA");
    fireEvent.change(screen.getByTestId("horizon-input"), { target: { value: "0" } });
    fireEvent.click(screen.getByTestId("save-programme"));
    expect(await screen.findByText("must be between 1 and 120 months")).toBeTruthy();
  });
});
