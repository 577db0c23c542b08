// The user's own sign-in security: how they signed in, and whether two-factor sign-in is on
// (with the way to turn it on, or the word that the organisation's login service handles it).
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../api-error-text.js';
import type { MfaStatus } from '../api-types-sign-in.js';
import { formatDateTime } from '../format.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { PageHeading } from '../components/page-heading.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { Loading } from '../components/guards.js';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SecurityPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const status = useApiQuery<MfaStatus>('/auth/mfa');
  const justEnrolled = (location.state as { mfaEnrolled?: boolean } | null)?.mfaEnrolled === true;
  const s = status.data;

  let twoFactor = '';
  if (s) {
    if (s.exempt) twoFactor = t('signIn.securityExempt');
    else if (s.enrolled && s.enrolledAt) twoFactor = t('signIn.securityEnrolled', { date: formatDateTime(s.enrolledAt) });
    else twoFactor = s.required ? t('signIn.securityNotEnrolledRequired') : t('signIn.securityNotEnrolled');
  }

  return (
    <>
      <PageHeading title={t('signIn.securityTitle')} />
      <p>{t('signIn.securityIntro')}</p>
      {justEnrolled ? <SuccessNotice>{t('signIn.enrolDone')}</SuccessNotice> : null}
      {status.loading ? <Loading /> : null}
      {status.error ? <ErrorNotice>{apiErrorText(status.error, t)}</ErrorNotice> : null}
      {s ? (
        <section className="panel">
          <dl className="facts" data-testid="security-status">
            <Row term={t('signIn.securityMethod')}>{s.method === 'oidc' ? t('signIn.securityMethodSso') : t('signIn.securityMethodPassword')}</Row>
            <Row term={t('signIn.securityTwoFactor')}>{twoFactor}</Row>
          </dl>
          {s.method === 'password' && !s.enrolled ? (
            <p>
              <Link className="button" to="/login/enrol?next=%2Fsecurity">
                {t('signIn.securityEnrol')}
              </Link>
            </p>
          ) : null}
          {s.method === 'password' && s.enrolled ? <p>{t('signIn.securityLost')}</p> : null}
        </section>
      ) : null}
    </>
  );
}
