// Request shapes for organisations.
import { z } from 'zod';
import { zCode } from '../../http/zod-codes.js';
import { ORGANISATION_KINDS } from '../../../domain/codelists/organisation-kinds.js';
import { POLICE_REGIONS } from '../../../domain/codelists/police-regions.js';

export const CreateOrganisationBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    kind: zCode(ORGANISATION_KINDS),
    region: zCode(POLICE_REGIONS).nullable().optional(),
    municipalityCode: z.string().regex(/^\d{4}$/, 'must be a four-digit municipality code').nullable().optional(),
  })
  .strict();

export type CreateOrganisationInput = z.infer<typeof CreateOrganisationBody>;

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  region: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  active: z.boolean(),
});
export const OrganisationListSchema = z.object({ items: z.array(OrganisationSchema) });
