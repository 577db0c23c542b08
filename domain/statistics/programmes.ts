// The programme and permit tables of the annual report: NSP support (Table 3), ÅMP return
// (Table 4), permits granted (Table 5) and reflection periods by applicant (Table 6). Rows add
// up like the identified tables; "memo" rows (of which, alongside) are shown but not summed.
import { PERMIT_APPLICANTS, PERMIT_KINDS } from '../process/permits.js';
import { SEX_AGE_TABLE_ROWS } from '../codelists/sex-age.js';
import type { Label, RowDef } from './dimensions.js';
import type { StatModel} from './model.js';
import { REGION_CODES, type TableDef } from './model.js';

export const PROGRAMME_TABLES = ['nsp', 'amp', 'permits', 'permit_applicants'] as const;
export type ProgrammeTable = (typeof PROGRAMME_TABLES)[number];

const row = (code: string, sv: string, en: string, kind: RowDef['kind'] = 'leaf', parent: string | null = null): RowDef => ({ code, label: { sv, en }, kind, parent });

/** The sex-and-age rows, with adults and children as subtotals under `parent`. */
function personRows(parent: string | null): RowDef[] {
  const groupOf = (code: string) => (['women', 'men', 'other_adult', 'unknown_adult'].includes(code) ? 'adults' : 'children');
  return SEX_AGE_TABLE_ROWS.filter((r) => r.code !== 'total').map((r) =>
    r.code === 'adults' || r.code === 'children' ? row(r.code, r.sv, r.en, 'subtotal', parent) : row(r.code, r.sv, r.en, 'leaf', groupOf(r.code)),
  );
}

const SEX_SUFFIX = [
  ['female', 'kvinnor', 'women'],
  ['male', 'män', 'men'],
  ['other', 'annan könsidentitet', 'other gender identity'],
  ['unknown', 'okänt kön', 'unknown sex'],
] as const;

function permitRows(): RowDef[] {
  const rows: RowDef[] = [];
  for (const kind of PERMIT_KINDS) {
    for (const [sex, sv, en] of SEX_SUFFIX) rows.push(row(`${kind.code}_${sex}`, `${kind.sv}: ${sv}`, `${kind.en}: ${en}`, 'leaf', kind.code));
    rows.push(row(kind.code, `${kind.sv} totalt`, `${kind.en} total`, 'subtotal'));
  }
  return [...rows, row('total', 'totalt antal tillstånd', 'total permits', 'total'), row('persons', 'antal personer (per region)', 'persons (per region)', 'memo')];
}

export function programmeTableDef(table: ProgrammeTable): TableDef {
  switch (table) {
    case 'nsp':
      return {
        id: 'nsp',
        title: { sv: 'Personer som beviljats stöd inom NSP', en: 'Persons granted support in the NSP programme' },
        additive: true,
        rows: [
          ...personRows('persons'),
          row('persons', 'personer totalt', 'persons total', 'subtotal'),
          row('accompanying_children', 'medföljande barn', 'accompanying children'),
          row('total', 'totalt', 'total', 'total'),
          row('children_in_home_country', 'barn kvar i hemlandet (berörda genom förälder)', 'children left in the home country (affected through a parent)', 'memo'),
        ],
      };
    case 'amp':
      return {
        id: 'amp',
        title: { sv: 'Nya personer som beviljats deltagande i ÅMP', en: 'New persons admitted to the ÅMP return programme' },
        additive: true,
        rows: [
          ...personRows(null),
          row('total', 'totalt', 'total', 'total'),
          row('accompanying_family', 'medföljande familjemedlemmar', 'accompanying family members', 'memo'),
          row('accompanying_children', 'medföljande barn', 'accompanying children', 'memo'),
        ],
      };
    case 'permits':
      return { id: 'permits', title: { sv: 'Beviljade tillstånd inklusive förlängningar', en: 'Permits granted, including extensions' }, additive: true, rows: permitRows() };
    case 'permit_applicants':
      return {
        id: 'permit_applicants',
        title: { sv: 'Beviljade betänketider efter sökande', en: 'Reflection periods granted, by applicant' },
        additive: true,
        totalKey: (r) => `permits:reflection@${r}`,
        rows: [
          ...PERMIT_APPLICANTS.map((a) => row(a.code, a.sv, a.en)),
          row('total', 'totalt', 'total', 'total'),
          row('via_coordinator', 'varav via regionkoordinator', 'of which via regional coordinators', 'memo'),
        ],
      };
  }
}

export const PROGRAMME_NOTES: Record<ProgrammeTable, Label> = {
  nsp: { sv: 'Medföljande barn ingår i totalen; barn kvar i hemlandet gör det inte.', en: 'Accompanying children are in the total; children left in the home country are not.' },
  amp: { sv: 'Medföljande familjemedlemmar och barn ingår inte i totalen.', en: 'Accompanying family members and children are not in the total.' },
  permits: { sv: 'Tillstånd räknas, inte personer.', en: 'Permits are counted, not persons.' },
  permit_applicants: { sv: 'Summerar till betänketiderna i tabellen över beviljade tillstånd.', en: 'Adds up to the reflection periods in the table of permits granted.' },
};

/** Adds the four programme tables of one year; counts: region → table → row → n. */
export function addProgrammeTables(model: StatModel, counts: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>): void {
  for (const table of PROGRAMME_TABLES) {
    const leaf = new Map<string, Map<string, number>>();
    for (const region of REGION_CODES) leaf.set(region, new Map(counts.get(region)?.get(table) ?? []));
    model.addTable(programmeTableDef(table), leaf);
  }
  for (const region of [...REGION_CODES, '*']) {
    model.relate([[`permit_applicants:via_coordinator@${region}`, 1], [`permit_applicants:social_welfare_board@${region}`, -1]], '<=');
    model.relate([[`permits:persons@${region}`, 1], [`permits:total@${region}`, -1]], '<=');
  }
  model.protect.add('nsp:total@*');
  model.protect.add('amp:total@*');
  model.protect.add('permits:total@*');
}
