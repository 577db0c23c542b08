// Indicator checklists per form of exploitation, used in the assessment form. Each indicator
// cites where it comes from; the wording is our own summary, not a quotation.
//
// Sources:
//  ILO-FL   ILO, "ILO Indicators of Forced Labour" (Special Action Programme to Combat Forced
//           Labour, 2012): the eleven indicators.
//  ILO-OP   ILO and European Commission, "Operational indicators of trafficking in human beings"
//           (Delphi survey, 2009): indicators of deceptive/coercive recruitment, exploitation and
//           abuse of vulnerability, for labour and sexual exploitation of adults and children.
//  OSCE-NRM OSCE/ODIHR, "National Referral Mechanisms – Joining Efforts to Protect the Rights of
//           Trafficked Persons: A Practical Handbook", 2nd ed. (2022), identification chapter and
//           its list of indicators.
//  UNODC    UNODC, "Human Trafficking Indicators" (general indicators and the lists for domestic
//           servitude, sexual exploitation, labour exploitation, begging and petty crime).
//  FM-SE    Swedish Gender Equality Agency / NSPM, "Manual vid misstanke om människohandel",
//           and the Swedish definition of forced marriage (Penal Code ch. 4 § 4 c).
import type { Lang } from '../codelists/codelist.js';

export type IndicatorForm = 'general' | 'sexual' | 'labour' | 'criminal' | 'begging' | 'domestic_work' | 'forced_marriage';

export interface Indicator {
  id: string;
  form: IndicatorForm;
  sv: string;
  en: string;
  source: string;
}

const I = (id: string, form: IndicatorForm, sv: string, en: string, source: string): Indicator => ({ id, form, sv, en, source });

export const INDICATORS: readonly Indicator[] = [
  // General: any form
  I('gen.documents_withheld', 'general', 'Pass eller id-handlingar hålls inne av någon annan', 'Passport or identity documents held by someone else', 'ILO-FL 7 (retention of identity documents); UNODC general'),
  I('gen.debt_bondage', 'general', 'Skuld till rekryterare eller arbetsgivare som inte går att betala av', 'Debt to a recruiter or employer that cannot be paid off', 'ILO-FL 9 (debt bondage); ILO-OP coercion'),
  I('gen.restricted_movement', 'general', 'Får inte röra sig fritt eller lämna boende/arbetsplats', 'Not free to move or to leave housing/workplace', 'ILO-FL 3 (restriction of movement); UNODC general'),
  I('gen.isolation', 'general', 'Isolerad: saknar kontakt med familj, omvärld eller språk', 'Isolated from family, community or language', 'ILO-FL 4 (isolation); OSCE-NRM'),
  I('gen.violence_threats', 'general', 'Våld, hot eller hot mot familjen', 'Violence, threats, or threats against family', 'ILO-FL 5–6 (physical and sexual violence; intimidation and threats)'),
  I('gen.deceived_recruitment', 'general', 'Vilseledd om arbetet, villkoren eller resan vid rekryteringen', 'Deceived about the work, conditions or journey when recruited', 'ILO-FL 2 (deception); ILO-OP deceptive recruitment'),
  I('gen.abuse_of_vulnerability', 'general', 'Utsatt situation utnyttjas (uppehållsstatus, fattigdom, beroende, funktionsnedsättning)', 'Vulnerable situation exploited (residence status, poverty, dependency, disability)', 'ILO-FL 1 (abuse of vulnerability); ILO-OP abuse of vulnerability'),
  I('gen.fear_of_authorities', 'general', 'Rädd för myndigheter eller instruerad vad hen ska säga', 'Afraid of authorities or coached on what to say', 'UNODC general; OSCE-NRM'),
  I('gen.controlled_communication', 'general', 'Annan person talar för hen eller kontrollerar telefonen', 'Someone else speaks for the person or controls their phone', 'UNODC general; OSCE-NRM'),
  // Sexual exploitation
  I('sex.no_control_earnings', 'sexual', 'Behåller inte eller bara en liten del av inkomsten', 'Keeps none or only a small part of the earnings', 'UNODC sexual exploitation; ILO-OP'),
  I('sex.moved_between_places', 'sexual', 'Flyttas ofta mellan städer, lägenheter eller länder', 'Moved often between cities, flats or countries', 'UNODC sexual exploitation'),
  I('sex.advertised_online', 'sexual', 'Annonseras på eskort- eller sugardejtingsidor av någon annan', 'Advertised on escort or sugar-dating sites by someone else', 'OSCE-NRM; NSPM annual report (arenas)'),
  I('sex.forced_acts', 'sexual', 'Tvingas till sexuella handlingar eller utan skydd', 'Forced into sexual acts or to have sex without protection', 'ILO-OP sexual exploitation; UNODC'),
  I('sex.lives_at_workplace', 'sexual', 'Bor där sexuella handlingar utförs (t.ex. massagesalong)', 'Lives where sexual acts are performed (e.g. a massage parlour)', 'UNODC sexual exploitation'),
  I('sex.child_in_prostitution', 'sexual', 'Barn under 18 som utnyttjas i sexuella syften', 'Child under 18 exploited for sexual purposes', 'ILO-OP (children); Palermo Protocol art. 3(c)'),
  // Labour exploitation
  I('lab.wages_withheld', 'labour', 'Lön hålls inne, uteblir eller är långt under avtal', 'Wages withheld, unpaid or far below agreed', 'ILO-FL 8 (withholding of wages)'),
  I('lab.excessive_hours', 'labour', 'Orimligt långa arbetsdagar utan vila eller lediga dagar', 'Excessive hours without rest or days off', 'ILO-FL 11 (excessive overtime)'),
  I('lab.abusive_conditions', 'labour', 'Farliga eller förnedrande arbets- och boendeförhållanden', 'Dangerous or degrading working and living conditions', 'ILO-FL 10 (abusive working and living conditions)'),
  I('lab.housing_by_employer', 'labour', 'Boende ordnat av arbetsgivaren med avdrag eller skuld', 'Housing arranged by the employer against deductions or debt', 'ILO-OP labour exploitation; UNODC'),
  I('lab.no_contract', 'labour', 'Inget skriftligt avtal eller avtal på språk hen inte förstår', 'No written contract, or one in a language not understood', 'UNODC labour exploitation; OSCE-NRM'),
  I('lab.recruitment_fees', 'labour', 'Höga rekryterings- eller förmedlingsavgifter', 'High recruitment or placement fees', 'ILO-OP deceptive recruitment; OSCE-NRM'),
  I('lab.found_at_inspection', 'labour', 'Påträffad vid myndighetsgemensam kontroll (AKC/API)', 'Found at a joint agency inspection (AKC)', 'NSPM annual report 2024 (45 % of labour cases)'),
  // Criminal activities
  I('crim.forced_to_commit', 'criminal', 'Tvingas begå brott (stölder, narkotikahantering, bedrägerier)', 'Forced to commit crimes (theft, drug handling, fraud)', 'UNODC begging and petty crime; OSCE-NRM'),
  I('crim.proceeds_taken', 'criminal', 'Brottsvinsten tas av någon annan', 'Proceeds of crime taken by someone else', 'UNODC begging and petty crime'),
  I('crim.child_recruited', 'criminal', 'Barn rekryterat till kriminalitet av äldre personer', 'Child recruited into crime by older people', 'ILO-OP (children); OSCE-NRM'),
  I('crim.punished_for_failure', 'criminal', 'Straffas om kvoter inte uppfylls', 'Punished for not meeting quotas', 'UNODC begging and petty crime'),
  // Begging
  I('beg.transported_daily', 'begging', 'Körs till och från tiggarplatsen av andra', 'Driven to and from the begging spot by others', 'UNODC begging and petty crime'),
  I('beg.money_handed_over', 'begging', 'Lämnar över pengarna till någon annan', 'Hands the money over to someone else', 'UNODC begging and petty crime'),
  I('beg.disability_exploited', 'begging', 'Funktionsnedsättning eller barn används för att väcka medlidande', 'Disability or children used to draw sympathy', 'UNODC begging; ILO-OP abuse of vulnerability'),
  I('beg.supervised', 'begging', 'Övervakas av andra under tiggeriet', 'Watched by others while begging', 'UNODC begging and petty crime'),
  // Domestic work
  I('dom.lives_with_employer', 'domestic_work', 'Bor hos arbetsgivaren utan eget rum eller privatliv', 'Lives with the employer without own room or privacy', 'UNODC domestic servitude'),
  I('dom.never_leaves_house', 'domestic_work', 'Lämnar sällan eller aldrig hushållet ensam', 'Rarely or never leaves the household alone', 'UNODC domestic servitude; ILO-FL 3'),
  I('dom.on_call', 'domestic_work', 'Tillgänglig dygnet runt, ingen ledighet', 'On call day and night, no time off', 'UNODC domestic servitude; ILO-FL 11'),
  I('dom.eats_leftovers', 'domestic_work', 'Får rester eller otillräcklig mat', 'Given leftovers or insufficient food', 'UNODC domestic servitude'),
  // Forced marriage
  I('fm.no_free_consent', 'forced_marriage', 'Äktenskapet ingicks utan fritt samtycke', 'Marriage entered without free consent', 'FM-SE (Penal Code ch. 4 § 4 c); Directive 2024/1712'),
  I('fm.child_marriage', 'forced_marriage', 'Gift eller lovad bort före 18 års ålder', 'Married or promised before the age of 18', 'FM-SE; OSCE-NRM'),
  I('fm.honour_control', 'forced_marriage', 'Hedersrelaterat våld eller förtryck kring äktenskapet', 'Honour-based violence or oppression around the marriage', 'FM-SE; NSPM manual'),
  I('fm.taken_abroad', 'forced_marriage', 'Förd utomlands eller hotad med det för att gifta sig', 'Taken abroad, or threatened with it, to be married', 'FM-SE (ch. 4 § 4 d, deception into travel)'),
  I('fm.exploited_in_marriage', 'forced_marriage', 'Utnyttjas i hushållsarbete eller sexuellt inom äktenskapet', 'Exploited for domestic work or sexually within the marriage', 'OSCE-NRM; Directive 2024/1712'),
];

export const INDICATOR_FORMS: readonly IndicatorForm[] = ['general', 'sexual', 'labour', 'criminal', 'begging', 'domestic_work', 'forced_marriage'];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function isIndicatorId(id: string): boolean {
  return BY_ID.has(id);
}

export function indicatorLabel(id: string, lang: Lang): string {
  const i = BY_ID.get(id);
  return i ? i[lang] : id;
}

export function indicatorsFor(form: IndicatorForm): Indicator[] {
  return INDICATORS.filter((i) => i.form === form);
}
