// Reading a file the user picked. Strict UTF-8: `File.text()` would silently turn a
// Windows-1252 "ü" into "�" and import it; the backend refuses non-UTF-8 text, so must we.
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name} is not UTF-8 text; save it from your spreadsheet as "CSV UTF-8" and try again`);
  }
}

export async function readUtf8(file: File): Promise<string> {
  return decodeUtf8(await file.arrayBuffer(), file.name);
}

/** Today's date as YYYY-MM-DD in the user's time zone (not UTC). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
