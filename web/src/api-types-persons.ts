// The persons API's answers (server/modules/persons/*.schema.ts), as the web app reads them.

export type MatchField = 'given' | 'family' | 'birth' | 'sex' | 'citizenship';
export type Agreement = 'agree' | 'partial' | 'disagree' | 'missing';
export type MatchBand = 'auto_flag' | 'review';

export interface Evidence {
  field: MatchField;
  level: number | null;
  label: string;
  agreement: Agreement;
  /** Bits this field adds to the match weight (negative: it speaks against). */
  weight: number;
  m: number | null;
  u: number | null;
  basis: 'level' | 'name_frequency' | 'names_agree' | 'estimated_date' | null;
}

export interface PersonCase {
  id: string;
  ref: string;
  status: string;
  region: string;
}

export interface PersonDetail {
  id: string;
  givenNames: string | null;
  familyNames: string | null;
  aliases: string[];
  sex: string;
  birthDate: string | null;
  birthYear: number | null;
  estimatedAge: number | null;
  citizenships: string[];
  protectedIdentity: boolean;
  version: number;
  cases: PersonCase[];
}

export interface PersonMatch {
  personId: string;
  probability: number;
  band: MatchBand;
  evidence: Evidence[];
  person: PersonDetail;
}

export interface PersonCheckResult {
  signal: 'possible_match' | 'none';
  message: string;
  matches: PersonMatch[];
}

export interface CandidateSide {
  personId: string;
  inYourRegion: boolean;
  exists: boolean;
  regions: string[];
  label: string | null;
}

export type CandidateStatus = 'open' | 'merged' | 'not_same';

export interface CandidateItem {
  id: string;
  probability: number;
  band: MatchBand;
  /** Offered through a third person (see CandidateDetail.corroboration). */
  corroborated: boolean;
  status: CandidateStatus;
  createdAt: string;
  decidedAt: string | null;
  version: number;
  personA: CandidateSide;
  personB: CandidateSide;
}

export type MergeField = 'givenNames' | 'familyNames' | 'birthDate' | 'sex' | 'citizenships';

export interface CandidateDetail extends CandidateItem {
  updatedAt: string;
  decidedBy: string | null;
  mergeId: string | null;
  weight: number;
  priorWeight: number;
  evidence: Evidence[];
  /** Set when the pair is offered through a third person (see CorroborationNote). */
  corroboration: Corroboration | null;
  personADetail: PersonDetail | null;
  personBDetail: PersonDetail | null;
  conflicts: MergeField[];
  abilities: { merge: boolean; notSame: boolean };
  mergeBlocked: string | null;
}

export interface SupportPair {
  probability: number;
  /** The support pair in the queue, or null when it is outside the coordinator's region. */
  candidateId: string | null;
  status: CandidateStatus | null;
}

export interface Corroboration {
  /** What the two persons' own records score. */
  direct: number;
  /** P(A = third person) and P(third person = B). */
  supports: SupportPair[];
}

export interface Paged<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface MergeView {
  id: string;
  candidateId: string | null;
  keptPersonId: string;
  removedPersonId: string;
  keptLabel: string | null;
  removedLabel: string | null;
  movedCaseIds: string[];
  fields: Record<string, string>;
  mergedAt: string;
  mergedBy: string | null;
  unmergedAt: string | null;
  unmergedBy: string | null;
}

export interface UnmergeResult {
  merge: MergeView;
  notRestored: string[];
}
