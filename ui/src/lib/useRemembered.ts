// State remembered on this machine (localStorage), read once when the component mounts. Mantine's
// useLocalStorage reads the stored value again in an effect after mounting and sets it, which
// renders the whole page a second time on every visit; this hook renders once.
import { useCallback, useState } from "react";

function read<T>(key: string, fallback: T, valid: (value: unknown) => value is T): T {
  try {
    const stored = window.localStorage.getItem(key);
    if (stored === null) return fallback;
    const value: unknown = JSON.parse(stored);
    return valid(value) ? value : fallback;
  } catch {
    // Storage blocked or a value written by hand: the default, never a crash.
    return fallback;
  }
}

export function useRemembered<T>(
  key: string,
  fallback: T,
  valid: (value: unknown) => value is T,
): [T, (value: T) => void] {
  const [value, setValue] = useState(() => read(key, fallback, valid));
  const remember = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Not remembered this time (storage full or blocked); the panel still opens.
      }
    },
    [key],
  );
  return [value, remember];
}

/** A list of strings, as stored by a multi-value control. */
export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
