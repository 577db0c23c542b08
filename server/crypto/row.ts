// Opening rows: replace the sealed columns of a selected row by their plain values, so a
// repository hands services and presenters the row they always had.
import { open, type Sealed } from './field-cipher.js';

/** R with the columns K opened (Sealed → string, Sealed | null → string | null). */
export type Opened<R, K extends keyof R> = { [P in keyof R]: P extends K ? (null extends R[P] ? string | null : string) : R[P] };

/** Opens the columns named in `fields` (column → field name, see fields.ts). */
export function openRow<R extends object, K extends keyof R & string>(row: R, fields: Readonly<Record<K, string>>): Opened<R, K> {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [column, field] of Object.entries(fields) as [K, string][]) {
    const v = row[column] as unknown as Sealed | string | null | undefined;
    if (v !== null && v !== undefined) out[column] = open(field, v);
  }
  return out as Opened<R, K>;
}

export function openRows<R extends object, K extends keyof R & string>(rows: readonly R[], fields: Readonly<Record<K, string>>): Opened<R, K>[] {
  return rows.map((r) => openRow(r, fields));
}
