import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { BackupFile } from "../../bindings/BackupFile";
import { requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { reasonLabel, RestoreBackupModal } from "./RestoreBackupModal";

const backup = (file_name: string, reason: string): BackupFile => ({
  path: `/data/p-backups/${file_name}`,
  file_name,
  taken_at: "2026-11-29T08:00:00Z",
  reason,
  bytes: 204800,
});

describe("RestoreBackupModal", () => {
  it("lists the backups and restores the one confirmed", async () => {
    const daily = backup("20261129T080000.000Z-daily.steerco", "daily");
    respond({
      backup_list: () => [
        daily,
        backup("20261128T080000.000Z-before-upgrade-to-schema-5.steerco", "before-upgrade-to-schema-5"),
      ],
      backup_restore: () => ({
        restored: daily,
        previous: backup("20261130T100000.000Z-before-restore.steerco", "before-restore"),
      }),
    });
    const onClose = vi.fn();
    renderWithProviders(<RestoreBackupModal opened onClose={onClose} readOnly={null} />);
    expect(await screen.findByText("Before upgrade to schema 5")).toBeTruthy();
    fireEvent.click(screen.getByTestId(`restore-${daily.file_name}`));
    fireEvent.click(screen.getByTestId("restore-confirm"));
    await waitFor(() => expect(requestsTo("backup_restore")).toEqual([{ backup: daily.file_name }]));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("offers no restore on a portfolio open read-only", async () => {
    const daily = backup("20261129T080000.000Z-daily.steerco", "daily");
    respond({ backup_list: () => [daily] });
    renderWithProviders(<RestoreBackupModal opened onClose={() => {}} readOnly="the file is read-only" />);
    const button = await screen.findByTestId(`restore-${daily.file_name}`);
    expect(button.hasAttribute("disabled")).toBe(true);
  });

  it("labels why a backup was taken", () => {
    expect(reasonLabel("before-restore")).toBe("Before restore");
  });
});
