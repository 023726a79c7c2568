import { fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { vi } from "vitest";
import { renderWithProviders } from "../test-utils";
import { PathFieldWithDialogAlert } from "./PathField";

function Field({ browse }: { browse: () => Promise<string | null> }) {
  const [path, setPath] = useState("");
  return (
    <PathFieldWithDialogAlert label="CSV file" value={path} onChange={setPath} browse={browse} data-testid="path" />
  );
}

describe("PathFieldWithDialogAlert", () => {
  it("says why the dialog could not open, and clears it when Browse… works next time", async () => {
    const browse = vi.fn<() => Promise<string | null>>().mockRejectedValueOnce(new Error("no display"));
    browse.mockResolvedValueOnce("/data/file.csv");
    renderWithProviders(<Field browse={browse} />);

    fireEvent.click(screen.getByText("Browse…"));
    expect(await screen.findByText("The file dialog could not open")).toBeTruthy();
    expect(screen.getByText("no display")).toBeTruthy();

    fireEvent.click(screen.getByText("Browse…"));
    await waitFor(() => expect((screen.getByTestId("path") as HTMLInputElement).value).toBe("/data/file.csv"));
    expect(screen.queryByText("The file dialog could not open")).toBeNull();
  });
});
