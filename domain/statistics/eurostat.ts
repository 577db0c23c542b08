// Eurostat crim_thb-style tables of registered victims (here: persons identified, since the
// coordinator's assessment is what Sweden registers): by sex, by age group, by citizenship
// group and by form of exploitation, for the nation. Codes follow Eurostat's SDMX code lists
// where they exist (SEX F/M/UNK/T, AGE Y_LT18/Y_GE18/UNK/TOTAL, CITIZEN NAT/EU27_2020_FOR/
// NEU27_2020_FOR/UNK/TOTAL); the exploitation codes SEX/LAB/OTH/UNK are ours for Eurostat's
// categories sexual exploitation, forced labour or services, other forms, unknown.
//
// Zero and unknown are kept apart: unknown age is its own row here (the national table counts it
// as adult), as are unknown sex, unknown citizenship and "not reported" form. "Other gender
// identity" has no Eurostat category and is reported under UNK sex. Domestic work counts as forced
// labour or services; multiple exploitation as other forms (Eurostat wants one form per victim
// and the register holds no "main" form).
import { EU_MEMBER_STATES } from '../codelists/countries.js';
import type { Label } from './dimensions.js';
import type { StatModel } from './model.js';
import { NATION } from './model.js';
import type { IdentifiedCounts } from './identified-model.js';

export interface EurostatRow {
  code: string;
  label: Label;
  /** Cells whose sum the row is; one cell means the row is that cell, unless `sum` is set. */
  sources: string[];
  /** Always a derived cell (the sources vary by year: the country groups). */
  sum?: boolean;
}

export interface EurostatTable {
  id: 'eurostat_sex' | 'eurostat_age' | 'eurostat_citizenship' | 'eurostat_exploitation';
  title: Label;
  rows: EurostatRow[];
}

const n = (k: string) => `${k}@${NATION}`;
const TOTAL_ROW = (code: string): EurostatRow => ({ code, label: { sv: 'totalt', en: 'total' }, sources: [n('total')] });
const OTHER_FORMS = ['criminal', 'begging', 'forced_marriage', 'organ_removal', 'military_service', 'surrogacy', 'illegal_adoption', 'multiple', 'other'];

export function eurostatTables(countries: readonly string[]): EurostatTable[] {
  const eu = countries.filter((c) => c !== 'SE' && EU_MEMBER_STATES.includes(c));
  const nonEu = countries.filter((c) => c !== 'SE' && c !== 'unknown' && !EU_MEMBER_STATES.includes(c));
  return [
    {
      id: 'eurostat_sex',
      title: { sv: 'Registrerade offer efter kön (Eurostat)', en: 'Registered victims by sex (Eurostat)' },
      rows: [
        { code: 'F', label: { sv: 'kvinnor och flickor', en: 'females' }, sources: [n('sex_age:women'), n('sex_age:girls')] },
        { code: 'M', label: { sv: 'män och pojkar', en: 'males' }, sources: [n('sex_age:men'), n('sex_age:boys')] },
        { code: 'UNK', label: { sv: 'okänt eller annan könsidentitet', en: 'unknown or other gender identity' }, sources: ['other_adult', 'unknown_adult', 'other_child', 'unknown_child'].map((r) => n(`sex_age:${r}`)) },
        TOTAL_ROW('T'),
      ],
    },
    {
      id: 'eurostat_age',
      title: { sv: 'Registrerade offer efter ålder (Eurostat)', en: 'Registered victims by age group (Eurostat)' },
      rows: [
        { code: 'Y_LT18', label: { sv: 'barn (under 18 år)', en: 'children (under 18)' }, sources: [n('sex_age:children')] },
        { code: 'Y_GE18', label: { sv: 'vuxna (18 år och äldre)', en: 'adults (18 and over)' }, sources: [n('eurostat_age:Y_GE18')] },
        { code: 'UNK', label: { sv: 'okänd ålder', en: 'age unknown' }, sources: [n('eurostat_age:UNK')] },
        TOTAL_ROW('TOTAL'),
      ],
    },
    {
      id: 'eurostat_citizenship',
      title: { sv: 'Registrerade offer efter medborgarskap (Eurostat)', en: 'Registered victims by citizenship (Eurostat)' },
      rows: [
        { code: 'NAT', label: { sv: 'Sverige', en: 'Sweden' }, sources: [n('citizenship:SE')] },
        { code: 'EU27_2020_FOR', label: { sv: 'annat EU-land', en: 'other EU member state' }, sources: eu.map((c) => n(`citizenship:${c}`)), sum: true },
        { code: 'NEU27_2020_FOR', label: { sv: 'land utanför EU', en: 'non-EU country' }, sources: nonEu.map((c) => n(`citizenship:${c}`)), sum: true },
        { code: 'UNK', label: { sv: 'okänt', en: 'unknown' }, sources: [n('citizenship:unknown')] },
        TOTAL_ROW('TOTAL'),
      ],
    },
    {
      id: 'eurostat_exploitation',
      title: { sv: 'Registrerade offer efter exploateringsform (Eurostat)', en: 'Registered victims by form of exploitation (Eurostat)' },
      rows: [
        { code: 'SEX', label: { sv: 'sexuell exploatering', en: 'sexual exploitation' }, sources: [n('form:sexual')] },
        { code: 'LAB', label: { sv: 'tvångsarbete eller tjänster (inkl. hushållsarbete)', en: 'forced labour or services (incl. domestic work)' }, sources: [n('form:labour'), n('form:domestic_work')] },
        { code: 'OTH', label: { sv: 'andra former (inkl. multipel exploatering)', en: 'other forms (incl. multiple exploitation)' }, sources: OTHER_FORMS.map((f) => n(`form:${f}`)) },
        { code: 'UNK', label: { sv: 'okänd (ej redovisad)', en: 'unknown (not reported)' }, sources: [n('form:not_reported')] },
        TOTAL_ROW('TOTAL'),
      ],
    },
  ];
}

/** The cell a Eurostat row is shown from: the source itself, or a derived sum cell. */
export function eurostatRowKey(table: EurostatTable, row: EurostatRow): string {
  return row.sources.length === 1 && !row.sum ? row.sources[0]! : `${table.id}:${row.code}@${NATION}`;
}

/** Adds derived Eurostat cells (and the unknown-age split) with the relations that define them. */
export function addEurostatCells(model: StatModel, c: IdentifiedCounts): void {
  const unknownAge = [...c.unknownAge.values()].reduce((s, v) => s + v, 0);
  const adults = model.value(n('sex_age:adults'));
  model.set(n('eurostat_age:UNK'), unknownAge, 4);
  model.set(n('eurostat_age:Y_GE18'), adults - unknownAge, 4);
  model.relate([[n('sex_age:adults'), -1], [n('eurostat_age:UNK'), 1], [n('eurostat_age:Y_GE18'), 1]]);
  const countries = [...model.values.keys()].filter((k) => k.startsWith('citizenship:') && k.endsWith(`@${NATION}`)).map((k) => k.slice('citizenship:'.length, -2));
  for (const table of eurostatTables(countries)) {
    for (const row of table.rows) {
      const key = eurostatRowKey(table, row);
      if (row.sources.length === 1 && !row.sum) {
        if (!model.values.has(key)) model.set(key, 0, 4);
        continue;
      }
      model.set(key, row.sources.reduce((s, k) => s + model.value(k), 0), 4);
      model.relate([[key, -1], ...row.sources.map((k): [string, number] => [k, 1])]);
    }
  }
}
