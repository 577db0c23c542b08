// The merges in the coordinator's region, with "undo" on those not yet undone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { MergeView, UnmergeResult } from '../../api-types-persons.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDate } from '../../format.js';
import { ErrorNotice } from '../notice.js';
import { TableWrap } from '../table-wrap.js';

export function MergesTable({ items, onUndone }: { items: MergeView[]; onUndone: (result: UnmergeResult) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const caption = t('persons.mergesCaption');

  const undo = (m: MergeView) => {
    setBusy(m.id);
    setProblem(null);
    api
      .post<UnmergeResult>(`/persons/merges/${m.id}/unmerge`, {})
      .then((result) => {
        setBusy(null);
        onUndone(result);
      })
      .catch((err: unknown) => {
        setBusy(null);
        setProblem(apiErrorText(err, t));
      });
  };

  if (items.length === 0) return <p>{t('persons.mergesEmpty')}</p>;
  return (
    <>
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <TableWrap label={caption}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('persons.colKept')}</th>
              <th scope="col">{t('persons.colRemoved')}</th>
              <th scope="col">{t('persons.colMergedAt')}</th>
              <th scope="col">{t('persons.colMovedCases')}</th>
              <th scope="col">{t('persons.colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => {
              const removed = m.removedLabel ?? t('persons.unnamed');
              return (
                <tr key={m.id} data-testid="merge-row">
                  <th scope="row">{m.keptLabel ?? t('persons.unnamed')}</th>
                  <td>{removed}</td>
                  <td className="nowrap">
                    {formatDate(m.mergedAt)}
                    {m.mergedBy ? `, ${m.mergedBy}` : ''}
                  </td>
                  <td>{m.movedCaseIds.length}</td>
                  <td>
                    {m.unmergedAt ? (
                      t('persons.undoneAt', { at: formatDate(m.unmergedAt) })
                    ) : (
                      <button type="button" className="button button-secondary button-small" disabled={busy !== null} onClick={() => undo(m)} aria-label={t('persons.unmergeFor', { name: removed })}>
                        {t('persons.unmerge')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
