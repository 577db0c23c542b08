// The Overview tab: the case's facts, the person and the timeline, with the coordinator's
// actions beside them (add information, edit, move to another region). This is the case page of
// the foundation, unchanged in substance.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { POLICE_REGIONS } from '../../../../domain/index.js';
import type { CaseView, TransferResult } from '../../api-types.js';
import { useLabels } from '../../hooks/use-labels.js';
import type { CaseListNotice } from '../../routes/case-list-page.js';
import { CaseEditForm } from '../case-edit-form.js';
import { CaseFacts, CasePersonBlock } from '../case-facts.js';
import { CaseInformationForm } from '../case-information-form.js';
import { CaseTimeline } from '../case-timeline.js';
import { CaseTransferForm } from '../case-transfer-form.js';
import { SuccessNotice } from '../notice.js';
import { NamedUsersPanel } from './named-users-panel.js';
import { NotesPanel } from './notes-panel.js';

type Notice = { section: 'edit' | 'transfer' | 'info'; text: string };

export function OverviewTab({ view, onView, onReload }: { view: CaseView; onView: (next: CaseView) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { abilities } = view;

  const saved = (section: Notice['section'], text: string) => (next: CaseView) => {
    onView(next);
    setNotice({ section, text });
  };
  const reload = () => {
    setNotice(null);
    onReload();
  };
  const transferred = (result: TransferResult) => {
    if (result.case === null) {
      void navigate('/cases', { state: { transferred: { ref: view.ref, region: result.region } } satisfies CaseListNotice });
      return;
    }
    saved('transfer', t('case.transferred', { region: labels.label(POLICE_REGIONS, result.region) }))(result.case);
  };
  const noticeFor = (section: Notice['section']) => (notice?.section === section ? <SuccessNotice>{notice.text}</SuccessNotice> : null);

  return (
    <div className="case-grid">
      <div className="case-main">
        <CaseFacts view={view} />
        <CasePersonBlock view={view} />
        {view.person.protectedIdentity ? <NamedUsersPanel caseId={view.id} /> : null}
        <CaseTimeline events={view.timeline} />
        <NotesPanel caseId={view.id} />
      </div>
      {abilities.addInformation || abilities.update || abilities.transfer ? (
        <section className="case-actions" aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('case.actionsHeading')}</h2>
          {abilities.addInformation ? (
            <div className="panel">
              {noticeFor('info')}
              <CaseInformationForm caseId={view.id} onAdded={saved('info', t('case.infoAdded'))} />
            </div>
          ) : null}
          {abilities.update ? (
            <div className="panel">
              {noticeFor('edit')}
              <CaseEditForm key={view.version} view={view} onSaved={saved('edit', t('case.saved'))} onReload={reload} />
            </div>
          ) : null}
          {abilities.transfer ? (
            <div className="panel">
              {noticeFor('transfer')}
              <CaseTransferForm key={view.version} view={view} onTransferred={transferred} onReload={reload} />
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
