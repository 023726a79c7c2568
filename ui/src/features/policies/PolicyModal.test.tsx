import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import type { PolicyUpdate } from "../../bindings/PolicyUpdate";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { policy } from "../registry/testData";
import { PolicyModal, policyInput } from "./PolicyModal";

const stored = policy();

function renderEdit() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(
    <PolicyModal target={{ kind: "existing", policy: stored }} onClose={onClose} onSaved={onSaved} />,
  );
  return { onSaved, onClose };
}

const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

describe("PolicyModal", () => {
  it("sends only the fields changed, with the policy as it was loaded", async () => {
    respond({ policy_update: () => policy({ title: "Accepted sources", version: "1.1" }) });
    const { onSaved } = renderEdit();
    fireEvent.change(screen.getByTestId("policy-title"), { target: { value: "Accepted sources" } });
    fireEvent.change(screen.getByTestId("policy-version"), { target: { value: "1.1" } });
    fireEvent.click(screen.getByTestId("policy-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requestsTo("policy_update")).toEqual([
      {
        id: "POL-1",
        changes: [
          { field: "title", value: "Accepted sources" },
          { field: "version", value: "1.1" },
        ],
        loaded: policyInput(stored),
      } satisfies PolicyUpdate,
    ]);
  });

  it("creates a policy with every field", async () => {
    respond({ policy_create: () => policy({ id: "POL-2" }) });
    const onSaved = vi.fn();
    renderWithProviders(<PolicyModal target={{ kind: "new" }} onClose={vi.fn()} onSaved={onSaved} />);
    fireEvent.change(screen.getByTestId("policy-title"), { target: { value: "RL boundaries" } });
    fireEvent.change(screen.getByTestId("policy-owner"), { target: { value: "Ana" } });
    fireEvent.change(screen.getByTestId("policy-effective-on"), { target: { value: "2026-02-01" } });
    fireEvent.click(screen.getByTestId("policy-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requestsTo("policy_create")).toEqual([
      {
        title: "RL boundaries",
        body: "",
        category: "acceptable_data_sources",
        owner: "Ana",
        effective_on: "2026-02-01",
        version: "1.0",
      },
    ]);
  });

  it("shows a refusal about a field beside that field", async () => {
    respond({ policy_update: () => refuse("invalid_input", "owner: is required", "owner", "is required") });
    const { onClose } = renderEdit();
    fireEvent.change(screen.getByTestId("policy-owner"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("policy-save"));
    expect(await screen.findByText("is required")).toBeTruthy();
    expect(screen.getByTestId("policy-owner").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("form-refusal")).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("on an edit conflict, says so, reloads the policy and keeps the person's own change", async () => {
    // Meanwhile someone else changed the owner and the title.
    const theirs = policy({ owner: "Ben", title: "Data sources we accept", updated_at: "2026-03-01T00:00:00Z" });
    let updates = 0;
    respond({
      policy_list: () => [theirs],
      policy_update: () => {
        updates += 1;
        if (updates === 1) refuse("edit_conflict", "POL-1 was changed by someone else meanwhile: title", "title");
        return policy({ owner: "Ben", title: "Accepted sources" });
      },
    });
    const { onSaved } = renderEdit();
    fireEvent.change(screen.getByTestId("policy-title"), { target: { value: "Accepted sources" } });
    fireEvent.click(screen.getByTestId("policy-save"));

    expect((await screen.findByTestId("form-refusal")).textContent).toContain("POL-1 was changed by someone else");
    expect(requestsTo("policy_list")).toHaveLength(1);
    // An untouched field shows the stored value; the changed one keeps the person's, flagged.
    await waitFor(() => expect(value("policy-owner")).toBe("Ben"));
    expect(value("policy-title")).toBe("Accepted sources");
    expect(
      screen.getByText("Someone else changed this to “Data sources we accept” while you were editing"),
    ).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();

    // Saving again sends the title against the policy as it is stored now.
    fireEvent.click(screen.getByTestId("policy-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requestsTo("policy_update")[1]).toEqual({
      id: "POL-1",
      changes: [{ field: "title", value: "Accepted sources" }],
      loaded: policyInput(theirs),
    });
  });
});
