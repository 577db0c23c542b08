// Swedish and English words of the access report's PDF, and the labels of the codes it shows.
import type { CodeEntry, Lang } from '../../../domain/codelists/codelist.js';
import { labelOf } from '../../../domain/codelists/codelist.js';
import { CASE_STATUSES, CLOSURE_REASONS } from '../../../domain/codelists/case-status.js';
import { EXPLOITATION_FORMS } from '../../../domain/codelists/exploitation-forms.js';
import { LABOUR_SECTORS } from '../../../domain/codelists/labour-sectors.js';
import { POLICE_REGIONS } from '../../../domain/codelists/police-regions.js';
import { REFERRAL_SOURCES } from '../../../domain/codelists/referral-sources.js';
import { SEXES } from '../../../domain/codelists/sex-age.js';
import { countryName } from '../../../domain/codelists/countries.js';
import { CLASSIFICATIONS, JUDGMENT_OUTCOMES, PROSECUTION_DECISIONS } from '../../../domain/process/criminal-process.js';
import { ACTS, LEGAL_BASES, MEANS, PURPOSES } from '../../../domain/process/legal-elements.js';
import { indicatorLabel } from '../../../domain/process/indicators.js';
import { PERMIT_APPLICANTS, PERMIT_KINDS } from '../../../domain/process/permits.js';
import { CONSENT_STATUSES, REFERRAL_PURPOSES, REFERRAL_STATUSES } from '../../../domain/process/referral-purposes.js';
import { AMP_DECISIONS, COMPENSATION_DECISIONS, COMPENSATION_KINDS, NSP_SUPPORT_TYPES, SUPPORT_NEEDS } from '../../../domain/process/support.js';

const LISTS: Record<string, readonly CodeEntry[]> = {
  status: CASE_STATUSES,
  closureReason: CLOSURE_REASONS,
  form: EXPLOITATION_FORMS,
  sector: LABOUR_SECTORS,
  region: POLICE_REGIONS,
  source: REFERRAL_SOURCES,
  sex: SEXES,
  classification: CLASSIFICATIONS,
  judgment: JUDGMENT_OUTCOMES,
  prosecution: PROSECUTION_DECISIONS,
  act: ACTS,
  legalBasis: LEGAL_BASES,
  means: MEANS,
  purpose: PURPOSES,
  permitKind: PERMIT_KINDS,
  applicant: PERMIT_APPLICANTS,
  consent: CONSENT_STATUSES,
  referralPurpose: REFERRAL_PURPOSES,
  referralStatus: REFERRAL_STATUSES,
  ampDecision: AMP_DECISIONS,
  compensationDecision: COMPENSATION_DECISIONS,
  compensationKind: COMPENSATION_KINDS,
  nspType: NSP_SUPPORT_TYPES,
  need: SUPPORT_NEEDS,
};

export type CodeList = keyof typeof LISTS | 'country' | 'indicator';

export function codeLabel(list: CodeList, code: string | null, lang: Lang): string {
  if (code === null || code === '') return '–';
  if (list === 'country') return countryName(code, lang);
  if (list === 'indicator') return indicatorLabel(code, lang);
  return labelOf(LISTS[list]!, code, lang);
}

const WORDS = {
  title: { sv: 'Registerutdrag', en: 'Access report' },
  intro: {
    sv: 'Detta är alla uppgifter som Lots, den nationella hänvisningsmekanismen mot människohandel, har om personen nedan, enligt artikel 15 i dataskyddsförordningen (GDPR). Sist finns en förteckning över vilka organisationer som har läst eller ändrat uppgifterna.',
    en: 'This is everything Lots, the national referral mechanism against human trafficking, holds about the person below, under Article 15 of the General Data Protection Regulation (GDPR). At the end is a list of which organisations read or changed the data.',
  },
  producedAt: { sv: 'Framställt', en: 'Produced' },
  producedBy: { sv: 'Framställt av', en: 'Produced by' },
  person: { sv: 'Personuppgifter', en: 'Personal details' },
  givenNames: { sv: 'Förnamn', en: 'Given names' },
  familyNames: { sv: 'Efternamn', en: 'Family names' },
  aliases: { sv: 'Andra namn', en: 'Other names' },
  sex: { sv: 'Kön', en: 'Sex' },
  birthDate: { sv: 'Födelsedatum', en: 'Date of birth' },
  birthYear: { sv: 'Födelseår', en: 'Year of birth' },
  estimatedAge: { sv: 'Uppskattad ålder', en: 'Estimated age' },
  citizenships: { sv: 'Medborgarskap', en: 'Citizenship' },
  protectedIdentity: { sv: 'Skyddade personuppgifter', en: 'Protected identity' },
  recordedBy: { sv: 'Registrerad av', en: 'Recorded by' },
  erasedAt: { sv: 'Gallrad', en: 'Erased' },
  cases: { sv: 'Ärenden', en: 'Cases' },
  case: { sv: 'Ärende', en: 'Case' },
  noCases: { sv: 'Inga ärenden.', en: 'No cases.' },
  region: { sv: 'Polisregion', en: 'Police region' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  status: { sv: 'Status', en: 'Status' },
  source: { sv: 'Källa', en: 'Source' },
  referredOn: { sv: 'Hänvisad', en: 'Referred' },
  assessedOn: { sv: 'Bedömd', en: 'Assessed' },
  closedOn: { sv: 'Avslutad', en: 'Closed' },
  closureReason: { sv: 'Skäl för avslut', en: 'Reason for closure' },
  forms: { sv: 'Exploateringsformer', en: 'Forms of exploitation' },
  sector: { sv: 'Bransch', en: 'Sector' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  referringOrganisation: { sv: 'Hänvisande organisation', en: 'Referring organisation' },
  responsibleOrganisation: { sv: 'Ansvarig organisation', en: 'Responsible organisation' },
  timeline: { sv: 'Händelser', en: 'Timeline' },
  assessments: { sv: 'Bedömningar', en: 'Assessments' },
  decision: { sv: 'Beslut', en: 'Decision' },
  legalBasis: { sv: 'Rättslig grund', en: 'Legal basis' },
  acts: { sv: 'Handelsåtgärder', en: 'Acts' },
  means: { sv: 'Otillbörliga medel', en: 'Means' },
  purposes: { sv: 'Syften', en: 'Purposes' },
  indicators: { sv: 'Indikatorer', en: 'Indicators' },
  ageAtAssessment: { sv: 'Ålder vid bedömningen', en: 'Age at assessment' },
  reasons: { sv: 'Skäl', en: 'Reasons' },
  superseded: { sv: 'ersatt av en senare bedömning', en: 'superseded by a later assessment' },
  consents: { sv: 'Samtycken', en: 'Consents' },
  referrals: { sv: 'Hänvisningar till andra organisationer', en: 'Referrals to other organisations' },
  permits: { sv: 'Uppehållstillstånd', en: 'Residence permits' },
  policeReports: { sv: 'Polisanmälningar och rättsprocess', en: 'Police reports and criminal process' },
  nsp: { sv: 'Nationella stödprogrammet (NSP)', en: 'National support programme (NSP)' },
  amp: { sv: 'Återvändandeprogrammet (ÅMP)', en: 'Return programme (ÅMP)' },
  compensation: { sv: 'Ersättning', en: 'Compensation' },
  supportPlans: { sv: 'Stödplaner', en: 'Support plans' },
  sharedWith: { sv: 'Delat med', en: 'Shared with' },
  groups: { sv: 'Gruppärenden', en: 'Group operations' },
  notes: { sv: 'Anteckningar', en: 'Notes' },
  accessLog: { sv: 'Vilka som har läst eller ändrat uppgifterna', en: 'Who read or changed the data' },
  accessLogNote: {
    sv: 'Förteckningen visar tid, åtgärd och organisation. Enskilda handläggares namn visas inte.',
    en: 'The list shows time, action and organisation. Individual officers are not named.',
  },
  retention: { sv: 'Hur länge uppgifterna sparas', en: 'How long the data are kept' },
  rights: {
    sv: 'Du har rätt att begära rättelse av felaktiga uppgifter och att klaga hos Integritetsskyddsmyndigheten (IMY).',
    en: 'You have the right to ask for incorrect data to be corrected and to complain to the Swedish Authority for Privacy Protection (IMY).',
  },
  at: { sv: 'Tid', en: 'Time' },
  date: { sv: 'Datum', en: 'Date' },
  kind: { sv: 'Typ', en: 'Kind' },
  details: { sv: 'Uppgifter', en: 'Details' },
  from: { sv: 'Från', en: 'From' },
  until: { sv: 'Till', en: 'Until' },
  returnCountry: { sv: 'Återvändandeland', en: 'Country of return' },
  action: { sv: 'Åtgärd', en: 'Action' },
  outcome: { sv: 'Utfall', en: 'Outcome' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  system: { sv: 'Lots (automatiskt)', en: 'Lots (automatic)' },
  none: { sv: 'Inga.', en: 'None.' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  page: { sv: 'Sida', en: 'Page' },
  of: { sv: 'av', en: 'of' },
} as const;

export type Word = keyof typeof WORDS;

export function word(w: Word, lang: Lang): string {
  return WORDS[w][lang];
}

const OUTCOMES: Record<string, { sv: string; en: string }> = {
  ok: { sv: 'utförd', en: 'done' },
  denied: { sv: 'nekad', en: 'refused' },
  not_found: { sv: 'hittades inte', en: 'not found' },
  failed: { sv: 'misslyckades', en: 'failed' },
};

export function outcomeLabel(outcome: string, lang: Lang): string {
  return OUTCOMES[outcome]?.[lang] ?? outcome;
}

/** Audit actions in words: the verb of the action, with the code as a fallback. */
const ACTION_VERBS: Record<string, { sv: string; en: string }> = {
  read: { sv: 'läste', en: 'read' },
  list: { sv: 'listade', en: 'listed' },
  create: { sv: 'registrerade', en: 'recorded' },
  update: { sv: 'ändrade', en: 'changed' },
  record: { sv: 'registrerade', en: 'recorded' },
  send: { sv: 'skickade', en: 'sent' },
  assess: { sv: 'bedömde', en: 'assessed' },
  close: { sv: 'avslutade', en: 'closed' },
  access_report: { sv: 'framställde registerutdrag', en: 'produced an access report' },
  erase_case: { sv: 'gallrade ärendet', en: 'erased the case' },
  erase_person: { sv: 'gallrade personuppgifterna', en: 'erased the identity' },
};

export function actionLabel(action: string, lang: Lang): string {
  const [resource, verb] = action.split('.') as [string, string | undefined];
  const v = verb ? ACTION_VERBS[verb] : undefined;
  return v ? `${v[lang]} (${resource})` : action;
}

/** A retention rule in words. */
export function retentionLabel(applies: string, years: number, lang: Lang): string {
  const n = lang === 'sv' ? `${years} år` : `${years} year${years === 1 ? '' : 's'}`;
  if (applies === 'closed') return lang === 'sv' ? `Avslutade ärenden: personuppgifterna gallras ${n} efter avslutet.` : `Closed cases: personal data are erased ${n} after closure.`;
  if (applies === 'no_reason_to_assume') {
    return lang === 'sv'
      ? `Ärenden där det inte fanns anledning att anta människohandel eller exploatering: personuppgifterna gallras ${n} efter bedömningen.`
      : `Cases with no reason to assume trafficking or exploitation: personal data are erased ${n} after the assessment.`;
  }
  return `${applies}: ${n}`;
}

const EVENT_KINDS: Record<string, { sv: string; en: string }> = {
  referral_received: { sv: 'hänvisning mottagen', en: 'referral received' },
  information_added: { sv: 'uppgift tillagd', en: 'information added' },
  updated: { sv: 'ändrat', en: 'changed' },
  transferred: { sv: 'flyttat till annan region', en: 'transferred to another region' },
  assessment_started: { sv: 'bedömning påbörjad', en: 'assessment started' },
  assessed: { sv: 'bedömt', en: 'assessed' },
  reassessment_opened: { sv: 'ny bedömning påbörjad', en: 'reassessment opened' },
  support_started: { sv: 'stöd påbörjat', en: 'support started' },
  support_plan: { sv: 'stödplan', en: 'support plan' },
  closed: { sv: 'avslutat', en: 'closed' },
  reopened: { sv: 'återöppnat', en: 'reopened' },
  assigned: { sv: 'handläggare utsedd', en: 'officer assigned' },
  consent_recorded: { sv: 'samtycke registrerat', en: 'consent recorded' },
  referral_sent: { sv: 'hänvisning skickad', en: 'referral sent' },
  permit_applied: { sv: 'tillstånd sökt', en: 'permit applied for' },
  police_report_recorded: { sv: 'polisanmälan registrerad', en: 'police report recorded' },
  nsp_enrolled: { sv: 'inskriven i NSP', en: 'enrolled in NSP' },
  amp_applied: { sv: 'ansökan till ÅMP', en: 'applied to ÅMP' },
  compensation_filed: { sv: 'ersättning sökt', en: 'compensation claimed' },
  group_joined: { sv: 'del av gruppärende', en: 'joined a group operation' },
  imported: { sv: 'importerat', en: 'imported' },
};

export function eventKindLabel(kind: string, lang: Lang): string {
  return EVENT_KINDS[kind]?.[lang] ?? kind.replace(/_/g, ' ');
}
