// Kysely's view of the tables. Generated-by-hand to match migrations/; keep in step.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = string; // 'YYYY-MM-DD'
type Json = ColumnType<unknown, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  region: string | null;
  municipality_code: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  organisation_id: string;
  password_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  last_login_at: Date | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface MunicipalitiesTable {
  code: string;
  name: string;
  county_code: string;
  county_name: string;
  region: string;
}

export interface PersonsTable {
  id: Generated<string>;
  given_names: string;
  family_names: string;
  aliases: string[];
  sex: string;
  birth_date: DateOnly | null;
  birth_year: number | null;
  estimated_age: number | null;
  estimated_age_on: DateOnly | null;
  citizenships: string[];
  protected_identity: boolean;
  created_by_org: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CasesTable {
  id: Generated<string>;
  ref: string;
  person_id: string;
  region: string;
  municipality_code: string | null;
  responsible_org_id: string | null;
  referring_org_id: string | null;
  referring_user_id: string | null;
  status: string;
  referral_source: string;
  referred_on: DateOnly;
  assessed_on: DateOnly | null;
  exploitation_forms: string[];
  summary: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_org_id: string | null;
  kind: string;
  data: Json;
}

export interface CaseSharesTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  purpose: string;
  fields: string[];
  created_at: Timestamp;
  revoked_at: Date | null;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_org_id: string | null;
  action: string;
  outcome: string;
  resource_type: string;
  resource_id: string | null;
  person_id: string | null;
  case_id: string | null;
  request_id: string | null;
  details: Json;
  prev_hash: string;
  hash: string;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  municipalities: MunicipalitiesTable;
  persons: PersonsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_shares: CaseSharesTable;
  audit_events: AuditEventsTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type Person = Selectable<PersonsTable>;
export type Case = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
