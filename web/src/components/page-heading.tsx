// The page's <h1> and <title>. After a client-side navigation focus moves to the heading, so a
// screen reader announces the new page the way it would after a full page load.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let initialPageShown = false;

export function PageHeading({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('common.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    if (initialPageShown) ref.current?.focus();
    initialPageShown = true;
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading" data-testid={testId}>
      {children ?? title}
    </h1>
  );
}
