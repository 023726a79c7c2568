import { fireEvent, screen } from "@testing-library/react";
import { vi } from "vitest";
import { renderWithProviders } from "../test-utils";
import { GatedButton } from "./GatedButton";

function Form({ allowed, onSubmit }: { allowed: boolean; onSubmit: () => void }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <input data-testid="field" />
      <GatedButton gate={{ allowed, reason: allowed ? null : "Only a compliance officer can" }} type="submit">
        Save
      </GatedButton>
    </form>
  );
}

describe("GatedButton as a form's submit button", () => {
  it("submits the form when the backend allows the action", () => {
    const submitted = vi.fn();
    renderWithProviders(<Form allowed onSubmit={submitted} />);
    fireEvent.click(screen.getByText("Save"));
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it("refuses to submit while blocked: Enter's implicit click is cancelled like a pointer's", () => {
    const submitted = vi.fn();
    renderWithProviders(<Form allowed={false} onSubmit={submitted} />);
    const button = screen.getByText("Save").closest("button")!;
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button);
    expect(submitted).not.toHaveBeenCalled();
  });
});
