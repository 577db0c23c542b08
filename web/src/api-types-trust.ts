// Shapes of the protected-identity (named users) and case-note answers of the API.
export interface OrganisationRef {
  id: string;
  name: string;
}

export interface NamedUser {
  userId: string;
  name: string;
  organisation: OrganisationRef;
  kind: 'registrant' | 'named';
  grantedAt: string;
  grantedBy: string;
  reason: string;
  isYou: boolean;
  canRevoke: boolean;
}

export interface NamedUsersView {
  caseId: string;
  personId: string;
  protectedIdentity: boolean;
  namedUsers: NamedUser[];
  candidates: { userId: string; name: string; organisation: OrganisationRef }[];
  abilities: { name: boolean };
}

export type NoteLegalBasis = 'ordinary' | 'akc_2024_307';

export interface CaseNote {
  id: string;
  caseId: string;
  at: string;
  legalBasis: NoteLegalBasis;
  text: string;
  erased: boolean;
  author: { name: string | null; organisation: string | null };
}

export interface NoteList {
  items: CaseNote[];
  abilities: { add: boolean; tagAkc: boolean };
}
