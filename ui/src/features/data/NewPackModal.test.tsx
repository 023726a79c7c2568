import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { dataPack, dataSource } from "../registry/testData";
import { NewPackModal } from "./NewPackModal";

function fill() {
  fireEvent.change(screen.getByTestId("pack-name"), { target: { value: "claims-2026" } });
  fireEvent.change(screen.getByTestId("pack-version"), { target: { value: "1.0" } });
  fireEvent.change(screen.getByTestId("pack-curated-by"), { target: { value: "Ben" } });
}

describe("NewPackModal", () => {
  beforeEach(() => respond({ source_list: () => [dataSource()] }));

  it("registers the pack with its fields and no file", async () => {
    respond({ pack_create: () => dataPack() });
    const onClose = vi.fn();
    renderWithProviders(<NewPackModal opened onClose={onClose} />);
    fill();
    fireEvent.click(screen.getByTestId("pack-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requestsTo("pack_create")).toEqual([
      {
        pack: {
          name: "claims-2026",
          version: "1.0",
          source_ids: [],
          curated_by: "Ben",
          record_count: 0,
          personal_data: "none",
        },
        file_path: null,
      },
    ]);
  });

  it("shows a refusal about the sources beside the sources field", async () => {
    const reason = "name at least one data source the pack was drawn from";
    respond({ pack_create: () => refuse("invalid_input", `source_ids: ${reason}`, "source_ids", reason) });
    renderWithProviders(<NewPackModal opened onClose={vi.fn()} />);
    fill();
    fireEvent.click(screen.getByTestId("pack-save"));
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(screen.queryByTestId("form-refusal")).toBeNull();
  });

  it("asks for a record count before sending an emptied one", async () => {
    renderWithProviders(<NewPackModal opened onClose={vi.fn()} />);
    fill();
    fireEvent.change(screen.getByTestId("pack-records"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("pack-save"));
    expect(await screen.findByText("Enter the number of records (0 or more)")).toBeTruthy();
    expect(requestsTo("pack_create")).toEqual([]);
  });
});
