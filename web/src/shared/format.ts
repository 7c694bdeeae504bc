// Date formatting for display, via the browser's Intl.

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
// (dateStyle/timeStyle cannot be combined with timeZoneName: spell the fields out.)
const instantFmt = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

/** "2024-05-01" (a calendar date, no zone) -> "May 1, 2024". */
export function formatDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : dateFmt.format(d);
}

/** "2024-05-01T15:00:00Z" (an instant) -> local date and time. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantFmt.format(d);
}
