// Case commands and queries. Each runs in one transaction with its audit event.
import { swedishToday } from '../../jobs/clock.js';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { hasRole } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError, type FieldIssue } from '../../http/errors.js';
import { caseAbilities, caseAccess, canListAnyCases, type CaseAction, type CaseFacts } from '../../policies/case.policy.js';
import { municipalityByCode } from '../../../domain/reference/municipalities.js';
import {
  activeSharesFor,
  addCaseEvent,
  caseExists,
  caseTimeline,
  coordinationUnitFor,
  findCaseInScope,
  findCasesInScope,
  nextCaseRef,
  type CaseDetailRow,
} from './case.repository.js';
import { presentCase, presentCaseListItem, type CaseView } from './case.presenter.js';
import { seal } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';
import { sealNameChanges, sealNames } from '../persons/person-names.js';
import { mayChangeIdentity } from '../../policies/protected-identity.policy.js';
import { nameRegistrant } from '../persons/identity-grants.service.js';
import type { CreateCaseInput, ListCasesInput, TransferCaseInput, UpdateCaseInput } from './case.schema.js';

type Trx = Transaction<DB>;

/** The calendar day in Sweden: just after midnight in Stockholm a referral dated today is not "in the future". */
export function today(): string {
  return swedishToday();
}

function checkPersonDates(p: { birthDate?: string | null; birthYear?: number | null }, prefix: string, issues: FieldIssue[]) {
  if (p.birthDate && p.birthDate > today()) issues.push({ path: `${prefix}.birthDate`, message: 'cannot be in the future' });
  if (p.birthYear && p.birthYear > Number(today().slice(0, 4))) issues.push({ path: `${prefix}.birthYear`, message: 'cannot be in the future' });
  if (p.birthDate && p.birthYear && Number(p.birthDate.slice(0, 4)) !== p.birthYear) {
    issues.push({ path: `${prefix}.birthYear`, message: 'does not agree with birthDate' });
  }
}

export async function listCasesForActor(db: Kysely<DB>, actor: Actor, input: ListCasesInput) {
  if (!canListAnyCases(actor)) throw new ForbiddenError('Your role gives no access to cases');
  return db.transaction().execute(async (trx) => {
    const { total, rows } = await findCasesInScope(trx, actor, input);
    await recordAudit(trx, actor, {
      action: 'case.list',
      resourceType: 'case',
      details: { filters: { status: input.status, region: input.region, q: input.q ? '[search]' : undefined, page: input.page }, caseIds: rows.map((r) => r.id) },
    });
    return { total, page: input.page, pageSize: input.pageSize, items: rows.map(presentCaseListItem) };
  });
}

interface LoadedCase {
  row: CaseDetailRow;
  facts: CaseFacts;
}

/** Loads a case within the actor's scope; out of scope is audited as denied and reads as 404. */
async function loadCase(trx: Trx, actor: Actor, id: string, action: CaseAction): Promise<LoadedCase | null> {
  const row = await findCaseInScope(trx, actor, id);
  if (!row) {
    const exists = await caseExists(trx, id);
    await recordAudit(trx, actor, {
      action: action === 'read' ? 'case.read' : action === 'transfer' ? 'case.transfer' : action === 'addInformation' ? 'case.add_information' : 'case.update',
      outcome: exists ? 'denied' : 'not_found',
      resourceType: 'case',
      resourceId: id,
      caseId: exists ? id : null,
      personId: exists?.person_id ?? null,
    });
    return null;
  }
  const shares = await activeSharesFor(trx, id, actor.organisationId);
  return {
    row,
    facts: { region: row.region, status: row.status, referringOrgId: row.referring_org_id, sharedWithActorOrg: shares },
  };
}

async function view(trx: Trx, actor: Actor, loaded: LoadedCase): Promise<CaseView> {
  const access = caseAccess(actor, loaded.facts);
  if (!access) throw new NotFoundError('case');
  const granted = new Set(loaded.facts.sharedWithActorOrg.flatMap((s) => s.fields));
  const timeline = await caseTimeline(trx, loaded.row.id);
  return presentCase(loaded.row, access, granted, caseAbilities(actor, loaded.facts), timeline, actor.organisationId);
}

/**
 * Runs a command on one case: load in scope (404 when out of scope, audited), check the
 * ability (403 when visible but not allowed), run, and return the fresh view.
 */
async function withCase(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  action: CaseAction,
  run: (trx: Trx, loaded: LoadedCase) => Promise<void>,
): Promise<CaseView | null> {
  const result = await db.transaction().execute(async (trx) => {
    const loaded = await loadCase(trx, actor, id, action);
    if (!loaded) return { found: false as const };
    if (!caseAbilities(actor, loaded.facts)[action]) throw new ForbiddenError(`You may not ${action} this case`);
    await run(trx, loaded);
    // After some commands (a transfer) the case may have left the actor's scope: null.
    const row = await findCaseInScope(trx, actor, id);
    if (!row) return { found: true as const, view: null };
    const shares = await activeSharesFor(trx, id, actor.organisationId);
    const facts = { region: row.region, status: row.status, referringOrgId: row.referring_org_id, sharedWithActorOrg: shares };
    return { found: true as const, view: await view(trx, actor, { row, facts }) };
  });
  if (!result.found) throw new NotFoundError('case');
  return result.view;
}

async function withVisibleCase(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  action: CaseAction,
  run: (trx: Trx, loaded: LoadedCase) => Promise<void>,
): Promise<CaseView> {
  const v = await withCase(db, actor, id, action, run);
  if (!v) throw new NotFoundError('case');
  return v;
}

export async function getCaseForActor(db: Kysely<DB>, actor: Actor, id: string): Promise<CaseView> {
  const result = await db.transaction().execute(async (trx) => {
    const loaded = await loadCase(trx, actor, id, 'read');
    if (!loaded) return null;
    await recordAudit(trx, actor, { action: 'case.read', resourceType: 'case', resourceId: id, caseId: id, personId: loaded.row.person_id });
    return view(trx, actor, loaded);
  });
  if (!result) throw new NotFoundError('case');
  return result;
}

export async function createReferral(db: Kysely<DB>, actor: Actor, input: CreateCaseInput): Promise<CaseView> {
  if (!hasRole(actor, 'first_responder') && !hasRole(actor, 'coordinator')) {
    throw new ForbiddenError('Only first responders and coordinators raise referrals');
  }
  const issues: FieldIssue[] = [];
  const municipality = municipalityByCode(input.municipalityCode);
  if (!municipality) issues.push({ path: 'municipalityCode', message: `unknown municipality code ${input.municipalityCode}` });
  if (input.referredOn > today()) issues.push({ path: 'referredOn', message: 'cannot be in the future' });
  checkPersonDates(input.person, 'person', issues);
  if (issues.length > 0 || !municipality) throw new ValidationError('The referral has invalid fields', issues);

  // The answer is read in the same transaction: a write is never committed and then answered
  // with an error because its read-back failed.
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .insertInto('persons')
      .values({
        ...sealNames({ given_names: input.person.givenNames, family_names: input.person.familyNames, aliases: input.person.aliases }),
        sex: input.person.sex,
        birth_date: input.person.birthDate ?? null,
        birth_year: input.person.birthYear ?? (input.person.birthDate ? Number(input.person.birthDate.slice(0, 4)) : null),
        estimated_age: input.person.estimatedAge ?? null,
        estimated_age_on: input.person.estimatedAge != null ? input.referredOn : null,
        citizenships: input.person.citizenships,
        protected_identity: input.person.protectedIdentity,
        created_by_org: actor.organisationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await trx
      .insertInto('cases')
      .values({
        ref: await nextCaseRef(trx, Number(input.referredOn.slice(0, 4))),
        person_id: person.id,
        region: municipality.region,
        municipality_code: municipality.code,
        responsible_org_id: await coordinationUnitFor(trx, municipality.region),
        referring_org_id: actor.organisationId,
        referring_user_id: actor.userId,
        status: 'received',
        referral_source: input.referralSource,
        referred_on: input.referredOn,
        exploitation_forms: input.exploitationForms,
        summary: seal(FIELD.caseSummary, input.summary),
      })
      .returning(['id', 'ref'])
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, actor, c.id, 'referral_received', { region: municipality.region, municipalityCode: municipality.code, source: input.referralSource });
    // Whoever registers a protected identity is its first named user (docs/security.md).
    if (input.person.protectedIdentity) await nameRegistrant(trx, actor, person.id, c.id);
    await recordAudit(trx, actor, {
      action: 'case.create',
      resourceType: 'case',
      resourceId: c.id,
      caseId: c.id,
      personId: person.id,
      details: {
        after: {
          ref: c.ref,
          region: municipality.region,
          municipalityCode: municipality.code,
          referralSource: input.referralSource,
          referredOn: input.referredOn,
          exploitationForms: input.exploitationForms,
          person: '[personal data recorded]',
        },
      },
    });
    return caseAfterWrite(trx, actor, c.id);
  });
}

/** The referrer may see less than it wrote; return what it may see without a second audited read. */
async function caseAfterWrite(trx: Trx, actor: Actor, id: string): Promise<CaseView> {
  const loaded = await loadCase(trx, actor, id, 'read');
  if (!loaded) throw new NotFoundError('case');
  return view(trx, actor, loaded);
}

const CASE_FIELD_COLUMNS = {
  municipalityCode: 'municipality_code',
  referralSource: 'referral_source',
  referredOn: 'referred_on',
  exploitationForms: 'exploitation_forms',
  summary: 'summary',
} as const;

const PERSON_FIELD_COLUMNS = {
  givenNames: 'given_names',
  familyNames: 'family_names',
  aliases: 'aliases',
  sex: 'sex',
  birthDate: 'birth_date',
  birthYear: 'birth_year',
  estimatedAge: 'estimated_age',
  citizenships: 'citizenships',
  protectedIdentity: 'protected_identity',
} as const;

// Direct identifiers are not copied into the audit trail: it must outlive erasure of the person.
const IDENTIFYING = new Set(['givenNames', 'familyNames', 'aliases', 'birthDate', 'summary']);

export async function updateCase(db: Kysely<DB>, actor: Actor, id: string, input: UpdateCaseInput): Promise<CaseView> {
  const issues: FieldIssue[] = [];
  if (input.municipalityCode && !municipalityByCode(input.municipalityCode)) {
    issues.push({ path: 'municipalityCode', message: `unknown municipality code ${input.municipalityCode}` });
  }
  if (input.referredOn && input.referredOn > today()) issues.push({ path: 'referredOn', message: 'cannot be in the future' });
  if (input.person) checkPersonDates(input.person, 'person', issues);
  if (issues.length > 0) throw new ValidationError('The update has invalid fields', issues);

  return withVisibleCase(db, actor, id, 'update', async (trx, { row }) => {
    if (input.person && !mayChangeIdentity({ protectedIdentity: row.protected_identity, identityVisible: row.identity_visible === true }, input.person)) {
      throw new ForbiddenError('Only the named users of a protected identity may change the names or lift the protection');
    }
    const caseSet: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(CASE_FIELD_COLUMNS)) {
      const value = input[key as keyof typeof CASE_FIELD_COLUMNS];
      if (value === undefined) continue;
      caseSet[column] = column === 'summary' ? seal(FIELD.caseSummary, value as string) : value;
      before[key] = IDENTIFYING.has(key) ? '[redacted]' : row[column];
      after[key] = IDENTIFYING.has(key) ? '[changed]' : value;
    }
    if (input.municipalityCode && input.municipalityCode !== row.municipality_code) {
      const region = municipalityByCode(input.municipalityCode)!.region;
      if (region !== row.region) {
        throw new ValidationError('The municipality lies in another police region; transfer the case instead', [
          { path: 'municipalityCode', message: `belongs to region ${region}, the case is in ${row.region}` },
        ]);
      }
    }
    const updated = await trx
      .updateTable('cases')
      .set({ ...caseSet, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new VersionConflictError('case');

    if (input.person && Object.keys(input.person).length > 0) {
      const personSet: Record<string, unknown> = {};
      for (const [key, column] of Object.entries(PERSON_FIELD_COLUMNS)) {
        const value = input.person[key as keyof typeof PERSON_FIELD_COLUMNS];
        if (value === undefined) continue;
        personSet[column] = value;
        after[`person.${key}`] = IDENTIFYING.has(key) ? '[changed]' : value;
      }
      await trx.updateTable('persons').set({ ...sealNameChanges(personSet, row), version: row.person_version + 1, updated_at: new Date() }).where('id', '=', row.person_id).execute();
      // Whoever flags a person as protected is named at once, or nobody would see the name.
      if (input.person.protectedIdentity === true && !row.protected_identity) await nameRegistrant(trx, actor, row.person_id, id);
    }
    await addCaseEvent(trx, actor, id, 'updated', { fields: Object.keys(after) });
    await recordAudit(trx, actor, { action: 'case.update', resourceType: 'case', resourceId: id, caseId: id, personId: row.person_id, details: { before, after } });
  });
}

/** Returns the case as the actor now sees it, or null when it has left the actor's region. */
export async function transferCase(db: Kysely<DB>, actor: Actor, id: string, input: TransferCaseInput): Promise<CaseView | null> {
  return withCase(db, actor, id, 'transfer', async (trx, { row }) => {
    if (input.region === row.region) {
      throw new ValidationError('The case is already in that region', [{ path: 'region', message: 'must differ from the current region' }]);
    }
    const updated = await trx
      .updateTable('cases')
      .set({ region: input.region, responsible_org_id: await coordinationUnitFor(trx, input.region), version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new VersionConflictError('case');
    await addCaseEvent(trx, actor, id, 'transferred', { from: row.region, to: input.region, reason: input.reason });
    await recordAudit(trx, actor, {
      action: 'case.transfer',
      resourceType: 'case',
      resourceId: id,
      caseId: id,
      personId: row.person_id,
      details: { before: { region: row.region }, after: { region: input.region } },
    });
  });
}

export async function addInformation(db: Kysely<DB>, actor: Actor, id: string, text: string): Promise<CaseView> {
  return withVisibleCase(db, actor, id, 'addInformation', async (trx, { row }) => {
    await addCaseEvent(trx, actor, id, 'information_added', { text });
    await trx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'case.add_information',
      resourceType: 'case',
      resourceId: id,
      caseId: id,
      personId: row.person_id,
      details: { after: { information: '[text added]' } },
    });
  });
}
