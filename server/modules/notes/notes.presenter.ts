// Shapes a case note. The legal basis is always shown, so an AKC item is labelled as such to the
// covered agencies that are the only ones to receive it.
import type { NoteRow } from './notes.repository.js';
import type { NoteView } from './notes.schema.js';

export function presentNote(r: NoteRow): NoteView {
  return {
    id: r.id,
    caseId: r.case_id,
    at: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
    legalBasis: r.legal_basis,
    text: r.text,
    erased: r.erased_at !== null,
    author: { name: r.author_name, organisation: r.author_org_name },
  };
}
