// Shapes of the API's answers as the web app reads them (see GET /api/openapi.json).
import type { Role } from '../../domain/index.js';

export interface Abilities {
  createReferral: boolean;
  listCases: boolean;
  viewAudit: boolean;
  manageOrganisations: boolean;
  manageUsers: boolean;
  viewStatistics: boolean;
}

export interface Session {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: (Role | string)[];
    organisation: { id: string; name: string; kind: string; region: string | null };
  };
  csrfToken: string;
  abilities: Abilities;
  demo: boolean;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface CaseListItem {
  id: string;
  ref: string;
  status: string;
  region: string;
  municipalityCode: string | null;
  referralSource: string;
  referredOn: string;
  assessedOn: string | null;
  personLabel: string | null;
  protectedIdentity: boolean;
  updatedAt: string;
}

export interface CasePerson {
  id: string;
  protectedIdentity: boolean;
  givenNames: string | null;
  familyNames: string | null;
  aliases: string[];
  sex: string | null;
  birthDate: string | null;
  birthYear: number | null;
  estimatedAge: number | null;
  citizenships: string[];
  version: number;
}

export interface TimelineEvent {
  id: number;
  at: string;
  kind: string;
  actorName: string | null;
  actorOrganisation: string | null;
  data: Record<string, unknown>;
}

export interface CaseView {
  id: string;
  ref: string;
  status: string;
  region: string;
  municipalityCode: string | null;
  referralSource: string;
  referredOn: string;
  assessedOn: string | null;
  exploitationForms: string[];
  summary: string | null;
  version: number;
  updatedAt: string;
  access: 'full' | 'assigned' | 'shared' | 'referrer';
  person: CasePerson;
  timeline: TimelineEvent[];
  abilities: { read: boolean; update: boolean; transfer: boolean; addInformation: boolean; coordinate: boolean };
}

export interface TransferResult {
  transferred: boolean;
  region: string;
  case: CaseView | null;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actor: { id: string | null; username: string | null; organisation: string | null };
  action: string;
  outcome: 'ok' | 'denied' | 'not_found' | 'failed';
  resourceType: string;
  resourceId: string | null;
  personId: string | null;
  caseId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAtSeq?: number;
  reason?: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  region: string | null;
  municipalityCode: string | null;
  active: boolean;
}

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  lastLoginAt: string | null;
  organisation: { id: string; name: string };
  roles: string[];
}
