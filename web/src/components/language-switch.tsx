// Switches between Swedish and English. The button is labelled in the language it switches to,
// and marked with that language so a screen reader pronounces it right.
import { useTranslation } from 'react-i18next';
import { currentLang, setLanguage } from '../i18n/index.js';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const target = currentLang() === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="button-link language-switch" lang={t('header.switchLanguageLang')} onClick={() => setLanguage(target)}>
      {t('header.switchLanguage')}
    </button>
  );
}
