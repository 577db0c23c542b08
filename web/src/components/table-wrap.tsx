// A wide table that scrolls sideways on small screens. The scroll area is focusable and named,
// so keyboard users can scroll it too.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-label={t('common.tableScrollLabel', { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
