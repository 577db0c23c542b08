// Numbers and bilingual labels of the statistics pages in the current language.
import type { Lang } from '../../../../domain/index.js';
import type { Bilingual } from '../../api-types-statistics.js';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return value.toLocaleString(LOCALES[lang], { maximumFractionDigits: digits });
}

/** A region's name, or the whole country for null. */
export function regionName(regions: readonly { code: string; label: Bilingual }[], code: string | null, lang: Lang, nation: string): string {
  if (code === null) return nation;
  return regions.find((r) => r.code === code)?.label[lang] ?? code;
}
