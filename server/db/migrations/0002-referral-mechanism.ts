// The referral mechanism (issue 3) and the columns the statistics import needs (issue 4):
// assessments with history, organisation referrals with consent, permits, the criminal process,
// support programmes, compensation, tasks, group operations and anonymous notifications.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // Cases: who in the coordination unit handles it, why it closed, the labour sector,
    // and the external reference of imported historical records.
    sql`alter table cases add column assigned_user_id uuid references users(id)`,
    sql`alter table cases add column closed_on date`,
    sql`alter table cases add column closure_reason text`,
    sql`alter table cases add column labour_sector text`,
    sql`alter table cases add column external_ref text`,
    sql`alter table cases add column imported boolean not null default false`,
    sql`create unique index cases_external_ref_key on cases (external_ref) where external_ref is not null`,
    sql`alter table persons add column external_ref text`,
    sql`create unique index persons_external_ref_key on persons (external_ref) where external_ref is not null`,

    sql`create table assessments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      person_id uuid not null references persons(id),
      assessed_on date not null,
      decision text not null,
      legal_basis text,
      acts text[] not null default '{}',
      means text[] not null default '{}',
      purposes text[] not null default '{}',
      indicators text[] not null default '{}',
      exploitation_forms text[] not null default '{}',
      labour_sector text,
      age_at_assessment integer,
      age_basis text not null default 'unknown',
      is_child boolean,
      means_required boolean not null default true,
      reasons text not null default '',
      decider_user_id uuid references users(id),
      decider_name text,
      source text not null default 'coordinator',
      superseded_by uuid references assessments(id),
      created_at timestamptz not null default now()
    )`,
    sql`create index assessments_case_idx on assessments (case_id, created_at)`,
    sql`create index assessments_stats_idx on assessments (decision, assessed_on) where superseded_by is null`,

    sql`create table consents (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      purpose text not null,
      recipient_org_id uuid not null references organisations(id),
      status text not null,
      recorded_on date not null,
      given_by text not null default 'person',
      recorded_by uuid references users(id),
      note text not null default '',
      created_at timestamptz not null default now()
    )`,
    sql`create index consents_case_idx on consents (case_id, purpose, recipient_org_id, created_at)`,

    sql`create table referrals (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      group_id uuid,
      from_org_id uuid not null references organisations(id),
      to_org_id uuid not null references organisations(id),
      purpose text not null,
      status text not null default 'sent',
      message text not null default '',
      consent_basis text not null,
      consent_id uuid references consents(id),
      share_id uuid references case_shares(id),
      sent_on date not null,
      respond_by date not null,
      responded_on date,
      decline_reason text,
      completed_on date,
      withdrawn_on date,
      sent_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create index referrals_to_org_idx on referrals (to_org_id, status)`,
    sql`create index referrals_case_idx on referrals (case_id)`,

    sql`create table permit_applications (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      person_id uuid not null references persons(id),
      kind text not null,
      applicant_org_id uuid not null references organisations(id),
      applicant_kind text not null,
      via_coordinator boolean not null default false,
      submitted_on date not null,
      decision text not null default 'pending',
      decided_on date,
      valid_from date,
      valid_until date,
      withdrawn_on date,
      note text not null default '',
      created_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now()
    )`,
    sql`create index permit_applications_person_idx on permit_applications (person_id, kind)`,
    sql`create table permit_extensions (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references permit_applications(id),
      decided_on date not null,
      valid_until date not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    )`,

    sql`create table police_reports (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      group_id uuid,
      reported_on date not null,
      classification text not null,
      police_ref text not null default '',
      injured_party boolean not null default false,
      prosecution_decision text not null default 'pending',
      prosecution_decided_on date,
      judgment_outcome text,
      judgment_on date,
      damages_awarded_sek integer,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    )`,
    sql`create index police_reports_case_idx on police_reports (case_id)`,

    sql`create table nsp_enrolments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      enrolled_on date not null,
      ended_on date,
      support_types text[] not null default '{}',
      accompanying_children integer not null default 0,
      children_in_home_country integer not null default 0,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    )`,
    sql`create table amp_returns (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      applied_on date not null,
      decision text not null default 'pending',
      decided_on date,
      return_country text,
      accompanying_family integer not null default 0,
      accompanying_children integer not null default 0,
      returned_on date,
      followup1_on date,
      followup1_satisfaction integer,
      followup1_sustainable boolean,
      followup2_on date,
      followup2_satisfaction integer,
      followup2_sustainable boolean,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    )`,
    sql`create table compensation_claims (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      kind text not null,
      filed_on date not null,
      amount_claimed_sek integer,
      decision text not null default 'pending',
      decided_on date,
      amount_awarded_sek integer,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    )`,

    sql`create table support_plans (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      needs text[] not null default '{}',
      plan text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    )`,

    sql`create table tasks (
      id uuid primary key default gen_random_uuid(),
      source_key text not null unique,
      kind text not null,
      case_id uuid references cases(id),
      organisation_id uuid not null references organisations(id),
      user_id uuid references users(id),
      due_on date not null,
      status text not null default 'open',
      data jsonb not null default '{}',
      created_at timestamptz not null default now(),
      done_at timestamptz
    )`,
    sql`create index tasks_org_idx on tasks (organisation_id, status, due_on)`,
    sql`create table job_runs (
      job text primary key,
      last_run_on date not null,
      last_run_at timestamptz not null
    )`,

    sql`create table case_groups (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      region text not null,
      place text not null default '',
      employer text not null default '',
      found_on date,
      inspection text not null default '',
      notes text not null default '',
      created_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now()
    )`,
    sql`create table case_group_members (
      group_id uuid not null references case_groups(id),
      case_id uuid not null references cases(id),
      added_at timestamptz not null default now(),
      primary key (group_id, case_id)
    )`,

    // A possible victim who does not consent to being registered: counts only, no person.
    sql`create table anonymous_notifications (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      region text not null,
      municipality_code text references municipalities(code),
      notified_on date not null,
      reason text not null,
      referral_source text not null,
      sex text not null default 'unknown',
      age_group text not null default 'unknown',
      exploitation_forms text[] not null default '{}',
      citizenship text,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    )`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
