// A "check again" button's state: busy only while the refetch the person asked for runs. A
// button that spins on every background refetch (each visit to the page) draws a loader and its
// exit transition for nothing, and keeps the page from settling.
import { useCallback, useState } from "react";

export function useRefresh(refetch: () => Promise<unknown>): { refresh: () => void; refreshing: boolean } {
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(() => {
    setRefreshing(true);
    void refetch().finally(() => setRefreshing(false));
  }, [refetch]);
  return { refresh, refreshing };
}
