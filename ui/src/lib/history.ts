// How a change reads in the audit trail and in a stale sign-off's diff: each field by its label,
// each value as people read it — amounts in the programme's currency, times in the user's locale,
// statuses and kinds by their labels, yes/no for flags, short hashes — and the changed fields
// first. The stored JSON stays one click away on screen; this module never hides a field, it only
// names it.
import type { AuditRecord } from "../bindings/AuditRecord";
import type { FieldChange } from "../bindings/FieldChange";
import { localDate, localDateTime, whenText } from "./compliance";
import { formatBytes, shortHash } from "./governance";
import {
  actionLabel,
  entityIdLabel,
  entityKindLabel,
  fieldLabel,
  moneyField,
  operationLabel,
  pathField,
  pathLabel,
  valueLabel,
} from "./recordFields";

/** Formats an amount in the programme's currency (`useMoney().format`). */
export type MoneyFormat = (amount: number) => string;

const FLAGS = new Set(["active", "use_rslora", "use_dora", "passed", "higher_is_better"]);
const HASHES = new Set([
  "sha256",
  "file_sha256",
  "content_sha256",
  "prev_hash",
  "hash",
  "current_sha256",
  "audit_head",
]);
const SIZES = new Set(["file_bytes", "bytes"]);
const LONG = 160;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function clip(text: string): string {
  return text.length > LONG ? `${text.slice(0, LONG - 1)}…` : text;
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** JSON kept as text inside a row (PEFT config, settings, result figures), parsed when it is. */
function parsedText(value: string): unknown {
  if (!/^[[{]/.test(value.trim())) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function structured(field: string, value: unknown): string {
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    // A list of codes (a person's roles) reads by their labels too.
    const items = value.map((v) => (typeof v === "string" ? (valueLabel(field, v) ?? v) : String(v)));
    return items.length === 0 ? "none" : items.join(", ");
  }
  return clip(JSON.stringify(value));
}

/** One stored value of `field` as people read it ("—" for nothing). */
export function displayValue(field: string, value: unknown, money: MoneyFormat): string {
  if (value === null || value === undefined || value === "") return "—";
  const amount = moneyField(field);
  const n = asNumber(value);
  if (amount && n !== null) return money(amount === "cents" ? n / 100 : n);
  if (FLAGS.has(field) && (value === 0 || value === 1 || typeof value === "boolean")) {
    return value === 1 || value === true ? "Yes" : "No";
  }
  if (SIZES.has(field) && n !== null) return formatBytes(n);
  if (typeof value === "string") {
    const label = valueLabel(field, value);
    if (label) return label;
    if (HASHES.has(field)) return shortHash(value);
    if (ISO_INSTANT.test(value)) return localDateTime(value);
    if (ISO_DAY.test(value)) return localDate(value);
    const inner = parsedText(value);
    if (inner !== undefined) return structured(field, inner);
    return clip(value);
  }
  if (typeof value === "number") return value.toLocaleString();
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return structured(field, value);
}

export interface FieldDiff {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function parseImage(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { value: text };
  }
}

/**
 * Every field of an audit record's row images, changed ones first (in stored order), each with
 * its label and both values formatted. An added row has only "after", a removed one only "before".
 */
export function recordDiffs(
  record: Pick<AuditRecord, "before" | "after"> & Partial<Pick<AuditRecord, "entity_kind" | "operation">>,
  money: MoneyFormat,
): FieldDiff[] {
  const kind = record.entity_kind;
  if (record.operation === "batch") return batchRows(record.after, kind, money);
  const before = parseImage(record.before);
  const after = parseImage(record.after);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const diffs = fields.map((field): FieldDiff => {
    const b = before?.[field];
    const a = after?.[field];
    return {
      field,
      label: fieldLabel(field, kind),
      before: before ? displayValue(field, b, money) : "",
      after: after ? displayValue(field, a, money) : "",
      changed: before !== null && after !== null ? JSON.stringify(b) !== JSON.stringify(a) : true,
    };
  });
  return [...diffs.filter((d) => d.changed), ...diffs.filter((d) => !d.changed)];
}

/** The fields that place a batched row (already in its key), left out of its line. */
const PLACING = new Set(["use_case_id", "month"]);

/** The key under which a batch record keeps the row its rows share (no row's key is empty). */
const SHARED_ROW = "";

/**
 * A batch record's rows by key, each with all its fields: a record written since December 2026
 * keeps the fields its rows share once, under the empty key, and each row only those that
 * differ; an older one keeps each row whole.
 */
function batchImages(after: string | null): [string, Record<string, unknown>][] {
  const rows = parseImage(after) ?? {};
  const sharedRow = rows[SHARED_ROW];
  const shared = typeof sharedRow === "object" && sharedRow !== null ? (sharedRow as Record<string, unknown>) : null;
  return Object.entries(rows)
    .filter(([key]) => shared === null || key !== SHARED_ROW)
    .map(([key, image]) => {
      const fields =
        typeof image === "object" && image !== null ? (image as Record<string, unknown>) : { value: image };
      return [key, shared ? { ...shared, ...fields } : fields];
    });
}

/**
 * A batch record's rows (rows added in bulk, e.g. an import's months), one line each: the row's
 * key, and its fields as people read them ("Benefit €10,035.25 · Cost €9,005.00").
 */
function batchRows(after: string | null, kind: string | undefined, money: MoneyFormat): FieldDiff[] {
  return batchImages(after).map(([key, fields]) => {
    const text = Object.entries(fields)
      .filter(([field, value]) => !PLACING.has(field) && value !== "" && value !== null)
      .map(([field, value]) => `${fieldLabel(field, kind)} ${displayValue(field, value, money)}`)
      .join(" · ");
    return { field: key, label: entityIdLabel(key), before: "", after: text, changed: true };
  });
}

/** How many rows a batch record added. */
export function batchSize(record: Pick<AuditRecord, "after">): number {
  return batchImages(record.after).length;
}

/** "One-time cost €250,000 → €280,000". */
export function changeText(d: Pick<FieldDiff, "label" | "before" | "after">): string {
  return `${d.label} ${d.before} → ${d.after}`;
}

/** The fields that name a record, in order of preference, for "Added “Claims triage”". */
const NAMING = ["title", "name", "target", "role", "metric"];

/**
 * One line for the trail's table: the first change of an update ("One-time cost €250,000 →
 * €280,000 and 2 more"), what an added or removed row was, or an event's detail.
 */
export function recordSummary(record: AuditRecord, money: MoneyFormat): string {
  if (record.operation === "batch") return `Added ${batchSize(record)} × ${entityKindLabel(record.entity_kind)}`;
  const diffs = recordDiffs(record, money);
  const image = parseImage(record.after) ?? parseImage(record.before) ?? {};
  const naming = NAMING.find((f) => typeof image[f] === "string" && image[f] !== "");
  const named = naming ? ` “${displayValue(naming, image[naming], money)}”` : "";
  if (record.operation === "insert") return `Added${named}`;
  if (record.operation === "delete") return `Removed${named}`;
  if (record.operation === "update") {
    const changed = diffs.filter((d) => d.changed);
    if (changed.length === 0) return "No field changed";
    const more = changed.length > 1 ? ` and ${changed.length - 1} more` : "";
    return `${changeText(changed[0]!)}${more}`;
  }
  return diffs
    .filter((d) => d.after !== "" && d.after !== "—")
    .map((d) => `${d.label}: ${d.after}`)
    .join(" · ");
}

/** "Updated Use case UC-1". */
export function recordTitle(record: Pick<AuditRecord, "action" | "entity_kind" | "entity_id">): string {
  return `${actionLabel(record.action)} · ${entityKindLabel(record.entity_kind)} ${entityIdLabel(record.entity_id)}`;
}

/** "Changed Risk RSK-002": a row change named without its action (outside changes have none). */
export function rowChangeText(c: Pick<AuditRecord, "operation" | "entity_kind" | "entity_id">): string {
  return `${operationLabel(c.operation)} ${entityKindLabel(c.entity_kind)} ${entityIdLabel(c.entity_id)}`;
}

/** "Jonas Weber · 08:50" (or the date too, for another day). */
export function whoAndWhen(actor: string, at: string, now?: Date): string {
  return `${actor} · ${whenText(at, now)}`;
}

const SIGNED_MARKERS: Record<string, string> = {
  "(absent)": "not there",
  "(removed)": "removed",
  "(empty)": "—",
  "—": "—",
};

/** A value of a sign-off diff (the backend's flattened text) as people read it. */
export function signedValue(path: string, value: string, money: MoneyFormat): string {
  const marker = SIGNED_MARKERS[value];
  if (marker) return marker;
  const field = pathField(path);
  if (value === "true" || value === "false") return value === "true" ? "Yes" : "No";
  return displayValue(field, value, money);
}

/** A stale sign-off's change with its path and values for people. */
export function signedChange(c: FieldChange, money: MoneyFormat): FieldDiff {
  return {
    field: c.field,
    label: pathLabel(c.field),
    before: signedValue(c.field, c.before, money),
    after: signedValue(c.field, c.after, money),
    changed: true,
  };
}
