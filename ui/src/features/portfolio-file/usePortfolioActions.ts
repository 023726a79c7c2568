// The file actions every part of the UI offers (New, Open…, Save a copy…, recent files): native
// dialogs first, then the handler; on success every cached query is refetched, since a different
// portfolio makes all of them stale.
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { backend } from "../../backend";
import { fileName } from "../../lib/vocabulary";

export const SESSION_KEY = ["session-status"] as const;

function reportFailure(title: string) {
  return (error: Error) => notifications.show({ color: "red", title, message: error.message, autoClose: 8000 });
}

export function usePortfolioActions() {
  const queryClient = useQueryClient();
  const refreshEverything = () => queryClient.invalidateQueries();

  const open = useMutation({
    mutationFn: async (path?: string) => {
      const chosen = path ?? (await backend.choosePortfolioToOpen());
      return chosen === null ? null : backend.openPortfolio(chosen);
    },
    onSuccess: async (status) => {
      if (status === null) return;
      await refreshEverything();
      const name = status.portfolio?.programme?.name ?? "portfolio";
      notifications.show({ color: "blue", title: "Portfolio opened", message: name });
    },
    onError: async (error) => {
      reportFailure("The portfolio could not be opened")(error);
      // A refused file may have been dropped from disk; refresh the recent list's markers.
      await queryClient.invalidateQueries({ queryKey: ["recent-files"] });
    },
  });

  const create = useMutation({
    mutationFn: async (req: { name: string; currency: string }) => {
      const path = await backend.chooseNewFile("Create a new portfolio", "portfolio.steerco");
      return path === null ? null : backend.createPortfolio({ path, ...req });
    },
    onSuccess: async (status) => {
      if (status === null) return;
      await refreshEverything();
      notifications.show({
        color: "blue",
        title: "New portfolio created",
        message: status.portfolio?.path ? fileName(status.portfolio.path) : "",
      });
    },
    onError: reportFailure("The portfolio could not be created"),
  });

  const saveCopy = useMutation({
    mutationFn: async () => {
      const path = await backend.chooseNewFile("Save a copy of the portfolio", "portfolio-copy.steerco");
      return path === null ? null : backend.saveCopy(path);
    },
    onSuccess: (saved) => {
      if (saved === null) return;
      notifications.show({
        color: "teal",
        title: "Copy saved",
        message: `${saved.path} (${Math.max(1, Math.round(saved.bytes / 1024))} KB)`,
      });
    },
    onError: reportFailure("The copy could not be saved"),
  });

  return { open, create, saveCopy };
}
