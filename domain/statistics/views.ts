// Which cells each table shows: the identified breakdowns for the nation or one region, the
// programme tables, and the Eurostat tables.
import { POLICE_REGIONS } from '../codelists/police-regions.js';
import { rulesFor } from './counting-rules.js';
import type { StatDimension } from './dimensions.js';
import { eurostatRowKey, eurostatTables, type EurostatTable } from './eurostat.js';
import { identifiedCellKey, identifiedTableDef, totalKey } from './identified-model.js';
import { NATION, cellKey, type StatModel } from './model.js';
import { PROGRAMME_NOTES, programmeTableDef, type ProgrammeTable } from './programmes.js';
import type { ViewSpec } from './table.js';

const ruleCodes = (table: string) => rulesFor(table).map((r) => r.code);

/** Country codes with a citizenship cell in any of the models, for the citizenship rows. */
export function countriesOf(models: readonly StatModel[]): string[] {
  const set = new Set<string>();
  for (const m of models) {
    for (const [k, v] of m.values) {
      if (!k.startsWith('citizenship:') || !k.endsWith(`@${NATION}`)) continue;
      const code = k.slice('citizenship:'.length, -2);
      // Sweden's cell exists for the Eurostat grouping even when nobody is Swedish.
      if (code !== 'SE' || v > 0) set.add(code);
    }
  }
  return [...set];
}

export function identifiedView(by: StatDimension, region: string | null, countries: readonly string[]): ViewSpec {
  const def = identifiedTableDef(by, countries);
  const where = region ?? NATION;
  let rows = def.rows;
  if (by === 'region' && region) rows = rows.filter((r) => r.code === region || r.code === 'total');
  return {
    table: 'identified',
    by,
    title: def.title,
    region,
    additive: def.additive,
    rows: rows.map((r) => ({ code: r.code, label: r.label, kind: r.kind, parent: r.parent, key: by === 'region' ? (r.code === 'total' ? totalKey(where) : totalKey(r.code)) : identifiedCellKey(by, r.code, where) })),
    notes: def.totalNote ? [def.totalNote] : [],
    rules: ruleCodes(by),
  };
}

export function programmeView(table: ProgrammeTable, region: string | null): ViewSpec {
  const def = programmeTableDef(table);
  const where = region ?? NATION;
  return {
    table,
    by: table,
    title: def.title,
    region,
    additive: def.additive,
    rows: def.rows.map((r) => ({ code: r.code, label: r.label, kind: r.kind, parent: r.parent, key: cellKey(def, r.code, where) })),
    notes: [PROGRAMME_NOTES[table]],
    rules: ruleCodes(table),
  };
}

export function eurostatViews(countries: readonly string[]): ViewSpec[] {
  return eurostatTables(countries).map((t: EurostatTable) => ({
    table: t.id,
    by: t.id,
    title: t.title,
    region: null,
    additive: true,
    rows: t.rows.map((r) => ({ code: r.code, label: r.label, kind: r.code === 'T' || r.code === 'TOTAL' ? ('total' as const) : ('leaf' as const), parent: null, key: eurostatRowKey(t, r) })),
    notes: [{ sv: 'Noll och okänt hålls isär; se metodbeskrivningen för grupperingarna.', en: 'Zero and unknown are kept apart; see the method notes for the groupings.' }],
    rules: ruleCodes('eurostat'),
  }));
}

export function regionLabel(code: string | null): { sv: string; en: string } {
  const r = POLICE_REGIONS.find((x) => x.code === code);
  return r ? { sv: `polisregion ${r.sv}`, en: `police region ${r.en}` } : { sv: 'hela landet', en: 'Sweden' };
}
