// Organisations: the parties of the mechanism. A regional coordination unit must name its
// police region; a municipal organisation takes its region from the municipality.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../http/errors.js';
import { canOnOrganisations } from '../../policies/organisation.policy.js';
import { municipalityByCode } from '../../../domain/reference/municipalities.js';
import type { CreateOrganisationInput } from './organisation.schema.js';

export async function listOrganisations(db: Kysely<DB>, actor: Actor) {
  if (!canOnOrganisations(actor, 'list')) throw new ForbiddenError();
  const rows = await db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name').execute();
  return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, region: o.region, municipalityCode: o.municipality_code, active: o.active }));
}

export async function createOrganisation(db: Kysely<DB>, actor: Actor, input: CreateOrganisationInput) {
  if (!canOnOrganisations(actor, 'create')) throw new ForbiddenError();
  let region = input.region ?? null;
  if (input.municipalityCode) {
    const m = municipalityByCode(input.municipalityCode);
    if (!m) throw new ValidationError('Unknown municipality', [{ path: 'municipalityCode', message: `unknown code ${input.municipalityCode}` }]);
    if (region && region !== m.region) {
      throw new ValidationError('Region and municipality disagree', [{ path: 'region', message: `the municipality lies in ${m.region}` }]);
    }
    region = m.region;
  }
  if (input.kind === 'regional_coordination' && !region) {
    throw new ValidationError('A regional coordination unit needs its police region', [{ path: 'region', message: 'required for regional_coordination' }]);
  }
  const taken = await db
    .selectFrom('organisations')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new ConflictError('name_taken', `An organisation named "${input.name}" already exists`);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('organisations')
      .values({ name: input.name, kind: input.kind, region, municipality_code: input.municipalityCode ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, details: { after: { name: row.name, kind: row.kind, region } } });
    return { id: row.id, name: row.name, kind: row.kind, region: row.region, municipalityCode: row.municipality_code, active: row.active };
  });
}
