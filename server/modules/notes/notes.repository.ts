// SQL for case notes. Every read of notes carries the AKC rule as a WHERE clause (noteScope):
// a note the reader may not see is never fetched, counted or ordered by.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import type { CaseAccess } from '../../policies/case.policy.js';
import { noteScope } from '../../policies/case-note.policy.js';
import { caseScope } from '../../policies/case.policy.js';
import type { NoteLegalBasis } from '../../../domain/codelists/note-legal-bases.js';
import { open, seal } from '../../crypto/field-cipher.js';

/** The associated data note texts are sealed with (server/crypto/field-cipher.ts). */
export const NOTE_TEXT_FIELD = 'case_notes.text';

type Q = Kysely<DB> | Transaction<DB>;

function noteQuery(q: Q) {
  return q
    .selectFrom('case_notes')
    .leftJoin('users', 'users.id', 'case_notes.author_user_id')
    .leftJoin('organisations', 'organisations.id', 'case_notes.author_org_id')
    .select([
      'case_notes.id',
      'case_notes.case_id',
      'case_notes.legal_basis',
      'case_notes.text',
      'case_notes.created_at',
      'case_notes.erased_at',
      'users.display_name as author_name',
      'organisations.name as author_org_name',
    ]);
}

type StoredNoteRow = Awaited<ReturnType<ReturnType<typeof noteQuery>['execute']>>[number];

function openNote(r: StoredNoteRow) {
  return { ...r, text: open(NOTE_TEXT_FIELD, r.text) };
}

export type NoteRow = ReturnType<typeof openNote>;

export async function insertNote(q: Q, actor: Actor, caseId: string, text: string, legalBasis: NoteLegalBasis): Promise<string> {
  const row = await q
    .insertInto('case_notes')
    .values({ case_id: caseId, author_user_id: actor.userId, author_org_id: actor.organisationId, legal_basis: legalBasis, text: seal(NOTE_TEXT_FIELD, text) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The notes of a case the actor reads with `access`, oldest first, as the AKC rule allows. */
export async function notesOfCase(q: Q, actor: Actor, access: CaseAccess, caseId: string): Promise<NoteRow[]> {
  const rows = await noteQuery(q).where('case_notes.case_id', '=', caseId).where(noteScope(actor, access)).orderBy('case_notes.created_at').orderBy('case_notes.id').execute();
  return rows.map(openNote);
}

export async function noteInScope(q: Q, actor: Actor, access: CaseAccess, noteId: string): Promise<NoteRow | undefined> {
  const row = await noteQuery(q).where('case_notes.id', '=', noteId).where(noteScope(actor, access)).executeTakeFirst();
  return row && openNote(row);
}

/** The case of a note, only when the case is in the actor's scope (nothing of the note itself). */
export async function caseOfNoteInScope(q: Q, actor: Actor, noteId: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('case_notes')
    .innerJoin('cases', 'cases.id', 'case_notes.case_id')
    .select('cases.id')
    .where('case_notes.id', '=', noteId)
    .where(caseScope(actor))
    .executeTakeFirst();
  return row?.id;
}

/** Unscoped, only to tell 'denied' from 'not_found' in the audit trail. */
export async function noteCase(q: Q, noteId: string) {
  return q
    .selectFrom('case_notes')
    .innerJoin('cases', 'cases.id', 'case_notes.case_id')
    .select(['case_notes.case_id', 'cases.person_id'])
    .where('case_notes.id', '=', noteId)
    .executeTakeFirst();
}
