// Imports historical case records from the interchange CSV: validate every row first, then write
// persons, cases and their assessments (source 'import') in one transaction, so that any invalid
// row means nothing is imported. Re-importing a case_ref updates that case; unchanged cases are
// left alone. One audit event records the import; each created or updated case gets a timeline
// event.
import { swedishToday } from '../../jobs/clock.js';
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError } from '../../http/errors.js';
import { canOnStatistics } from '../../policies/statistics.policy.js';
import { ageAt } from '../../../domain/age.js';
import { decodeUtf8 } from '../../../domain/statistics/csv.js';
import { MAX_REPORTED_ERRORS, readCaseFile, sameCaseRecord, type CaseRecord, type CaseRowError } from '../../../domain/statistics/case-csv.js';
import { importIssue } from '../../../domain/statistics/import-issues.js';
import { findImportedCases, findImportedPersons, type StoredCase } from './case-records.repository.js';
import { BATCH, deleteImportAssessments, insertAssessments, insertCases, insertImportEvents, insertPersons, updateCases, updatePersons, type AssessmentInsert } from './case-import.repository.js';

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  errorCount: number;
  /** The first MAX_REPORTED_ERRORS problems, by line. */
  errors: CaseRowError[];
  created: number;
  updated: number;
  unchanged: number;
  personsCreated: number;
  personsUpdated: number;
  sha256: string;
}

export interface ImportInput {
  /** Text, or raw bytes (checked to be UTF-8). */
  source: string | Uint8Array;
  dryRun: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

type Line = CaseRecord & { line: number };
const IMPORT_STATUSES = new Set(['received', 'reason_to_assume', 'no_reason_to_assume']);

function report(base: Partial<ImportReport> & { sha256: string; dryRun: boolean; rows: number }, errors: CaseRowError[]): ImportReport {
  return { ok: errors.length === 0, created: 0, updated: 0, unchanged: 0, personsCreated: 0, personsUpdated: 0, ...base, errorCount: errors.length, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
}

/** Rules that need the database: a case_ref must name an imported case still as imported. */
function storedConflicts(records: readonly Line[], stored: Map<string, StoredCase>): CaseRowError[] {
  const errors: CaseRowError[] = [];
  for (const r of records) {
    const s = stored.get(r.caseRef);
    if (!s || sameCaseRecord(s.record, r)) continue;
    if (!s.imported) errors.push(importIssue(r.line, 'case_ref', 'case_registered_here', { value: r.caseRef }));
    else if (!IMPORT_STATUSES.has(s.status) || (s.assessmentSource !== null && s.assessmentSource !== 'import')) {
      errors.push(importIssue(r.line, 'case_ref', 'case_worked_on', { value: r.caseRef, params: { status: s.status } }));
    }
  }
  return errors;
}

export async function importCases(db: Kysely<DB>, actor: Actor, input: ImportInput): Promise<ImportReport> {
  if (!canOnStatistics(actor, 'importCases')) throw new ForbiddenError('Only the national analyst imports case records');
  const sha256 = createHash('sha256').update(input.source).digest('hex');
  const text = typeof input.source === 'string' ? input.source : decodeUtf8(input.source);
  if (text === null) {
    return report({ sha256, dryRun: input.dryRun, rows: 0 }, [importIssue(1, null, 'not_utf8')]);
  }
  const today = input.today ?? swedishToday();
  const parsed = readCaseFile(text, today);
  const base = { sha256, dryRun: input.dryRun, rows: parsed.rows };
  if (parsed.errors.length) return report(base, parsed.errors);
  const records = parsed.records;
  const progress = input.onProgress ?? (() => {});
  const total = records.length * 3;
  progress(0, total);

  const run = async (trx: Transaction<DB> | Kysely<DB>): Promise<ImportReport> => {
    const stored = await findImportedCases(trx, records.map((r) => r.caseRef));
    const conflicts = storedConflicts(records, stored);
    if (conflicts.length) return report(base, conflicts);
    const changed = records.filter((r) => !stored.has(r.caseRef) || !sameCaseRecord(stored.get(r.caseRef)!.record, r));
    const counts = { created: changed.filter((r) => !stored.has(r.caseRef)).length, updated: changed.filter((r) => stored.has(r.caseRef)).length, unchanged: records.length - changed.length };
    progress(records.length, total);
    if (input.dryRun || !trx.isTransaction) {
      const personRefs = [...new Set(changed.map((r) => r.personRef))];
      const known = await findImportedPersons(trx, personRefs);
      return report({ ...base, ...counts, personsCreated: personRefs.length - known.size }, []);
    }
    const t = trx as Transaction<DB>;
    const persons = await writePersons(t, changed);
    progress(records.length * 2, total);
    const caseIds = await writeCases(t, changed, stored, persons.ids, sha256, (d) => progress(records.length * 2 + d, total));
    await recordAudit(t, actor, {
      action: 'statistics.import_cases',
      resourceType: 'system',
      resourceId: `import:${sha256.slice(0, 16)}`,
      details: { sha256, rows: records.length, ...counts, personsCreated: persons.created, personsUpdated: persons.updated, ...(caseIds.length <= 500 ? { caseIds } : {}) },
    });
    // Bulk loads leave the planner's statistics stale (PGlite has no autovacuum): refresh them.
    if (changed.length > 1000) await sql`analyze persons, cases, assessments`.execute(t);
    progress(total, total);
    return report({ ...base, ...counts, personsCreated: persons.created, personsUpdated: persons.updated }, []);
  };
  return input.dryRun ? run(db) : db.transaction().execute((trx) => run(trx));
}

async function writePersons(trx: Transaction<DB>, changed: readonly Line[]): Promise<{ ids: Map<string, string>; created: number; updated: number }> {
  const byRef = new Map<string, Line>();
  for (const r of changed) byRef.set(r.personRef, r);
  const ids = await findImportedPersons(trx, [...byRef.keys()]);
  const fresh = [...byRef.values()].filter((r) => !ids.has(r.personRef));
  const existing = [...byRef.values()].filter((r) => ids.has(r.personRef)).map((record) => ({ id: ids.get(record.personRef)!, record }));
  let updated = 0;
  for (let i = 0; i < fresh.length; i += BATCH) for (const [k, v] of await insertPersons(trx, fresh.slice(i, i + BATCH))) ids.set(k, v);
  for (let i = 0; i < existing.length; i += BATCH) updated += await updatePersons(trx, existing.slice(i, i + BATCH));
  return { ids, created: fresh.length, updated };
}

function assessmentFor(caseId: string, personId: string, r: CaseRecord): AssessmentInsert {
  const derived = r.birthYear !== null ? ageAt({ birthYear: r.birthYear }, r.assessedOn!) : { years: null, basis: 'unknown' as const };
  const isChild = r.ageGroup === 'child' ? true : r.ageGroup === 'adult' ? false : r.ageGroup === 'unknown' || derived.years === null ? null : derived.years < 18;
  return { caseId, personId, record: r, ageYears: derived.years, ageBasis: r.ageGroup ? 'reported' : derived.basis, isChild };
}

/** Writes cases and assessments; returns the ids of the cases created or changed (for the audit). */
async function writeCases(trx: Transaction<DB>, changed: readonly Line[], stored: Map<string, StoredCase>, personIds: Map<string, string>, sha256: string, progress: (done: number) => void): Promise<string[]> {
  const orgs = await trx.selectFrom('organisations').select(['id', 'region']).where('kind', '=', 'regional_coordination').where('active', '=', true).orderBy('created_at').execute();
  const orgByRegion = new Map<string, string>();
  for (const o of orgs) if (o.region && !orgByRegion.has(o.region)) orgByRegion.set(o.region, o.id);
  const orgFor = (region: string) => orgByRegion.get(region) ?? null;
  const ids: string[] = [];
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = changed.slice(i, i + BATCH).map((record) => ({ record, personId: personIds.get(record.personRef)! }));
    const fresh = batch.filter((b) => !stored.has(b.record.caseRef));
    const existing = batch.filter((b) => stored.has(b.record.caseRef));
    const created = fresh.length ? await insertCases(trx, fresh, orgFor) : new Map<string, string>();
    if (existing.length) {
      await updateCases(trx, existing, orgFor);
      await deleteImportAssessments(trx, existing.map((b) => stored.get(b.record.caseRef)!.caseId));
    }
    const caseId = (r: CaseRecord) => created.get(r.caseRef) ?? stored.get(r.caseRef)!.caseId;
    const assessed = batch.filter((b) => b.record.assessment !== 'pending').map((b) => assessmentFor(caseId(b.record), b.personId, b.record));
    if (assessed.length) await insertAssessments(trx, assessed);
    const events = batch.map((b) => ({ caseId: caseId(b.record), kind: stored.has(b.record.caseRef) ? ('updated' as const) : ('created' as const), line: (b.record as Line).line }));
    await insertImportEvents(trx, events, sha256);
    ids.push(...events.map((e) => e.caseId));
    progress(Math.min(i + BATCH, changed.length));
  }
  return ids;
}
