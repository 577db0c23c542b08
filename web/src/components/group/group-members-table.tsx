// The coordination view of a group: one row per person with case status, who handles it, the
// consents in force, open referrals, the latest permit of each kind and police reports, so a
// coordinator handling forty people sees at a glance who still lacks what. The first column
// selects members for the bulk actions.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMIT_KINDS } from '../../../../domain/process/permits.js';
import { CLASSIFICATIONS } from '../../../../domain/process/criminal-process.js';
import { CONSENT_STATUSES, REFERRAL_PURPOSES, REFERRAL_STATUSES } from '../../../../domain/process/referral-purposes.js';
import type { GroupMember } from '../../api-types-process.js';
import { formatDate } from '../../format.js';
import { useLabels } from '../../hooks/use-labels.js';
import { OverdueBadge } from '../badges.js';
import { StatusBadge } from '../status-badge.js';
import { TableWrap } from '../table-wrap.js';
import { PersonName } from '../person-name.js';

interface Props {
  members: GroupMember[];
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
}

export function GroupMembersTable({ members, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caption = t('groups.membersCaption');
  const all = members.length > 0 && members.every((m) => selected.includes(m.caseId));
  const toggle = (id: string, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((x) => x !== id));
  const permitText = (p: GroupMember['permits'][number]) => {
    const undecided: Record<string, string> = { pending: t('permits.statusPending'), refused: t('permits.statusRefused'), withdrawn: t('permits.statusWithdrawn') };
    const state = p.decision === 'granted' ? (p.active ? t('groups.permitValidUntil', { date: formatDate(p.validUntil) }) : t('permits.statusExpired')) : (undecided[p.decision] ?? p.decision);
    return `${labels.cap(PERMIT_KINDS, p.kind)}: ${state.toLocaleLowerCase()}`;
  };

  return (
    <TableWrap label={caption}>
      <table className="table table-compact members-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="select-cell">
              <input type="checkbox" id="members-all" checked={all} onChange={(e) => onSelect(e.target.checked ? members.map((m) => m.caseId) : [])} />
              <label htmlFor="members-all" className="visually-hidden">
                {t('groups.chooseAllMembers')}
              </label>
            </th>
            <th scope="col">{t('cases.colRef')}</th>
            <th scope="col">{t('cases.colPerson')}</th>
            <th scope="col">{t('cases.colStatus')}</th>
            <th scope="col">{t('process.assignee')}</th>
            <th scope="col">{t('groups.colConsents')}</th>
            <th scope="col">{t('groups.colReferrals')}</th>
            <th scope="col">{t('groups.colPermits')}</th>
            <th scope="col">{t('groups.colPolice')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.caseId} data-testid="member-row">
              <td className="select-cell">
                <input type="checkbox" id={`member-${m.caseId}`} checked={selected.includes(m.caseId)} onChange={(e) => toggle(m.caseId, e.target.checked)} />
                <label htmlFor={`member-${m.caseId}`} className="visually-hidden">
                  {t('groups.chooseCase', { ref: m.ref })}
                </label>
              </td>
              <th scope="row" className="nowrap">
                <Link to={`/cases/${m.caseId}`}>{m.ref}</Link>
              </th>
              <td>
                <PersonName label={m.personLabel} protectedIdentity={m.protectedIdentity} />
              </td>
              <td>
                <StatusBadge status={m.status} />
              </td>
              <td>{m.assignedUser?.name ?? <span className="muted">{t('process.nobody')}</span>}</td>
              <td>
                {m.consents.length === 0 ? (
                  <span className="muted">{t('groups.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {m.consents.map((c) => (
                      <li key={`${c.purpose}-${c.recipient.id}`}>
                        {t('groups.consentLine', { purpose: labels.label(REFERRAL_PURPOSES, c.purpose), recipient: c.recipient.name, status: labels.label(CONSENT_STATUSES, c.status) })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {m.openReferrals.length === 0 ? (
                  <span className="muted">{t('groups.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {m.openReferrals.map((r) => (
                      <li key={r.id}>
                        {t('groups.referralLine', { purpose: labels.label(REFERRAL_PURPOSES, r.purpose), recipient: r.to.name, status: labels.label(REFERRAL_STATUSES, r.status) })} <OverdueBadge overdue={r.overdue} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {m.permits.length === 0 ? (
                  <span className="muted">{t('groups.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {m.permits.map((p) => (
                      <li key={p.id}>{permitText(p)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {m.policeReports.length === 0 ? (
                  <span className="muted">{t('groups.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {m.policeReports.map((r) => (
                      <li key={r.id}>
                        {formatDate(r.reportedOn)}: {labels.label(CLASSIFICATIONS, r.classification)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
