// Retention rules (gallring): which cases lose their personal data, and when. Read from
// config/retention.json (or LOTS_RETENTION_CONFIG), validated, with per-rule overrides of the
// years from the environment. Anonymous notifications need no rule: they never hold personal data.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** What a rule selects. Each kind is a fixed SQL condition in retention.repository.ts. */
export const RETENTION_KINDS = ['closed', 'no_reason_to_assume'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _'),
    applies: z.enum(RETENTION_KINDS),
    // At least a year: a slip of the pen must not erase last week's cases.
    years: z.number().int().min(1).max(100),
    description: z.string().min(1).max(500),
  })
  .strict();

const ConfigSchema = z
  .object({
    $comment: z.string().optional(),
    rules: z
      .array(RuleSchema)
      .min(1)
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
  })
  .strict();

export type RetentionRule = z.infer<typeof RuleSchema>;
export interface RetentionConfig {
  rules: RetentionRule[];
  source: string;
}

export const DEFAULT_RETENTION_FILE = 'config/retention.json';

/** The built-in defaults, the same as config/retention.json ships with. */
export const DEFAULT_RULES: RetentionRule[] = [
  { id: 'no_reason_to_assume', applies: 'no_reason_to_assume', years: 1, description: 'No reason to assume: one year after the assessment (or closure).' },
  { id: 'closed_case', applies: 'closed', years: 3, description: 'A closed case: three years after the closure date.' },
];

export function parseRetentionConfig(json: unknown, source: string): RetentionConfig {
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`retention configuration ${source} is invalid: ${issues}`);
  }
  return { rules: parsed.data.rules, source };
}

/** Reads the configuration file (built-in defaults when the default file is absent) and applies env overrides. */
export function loadRetentionConfig(env: NodeJS.ProcessEnv = process.env): RetentionConfig {
  const explicit = env.LOTS_RETENTION_CONFIG;
  const path = resolve(explicit ?? DEFAULT_RETENTION_FILE);
  let config: RetentionConfig;
  try {
    config = parseRetentionConfig(JSON.parse(readFileSync(path, 'utf8')), path);
  } catch (e) {
    const missing = (e as { code?: string }).code === 'ENOENT';
    if (!missing || explicit) throw e instanceof SyntaxError ? new Error(`retention configuration ${path} is not valid JSON: ${e.message}`) : e;
    config = { rules: DEFAULT_RULES.map((r) => ({ ...r })), source: 'built-in defaults' };
  }
  for (const rule of config.rules) {
    const name = `LOTS_RETENTION_YEARS_${rule.id.toUpperCase()}`;
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const years = Number(raw);
    if (!Number.isInteger(years) || years < 1 || years > 100) throw new Error(`${name} must be a whole number of years from 1 to 100, got "${raw}"`);
    rule.years = years;
  }
  return config;
}

/** The last anchor date that is due on `today`: today minus whole years (29 February → 28 February). */
export function cutoffDate(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
