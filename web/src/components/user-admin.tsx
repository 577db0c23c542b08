// User accounts: the list, and the administrator's form to add one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, roleDescription } from '../../../domain/index.js';
import { api, ApiError } from '../api.js';
import type { Organisation, UserAccount } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { fieldErrorsFrom, type FieldErrors } from '../field-errors.js';
import { formatDateTime } from '../format.js';
import { useLabels } from '../hooks/use-labels.js';
import { useFocusFirstInvalid } from '../hooks/use-focus-invalid.js';
import { CheckboxGroup, SelectField, TextField } from './fields.js';
import { ErrorNotice, SuccessNotice } from './notice.js';
import { TableWrap } from './table-wrap.js';
import { MfaResetButton } from './mfa-reset-button.js';
import { useSession } from '../hooks/use-session.js';

const USER_FIELDS = ['user.username', 'user.displayName', 'user.organisationId', 'user.roles', 'user.password'] as const;

export function UserTable({ users }: { users: UserAccount[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useSession().user.id;
  return (
    <TableWrap label={t('admin.usersCaption')}>
      <table className="table">
        <caption className="visually-hidden">{t('admin.usersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.colUsername')}</th>
            <th scope="col">{t('admin.colDisplayName')}</th>
            <th scope="col">{t('admin.colOrganisation')}</th>
            <th scope="col">{t('admin.colRoles')}</th>
            <th scope="col">{t('admin.colActive')}</th>
            <th scope="col">{t('admin.colLastLogin')}</th>
            <th scope="col">{t('signIn.colTwoFactor')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName}</td>
              <td>{u.organisation.name}</td>
              <td>{u.roles.map((r, i) => (i === 0 ? labels.cap(ROLES, r) : labels.label(ROLES, r))).join(', ')}</td>
              <td>{u.active ? t('common.yes') : t('common.no')}</td>
              <td className="nowrap">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('admin.never')}</td>
              <td>{u.id === me ? null : <MfaResetButton userId={u.id} username={u.username} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function UserCreateForm({ organisations, onCreated }: { organisations: Organisation[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const empty = { username: '', displayName: '', organisationId: '', password: '' };
  const [values, setValues] = useState(empty);
  const [roles, setRoles] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setProblem(null);
    const found: FieldErrors = {};
    if (!/^[a-zA-Z0-9._@-]{3,64}$/.test(values.username.trim())) found['user.username'] = t('admin.errUsername');
    if (values.displayName.trim() === '') found['user.displayName'] = t('admin.errDisplayName');
    if (values.organisationId === '') found['user.organisationId'] = t('admin.errOrganisation');
    if (roles.length === 0) found['user.roles'] = t('admin.errRoles');
    if (values.password !== '' && values.password.length < 12) found['user.password'] = t('admin.errPassword');
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    api
      .post<{ username: string }>('/users', {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        organisationId: values.organisationId,
        roles,
        ...(values.password === '' ? {} : { password: values.password }),
      })
      .then((created) => {
        setBusy(false);
        setValues(empty);
        setRoles([]);
        setDone(t('admin.userCreated', { username: created.username }));
        onCreated();
      })
      .catch((err: unknown) => {
        setBusy(false);
        if (err instanceof ApiError && err.fields.length > 0) {
          const mapped = fieldErrorsFrom(err.fields.map((f) => ({ ...f, path: `user.${f.path.replace(/^body\./, '')}` })), USER_FIELDS);
          setErrors(mapped.errors);
          setProblem(mapped.rest.join(' ') || null);
          setAttempt((a) => a + 1);
        } else {
          setProblem(apiErrorText(err, t));
        }
      });
  };

  return (
    <form ref={formRef} className="form panel" onSubmit={submit} noValidate aria-labelledby="new-user-heading">
      <h3 id="new-user-heading">{t('admin.newUserHeading')}</h3>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <TextField name="user.username" label={t('admin.username')} hint={t('admin.usernameHint')} autoComplete="off" autoCapitalize="none" spellCheck={false} value={values.username} error={errors['user.username']} onChange={(e) => setValues({ ...values, username: e.target.value })} />
      <TextField name="user.displayName" label={t('admin.displayName')} autoComplete="off" value={values.displayName} error={errors['user.displayName']} onChange={(e) => setValues({ ...values, displayName: e.target.value })} />
      <SelectField
        name="user.organisationId"
        label={t('admin.organisation')}
        placeholder={t('admin.chooseOrganisation')}
        options={organisations.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
        value={values.organisationId}
        error={errors['user.organisationId']}
        onChange={(e) => setValues({ ...values, organisationId: e.target.value })}
      />
      <CheckboxGroup
        name="user.roles"
        legend={t('admin.roles')}
        options={ROLES.map((r) => ({ value: r.code, label: `${labels.cap(ROLES, r.code)} – ${roleDescription(r.code, labels.lang)}` }))}
        values={roles}
        error={errors['user.roles']}
        onChange={setRoles}
      />
      <TextField name="user.password" type="password" label={t('admin.password')} hint={t('admin.passwordHint')} optional autoComplete="new-password" value={values.password} error={errors['user.password']} onChange={(e) => setValues({ ...values, password: e.target.value })} />
      <button type="submit" className="button" disabled={busy}>
        {t('admin.createUser')}
      </button>
    </form>
  );
}
