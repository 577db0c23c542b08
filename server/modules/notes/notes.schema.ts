// Request and response shapes of case notes.
import { z } from 'zod';
import { zCode, zUuid } from '../../http/zod-codes.js';
import { NOTE_LEGAL_BASES } from '../../../domain/codelists/note-legal-bases.js';

export const AddNoteBody = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    /** Chosen at entry and never changed: `akc_2024_307` only from an agency the act covers. */
    legalBasis: zCode(NOTE_LEGAL_BASES).default('ordinary'),
  })
  .strict();
export type AddNoteInput = z.infer<typeof AddNoteBody>;

export const NoteIdParams = z.object({ id: zUuid }).strict();

export const NoteSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  at: z.string(),
  legalBasis: zCode(NOTE_LEGAL_BASES),
  text: z.string(),
  erased: z.boolean(),
  author: z.object({ name: z.string().nullable(), organisation: z.string().nullable() }),
});
export type NoteView = z.infer<typeof NoteSchema>;

export const NoteListSchema = z.object({
  items: z.array(NoteSchema),
  /** add: the caller may add a note; tagAkc: the caller may tag one as AKC information. */
  abilities: z.object({ add: z.boolean(), tagAkc: z.boolean() }),
});
export type NoteList = z.infer<typeof NoteListSchema>;
