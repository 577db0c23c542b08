// Request and response shapes of the review queue: candidate pairs, merges and their undoing.
import { z } from 'zod';
import { zUuid } from '../../http/zod-codes.js';
import { EvidenceSchema, PersonDetailSchema } from './person.schema.js';

export const CANDIDATE_STATUSES = ['open', 'merged', 'not_same'] as const;

export const ListCandidatesQuery = z
  .object({
    status: z.enum([...CANDIDATE_STATUSES, 'all']).default('open'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListCandidatesInput = z.infer<typeof ListCandidatesQuery>;

export const ListMergesQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListMergesInput = z.infer<typeof ListMergesQuery>;

export const IdParams = z.object({ id: zUuid }).strict();

const pick = z.enum(['a', 'b']);
export const MergeBody = z
  .object({
    /** The candidate's version, as read. */
    version: z.number().int().positive(),
    /** The two persons' versions, as read: a merge decided on stale records is refused (409). */
    personVersions: z.object({ a: z.number().int().positive(), b: z.number().int().positive() }).strict(),
    keep: z.enum(['personA', 'personB']),
    /** Where the records conflict, whose value to keep; unset fields take the kept person's. */
    fields: z
      .object({
        givenNames: pick.optional(),
        familyNames: pick.optional(),
        birthDate: pick.optional(),
        sex: pick.optional(),
        citizenships: z.enum(['a', 'b', 'union']).optional(),
        aliases: z.literal('union').optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type MergeInput = z.infer<typeof MergeBody>;

export const NotSameBody = z.object({ version: z.number().int().positive() }).strict();
export type NotSameInput = z.infer<typeof NotSameBody>;

/** One person of a pair as the coordinator may see it. */
const SideSchema = z.object({
  personId: z.string(),
  /** The person has a case in the coordinator's region. */
  inYourRegion: z.boolean(),
  /** False once the person was merged into another (or erased). */
  exists: z.boolean(),
  /** Regions the person has cases in, so the coordinators know whom to talk to. */
  regions: z.array(z.string()),
  /** Name, or null when not in the coordinator's region or a protected identity. */
  label: z.string().nullable(),
});

export const CandidateListItemSchema = z.object({
  id: z.string(),
  probability: z.number(),
  band: z.enum(['auto_flag', 'review']),
  /** Offered through a third person (the detail's `corroboration` says how). */
  corroborated: z.boolean(),
  status: z.enum(CANDIDATE_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  version: z.number(),
  personA: SideSchema,
  personB: SideSchema,
});

export const CandidateListSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(CandidateListItemSchema),
});

export const MERGE_FIELDS = ['givenNames', 'familyNames', 'birthDate', 'sex', 'citizenships'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const CandidateDetailSchema = CandidateListItemSchema.extend({
  updatedAt: z.string(),
  decidedBy: z.string().nullable(),
  mergeId: z.string().nullable(),
  weight: z.number(),
  priorWeight: z.number(),
  evidence: z.array(EvidenceSchema),
  /**
   * When the pair is offered through a third person: the probability shown is at least
   * supports[0] + supports[1] − 1 (each support pair by id when the coordinator may open it),
   * and `direct` is what the two persons' own records score. Null for a pair scored on its own.
   */
  corroboration: z
    .object({
      direct: z.number(),
      supports: z.array(z.object({ probability: z.number(), candidateId: z.string().nullable(), status: z.enum(CANDIDATE_STATUSES).nullable() })),
    })
    .nullable(),
  /** Full details only for a person in the coordinator's region; null otherwise. */
  personADetail: PersonDetailSchema.nullable(),
  personBDetail: PersonDetailSchema.nullable(),
  /** Fields both persons hold with different values (only when both are visible). */
  conflicts: z.array(z.enum(MERGE_FIELDS)),
  abilities: z.object({ merge: z.boolean(), notSame: z.boolean() }),
  /** Why a merge would be refused now, or null (both persons have an active reflection period). */
  mergeBlocked: z.string().nullable(),
});

export const MergeViewSchema = z.object({
  id: z.string(),
  candidateId: z.string().nullable(),
  keptPersonId: z.string(),
  removedPersonId: z.string(),
  keptLabel: z.string().nullable(),
  removedLabel: z.string().nullable(),
  movedCaseIds: z.array(z.string()),
  fields: z.record(z.string(), z.string()),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  unmergedAt: z.string().nullable(),
  unmergedBy: z.string().nullable(),
});
export type MergeView = z.infer<typeof MergeViewSchema>;

export const MergeListSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(MergeViewSchema) });

export const UnmergeResultSchema = z.object({
  merge: MergeViewSchema,
  /** Fields of the kept person changed since the merge, left as they are now rather than restored. */
  notRestored: z.array(z.string()),
});
