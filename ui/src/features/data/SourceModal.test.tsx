import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import type { DataSourceUpdate } from "../../bindings/DataSourceUpdate";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { dataSource, policy } from "../registry/testData";
import { SourceModal, sourceInput } from "./SourceModal";

const stored = dataSource({ policy_id: null });
const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

function renderEdit() {
  const onClose = vi.fn();
  renderWithProviders(<SourceModal target={{ kind: "existing", source: stored }} onClose={onClose} />);
  return onClose;
}

describe("SourceModal", () => {
  beforeEach(() => respond({ policy_list: () => [policy()] }));

  it("sends only the fields changed, with the source as it was loaded", async () => {
    respond({ source_update: () => dataSource({ owner: "Data office" }) });
    const onClose = renderEdit();
    fireEvent.change(screen.getByTestId("source-owner"), { target: { value: "Data office" } });
    fireEvent.click(screen.getByTestId("source-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requestsTo("source_update")).toEqual([
      {
        id: "SRC-1",
        changes: [{ field: "owner", value: "Data office" }],
        loaded: sourceInput(stored),
      } satisfies DataSourceUpdate,
    ]);
  });

  it("shows a refusal about the policy beside the policy field", async () => {
    respond({
      source_update: () =>
        refuse(
          "invalid_input",
          "policy_id: POL-1 is a rl_boundaries policy",
          "policy_id",
          "POL-1 is a rl_boundaries policy",
        ),
    });
    renderEdit();
    fireEvent.change(screen.getByTestId("source-name"), { target: { value: "Claims archive 2" } });
    fireEvent.click(screen.getByTestId("source-save"));
    expect(await screen.findByText("POL-1 is a rl_boundaries policy")).toBeTruthy();
    expect(screen.getByTestId("source-policy").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("form-refusal")).toBeNull();
  });

  it("on an edit conflict, says so and shows what is stored now", async () => {
    const theirs = dataSource({ system: "Guidewire Cloud", owner: "Claims data team" });
    respond({
      source_list: () => [theirs],
      source_update: () => refuse("edit_conflict", "SRC-1 was changed by someone else meanwhile: owner", "owner"),
    });
    renderEdit();
    fireEvent.change(screen.getByTestId("source-owner"), { target: { value: "Data office" } });
    fireEvent.click(screen.getByTestId("source-save"));
    expect((await screen.findByTestId("form-refusal")).textContent).toContain("SRC-1 was changed by someone else");
    await waitFor(() => expect(value("source-system")).toBe("Guidewire Cloud"));
    expect(value("source-owner")).toBe("Data office");
    expect(screen.getByText("Someone else changed this to “Claims data team” while you were editing")).toBeTruthy();
    expect(requestsTo("source_list")).toHaveLength(1);
  });

  it("creates a source with every field", async () => {
    respond({ source_create: () => dataSource({ id: "SRC-2" }) });
    const onClose = vi.fn();
    renderWithProviders(<SourceModal target={{ kind: "new" }} onClose={onClose} />);
    fireEvent.change(screen.getByTestId("source-name"), { target: { value: "Tickets" } });
    fireEvent.change(screen.getByTestId("source-system"), { target: { value: "Jira" } });
    fireEvent.change(screen.getByTestId("source-owner"), { target: { value: "Support" } });
    fireEvent.click(screen.getByTestId("source-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requestsTo("source_create")).toEqual([
      { name: "Tickets", system: "Jira", owner: "Support", classification: "internal", policy_id: null },
    ]);
  });
});
