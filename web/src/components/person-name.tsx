// A person's name in a list or on the case page. A protected identity shows the reserved
// placeholder to everyone but its named users; a named user sees the name, marked as protected,
// so it is never read out or copied without knowing that it is.
import { useTranslation } from 'react-i18next';

export function PersonName({ label, protectedIdentity }: { label: string | null; protectedIdentity: boolean }) {
  const { t } = useTranslation();
  if (label === null || label.trim() === '') {
    return protectedIdentity ? <span className="reserved">{t('cases.protectedIdentity')}</span> : <span className="muted">{t('cases.unknownPerson')}</span>;
  }
  if (!protectedIdentity) return <>{label}</>;
  return (
    <>
      {label} <span className="reserved reserved-named">{t('cases.protectedIdentity')}</span>
    </>
  );
}
