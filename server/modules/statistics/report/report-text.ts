// The words of the annual statistics report, in Swedish and English.
import type { Lang } from '../../../../domain/codelists/codelist.js';

type T = Record<Lang, string>;
type F<A extends unknown[]> = Record<Lang, (...a: A) => string>;

export const TEXT: {
  title: F<[number]>;
  intro: F<[number, number, number]>;
  lotsSource: F<[number, number]>;
  generated: F<[string]>;
  breakdown: Record<string, T>;
} & Record<
  | 'hidden' | 'row' | 'table' | 'chartDesc' | 'source' | 'asPublished' | 'identifiedHeading' | 'identifiedTrend' | 'identifiedLine' | 'supportHeading'
  | 'permitsHeading' | 'justiceHeading' | 'municipalHeading' | 'eurostatHeading' | 'rulesHeading' | 'disclosureHeading' | 'sourcesHeading' | 'noSeries' | 'version',
  T
> = {
  title: { sv: (y) => `Människohandel och exploatering i Sverige: statistik ${y}`, en: (y) => `Trafficking and exploitation in Sweden: statistics ${y}` },
  intro: {
    sv: (y, n, from) => `Under ${y} identifierade regionkoordinatorerna ${n} förmodade offer för människohandel eller människoexploatering. Rapporten visar de årliga tabellerna för ${from}–${y} ur Lots, det nationella systemet för hänvisning, tillsammans med statistik från andra myndigheter. Alla tabeller är röjandekontrollerade.`,
    en: (y, n, from) => `In ${y} the regional coordinators identified ${n} presumed victims of trafficking or exploitation. This report shows the annual tables for ${from}–${y} from Lots, the national referral mechanism, together with figures from other agencies. Every table is disclosure-controlled.`,
  },
  lotsSource: {
    sv: (n, i) => `Lots: regionkoordinatorernas bedömningar i ${n} ärenden, varav ${i} importerade historiska ärenden.`,
    en: (n, i) => `Lots: the regional coordinators' assessments in ${n} cases, of which ${i} imported historical records.`,
  },
  generated: { sv: (d) => `Framtagen ${d} ur Lots.`, en: (d) => `Produced on ${d} from Lots.` },
  breakdown: {
    women: { sv: 'kvinnor', en: 'women' },
    men: { sv: 'män', en: 'men' },
    prosecution: { sv: 'åklagare', en: 'prosecutor' },
    police: { sv: 'polis', en: 'police' },
    social_welfare_board: { sv: 'socialnämnd', en: 'social welfare board' },
    via_coordinator: { sv: 'varav via regionkoordinator', en: 'of which via regional coordinators' },
    yes: { sv: 'ja', en: 'yes' },
    answered: { sv: 'svarande kommuner', en: 'municipalities answering' },
    municipalities: { sv: 'antal kommuner', en: 'municipalities' },
  },
  hidden: { sv: 'dold av röjandekontroll', en: 'hidden by disclosure control' },
  row: { sv: 'Kategori', en: 'Category' },
  table: { sv: 'Tabell', en: 'Table' },
  chartDesc: { sv: 'Diagrammet visar samma värden som tabellen intill; dolda värden ritas inte.', en: 'The chart shows the same figures as the table beside it; hidden values are not drawn.' },
  source: { sv: 'Källa', en: 'Source' },
  asPublished: { sv: 'Återges som publicerat av källan.', en: 'Shown as published by the source.' },
  identifiedHeading: { sv: 'Identifierade förmodade offer', en: 'Presumed victims identified' },
  identifiedTrend: { sv: 'Identifierade personer per år', en: 'Persons identified per year' },
  identifiedLine: { sv: 'identifierade personer', en: 'persons identified' },
  supportHeading: { sv: 'Stöd och återvändande', en: 'Support and return' },
  permitsHeading: { sv: 'Uppehållstillstånd', en: 'Residence permits' },
  justiceHeading: { sv: 'Rättsväsendet', en: 'Criminal justice' },
  municipalHeading: { sv: 'Kommunernas arbete', en: 'Municipalities' },
  eurostatHeading: { sv: 'Tabeller för Eurostat', en: 'Tables for Eurostat' },
  rulesHeading: { sv: 'Så räknas statistiken', en: 'How the statistics are counted' },
  disclosureHeading: { sv: 'Röjandekontroll', en: 'Disclosure control' },
  sourcesHeading: { sv: 'Källor', en: 'Data sources' },
  noSeries: { sv: 'Inga uppgifter om anmälda brott har importerats.', en: 'No figures on reported crimes have been imported.' },
  version: { sv: 'version', en: 'version' },
};
