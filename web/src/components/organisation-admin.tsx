// Organisations: the list, and the administrator's form to add one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MUNICIPALITIES, ORGANISATION_KINDS, POLICE_REGIONS } from '../../../domain/index.js';
import { api, ApiError } from '../api.js';
import type { Organisation } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { fieldErrorsFrom, type FieldErrors } from '../field-errors.js';
import { useLabels } from '../hooks/use-labels.js';
import { useFocusFirstInvalid } from '../hooks/use-focus-invalid.js';
import { SelectField, TextField } from './fields.js';
import { ErrorNotice, SuccessNotice } from './notice.js';
import { TableWrap } from './table-wrap.js';

const MUNICIPALITY_OPTIONS = [...MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((m) => ({ value: m.code, label: m.name }));
const ORG_FIELDS = ['org.name', 'org.kind', 'org.region', 'org.municipalityCode'] as const;

export function OrganisationTable({ organisations }: { organisations: Organisation[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <TableWrap label={t('admin.orgsCaption')}>
      <table className="table">
        <caption className="visually-hidden">{t('admin.orgsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.colName')}</th>
            <th scope="col">{t('admin.colKind')}</th>
            <th scope="col">{t('admin.colRegion')}</th>
            <th scope="col">{t('admin.colMunicipality')}</th>
            <th scope="col">{t('admin.colActive')}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.name}</th>
              <td>{labels.cap(ORGANISATION_KINDS, o.kind)}</td>
              <td>{o.region ? labels.label(POLICE_REGIONS, o.region) : ''}</td>
              <td>{labels.municipality(o.municipalityCode)}</td>
              <td>{o.active ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function OrganisationCreateForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const empty = { name: '', kind: '', region: '', municipalityCode: '' };
  const [values, setValues] = useState(empty);
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
    if (values.name.trim().length < 2) found['org.name'] = t('admin.errOrgName');
    if (values.kind === '') found['org.kind'] = t('admin.errOrgKind');
    setErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    api
      .post<Organisation>('/organisations', {
        name: values.name.trim(),
        kind: values.kind,
        region: values.region === '' ? null : values.region,
        municipalityCode: values.municipalityCode === '' ? null : values.municipalityCode,
      })
      .then((created) => {
        setBusy(false);
        setValues(empty);
        setDone(t('admin.orgCreated', { name: created.name }));
        onCreated();
      })
      .catch((err: unknown) => {
        setBusy(false);
        if (err instanceof ApiError && err.fields.length > 0) {
          const mapped = fieldErrorsFrom(err.fields.map((f) => ({ ...f, path: `org.${f.path.replace(/^body\./, '')}` })), ORG_FIELDS);
          setErrors(mapped.errors);
          setProblem(mapped.rest.join(' ') || null);
          setAttempt((a) => a + 1);
        } else {
          setProblem(apiErrorText(err, t));
        }
      });
  };

  return (
    <form ref={formRef} className="form panel" onSubmit={submit} noValidate aria-labelledby="new-org-heading">
      <h3 id="new-org-heading">{t('admin.newOrgHeading')}</h3>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <TextField name="org.name" label={t('admin.orgName')} autoComplete="organization" value={values.name} error={errors['org.name']} onChange={(e) => setValues({ ...values, name: e.target.value })} />
      <SelectField
        name="org.kind"
        label={t('admin.orgKind')}
        placeholder={t('admin.chooseKind')}
        options={ORGANISATION_KINDS.map((k) => ({ value: k.code, label: labels.cap(ORGANISATION_KINDS, k.code) }))}
        value={values.kind}
        error={errors['org.kind']}
        onChange={(e) => setValues({ ...values, kind: e.target.value })}
      />
      <SelectField
        name="org.region"
        label={t('admin.orgRegion')}
        hint={t('admin.orgRegionHint')}
        optional
        placeholder={t('admin.noRegion')}
        options={POLICE_REGIONS.map((r) => ({ value: r.code, label: labels.label(POLICE_REGIONS, r.code) }))}
        value={values.region}
        error={errors['org.region']}
        onChange={(e) => setValues({ ...values, region: e.target.value })}
      />
      <SelectField
        name="org.municipalityCode"
        label={t('admin.orgMunicipality')}
        optional
        placeholder={t('admin.noMunicipality')}
        options={MUNICIPALITY_OPTIONS}
        value={values.municipalityCode}
        error={errors['org.municipalityCode']}
        onChange={(e) => setValues({ ...values, municipalityCode: e.target.value })}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('admin.createOrg')}
      </button>
    </form>
  );
}
