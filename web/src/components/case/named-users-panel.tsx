// The named users of a protected identity, on the case page: who sees the real name, naming a
// colleague (with a reason) and removing one. Shown only when the person is protected; a user
// who is not named is told so and sees nobody's name. The server decides everything again.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { NamedUser, NamedUsersView } from '../../api-types-trust.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDateTime } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { Disclosure } from '../disclosure.js';
import { ErrorSummary } from '../error-summary.js';
import { SelectField, TextAreaField } from '../fields.js';
import { Loading } from '../guards.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';
import { TableWrap } from '../table-wrap.js';

function NameForm({ view, onDone }: { view: NamedUsersView; onDone: (next: NamedUsersView, name: string) => void }) {
  const { t } = useTranslation();
  const form = useApiForm('name-user', ['userId', 'reason']);
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = view.candidates.find((c) => c.userId === userId);
    form.submit({
      check: () => ({
        ...(chosen ? {} : { [form.name('userId')]: t('namedUsers.errUser') }),
        ...(reason.trim() === '' ? { [form.name('reason')]: t('namedUsers.errReason') } : {}),
      }),
      request: () => api.post<NamedUsersView>(`/cases/${view.caseId}/named-users`, { userId, reason: reason.trim() }),
      onSuccess: (next) => {
        setUserId('');
        setReason('');
        onDone(next, chosen?.name ?? '');
      },
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="name-user-heading">
      <h4 id="name-user-heading">{t('namedUsers.addHeading')}</h4>
      <p className="muted">{t('namedUsers.addHint')}</p>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={5} />
      <SelectField
        name={form.name('userId')}
        label={t('namedUsers.user')}
        placeholder={t('namedUsers.choose')}
        options={view.candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.organisation.name})` }))}
        value={userId}
        error={form.error('userId')}
        onChange={(e) => setUserId(e.target.value)}
      />
      <TextAreaField name={form.name('reason')} label={t('namedUsers.reason')} hint={t('namedUsers.reasonHint')} rows={2} maxLength={500} value={reason} error={form.error('reason')} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('case.working') : t('namedUsers.submit')}
      </button>
    </form>
  );
}

function RevokeForm({ caseId, user, onDone }: { caseId: string; user: NamedUser; onDone: (next: NamedUsersView) => void }) {
  const { t } = useTranslation();
  const form = useApiForm(`revoke-${user.userId}`, ['reason']);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => (reason.trim() === '' ? { [form.name('reason')]: t('namedUsers.errRevokeReason') } : {}),
      request: () => api.post<NamedUsersView>(`/cases/${caseId}/named-users/revoke`, { userId: user.userId, reason: reason.trim() }),
      onSuccess: onDone,
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('namedUsers.revoke', { name: user.name })}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={5} />
      <TextAreaField name={form.name('reason')} label={t('namedUsers.revokeReason')} rows={2} maxLength={500} value={reason} error={form.error('reason')} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="button button-secondary" disabled={form.busy}>
        {form.busy ? t('case.working') : t('namedUsers.revokeSubmit')}
      </button>
    </form>
  );
}

export function NamedUsersPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useApiQuery<NamedUsersView>(`/cases/${caseId}/named-users`, { keep: true });
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => (next: NamedUsersView) => {
    query.setData(next);
    setNotice(message);
  };

  return (
    <section className="panel" aria-labelledby="named-users-heading">
      <h2 id="named-users-heading">{t('namedUsers.heading')}</h2>
      {query.loading ? <Loading /> : null}
      {query.error?.status === 403 ? <p>{t('namedUsers.notNamed')}</p> : query.error ? <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice> : null}
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {query.data ? (
        <>
          <p>{t('namedUsers.intro')}</p>
          <TableWrap label={t('namedUsers.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('namedUsers.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('namedUsers.colName')}</th>
                  <th scope="col">{t('namedUsers.colOrganisation')}</th>
                  <th scope="col">{t('namedUsers.colSince')}</th>
                  <th scope="col">{t('namedUsers.colReason')}</th>
                  <th scope="col">{t('namedUsers.colAction')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.namedUsers.map((u) => (
                  <tr key={u.userId}>
                    <th scope="row">
                      {u.name} {u.isYou ? <span className="muted">{t('namedUsers.you')}</span> : null}
                    </th>
                    <td>{u.organisation.name}</td>
                    <td className="nowrap">{formatDateTime(u.grantedAt)}</td>
                    <td className="prewrap">{u.kind === 'registrant' ? t('namedUsers.registrant') : u.reason}</td>
                    <td>
                      {u.canRevoke ? (
                        <Disclosure label={t('namedUsers.revoke', { name: u.name })}>
                          <RevokeForm caseId={caseId} user={u} onDone={changed(t('namedUsers.revoked', { name: u.name }))} />
                        </Disclosure>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {query.data.abilities.name ? (
            <Disclosure label={t('namedUsers.addHeading')}>
              <NameForm view={query.data} onDone={(next, name) => changed(t('namedUsers.added', { name }))(next)} />
            </Disclosure>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
