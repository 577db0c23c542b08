// Case notes, on the case page: the notes the viewer may see (the server filters them; an AKC
// item is labelled), and a form to add one. The choice of legal basis is offered only to users
// of agencies covered by Act 2024:307 (the server says so in `abilities.tagAkc` and checks again);
// everyone else writes ordinary information.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { CaseNote, NoteLegalBasis, NoteList } from '../../api-types-trust.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDateTime } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { Badge } from '../badges.js';
import { ErrorSummary } from '../error-summary.js';
import { RadioGroup, TextAreaField } from '../fields.js';
import { Loading } from '../guards.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';

function NoteItem({ note }: { note: CaseNote }) {
  const { t } = useTranslation();
  const by = [note.author.name, note.author.organisation].filter(Boolean).join(', ') || '–';
  return (
    <li className="note" data-testid="case-note">
      <p className="muted">
        {t('notes.meta', { at: formatDateTime(note.at), by })}{' '}
        {note.legalBasis === 'akc_2024_307' ? <Badge tone="danger">{t('notes.akcLabel')}</Badge> : <Badge tone="neutral">{t('notes.ordinaryLabel')}</Badge>}
      </p>
      {note.erased ? <p className="muted">{t('notes.erased')}</p> : <p className="prewrap">{note.text}</p>}
    </li>
  );
}

function NoteForm({ caseId, tagAkc, onAdded }: { caseId: string; tagAkc: boolean; onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm('note', ['text', 'legalBasis']);
  const [text, setText] = useState('');
  const [basis, setBasis] = useState<NoteLegalBasis>('ordinary');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => (text.trim() === '' ? { [form.name('text')]: t('notes.errText') } : {}),
      request: () => api.post<CaseNote>(`/cases/${caseId}/notes`, { text: text.trim(), legalBasis: tagAkc ? basis : 'ordinary' }),
      onSuccess: () => {
        setText('');
        setBasis('ordinary');
        onAdded();
      },
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="note-form-heading">
      <h3 id="note-form-heading">{t('notes.addHeading')}</h3>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <TextAreaField name={form.name('text')} label={t('notes.text')} hint={t('notes.textHint')} rows={4} maxLength={10_000} value={text} error={form.error('text')} onChange={(e) => setText(e.target.value)} />
      {tagAkc ? (
        <RadioGroup
          name={form.name('legalBasis')}
          legend={t('notes.basisLegend')}
          hint={t('notes.basisHint')}
          error={form.error('legalBasis')}
          value={basis}
          onChange={(v) => setBasis(v === 'akc_2024_307' ? 'akc_2024_307' : 'ordinary')}
          options={[
            { value: 'ordinary', label: t('notes.basisOrdinary'), hint: t('notes.basisOrdinaryHint') },
            { value: 'akc_2024_307', label: t('notes.basisAkc'), hint: t('notes.basisAkcHint') },
          ]}
        />
      ) : null}
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('case.working') : t('notes.submit')}
      </button>
    </form>
  );
}

export function NotesPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useApiQuery<NoteList>(`/cases/${caseId}/notes`, { keep: true });
  const [added, setAdded] = useState(false);
  if (query.error?.status === 403 || query.error?.status === 404) return null;
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notes.heading')}</h2>
      {query.loading ? <Loading /> : null}
      {query.error ? <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice> : null}
      {added ? <SuccessNotice>{t('notes.added')}</SuccessNotice> : null}
      {query.data ? (
        <>
          <p className="muted">{t('notes.intro')}</p>
          {query.data.items.length === 0 ? (
            <p>{t('notes.none')}</p>
          ) : (
            <ol className="plain-list notes-list">
              {query.data.items.map((n) => (
                <NoteItem key={n.id} note={n} />
              ))}
            </ol>
          )}
          {query.data.abilities.add ? (
            <NoteForm
              caseId={caseId}
              tagAkc={query.data.abilities.tagAkc}
              onAdded={() => {
                setAdded(true);
                query.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
