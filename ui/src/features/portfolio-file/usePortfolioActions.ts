// The file actions every part of the UI offers (Open…, Save a copy…, Restore, recent files):
// native dialogs first, then the handler. Opening another file or restoring a backup
// makes everything cached stale; saving a copy changes nothing on screen.
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, chooseDestination, chooseFile, PORTFOLIO_FILES } from "../../backend";
import { formatBytes } from "../../lib/governance";
import { keys, useInvalidate } from "../../lib/queryKeys";

function reportFailure(title: string) {
  return (error: Error) => notifications.show({ color: "red", title, message: error.message, autoClose: 8000 });
}

export function usePortfolioActions() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();

  const open = useMutation({
    mutationFn: async (path?: string) => {
      const chosen = path ?? (await chooseFile("Open portfolio", PORTFOLIO_FILES));
      return chosen === null ? null : api.portfolioOpen({ path: chosen });
    },
    onSuccess: async (status) => {
      if (status === null) return;
      await invalidate("portfolio");
      const name = status.portfolio?.programme?.name ?? "portfolio";
      const readOnly = status.portfolio?.read_only;
      notifications.show({
        color: readOnly ? "yellow" : "blue",
        title: readOnly ? "Portfolio opened read-only" : "Portfolio opened",
        message: readOnly ? `${name}: ${readOnly}` : name,
        autoClose: readOnly ? 10000 : 4000,
      });
    },
    onError: async (error) => {
      reportFailure("The portfolio could not be opened")(error);
      // A refused file may have been dropped from disk; refresh the recent list's markers.
      await queryClient.invalidateQueries({ queryKey: keys.recentFiles });
    },
  });

  const saveCopy = useMutation({
    mutationFn: async () => {
      const path = await chooseDestination("Save a copy of the portfolio", "portfolio-copy.steerco", PORTFOLIO_FILES);
      return path === null ? null : api.portfolioSaveCopy({ destination: path });
    },
    onSuccess: (saved) => {
      if (saved === null) return;
      notifications.show({
        color: "teal",
        title: "Copy saved",
        message: `${saved.path} (${formatBytes(saved.bytes)})`,
      });
    },
    onError: reportFailure("The copy could not be saved"),
  });

  const restore = useMutation({
    mutationFn: (backup: string) => api.backupRestore({ backup }),
    onSuccess: async (outcome) => {
      await invalidate("portfolio");
      notifications.show({
        color: "teal",
        title: "Backup restored",
        message: `The portfolio is back as it was at ${outcome.restored.file_name}. What it held before is kept as ${outcome.previous.file_name}.`,
        autoClose: 10000,
      });
    },
    onError: reportFailure("The backup was not restored"),
  });

  return { open, saveCopy, restore };
}
