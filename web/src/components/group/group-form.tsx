// The shared facts of a group operation: name, place, employer, the day the persons were found,
// the inspection and notes. Creating one (POST /groups) or changing it (PATCH with its version).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { GroupView } from '../../api-types-process.js';
import type { FieldErrors } from '../../field-errors.js';
import { isIsoDate, todayIso } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { ErrorSummary } from '../error-summary.js';
import { DateField, TextAreaField, TextField } from '../fields.js';

const FIELDS = ['name', 'place', 'employer', 'foundOn', 'inspection', 'notes'] as const;

interface Props {
  region: string;
  group?: GroupView;
  onSaved: (g: GroupView) => void;
  onCancel?: () => void;
  headingLevel: 2 | 3;
}

export function GroupForm({ region, group, onSaved, onCancel, headingLevel }: Props) {
  const { t } = useTranslation();
  const form = useApiForm(group ? 'group-edit' : 'group', FIELDS);
  const [v, setV] = useState({
    name: group?.name ?? '',
    place: group?.place ?? '',
    employer: group?.employer ?? '',
    foundOn: group?.foundOn ?? '',
    inspection: group?.inspection ?? '',
    notes: group?.notes ?? '',
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const Heading = `h${headingLevel}` as const;

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (v.name.trim() === '') found[form.name('name')] = t('groups.errName');
    if (v.foundOn !== '' && !isIsoDate(v.foundOn)) found[form.name('foundOn')] = t('common.errDate');
    else if (v.foundOn > todayIso()) found[form.name('foundOn')] = t('referral.errFutureDate');
    return found;
  };
  const body = { name: v.name.trim(), place: v.place.trim(), employer: v.employer.trim(), foundOn: v.foundOn || null, inspection: v.inspection.trim(), notes: v.notes.trim() };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check,
      request: () => (group ? api.patch<GroupView>(`/groups/${group.id}`, { version: group.version, ...body }) : api.post<GroupView>('/groups', { region, ...body })),
      onSuccess: onSaved,
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${form.name('heading')}`}>
      <Heading id={form.name('heading')}>{group ? t('groups.editHeading') : t('groups.createHeading')}</Heading>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={headingLevel === 2 ? 3 : 4} />
      <TextField name={form.name('name')} label={t('groups.name')} hint={t('groups.nameHint')} autoComplete="off" value={v.name} error={form.error('name')} onChange={(e) => set({ name: e.target.value })} />
      <div className="field-row">
        <TextField name={form.name('place')} label={t('groups.place')} optional autoComplete="off" value={v.place} error={form.error('place')} onChange={(e) => set({ place: e.target.value })} />
        <TextField name={form.name('employer')} label={t('groups.employer')} optional autoComplete="off" value={v.employer} error={form.error('employer')} onChange={(e) => set({ employer: e.target.value })} />
      </div>
      <DateField name={form.name('foundOn')} label={t('groups.foundOn')} optional value={v.foundOn} error={form.error('foundOn')} onChange={(e) => set({ foundOn: e.target.value })} />
      <TextAreaField name={form.name('inspection')} label={t('groups.inspection')} hint={t('groups.inspectionHint')} optional rows={3} value={v.inspection} error={form.error('inspection')} onChange={(e) => set({ inspection: e.target.value })} />
      <TextAreaField name={form.name('notes')} label={t('groups.notes')} optional rows={3} value={v.notes} error={form.error('notes')} onChange={(e) => set({ notes: e.target.value })} />
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('case.working') : group ? t('common.save') : t('groups.createSubmit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
