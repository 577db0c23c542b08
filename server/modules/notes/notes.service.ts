// Case notes: free-text information added to a case by anyone who can read it, tagged at entry
// with its legal basis (ordinary, or AKC information under Act 2024:307). Reads and writes are
// audited in the same transaction; the AKC rule is a WHERE clause (server/policies/case-note.policy.ts),
// so a note the reader may not see answers 404 exactly like one that does not exist. Adding a
// note changes nothing else on the case (no timeline event, no updated_at), so an AKC note leaves
// no trace a coordinator could see.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, NotFoundError, type AppError } from '../../http/errors.js';
import { canAddNote, coveredByAkcLaw, mayTag } from '../../policies/case-note.policy.js';
import { loadCaseContext, onCase } from '../cases/case.access.js';
import { caseOfNoteInScope, insertNote, noteCase, noteInScope, notesOfCase } from './notes.repository.js';
import { presentNote } from './notes.presenter.js';
import type { AddNoteInput, NoteList, NoteView } from './notes.schema.js';

export async function listNotes(db: Kysely<DB>, actor: Actor, caseId: string): Promise<NoteList> {
  return onCase(db, actor, caseId, { auditAction: 'case_note.list', allowed: () => true }, async (ctx) => {
    const rows = await notesOfCase(ctx.trx, actor, ctx.access, caseId);
    await recordAudit(ctx.trx, actor, {
      action: 'case_note.list',
      resourceType: 'case',
      resourceId: caseId,
      caseId,
      personId: ctx.row.person_id,
      details: { noteIds: rows.map((r) => r.id) },
    });
    return { items: rows.map(presentNote), abilities: { add: canAddNote(ctx.access), tagAkc: coveredByAkcLaw(actor) } };
  });
}

export async function addNote(db: Kysely<DB>, actor: Actor, caseId: string, input: AddNoteInput): Promise<NoteView> {
  const result = await onCase(db, actor, caseId, { auditAction: 'case_note.add', allowed: () => true }, async (ctx): Promise<{ note: NoteView } | { refused: AppError }> => {
    const base = { action: 'case_note.add' as const, resourceType: 'note' as const, caseId, personId: ctx.row.person_id };
    if (!canAddNote(ctx.access) || !mayTag(actor, input.legalBasis)) {
      // Refused, and audited: a coordinator or a civil-society user cannot tag AKC information.
      await recordAudit(ctx.trx, actor, { ...base, outcome: 'denied', details: { legalBasis: input.legalBasis } });
      return { refused: new ForbiddenError('Only the agencies covered by Act 2024:307 (AKC) may record information under it') };
    }
    const id = await insertNote(ctx.trx, actor, caseId, input.text, input.legalBasis);
    // The text is free text: the trail records that a note was added, and under which basis.
    await recordAudit(ctx.trx, actor, { ...base, resourceId: id, details: { noteId: id, legalBasis: input.legalBasis, text: '[text added]' } });
    const row = await noteInScope(ctx.trx, actor, ctx.access, id);
    if (!row) throw new Error('a note just written is out of its author’s scope');
    return { note: presentNote(row) };
  });
  if ('refused' in result) throw result.refused;
  return result.note;
}

export async function getNote(db: Kysely<DB>, actor: Actor, noteId: string): Promise<NoteView> {
  const note = await db.transaction().execute(async (trx) => {
    const caseId = await caseOfNoteInScope(trx, actor, noteId);
    const ctx = caseId ? await loadCaseContext(trx, actor, caseId, 'case_note.read') : null;
    const row = ctx ? await noteInScope(trx, actor, ctx.access, noteId) : undefined;
    if (!ctx || !row) {
      const exists = await noteCase(trx, noteId);
      await recordAudit(trx, actor, {
        action: 'case_note.read',
        outcome: exists ? 'denied' : 'not_found',
        resourceType: 'note',
        resourceId: noteId,
        caseId: exists?.case_id ?? null,
        personId: exists?.person_id ?? null,
      });
      return null;
    }
    await recordAudit(trx, actor, {
      action: 'case_note.read',
      resourceType: 'note',
      resourceId: noteId,
      caseId: row.case_id,
      personId: ctx.row.person_id,
      details: { noteId, legalBasis: row.legal_basis },
    });
    return presentNote(row);
  });
  if (!note) throw new NotFoundError('note');
  return note;
}
