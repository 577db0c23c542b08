// Words for match evidence in the current language: field names, agreement, comparison levels.
import type { TFunction } from 'i18next';
import type { Agreement, Evidence, MatchField } from '../../api-types-persons.js';

export function fieldWord(field: MatchField, t: TFunction): string {
  switch (field) {
    case 'given':
      return t('persons.fieldGiven');
    case 'family':
      return t('persons.fieldFamily');
    case 'birth':
      return t('persons.fieldBirth');
    case 'sex':
      return t('persons.fieldSex');
    case 'citizenship':
      return t('persons.fieldCitizenship');
  }
}

export function agreementWord(agreement: Agreement, t: TFunction): string {
  switch (agreement) {
    case 'agree':
      return t('persons.agree');
    case 'partial':
      return t('persons.partial');
    case 'disagree':
      return t('persons.disagree');
    case 'missing':
      return t('persons.missing');
  }
}

/** The comparison level in words; the engine's own label when the level is unknown here. */
export function levelWord(e: Evidence, t: TFunction): string {
  if (e.level === null) return t('persons.missing');
  const names = [t('persons.levelName0'), t('persons.levelName1'), t('persons.levelName2'), t('persons.levelName3'), t('persons.levelName4')];
  const birth = [t('persons.levelBirth0'), t('persons.levelBirth1'), t('persons.levelBirth2'), t('persons.levelBirth3'), t('persons.levelBirth4')];
  const byField: Record<MatchField, string[]> = {
    given: names,
    family: names,
    birth,
    sex: [t('persons.levelSex0'), t('persons.levelSex1')],
    citizenship: [t('persons.levelCitizenship0'), t('persons.levelCitizenship1')],
  };
  return byField[e.field][e.level] ?? e.label;
}

/** "+7.8" / "−2.1" with a real minus sign. */
export function bits(weight: number, lang: string): string {
  const text = Math.abs(weight).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return weight > 0 ? `+${text}` : weight < 0 ? `\u2212${text}` : text;
}

export function percent(probability: number, lang: string): string {
  return probability.toLocaleString(lang, { style: 'percent', maximumFractionDigits: probability > 0.999 ? 2 : 1 });
}
