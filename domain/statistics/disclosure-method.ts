// The disclosure-control method in words, for the UI beside published tables, the exports and
// the annual report. docs/statistics.md gives the same method at length.
import type { Label } from './dimensions.js';
import { MIN_WIDTH, PRIMARY_MAX } from './disclosure.js';
import { SUPPRESSED_MARK } from './table.js';

export const DISCLOSURE_SUMMARY: Label = {
  sv: `Röjandekontroll: celler med 1–${PRIMARY_MAX} personer visas inte ("${SUPPRESSED_MARK}"), och ytterligare celler döljs så att ingen dold cell kan räknas fram ur summor, regioner eller andra tabeller med bättre precision än ett intervall om minst ${MIN_WIDTH}. Summor är sanna.`,
  en: `Disclosure control: cells of 1–${PRIMARY_MAX} persons are not shown ("${SUPPRESSED_MARK}"), and further cells are hidden so that no hidden cell can be worked out from totals, regions or other tables to better than an interval at least ${MIN_WIDTH} wide. Totals are true.`,
};

export const DISCLOSURE_METHOD: readonly Label[] = [
  {
    sv: `Publicerade tabeller (exporter, årsrapporten och tabeller märkta "publicerad") röjandekontrolleras. Interna tabeller visar sanna små tal och är bara till för den nationella analytikern (alla regioner) och regionkoordinatorn (den egna regionen).`,
    en: `Published tables (exports, the annual report and tables marked "published") are disclosure-controlled. Internal tables show true small counts and are only for the national analyst (all regions) and the regional coordinator (their own region).`,
  },
  {
    sv: `Primär undertryckning: varje cell med 1 eller ${PRIMARY_MAX} personer, tillstånd eller inskrivningar döljs, även summor och regionsummor. Nollor visas: de röjer ingen person.`,
    en: `Primary suppression: every cell of 1 or ${PRIMARY_MAX} persons, permits or admissions is hidden, totals and regional totals included. Zeros are shown: they reveal nobody.`,
  },
  {
    sv: 'Sekundär undertryckning: alla tabeller för ett år behandlas tillsammans — varje uppdelning för varje polisregion och för riket, delsummor, Eurostat-grupperingarna och sambandet mellan tabellen efter form och tabellen över varje form. Varje cell är summan av sina rader och riket summan av regionerna. Så länge någon dold cell kan räknas fram för snävt döljs den billigaste ytterligare cellen (små tal i detaljceller före marginaler); rikets totaler döljs aldrig sekundärt.',
    en: 'Secondary suppression: all tables of a year are treated together — every breakdown for every police region and for the nation, subtotals, the Eurostat groupings and the link between the table by form and the table of each form. Every cell is the sum of its rows and the nation the sum of the regions. While any hidden cell can be worked out too narrowly, the cheapest further cell is hidden (small detail cells before margins); national totals are never hidden as secondary cells.',
  },
  {
    sv: `Kontroll: för varje dold cell beräknas med linjärprogrammering (simplex) det minsta och största värde den kan ha givet alla publicerade celler, alla summeringssamband och att inga tal är negativa. Varje sådant intervall måste vara minst ${MIN_WIDTH} brett. Mönstret beror bara på årets data, så samma år döljs på samma sätt i varje tabell och varje årsintervall.`,
    en: `Check: for every hidden cell, linear programming (simplex) finds the least and greatest value it can take given every published cell, every additive relation and non-negativity. Each such interval must be at least ${MIN_WIDTH} wide. The pattern depends only on the year's data, so a year is hidden the same way in every table and every range of years.`,
  },
  {
    sv: `Sanna värden ändras aldrig: summor är sanna även när delar är dolda, och dolda celler markeras "${SUPPRESSED_MARK}", aldrig som noll. Medborgarskap publiceras bara för riket.`,
    en: `True values are never altered: totals are true even when parts are hidden, and hidden cells are marked "${SUPPRESSED_MARK}", never shown as zero. Citizenship is published for the nation only.`,
  },
];
