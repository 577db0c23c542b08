// The legal basis a piece of case information was received under, chosen when it is entered
// and never changed afterwards. `akc_2024_307`: information shared between the agencies of the
// regional centres against work-related crime (AKC) under the secrecy-breaking Act 2024:307,
// which does not cover regional coordinators, social services or civil society; who may read
// and tag it is decided in server/policies/case-note.policy.ts.
import type { CodeEntry } from './codelist.js';

export const NOTE_LEGAL_BASES = [
  { code: 'ordinary', sv: 'vanlig uppgift', en: 'ordinary information' },
  { code: 'akc_2024_307', sv: 'AKC-uppgift (lag 2024:307)', en: 'AKC information (Act 2024:307)' },
] as const satisfies readonly CodeEntry[];

export type NoteLegalBasis = (typeof NOTE_LEGAL_BASES)[number]['code'];
