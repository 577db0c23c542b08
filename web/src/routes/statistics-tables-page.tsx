// /statistics/tables: every annual table — persons identified by each breakdown, the programme
// and permit tables, and the Eurostat-style tables — one at a time, chosen from a list, for the
// years, region and kind in the filters, with CSV/XLSX downloads of it or of all tables.
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { StatMeta, StatTable } from '../api-types-statistics.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { scopeFromParams, scopeParams, tableQuery, type ExportTarget, type StatScope } from '../statistics-scope.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { ExportLinks } from '../components/statistics/export-links.js';
import { StatFilters } from '../components/statistics/stat-filters.js';
import { StatTableView, useTableCaption } from '../components/statistics/stat-table.js';
import { TableNotes } from '../components/statistics/table-notes.js';
import { StatisticsNav, useStatistics } from './statistics-layout.js';
import '../styles-statistics.css';

interface Choice {
  code: string;
  title: string;
  path: (scope: StatScope) => string | null;
  target: ExportTarget;
}

function choices(meta: StatMeta, lang: 'sv' | 'en', eurostatTitle: string): Choice[][] {
  return [
    meta.dimensions.map((d) => ({
      code: d.code,
      title: d.title[lang],
      // Citizenship is published for the whole country only (the server refuses a region).
      path: (s: StatScope) => (d.code === 'citizenship' && s.region && !s.internal ? null : `/statistics/identified${tableQuery(s, { by: d.code })}`),
      target: { table: 'identified', by: d.code } as const,
    })),
    meta.programmeTables.map((p) => ({ code: p.code, title: p.title[lang], path: (s: StatScope) => `/statistics/programmes/${p.code}${tableQuery(s)}`, target: { table: p.code } })),
    [{ code: 'eurostat', title: eurostatTitle, path: (s: StatScope) => `/statistics/eurostat?from=${s.from}&to=${s.to}`, target: { table: 'eurostat' } }],
  ];
}

/** One table; `target` null when the downloads sit above a group of tables (Eurostat: one file). */
function TableSection({ table, scope, target, meta }: { table: StatTable; scope: StatScope; target: ExportTarget | null; meta: StatMeta }) {
  const { lang } = useLabels();
  const caption = useTableCaption(table, meta);
  const id = `table-${table.by}`;
  return (
    <section className="stat-panel" aria-labelledby={id}>
      <h2 id={id}>{table.title[lang]}</h2>
      {target ? (
        <div className="stat-panel-tools">
          <ExportLinks target={target} scope={scope} title={caption} />
        </div>
      ) : null}
      <div className="stat-block">
        <div className="stat-main">
          <StatTableView table={table} meta={meta} />
        </div>
        <TableNotes table={table} meta={meta} />
      </div>
    </section>
  );
}

function ChosenTable({ choice, scope, meta }: { choice: Choice; scope: StatScope; meta: StatMeta }) {
  const { t } = useTranslation();
  const path = choice.path(scope);
  const answer = useApiQuery<StatTable | { tables: StatTable[] }>(path, { keep: true });
  if (path === null) return <p className="notice">{t('statTables.citizenshipNational')}</p>;
  if (answer.error) return <ErrorNotice>{apiErrorText(answer.error, t)}</ErrorNotice>;
  if (!answer.data) return <Loading />;
  if ('tables' in answer.data) {
    const national = { ...scope, region: null, internal: false };
    return (
      <>
        <p>{t('statTables.eurostatNote')}</p>
        <div className="stat-panel-tools">
          <ExportLinks target={choice.target} scope={national} title={choice.title} />
        </div>
        {answer.data.tables.map((table) => (
          <TableSection key={table.by} table={table} scope={national} target={null} meta={meta} />
        ))}
      </>
    );
  }
  return <TableSection table={answer.data} scope={scope} target={choice.target} meta={meta} />;
}

export function StatisticsTablesPage() {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const { meta } = useStatistics();
  const [params, setParams] = useSearchParams();
  const scope = scopeFromParams(params, meta);
  const groups = choices(meta, lang, t('statTables.eurostat'));
  const all = groups.flat();
  const chosen = all.find((c) => c.code === params.get('t')) ?? all[0]!;
  const groupTitles = [t('statTables.groupIdentified'), t('statTables.groupProgrammes'), t('statTables.groupEurostat')];
  const linkTo = (code: string) => `?${new URLSearchParams({ ...Object.fromEntries(params), t: code }).toString()}`;

  return (
    <>
      <PageHeading title={t('statTables.title')} />
      <StatisticsNav meta={meta} />
      <p className="lead">{t('statTables.intro')}</p>
      <StatFilters key={params.toString()} meta={meta} scope={scope} onApply={(s) => setParams({ ...scopeParams(s), t: chosen.code })} />
      <div className="stat-tables-layout">
        <nav className="stat-table-list" aria-label={t('statTables.listLabel')}>
          {groups.map((group, g) => (
            <div key={groupTitles[g]}>
              <h2 className="stat-table-group">{groupTitles[g]}</h2>
              <ul>
                {group.map((c) => (
                  <li key={c.code}>
                    <Link to={linkTo(c.code)} aria-current={c.code === chosen.code ? 'page' : undefined}>
                      {c.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <h2 className="stat-table-group">{t('statTables.allHeading')}</h2>
          <ExportLinks target={{ table: 'all' }} scope={scope} title={t('statTables.allTitle')} />
        </nav>
        <div className="stat-table-chosen">
          <ChosenTable key={chosen.code} choice={chosen} scope={scope} meta={meta} />
          {!scope.internal || chosen.code === 'eurostat' ? (
            <details className="stat-method">
              <summary>{t('statTables.method')}</summary>
              {meta.disclosure.method.map((m) => (
                <p key={m.en}>{m[lang]}</p>
              ))}
            </details>
          ) : null}
        </div>
      </div>
    </>
  );
}
