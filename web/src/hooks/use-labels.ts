// Codelist labels in the current language. Labels are lower case in the codelists so they read
// well mid-sentence; `cap` capitalises one where it starts a cell or a heading.
import { useTranslation } from 'react-i18next';
import { countryName, labelOf, municipalityByCode, type CodeEntry, type Lang } from '../../../domain/index.js';

export function capitalise(text: string): string {
  return text === '' ? text : text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export interface Labels {
  lang: Lang;
  label: (list: readonly CodeEntry[], code: string) => string;
  cap: (list: readonly CodeEntry[], code: string) => string;
  country: (code: string) => string;
  municipality: (code: string | null) => string;
}

export function useLabels(): Labels {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
  return {
    lang,
    label: (list, code) => labelOf(list, code, lang),
    cap: (list, code) => capitalise(labelOf(list, code, lang)),
    country: (code) => countryName(code, lang),
    municipality: (code) => (code === null ? '' : (municipalityByCode(code)?.name ?? code)),
  };
}
