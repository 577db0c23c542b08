// Shared shapes of the person-matching engine: the input record every caller builds, and the
// bands a scored pair falls into. Kept apart so callers (server, web, bench) can import the types
// without pulling in any matching code.

/** One person as the matcher sees it. Only `id` and the two name fields are required. */
export interface MatchRecord {
  id: string;
  givenNames: string;
  familyNames: string;
  /** Other full names this person is known by, each written "given family" or "family, given". */
  aliases?: readonly string[];
  /** ISO date `YYYY-MM-DD`; estimated dates are common, so see `birthDateImputed`. */
  birthDate?: string | null;
  /** Used when only the year is known, or to check `birthDate`. */
  birthYear?: number | null;
  /** True when the date was estimated or defaulted by whoever registered the person. */
  birthDateImputed?: boolean;
  sex?: string | null;
  /** ISO 3166-1 alpha-2 or alpha-3 codes. */
  citizenships?: readonly string[];
  phones?: readonly string[];
  emails?: readonly string[];
  documentNumbers?: readonly string[];
}

/**
 * What a caller should do with a pair. `auto_flag` still means review: the engine never merges.
 */
export type Band = 'auto_flag' | 'review' | 'none';

export interface BandThresholds {
  /** Probability at or above which a pair is flagged for review automatically. */
  autoFlag: number;
  /** Probability at or above which a pair is offered for review. */
  review: number;
}

/** The bands set in the issue: ≥ 0.99 auto-flag, 0.80–0.99 review, below that nothing. */
export const DEFAULT_BANDS: BandThresholds = { autoFlag: 0.99, review: 0.8 };

export function bandFor(probability: number, bands: BandThresholds = DEFAULT_BANDS): Band {
  if (probability >= bands.autoFlag) return 'auto_flag';
  if (probability >= bands.review) return 'review';
  return 'none';
}
