// The Reports page's data: the documents handed out, an export job followed until it ends, and
// the suggested file name of a pack.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { ExportJob } from "../../bindings/ExportJob";
import { localIsoDate } from "../../lib/files";
import { keys } from "../../lib/queryKeys";

export const PDF_FILES = [{ name: "PDF document", extensions: ["pdf"] }];

export function packFileName(today: Date = new Date()): string {
  return `regulator-pack-${localIsoDate(today)}.pdf`;
}

export function useExports() {
  return useQuery({ queryKey: keys.documentExports, queryFn: api.reportExports });
}

/** Follows a job four times a second while it runs; stops asking once it has ended. */
export function useExportJob(id: number | null) {
  return useQuery({
    queryKey: keys.exportJob(id ?? 0),
    queryFn: () => api.reportJob({ id: id ?? 0 }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.state !== "running" ? false : 250),
  });
}

/** The progress bar's value, 0–100. */
export function percentDone(job: ExportJob): number {
  if (job.state === "done") return 100;
  const { done, total } = job.progress;
  return total === 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
}

/** This month and the `count - 1` before it, newest first, as YYYY-MM with a readable label. */
export function recentMonths(today: Date, count: number): { value: string; label: string }[] {
  const out = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1);
    const value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
    out.push({ value, label: d.toLocaleDateString(undefined, { month: "long", year: "numeric" }) });
  }
  return out;
}
