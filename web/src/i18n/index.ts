// i18next set-up: Swedish by default, English second. The chosen language is kept in
// localStorage and mirrored on <html lang> so screen readers pronounce the page correctly.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../domain/index.js';
import { sv } from './sv.js';
import { en } from './en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}

export const LANGUAGES: readonly Lang[] = ['sv', 'en'];
const STORAGE_KEY = 'lots.lang';

function storedLanguage(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export function currentLang(): Lang {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
}

export function setLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'sv';
});

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
