// The case's events, newest first, each with what happened, when and by whom.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { POLICE_REGIONS } from '../../../domain/index.js';
import type { TimelineEvent } from '../api-types.js';
import { useLabels, type Labels } from '../hooks/use-labels.js';
import { formatDateTime } from '../format.js';
import { processEventDetail, processKindLabel } from './case/timeline-process.js';

function text(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function kindLabel(kind: string, t: TFunction): string {
  switch (kind) {
    case 'referral_received':
      return t('case.kindReferralReceived');
    case 'updated':
      return t('case.kindUpdated');
    case 'transferred':
      return t('case.kindTransferred');
    case 'information_added':
      return t('case.kindInformationAdded');
    case 'status_changed':
      return t('case.kindStatusChanged');
    case 'assessed':
      return t('case.kindAssessed');
    default:
      return processKindLabel(kind, t) ?? t('case.kindOther', { kind });
  }
}

function fieldLabel(field: string, t: TFunction): string {
  if (field === 'summary') return t('case.fieldSummary');
  if (field === 'exploitationForms' || field === 'exploitation_forms') return t('case.fieldForms');
  if (field === 'referralSource' || field === 'referral_source') return t('case.fieldSource');
  if (field.startsWith('person')) return t('case.fieldPerson');
  return field;
}

function EventDetails({ event, t, labels }: { event: TimelineEvent; t: TFunction; labels: Labels }) {
  const d = event.data;
  const region = (code: string | null) => (code === null ? '' : labels.label(POLICE_REGIONS, code));
  switch (event.kind) {
    case 'referral_received': {
      const to = text(d, 'region');
      return to ? <p>{t('case.eventRouted', { region: region(to), municipality: labels.municipality(text(d, 'municipalityCode')) })}</p> : null;
    }
    case 'transferred': {
      const from = text(d, 'from');
      const to = text(d, 'to');
      const reason = text(d, 'reason');
      return (
        <>
          {from && to ? <p>{t('case.eventFromTo', { from: region(from), to: region(to) })}</p> : null}
          {reason ? <p className="prewrap">{t('case.eventReason', { reason })}</p> : null}
        </>
      );
    }
    case 'updated': {
      const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : [];
      const names = [...new Set(fields.map((f) => fieldLabel(f, t)))];
      return names.length > 0 ? <p>{t('case.eventFields', { fields: names.join(', ') })}</p> : null;
    }
    case 'information_added': {
      const body = text(d, 'text');
      return body ? <p className="prewrap">{body}</p> : null;
    }
    default: {
      const detail = processEventDetail(event, t, labels);
      return detail ? <p>{detail}</p> : null;
    }
  }
}

export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const newestFirst = [...events].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));

  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('case.timelineHeading')}</h2>
      {newestFirst.length === 0 ? (
        <p>{t('case.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((event) => (
            <li key={event.id} className="timeline-event">
              <h3 className="timeline-kind">{kindLabel(event.kind, t)}</h3>
              <p className="timeline-meta">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {event.actorName ? (
                  <>
                    {' · '}
                    {event.actorOrganisation ? t('case.by', { name: event.actorName, organisation: event.actorOrganisation }) : event.actorName}
                  </>
                ) : null}
              </p>
              <EventDetails event={event} t={t} labels={labels} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
