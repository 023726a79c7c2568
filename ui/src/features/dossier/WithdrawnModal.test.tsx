import { fireEvent, screen, waitFor } from "@testing-library/react";
import { refuse, requestsTo, respond } from "../../test-backend";
import { aUseCase } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { WithdrawnModal } from "./WithdrawnModal";

const withdrawn = {
  id: "UC-007",
  title: "Claims triage (copy)",
  created_by: "Ben Okafor",
  withdrawn_by: "Ben Okafor",
  withdrawn_at: "2026-11-02T10:00:00Z",
  reason: "Created twice by mistake",
};

describe("WithdrawnModal", () => {
  it("lists the withdrawn use cases with why, and restores one", async () => {
    respond({
      use_case_withdrawn: () => [withdrawn],
      use_case_restore: (req: { id: string }) => aUseCase({ id: req.id }),
    });
    renderWithProviders(<WithdrawnModal opened onClose={() => {}} />);
    const row = await screen.findByTestId("withdrawn-UC-007");
    expect(row.textContent).toContain("Created twice by mistake");
    expect(row.textContent).toContain("created by Ben Okafor");
    fireEvent.click(screen.getByTestId("restore-UC-007"));
    await waitFor(() => expect(requestsTo("use_case_restore")).toEqual([{ id: "UC-007" }]));
  });

  it("shows a refused restore as the backend says it", async () => {
    respond({
      use_case_withdrawn: () => [withdrawn],
      use_case_restore: () =>
        refuse("forbidden", "Only Ben Okafor, who created UC-007, or an administrator can restore it"),
    });
    renderWithProviders(<WithdrawnModal opened onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId("restore-UC-007"));
    expect((await screen.findByTestId("restore-refusal")).textContent).toContain("or an administrator can restore it");
  });
});
