// The access report as a printable HTML document (Swedish or English), for Chromium to turn
// into a PDF. Every value passes through the escaping `html` tag; the document also forbids
// scripts and every fetch in its own CSP, so even a mistake here could not run or load anything.
import type { Lang } from '../../../domain/codelists/codelist.js';
import { html, type SafeHtml } from './html.js';
import { actionLabel, codeLabel, eventKindLabel, outcomeLabel, retentionLabel, word, type CodeList, type Word } from './access-report.labels.js';
import type { AccessReport, CaseReportView } from './access-report.schema.js';

type Org = { name: string } | null;
type Cell = SafeHtml | string | number | null;

const STYLE = `
  @page { size: A4; margin: 18mm 16mm 20mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; line-height: 1.35; }
  h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 16pt 0 4pt; border-bottom: 1px solid #999; }
  h3 { font-size: 11pt; margin: 12pt 0 3pt; } h4 { font-size: 10pt; margin: 8pt 0 2pt; }
  table { border-collapse: collapse; width: 100%; margin: 2pt 0 6pt; page-break-inside: auto; }
  th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #eee; font-weight: 600; } td:first-child { white-space: nowrap; } tr { page-break-inside: avoid; }
  dl { display: grid; grid-template-columns: 38% 62%; margin: 0; } dt { font-weight: 600; } dd { margin: 0 0 2pt; white-space: pre-wrap; overflow-wrap: anywhere; }
  .muted { color: #555; } .text { white-space: pre-wrap; overflow-wrap: anywhere; }
`;

function fields(lang: Lang, rows: [Word, Cell][]): SafeHtml {
  return html`<dl>${rows.map(([w, v]) => html`<dt>${word(w, lang)}</dt><dd>${v === null || v === '' ? '–' : v}</dd>`)}</dl>`;
}

function table(lang: Lang, heads: Word[], rows: Cell[][]): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${word('none', lang)}</p>`;
  return html`<table><thead><tr>${heads.map((h) => html`<th>${word(h, lang)}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c) => html`<td>${c === null || c === '' ? '–' : c}</td>`)}</tr>`,
  )}</tbody></table>`;
}

const list = (lang: Lang, l: CodeList, codes: readonly string[]) => (codes.length ? codes.map((c) => codeLabel(l, c, lang)).join(', ') : null);
const org = (o: Org) => o?.name ?? null;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const text = (s: string | null) => (s ? html`<span class="text">${s}</span>` : null);

/** An event in words: its kind, then its details without internal ids. */
function eventText(kind: string, data: Record<string, unknown>, lang: Lang): SafeHtml {
  const details = Object.entries(data)
    .filter(([k]) => !/id$/i.test(k))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
  return html`<strong>${eventKindLabel(kind, lang)}</strong>${details.length ? html`<br><span class="text">${details.join('\n')}</span>` : ''}`;
}

function section(lang: Lang, w: Word, body: SafeHtml): SafeHtml {
  return html`<h4>${word(w, lang)}</h4>${body}`;
}

function caseSection(c: CaseReportView, lang: Lang): SafeHtml {
  const yn = (b: boolean | null) => (b === null ? null : word(b ? 'yes' : 'no', lang));
  return html`<section><h3>${word('case', lang)} ${c.ref}</h3>
    ${fields(lang, [
      ['region', codeLabel('region', c.region, lang)],
      ['municipality', c.municipality ? `${c.municipality.name ?? ''} (${c.municipality.code})` : null],
      ['status', codeLabel('status', c.status, lang)],
      ['source', codeLabel('source', c.referralSource, lang)],
      ['referredOn', c.referredOn],
      ['assessedOn', c.assessedOn],
      ['closedOn', c.closedOn],
      ['closureReason', c.closureReason ? codeLabel('closureReason', c.closureReason, lang) : null],
      ['forms', list(lang, 'form', c.exploitationForms)],
      ['sector', c.labourSector ? codeLabel('sector', c.labourSector, lang) : null],
      ['referringOrganisation', org(c.referringOrganisation)],
      ['responsibleOrganisation', org(c.responsibleOrganisation)],
      ['summary', text(c.summary)],
      ['erasedAt', c.erasedAt ? when(c.erasedAt) : null],
    ])}
    ${section(lang, 'timeline', table(lang, ['at', 'kind', 'organisation'], c.timeline.map((e) => [when(e.at), eventText(e.kind, e.data, lang), org(e.organisation)])))}
    ${section(lang, 'assessments', table(lang, ['date', 'decision', 'legalBasis', 'forms', 'ageAtAssessment', 'reasons'], c.assessments.map((a) => [
      a.assessedOn,
      `${codeLabel('status', a.decision, lang)}${a.current ? '' : ` (${word('superseded', lang)})`}`,
      a.legalBasis ? codeLabel('legalBasis', a.legalBasis, lang) : null,
      html`${list(lang, 'form', a.exploitationForms) ?? '–'}<br>${word('acts', lang)}: ${list(lang, 'act', a.acts) ?? '–'}<br>${word('means', lang)}: ${list(lang, 'means', a.means) ?? '–'}<br>${word('purposes', lang)}: ${list(lang, 'purpose', a.purposes) ?? '–'}<br>${word('indicators', lang)}: ${list(lang, 'indicator', a.indicators) ?? '–'}`,
      a.ageAtAssessment,
      text(a.reasons),
    ])))}
    ${section(lang, 'consents', table(lang, ['date', 'kind', 'organisation', 'status', 'details'], c.consents.map((x) => [x.recordedOn, codeLabel('referralPurpose', x.purpose, lang), org(x.recipient), codeLabel('consent', x.status, lang), text(x.note)])))}
    ${section(lang, 'referrals', table(lang, ['date', 'kind', 'organisation', 'status', 'details'], c.referrals.map((r) => [
      r.sentOn, codeLabel('referralPurpose', r.purpose, lang), `${org(r.from) ?? '–'} → ${org(r.to) ?? '–'}`, codeLabel('referralStatus', r.status, lang), text([r.message, r.declineReason, r.withdrawReason].filter(Boolean).join('\n')),
    ])))}
    ${section(lang, 'permits', table(lang, ['date', 'kind', 'organisation', 'decision', 'details'], c.permits.map((p) => [
      p.submittedOn, codeLabel('permitKind', p.kind, lang), `${org(p.applicant) ?? '–'} (${codeLabel('applicant', p.applicantKind, lang)})`,
      `${p.decision}${p.decidedOn ? ` ${p.decidedOn}` : ''}${p.validUntil ? ` → ${p.validUntil}` : ''}${p.extensions.map((e) => `, +${e.validUntil}`).join('')}`, text(p.note),
    ])))}
    ${section(lang, 'policeReports', table(lang, ['date', 'kind', 'details', 'decision'], c.policeReports.map((p) => [
      p.reportedOn, codeLabel('classification', p.classification, lang), p.policeRef,
      `${codeLabel('prosecution', p.prosecutionDecision, lang)}${p.judgmentOutcome ? `; ${codeLabel('judgment', p.judgmentOutcome, lang)}` : ''}; ${yn(p.injuredParty)}`,
    ])))}
    ${section(lang, 'nsp', table(lang, ['date', 'closedOn', 'kind'], c.nsp.map((n) => [n.enrolledOn, n.endedOn, list(lang, 'nspType', n.supportTypes)])))}
    ${section(lang, 'amp', table(lang, ['date', 'decision', 'returnCountry'], c.amp.map((a) => [a.appliedOn, `${codeLabel('ampDecision', a.decision, lang)}${a.decidedOn ? ` ${a.decidedOn}` : ''}`, a.returnCountry ? codeLabel('country', a.returnCountry, lang) : null])))}
    ${section(lang, 'compensation', table(lang, ['date', 'kind', 'decision'], c.compensation.map((x) => [x.filedOn, codeLabel('compensationKind', x.kind, lang), `${codeLabel('compensationDecision', x.decision, lang)}${x.amountAwardedSek !== null ? ` ${x.amountAwardedSek} SEK` : ''}`])))}
    ${section(lang, 'supportPlans', table(lang, ['at', 'kind', 'details'], c.supportPlans.map((p) => [when(p.createdAt), list(lang, 'need', p.needs), text(p.plan)])))}
    ${section(lang, 'sharedWith', table(lang, ['organisation', 'kind', 'from', 'until'], c.sharedWith.map((s) => [org(s.organisation), codeLabel('referralPurpose', s.purpose, lang), when(s.from), s.until ? when(s.until) : null])))}
    ${section(lang, 'notes', table(lang, ['at', 'organisation', 'details'], c.notes.map((n) => [when(n.at), org(n.organisation), text(n.text)])))}
    ${c.groups.length ? section(lang, 'groups', table(lang, ['kind', 'at'], c.groups.map((g) => [g.name, when(g.joinedAt)]))) : ''}
  </section>`;
}

export function renderAccessReportHtml(report: AccessReport, lang: Lang): string {
  const p = report.person;
  const doc = html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${word('title', lang)} – Lots</title><style>${STYLE}</style></head><body>
<h1>${word('title', lang)}</h1>
<p>${word('intro', lang)}</p>
${fields(lang, [['producedAt', when(report.producedAt)], ['producedBy', report.producedBy.organisation]])}
<h2>${word('person', lang)}</h2>
${fields(lang, [
  ['givenNames', p.givenNames],
  ['familyNames', p.familyNames],
  ['aliases', p.aliases.join(', ')],
  ['sex', codeLabel('sex', p.sex, lang)],
  ['birthDate', p.birthDate],
  ['birthYear', p.birthYear],
  ['estimatedAge', p.estimatedAge === null ? null : `${p.estimatedAge}${p.estimatedAgeOn ? ` (${p.estimatedAgeOn})` : ''}`],
  ['citizenships', list(lang, 'country', p.citizenships)],
  ['protectedIdentity', word(p.protectedIdentity ? 'yes' : 'no', lang)],
  ['recordedBy', org(p.recordedBy)],
  ['erasedAt', p.erasedAt ? when(p.erasedAt) : null],
])}
<h2>${word('cases', lang)}</h2>
${report.cases.length ? report.cases.map((c) => caseSection(c, lang)) : html`<p>${word('noCases', lang)}</p>`}
<h2>${word('accessLog', lang)}</h2>
<p class="muted">${word('accessLogNote', lang)}</p>
${table(lang, ['at', 'action', 'outcome', 'organisation', 'case'], report.accessLog.map((a) => [when(a.at), actionLabel(a.action, lang), outcomeLabel(a.outcome, lang), a.organisation?.name ?? word('system', lang), a.caseRef]))}
<h2>${word('retention', lang)}</h2>
<ul>${report.retention.map((r) => html`<li>${retentionLabel(r.applies, r.years, lang)}</li>`)}</ul>
<p>${word('rights', lang)}</p>
</body></html>`;
  return doc.value;
}
