// A merge as the coordinator sees it in the merges list and after merging or unmerging.
import type { MergeView } from './candidate.schema.js';
import type { MergeRow, PersonSnapshot } from './merge.repository.js';
import { personLabel } from './person.presenter.js';

export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function labelOfSnapshot(s: PersonSnapshot | null): string | null {
  if (s === null) return null;
  return personLabel({ given_names: String(s.given_names ?? ''), family_names: String(s.family_names ?? ''), protected_identity: s.protected_identity === true });
}

const iso = (d: Date | string | null): string | null => (d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString());

/**
 * `kept` is the kept person's current row (null when it is gone); the removed person is named
 * as it was when merged away.
 */
export function presentMerge(row: MergeRow, kept: PersonSnapshot | null, users: Map<string, string>): MergeView {
  const fields = jsonValue<Record<string, string>>(row.fields);
  return {
    id: row.id,
    candidateId: row.candidate_id,
    keptPersonId: row.kept_person_id,
    removedPersonId: row.removed_person_id,
    keptLabel: labelOfSnapshot(kept ?? jsonValue<PersonSnapshot>(row.kept_after)),
    removedLabel: labelOfSnapshot(jsonValue<PersonSnapshot>(row.removed_person)),
    movedCaseIds: row.moved_case_ids,
    fields,
    mergedAt: iso(row.merged_at) as string,
    mergedBy: row.merged_by ? (users.get(row.merged_by) ?? null) : null,
    unmergedAt: iso(row.unmerged_at),
    unmergedBy: row.unmerged_by ? (users.get(row.unmerged_by) ?? null) : null,
  };
}
