// The page frame: skip link, header, and the <main> every route renders into.
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SiteHeader } from './site-header.js';

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('common.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
    </>
  );
}
