// Runs the server's check of the audit trail's hash chain and says what it found.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import type { AuditVerifyResult } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';

type State = { status: 'idle' } | { status: 'busy' } | { status: 'done'; result: AuditVerifyResult } | { status: 'failed'; message: string };

export function AuditVerify() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'idle' });

  const verify = () => {
    setState({ status: 'busy' });
    api
      .get<AuditVerifyResult>('/audit/verify')
      .then((result) => setState({ status: 'done', result }))
      .catch((err: unknown) => setState({ status: 'failed', message: apiErrorText(err, t) }));
  };

  const ok = state.status === 'done' && state.result.ok;
  const message =
    state.status === 'busy'
      ? t('audit.verifying')
      : state.status === 'failed'
        ? state.message
        : state.status === 'done'
          ? state.result.ok
            ? t('audit.verifyOk', { checked: state.result.checked })
            : t('audit.verifyBroken', { seq: state.result.brokenAtSeq ?? '?', reason: state.result.reason ?? '' })
          : '';

  return (
    <section className="panel verify" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('audit.verifyHeading')}</h2>
      <p>{t('audit.verifyIntro')}</p>
      <button type="button" className="button" onClick={verify} disabled={state.status === 'busy'}>
        {t('audit.verifySubmit')}
      </button>
      <div role="status" className={message === '' || state.status === 'busy' ? 'verify-result' : `verify-result notice ${ok ? 'notice-success' : 'notice-error'}`} data-testid="verify-result">
        {message}
      </div>
    </section>
  );
}
