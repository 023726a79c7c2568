// Dates as the backend and the date inputs write them.
/** Today's date as YYYY-MM-DD in the user's time zone (not UTC). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
