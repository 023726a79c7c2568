// The query cache's rules, shared by the app and its tests so tests see what people see. Local
// SQLite answers in milliseconds, but another Steerco or the CLI may change the file, so data
// is re-read when the window regains focus and after half a minute; mutations invalidate what
// they change at once. Retries would only delay real errors.
import { QueryClient } from "@tanstack/react-query";

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: true } },
  });
}
