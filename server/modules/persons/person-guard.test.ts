// The reflection-period guard widened by matching: with samePersonIdsFor passed to the permits
// module's applyForPermitOnCase (the wiring the permits route takes), a second application for
// an auto-flagged duplicate of the person is refused; without it, it would pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { onCase } from '../cases/case.access.js';
import { applyForPermitOnCase } from '../permits/permit.service.js';
import type { Actor } from '../../auth/actor.js';
import { runDedupe } from './dedupe.service.js';
import { samePersonIdsFor } from './same-person.js';

let t: TestApp;
let coordinator: Client;
const cases: { id: string; personId: string }[] = [];
let socStockholm: string;

const elena = { ...referralBody().person, givenNames: 'Elena', familyNames: 'Rusu', birthDate: '1993-10-02', birthYear: null, sex: 'female', citizenships: ['MD'] };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t.app, 'koordinator.stockholm');
  for (const municipalityCode of ['0180', '0184']) {
    const res = await coordinator.post('/api/v1/cases', referralBody({ person: elena, municipalityCode }));
    expect(res.statusCode, res.body).toBe(201);
    cases.push({ id: res.json().id, personId: res.json().person.id });
  }
  await runDedupe(t.database.db);
  socStockholm = (await t.database.db.selectFrom('organisations').select('id').where('name', '=', 'Socialtjänsten Stockholms stad').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('samePersonIdsFor in the reflection-period guard', () => {
  it('refuses a second application for an auto-flagged duplicate of the person', async () => {
    const [first, second] = cases as [{ id: string; personId: string }, { id: string; personId: string }];
    expect(await samePersonIdsFor(t.database.db, second.personId)).toEqual([first.personId]);
    const body = { kind: 'reflection' as const, applicantOrgId: socStockholm, applicantKind: 'social_welfare_board' as const, viaCoordinator: true, submittedOn: '2026-06-01', note: '' };
    expect((await coordinator.post(`/api/v1/cases/${first.id}/permits`, body)).statusCode).toBe(201);

    const actorRow = await t.database.db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id').select(['users.id', 'organisations.id as org', 'organisations.region']).where('users.username', '=', 'koordinator.stockholm').executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: actorRow.id,
      username: 'koordinator.stockholm',
      displayName: 'Karin Koordinator',
      organisationId: actorRow.org,
      organisationName: 'Regionkoordinatorerna Stockholm',
      organisationKind: 'regional_coordination',
      region: 'stockholm',
      roles: ['coordinator'],
      via: 'session',
      requestId: 'test',
    };
    const result = await onCase(t.database.db, actor, second.id, { auditAction: 'permit.apply', allowed: () => true }, async (ctx) =>
      applyForPermitOnCase(ctx, body, await samePersonIdsFor(ctx.trx, ctx.row.person_id)),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.duplicate.personId).toBe(first.personId);
  });
});
