// The seven indicators the national coordinator follows (DOMAIN.md §6). Indicator 3 comes from
// this system; 1, 2, 5, 6 and 7 from imported series; 4 from both (the Migration Agency's figures
// beside the permits recorded here). Each indicator is drawn as one or more lines.
import type { Label } from './dimensions.js';

export type IndicatorLine =
  | { kind: 'series'; code: string; label: Label; series: string; measure: string; breakdown: string }
  /** yes ÷ answered of a municipal-survey measure, in per cent. */
  | { kind: 'share'; code: string; label: Label; series: string; measure: string }
  /** A cell of this system's tables: the national (or regional) value of a table row. */
  | { kind: 'system'; code: string; label: Label; key: (region: string) => string };

export interface IndicatorDef {
  id: number;
  title: Label;
  unit: Label;
  origin: 'system' | 'imported' | 'both';
  lines: IndicatorLine[];
}

const share = (code: string, measure: string, label: Label): IndicatorLine => ({ kind: 'share', code, label, series: 'municipal_survey', measure });
const series = (code: string, s: string, measure: string, breakdown: string, label: Label): IndicatorLine => ({ kind: 'series', code, label, series: s, measure, breakdown });

export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: 1,
    title: { sv: 'Kommuner vars styrdokument omfattar sexuell exploatering av barn, prostitution och människohandel', en: 'Municipalities whose policy documents include sexual exploitation of children, prostitution and trafficking' },
    unit: { sv: 'procent av svarande kommuner', en: 'per cent of municipalities answering' },
    origin: 'imported',
    lines: [share('policy_documents', 'policy_documents', { sv: 'andel', en: 'share' })],
  },
  {
    id: 2,
    title: { sv: 'Kommuner som tar med prostitution och människohandel i sin lokala problembild', en: 'Municipalities that include prostitution and trafficking in their mapping of local crime problems' },
    unit: { sv: 'procent av svarande kommuner', en: 'per cent of municipalities answering' },
    origin: 'imported',
    lines: [share('crime_mapping', 'crime_mapping', { sv: 'andel', en: 'share' })],
  },
  {
    id: 3,
    title: { sv: 'Förmodade offer identifierade av regionkoordinatorerna', en: 'Presumed victims identified by the regional coordinators' },
    unit: { sv: 'personer', en: 'persons' },
    origin: 'system',
    lines: [{ kind: 'system', code: 'identified', label: { sv: 'identifierade personer', en: 'persons identified' }, key: (r) => `total@${r}` }],
  },
  {
    id: 4,
    title: { sv: 'Uppehållstillstånd för bevispersoner och betänketid', en: 'Residence permits for witnesses and reflection periods' },
    unit: { sv: 'tillstånd', en: 'permits' },
    origin: 'both',
    lines: [
      series('witness_permit', 'migration_permits', 'witness_permit', 'total', { sv: 'bevisperson (Migrationsverket)', en: 'witness permits (Migration Agency)' }),
      series('reflection_period', 'migration_permits', 'reflection_period', 'total', { sv: 'betänketid (Migrationsverket)', en: 'reflection periods (Migration Agency)' }),
      { kind: 'system', code: 'witness_recorded', label: { sv: 'bevisperson (registrerat i Lots)', en: 'witness permits (recorded in Lots)' }, key: (r) => `permits:witness@${r}` },
      { kind: 'system', code: 'reflection_recorded', label: { sv: 'betänketid (registrerat i Lots)', en: 'reflection periods (recorded in Lots)' }, key: (r) => `permits:reflection@${r}` },
    ],
  },
  {
    id: 5,
    title: { sv: 'Anmälda brott', en: 'Reported crimes' },
    unit: { sv: 'anmälda brott', en: 'offences reported' },
    origin: 'imported',
    lines: ['trafficking', 'exploitation', 'child_sexual_purchase', 'purchase_sexual_act', 'procuring'].map((m) => series(m, 'reported_crimes', m, 'total', { sv: m, en: m })),
  },
  {
    id: 6,
    title: { sv: 'Lagföringsbeslut för människohandel och människoexploatering', en: 'Prosecution decisions for trafficking and exploitation' },
    unit: { sv: 'beslut', en: 'decisions' },
    origin: 'imported',
    lines: [
      series('trafficking', 'prosecution_decisions', 'trafficking', 'total', { sv: 'människohandel', en: 'trafficking' }),
      series('exploitation', 'prosecution_decisions', 'exploitation', 'total', { sv: 'människoexploatering', en: 'exploitation' }),
    ],
  },
  {
    id: 7,
    title: { sv: 'Kommuner som erbjuder personal kunskaps- och metodstöd', en: 'Municipalities offering staff knowledge and method support' },
    unit: { sv: 'procent av svarande kommuner', en: 'per cent of municipalities answering' },
    origin: 'imported',
    lines: [share('method_support', 'method_support', { sv: 'andel', en: 'share' })],
  },
];
