// Kysely's view of the tables. Generated-by-hand to match migrations/; keep in step.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Sealed } from '../crypto/field-cipher.js';

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
  /** Only through server/auth/totp.repository.ts; sealed (server/crypto/field-cipher.ts). */
  totp_secret: Sealed | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
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
  mfa_pending: 'verify' | 'enrol' | null;
  auth_method: Generated<'password' | 'oidc'>;
}

/** A user's identity at an OIDC provider (0007-sign-in). */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
  last_login_at: Date | null;
}

/** An OIDC sign-in in progress, keyed by the digest of its cookie (0007-sign-in). */
export interface OidcLoginStatesTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: Timestamp;
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
  /** Sealed (server/crypto/field-cipher.ts), as every `Sealed` column. */
  given_names: Sealed;
  family_names: Sealed;
  /** A sealed JSON list of strings; '' when empty (0008-encryption). */
  aliases: Sealed;
  /** Blind index of the name tokens (server/crypto/blind-index.ts). */
  name_index: Generated<string[]>;
  sex: string;
  birth_date: DateOnly | null;
  birth_year: number | null;
  estimated_age: number | null;
  estimated_age_on: DateOnly | null;
  citizenships: string[];
  protected_identity: boolean;
  created_by_org: string | null;
  external_ref: Generated<string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set when retention erased the person's identity (0005-retention). */
  erased_at: Generated<Date | null>;
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
  summary: Sealed;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  assigned_user_id: Generated<string | null>;
  closed_on: Generated<DateOnly | null>;
  closure_reason: Generated<string | null>;
  labour_sector: Generated<string | null>;
  external_ref: Generated<string | null>;
  imported: Generated<boolean>;
  reported_age_group: Generated<string | null>;
  /** Set when retention erased the case's personal data and free texts (0005-retention). */
  erased_at: Generated<Date | null>;
  erasure_rule: Generated<string | null>;
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
  /** Null until the sequencer links the committed event into the chain (server/audit/audit.chain.ts). */
  prev_hash: string | null;
  hash: string | null;
  chain_seq: number | null;
}

export interface AssessmentsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  assessed_on: DateOnly;
  decision: string;
  legal_basis: string | null;
  acts: string[];
  means: string[];
  purposes: string[];
  indicators: string[];
  exploitation_forms: string[];
  labour_sector: string | null;
  age_at_assessment: number | null;
  age_basis: string;
  is_child: boolean | null;
  means_required: boolean;
  reasons: Sealed;
  decider_user_id: string | null;
  decider_name: string | null;
  source: Generated<string>;
  superseded_by: string | null;
  created_at: Timestamp;
}

export interface ConsentsTable {
  id: Generated<string>;
  case_id: string;
  purpose: string;
  recipient_org_id: string;
  status: string;
  recorded_on: DateOnly;
  given_by: string;
  recorded_by: string | null;
  note: Generated<Sealed>;
  created_at: Timestamp;
}

export interface ReferralsTable {
  id: Generated<string>;
  case_id: string;
  group_id: string | null;
  from_org_id: string;
  to_org_id: string;
  purpose: string;
  status: Generated<string>;
  message: Generated<Sealed>;
  consent_basis: string;
  consent_id: string | null;
  share_id: string | null;
  sent_on: DateOnly;
  respond_by: DateOnly;
  responded_on: DateOnly | null;
  decline_reason: Sealed | null;
  completed_on: DateOnly | null;
  withdrawn_on: DateOnly | null;
  /** Sealed free text, or the plain code 'consent_withdrawn'. */
  withdraw_reason: Generated<Sealed | null>;
  sent_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PermitApplicationsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  kind: string;
  applicant_org_id: string;
  applicant_kind: string;
  via_coordinator: Generated<boolean>;
  submitted_on: DateOnly;
  decision: Generated<string>;
  decided_on: DateOnly | null;
  valid_from: DateOnly | null;
  valid_until: DateOnly | null;
  withdrawn_on: DateOnly | null;
  note: Generated<Sealed>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface PermitExtensionsTable {
  id: Generated<string>;
  application_id: string;
  decided_on: DateOnly;
  valid_until: DateOnly;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PoliceReportsTable {
  id: Generated<string>;
  case_id: string;
  group_id: string | null;
  reported_on: DateOnly;
  classification: string;
  police_ref: Generated<Sealed>;
  injured_party: Generated<boolean>;
  prosecution_decision: Generated<string>;
  prosecution_decided_on: DateOnly | null;
  judgment_outcome: string | null;
  judgment_on: DateOnly | null;
  damages_awarded_sek: number | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NspEnrolmentsTable {
  id: Generated<string>;
  case_id: string;
  enrolled_on: DateOnly;
  ended_on: DateOnly | null;
  support_types: string[];
  accompanying_children: Generated<number>;
  children_in_home_country: Generated<number>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface AmpReturnsTable {
  id: Generated<string>;
  case_id: string;
  applied_on: DateOnly;
  decision: Generated<string>;
  decided_on: DateOnly | null;
  return_country: string | null;
  accompanying_family: Generated<number>;
  accompanying_children: Generated<number>;
  returned_on: DateOnly | null;
  followup1_on: DateOnly | null;
  followup1_satisfaction: number | null;
  followup1_sustainable: boolean | null;
  followup2_on: DateOnly | null;
  followup2_satisfaction: number | null;
  followup2_sustainable: boolean | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CompensationClaimsTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  filed_on: DateOnly;
  amount_claimed_sek: number | null;
  decision: Generated<string>;
  decided_on: DateOnly | null;
  amount_awarded_sek: number | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface SupportPlansTable {
  id: Generated<string>;
  case_id: string;
  needs: string[];
  plan: Sealed;
  created_by: string | null;
  created_at: Timestamp;
}

export interface TasksTable {
  id: Generated<string>;
  source_key: string;
  kind: string;
  case_id: string | null;
  organisation_id: string;
  user_id: string | null;
  due_on: DateOnly;
  status: Generated<string>;
  data: Json;
  created_at: Timestamp;
  done_at: Date | null;
}

export interface JobRunsTable {
  job: string;
  last_run_on: DateOnly;
  last_run_at: Date;
}

export interface CaseGroupsTable {
  id: Generated<string>;
  name: string;
  region: string;
  place: Generated<string>;
  employer: Generated<Sealed>;
  found_on: DateOnly | null;
  inspection: Generated<Sealed>;
  notes: Generated<Sealed>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface CaseGroupMembersTable {
  group_id: string;
  case_id: string;
  added_at: Timestamp;
}

export interface AnonymousNotificationsTable {
  id: Generated<string>;
  organisation_id: string;
  region: string;
  municipality_code: string | null;
  notified_on: DateOnly;
  reason: string;
  referral_source: string;
  sex: string;
  age_group: string;
  exploitation_forms: string[];
  citizenship: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface StatisticalSeriesTable {
  id: Generated<string>;
  series: string;
  version: number;
  current: Generated<boolean>;
  sources: string[];
  row_count: number;
  file_sha256: string;
  imported_by: string | null;
  imported_by_name: string;
  imported_at: Timestamp;
}

export interface StatisticalSeriesValuesTable {
  series_id: string;
  measure: string;
  breakdown: string;
  year: number;
  value: ColumnType<number, number | string, number | string>;
  unit: string;
  source: string;
  note: Generated<string>;
}

export interface PersonMatchCandidatesTable {
  id: Generated<string>;
  person_a: string;
  person_b: string;
  probability: number;
  band: string;
  explanation: Json;
  status: Generated<string>;
  regions_a: Generated<string[]>;
  regions_b: Generated<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  merge_id: string | null;
  version: Generated<number>;
}

export interface PersonMergesTable {
  id: Generated<string>;
  candidate_id: string | null;
  kept_person_id: string;
  removed_person_id: string;
  removed_person: Json;
  kept_before: Json;
  kept_after: Json;
  moved_case_ids: string[];
  moved_assessment_ids: string[];
  moved_permit_ids: string[];
  fields: Json;
  merged_by: string | null;
  merged_at: Timestamp;
  unmerged_by: string | null;
  unmerged_at: Date | null;
}

export interface PersonIndexStateTable {
  id: number;
  generation: number;
  pruned_through: number;
}

export interface PersonIndexChangesTable {
  generation: number;
  person_id: string;
  changed_at: Timestamp;
}

export interface StatisticsChangesTable {
  id: Generated<number>;
  at: Timestamp;
  /** The person whose counted facts may have changed; null: recompute everything (0010). */
  person_id: string | null;
}

/** The counting rules' person-years with every breakdown's code (0010-statistics-incremental). */
export interface StatisticsPersonYearsTable {
  person_id: string;
  y: number;
  region: string;
  source: string | null;
  form_row: string;
  sex_age: string;
  citizenship: string;
  sector_row: string | null;
  combination: string | null;
  age_unknown: string | null;
}

export interface StatisticsCountsTable {
  y: number;
  region: string;
  dim: string;
  code: string;
  n: number;
}

/** Named users who may see a protected identity (0009-protected-identity-akc). */
export interface PersonIdentityGrantsTable {
  id: Generated<string>;
  person_id: string;
  user_id: string;
  kind: 'registrant' | 'named';
  granted_by: string;
  granted_at: Timestamp;
  /** Sealed free text ('' for the automatic naming of a registrant). */
  reason: Sealed;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: Sealed | null;
}

/** Free-text notes on a case, tagged at entry with their legal basis (0009-protected-identity-akc). */
export interface CaseNotesTable {
  id: Generated<string>;
  case_id: string;
  author_user_id: string | null;
  author_org_id: string | null;
  legal_basis: 'ordinary' | 'akc_2024_307';
  /** Sealed free text; '' once erased. */
  text: Sealed;
  created_at: Timestamp;
  erased_at: Generated<Date | null>;
}

/** The data keys that have sealed values in this database (0008-encryption). */
export interface DataKeysTable {
  kid: string;
  check_value: string;
  added_at: Timestamp;
}

export interface DataEncryptionStateTable {
  id: number;
  plaintext_pending: boolean;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  user_identities: UserIdentitiesTable;
  oidc_login_states: OidcLoginStatesTable;
  municipalities: MunicipalitiesTable;
  persons: PersonsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_shares: CaseSharesTable;
  audit_events: AuditEventsTable;
  assessments: AssessmentsTable;
  consents: ConsentsTable;
  referrals: ReferralsTable;
  permit_applications: PermitApplicationsTable;
  permit_extensions: PermitExtensionsTable;
  police_reports: PoliceReportsTable;
  nsp_enrolments: NspEnrolmentsTable;
  amp_returns: AmpReturnsTable;
  compensation_claims: CompensationClaimsTable;
  support_plans: SupportPlansTable;
  tasks: TasksTable;
  job_runs: JobRunsTable;
  case_groups: CaseGroupsTable;
  case_group_members: CaseGroupMembersTable;
  anonymous_notifications: AnonymousNotificationsTable;
  statistical_series: StatisticalSeriesTable;
  statistical_series_values: StatisticalSeriesValuesTable;
  statistics_changes: StatisticsChangesTable;
  statistics_counts: StatisticsCountsTable;
  statistics_person_years: StatisticsPersonYearsTable;
  person_match_candidates: PersonMatchCandidatesTable;
  person_merges: PersonMergesTable;
  person_index_state: PersonIndexStateTable;
  person_index_changes: PersonIndexChangesTable;
  person_identity_grants: PersonIdentityGrantsTable;
  case_notes: CaseNotesTable;
  data_keys: DataKeysTable;
  data_encryption_state: DataEncryptionStateTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
/** A person as repositories hand it on: the sealed names opened (aliases a list). */
export type Person = Omit<Selectable<PersonsTable>, 'given_names' | 'family_names' | 'aliases'> & { given_names: string; family_names: string; aliases: string[] };
export type Case = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
