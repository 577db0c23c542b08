// Previous/next links for a paged list; the page number lives in the URL so it survives reloads.
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;

  const linkTo = (target: number) => {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete('page');
    else next.set('page', String(target));
    const text = next.toString();
    return text === '' ? '?' : `?${text}`;
  };

  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={linkTo(page - 1)} rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : null}
      <span className="pagination-status">{t('pagination.status', { page, pages })}</span>
      {page < pages ? (
        <Link to={linkTo(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
