// Re-encryption of every sealed value that is not under the current data key: the work of
// `lots keys rotate`, and, once, of the first start after migration 0008 (legacy plaintext is
// sealed the same way). Resumable batches: each batch of rows is locked (FOR UPDATE), rewritten
// and committed in its own transaction, so a live server keeps working and an interrupted run
// is simply started again; it picks up what is still under another key. While it runs, values
// under the old and the new key coexist: both are in the keyring, and searches look under each.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { nameIndexOf } from './blind-index.js';
import { openListOrLegacy, openOrLegacy, seal, sealList, SealedValueError, SEALED_PREFIX } from './field-cipher.js';
import { EVENT_FREE_TEXT_KEYS, EVENT_FREE_TEXT_REASON_KINDS, FIELD, resealEventData, WITHDRAW_REASON_CODES } from './fields.js';
import { DataKeyError, type Keyring } from './keyring.js';

export type ReencryptProgress = (done: number, total: number) => void;

interface Column {
  column: string;
  field: string;
  list?: boolean;
  codes?: readonly string[];
}

/** A table whose sealed values sit in text columns. */
interface TextTable {
  table: string;
  columns: Column[];
  /** persons: the blind index is recomputed with the names. */
  names?: boolean;
  /**
   * Row triggers that refuse any change of the text (case notes may only be erased): lifted for
   * the rewrite inside the batch's own transaction and restored before it commits. ALTER TABLE
   * locks the table meanwhile, so no other session ever writes without the guard.
   */
  guardTriggers?: readonly string[];
}

export const TEXT_TABLES: readonly TextTable[] = [
  {
    table: 'persons',
    names: true,
    columns: [
      { column: 'given_names', field: FIELD.givenNames },
      { column: 'family_names', field: FIELD.familyNames },
      { column: 'aliases', field: FIELD.aliases, list: true },
    ],
  },
  { table: 'cases', columns: [{ column: 'summary', field: FIELD.caseSummary }] },
  { table: 'assessments', columns: [{ column: 'reasons', field: FIELD.assessmentReasons }] },
  { table: 'consents', columns: [{ column: 'note', field: FIELD.consentNote }] },
  {
    table: 'referrals',
    columns: [
      { column: 'message', field: FIELD.referralMessage },
      { column: 'decline_reason', field: FIELD.referralDeclineReason },
      { column: 'withdraw_reason', field: FIELD.referralWithdrawReason, codes: WITHDRAW_REASON_CODES },
    ],
  },
  { table: 'permit_applications', columns: [{ column: 'note', field: FIELD.permitNote }] },
  { table: 'police_reports', columns: [{ column: 'police_ref', field: FIELD.policeRef }] },
  { table: 'support_plans', columns: [{ column: 'plan', field: FIELD.supportPlan }] },
  {
    table: 'case_groups',
    columns: [
      { column: 'employer', field: FIELD.groupEmployer },
      { column: 'inspection', field: FIELD.groupInspection },
      { column: 'notes', field: FIELD.groupNotes },
    ],
  },
  { table: 'users', columns: [{ column: 'totp_secret', field: FIELD.totpSecret }] },
  // Migration 0009: case notes and the reasons given when naming users of a protected identity
  // (field names as in server/modules/notes/notes.repository.ts and persons/identity-grants.repository.ts).
  { table: 'case_notes', columns: [{ column: 'text', field: 'case_notes.text' }], guardTriggers: ['case_notes_fixed'] },
  {
    table: 'person_identity_grants',
    columns: [
      { column: 'reason', field: 'person_identity_grants.reason' },
      { column: 'revoke_reason', field: 'person_identity_grants.revoke_reason' },
    ],
  },
];

/** Snapshot columns of person_merges: whole persons rows with their names sealed. */
const SNAPSHOT_COLUMNS = ['removed_person', 'kept_before', 'kept_after'] as const;
const SNAPSHOT_NAMES = [
  { key: 'given_names', field: FIELD.givenNames },
  { key: 'family_names', field: FIELD.familyNames },
] as const;

const BATCH = 500;

function prefixOf(keyring: Keyring): string {
  return `${SEALED_PREFIX}${keyring.currentKid}:`;
}

/** SQL: this text column holds a value that is neither empty, a code, nor sealed under the current key. */
function columnNeedsWork(c: Column, prefix: string) {
  const col = sql.ref(c.column);
  const codes = c.codes && c.codes.length > 0 ? sql` and ${col} <> all(${sql.val([...c.codes])}::text[])` : sql``;
  return sql<boolean>`(${col} is not null and ${col} <> '' and left(${col}, ${prefix.length}) <> ${prefix}${codes})`;
}

function textTableNeedsWork(t: TextTable, prefix: string) {
  return sql.join(
    t.columns.map((c) => columnNeedsWork(c, prefix)),
    sql` or `,
  );
}

function eventNeedsWork(prefix: string) {
  return sql<boolean>`exists (select 1 from jsonb_each(case_events.data) e
    where jsonb_typeof(e.value) = 'string'
      and (e.key = any(${sql.val([...EVENT_FREE_TEXT_KEYS])}::text[])
        or (e.key = 'reason' and case_events.kind = any(${sql.val([...EVENT_FREE_TEXT_REASON_KINDS])}::text[])))
      and e.value #>> '{}' <> '' and left(e.value #>> '{}', ${prefix.length}) <> ${prefix})`;
}

function snapshotNeedsWork(prefix: string) {
  return sql<boolean>`exists (select 1 from (values (person_merges.removed_person), (person_merges.kept_before), (person_merges.kept_after)) s(j), jsonb_each(s.j) e
    where e.key in ('given_names', 'family_names', 'aliases')
      and ((jsonb_typeof(e.value) = 'string' and e.value #>> '{}' <> '' and left(e.value #>> '{}', ${prefix.length}) <> ${prefix})
        or (jsonb_typeof(e.value) = 'array' and jsonb_array_length(e.value) > 0)))`;
}

async function tableExists(db: Kysely<DB> | Transaction<DB>, table: string, column: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and column_name = ${column}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

function reseal(c: Column, stored: string | null, keyring: Keyring, prefix: string): string | null {
  if (stored === null || stored === '' || stored.startsWith(prefix) || c.codes?.includes(stored)) return stored;
  if (c.list) return sealList(c.field, openListOrLegacy(c.field, stored, keyring)) as unknown as string;
  return seal(c.field, openOrLegacy(c.field, stored, keyring), keyring) as unknown as string;
}

function located(table: string, id: unknown, e: unknown): never {
  if (e instanceof SealedValueError) throw new DataKeyError(`${table} row ${String(id)}: ${e.message}; nothing after this batch was changed (fix it and run again)`);
  throw e;
}

type Row = Record<string, unknown> & { id: string | number };

/**
 * Runs `work` over the rows matching `needs`, BATCH at a time in key order, each batch in its own
 * transaction with the rows locked. Returns the rows changed.
 */
async function inBatches(
  db: Kysely<DB>,
  table: string,
  select: string[],
  needs: ReturnType<typeof sql>,
  work: (trx: Transaction<DB>, rows: Row[]) => Promise<void>,
  tick: (n: number) => void,
): Promise<number> {
  let cursor: string | number | null = null;
  let changed = 0;
  for (;;) {
    const rows = await db.transaction().execute(async (trx) => {
      const after = cursor === null ? sql`true` : sql`id > ${cursor}`;
      const found = await sql<Row>`select ${sql.join(select.map((c) => sql.ref(c)))} from ${sql.table(table)}
        where ${after} and (${needs}) order by id limit ${BATCH} for update`.execute(trx);
      if (found.rows.length > 0) await work(trx, found.rows);
      return found.rows;
    });
    if (rows.length === 0) return changed;
    changed += rows.length;
    tick(rows.length);
    cursor = rows[rows.length - 1]!.id;
  }
}

export interface ReencryptResult {
  /** Rows rewritten. */
  rows: number;
  /** Values sealed anew (legacy plaintext or under another key). */
  values: number;
}

/** Rows that still hold a value not under the current key (what a run would rewrite). */
export async function pendingRows(db: Kysely<DB>, keyring: Keyring): Promise<number> {
  const prefix = prefixOf(keyring);
  let n = 0;
  const count = async (table: string, needs: ReturnType<typeof sql>) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${needs}`.execute(db)).rows[0]?.n ?? 0);
  for (const t of TEXT_TABLES) if (await tableExists(db, t.table, t.columns[0]!.column)) n += await count(t.table, textTableNeedsWork(t, prefix));
  n += await count('case_events', eventNeedsWork(prefix));
  n += await count('person_merges', snapshotNeedsWork(prefix));
  return n;
}

/** Seals every value not under the current key (legacy plaintext included) under it. */
export async function reencryptAll(db: Kysely<DB>, keyring: Keyring, opts: { onProgress?: ReencryptProgress } = {}): Promise<ReencryptResult> {
  const prefix = prefixOf(keyring);
  const total = await pendingRows(db, keyring);
  let done = 0;
  let values = 0;
  const tick = (n: number) => {
    done += n;
    opts.onProgress?.(Math.min(done, total), total);
  };
  opts.onProgress?.(0, total);
  let rows = 0;

  for (const t of TEXT_TABLES) {
    if (!(await tableExists(db, t.table, t.columns[0]!.column))) continue;
    const columns = t.columns.map((c) => c.column);
    rows += await inBatches(db, t.table, ['id', ...columns], textTableNeedsWork(t, prefix), async (trx, found) => {
      const updates = found.map((r) => {
        const out: Record<string, unknown> = { id: r.id };
        try {
          for (const c of t.columns) {
            const before = r[c.column] as string | null;
            out[c.column] = reseal(c, before, keyring, prefix);
            if (out[c.column] !== before) values++;
          }
          if (t.names) {
            const given = openOrLegacy(FIELD.givenNames, out.given_names as string, keyring);
            const family = openOrLegacy(FIELD.familyNames, out.family_names as string, keyring);
            const aliases = openListOrLegacy(FIELD.aliases, out.aliases as string, keyring);
            out.name_index = nameIndexOf([given, family, ...aliases], keyring.currentKid, keyring);
          }
        } catch (e) {
          located(t.table, r.id, e);
        }
        return out;
      });
      const cols = [...columns, ...(t.names ? ['name_index'] : [])];
      const types = sql.join(
        [sql`id uuid`, ...cols.map((c) => sql`${sql.ref(c)} ${sql.raw(c === 'name_index' ? 'text[]' : 'text')}`)],
      );
      for (const trigger of t.guardTriggers ?? []) await sql`alter table ${sql.table(t.table)} disable trigger ${sql.id(trigger)}`.execute(trx);
      await sql`update ${sql.table(t.table)} x set ${sql.join(cols.map((c) => sql`${sql.ref(c)} = t.${sql.ref(c)}`))}
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as t(${types}) where x.id = t.id`.execute(trx);
      for (const trigger of t.guardTriggers ?? []) await sql`alter table ${sql.table(t.table)} enable trigger ${sql.id(trigger)}`.execute(trx);
    }, tick);
  }

  rows += await inBatches(db, 'case_events', ['id', 'kind', 'data'], eventNeedsWork(prefix), async (trx, found) => {
    const updates: { id: number | string; data: Record<string, unknown> }[] = [];
    for (const r of found) {
      const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>;
      let next: Record<string, unknown> | null = null;
      try {
        next = resealEventData(String(r.kind), data, keyring);
      } catch (e) {
        located('case_events', r.id, e);
      }
      if (next) {
        values += Object.keys(next).filter((k) => next[k] !== data[k]).length;
        updates.push({ id: r.id, data: next });
      }
    }
    await sql`update case_events x set data = t.data
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as t(id bigint, data jsonb) where x.id = t.id`.execute(trx);
  }, tick);

  rows += await inBatches(db, 'person_merges', ['id', ...SNAPSHOT_COLUMNS], snapshotNeedsWork(prefix), async (trx, found) => {
    const updates = found.map((r) => {
      const out: Record<string, unknown> = { id: r.id };
      for (const col of SNAPSHOT_COLUMNS) {
        const snap = { ...((typeof r[col] === 'string' ? JSON.parse(r[col] as string) : r[col]) as Record<string, unknown>) };
        try {
          for (const { key, field } of SNAPSHOT_NAMES) {
            const v = snap[key];
            if (typeof v === 'string' && v !== '' && !v.startsWith(prefix)) {
              snap[key] = seal(field, openOrLegacy(field, v, keyring), keyring);
              values++;
            }
          }
          const aliases = snap.aliases;
          if (Array.isArray(aliases) || (typeof aliases === 'string' && aliases !== '' && !aliases.startsWith(prefix))) {
            const list = Array.isArray(aliases) ? (aliases as string[]) : openListOrLegacy(FIELD.aliases, aliases, keyring);
            snap.aliases = sealList(FIELD.aliases, list);
            values++;
          }
          delete snap.name_index;
        } catch (e) {
          located('person_merges', r.id, e);
        }
        out[col] = snap;
      }
      return out;
    });
    await sql`update person_merges x set removed_person = t.removed_person, kept_before = t.kept_before, kept_after = t.kept_after
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as t(id uuid, removed_person jsonb, kept_before jsonb, kept_after jsonb)
      where x.id = t.id`.execute(trx);
  }, tick);

  return { rows, values };
}

/** How many stored values are under each key id ('plaintext' for unsealed ones). */
export async function valuesByKey(db: Kysely<DB>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (rows: { kid: string | null; n: number }[]) => {
    for (const r of rows) out.set(r.kid ?? 'plaintext', (out.get(r.kid ?? 'plaintext') ?? 0) + Number(r.n));
  };
  const kidOf = (v: ReturnType<typeof sql>) => sql<string | null>`case when left(${v}, ${SEALED_PREFIX.length}) = ${SEALED_PREFIX} then split_part(${v}, ':', 3) end`;
  for (const t of TEXT_TABLES) {
    if (!(await tableExists(db, t.table, t.columns[0]!.column))) continue;
    for (const c of t.columns) {
      const col = sql.ref(c.column);
      const codes = c.codes && c.codes.length > 0 ? sql` and ${col} <> all(${sql.val([...c.codes])}::text[])` : sql``;
      add((await sql<{ kid: string | null; n: number }>`select ${kidOf(sql`${col}`)} as kid, count(*)::int as n from ${sql.table(t.table)}
        where ${col} is not null and ${col} <> ''${codes} group by 1`.execute(db)).rows);
    }
  }
  add((await sql<{ kid: string | null; n: number }>`select ${kidOf(sql`e.value #>> '{}'`)} as kid, count(*)::int as n
    from case_events, jsonb_each(case_events.data) e
    where jsonb_typeof(e.value) = 'string' and e.value #>> '{}' <> ''
      and (e.key = any(${sql.val([...EVENT_FREE_TEXT_KEYS])}::text[])
        or (e.key = 'reason' and case_events.kind = any(${sql.val([...EVENT_FREE_TEXT_REASON_KINDS])}::text[])))
    group by 1`.execute(db)).rows);
  add((await sql<{ kid: string | null; n: number }>`select ${kidOf(sql`e.value #>> '{}'`)} as kid, count(*)::int as n
    from person_merges cross join lateral (values (person_merges.removed_person), (person_merges.kept_before), (person_merges.kept_after)) s(j)
      cross join lateral jsonb_each(s.j) e
    where e.key in ('given_names', 'family_names', 'aliases') and jsonb_typeof(e.value) = 'string' and e.value #>> '{}' <> ''
    group by 1`.execute(db)).rows);
  return out;
}
