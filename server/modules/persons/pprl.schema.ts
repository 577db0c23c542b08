// Request and response shapes of privacy-preserving matching: a partner sends keyed Bloom-filter
// encodings (CLK, 1024 bits) of its records and learns per record only whether the person may
// already be known; a regional coordinator also sees Dice scores for persons in the region.
import { z } from 'zod';
import { SIGNALS } from './person.schema.js';

/** 1024 bits = 128 bytes; bit p of the filter is bit (p mod 8), least significant first, of byte p div 8. */
export const CLK_BYTES = 128;

export const PprlMatchBody = z
  .object({
    records: z
      .array(
        z
          .object({
            ref: z.string().trim().min(1).max(100),
            clk: z.string().trim().max(400).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export type PprlMatchInput = z.infer<typeof PprlMatchBody>;

export const PprlMatchSchema = z.object({
  personId: z.string(),
  dice: z.number(),
  band: z.enum(['auto_flag', 'review']),
  cases: z.array(z.object({ id: z.string(), ref: z.string(), status: z.string(), region: z.string() })),
});

export const PprlResultSchema = z.object({
  results: z.array(
    z.object({
      ref: z.string(),
      signal: z.enum(SIGNALS),
      message: z.string(),
      /** Filled only for a regional coordinator, only with persons who have a case in the region. */
      matches: z.array(PprlMatchSchema),
    }),
  ),
});
export type PprlResult = z.infer<typeof PprlResultSchema>;
