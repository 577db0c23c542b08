// A case status as a coloured label. The colour only supports the text, which always says it.
import { CASE_STATUSES } from '../../../domain/index.js';
import { useLabels } from '../hooks/use-labels.js';

export function StatusBadge({ status }: { status: string }) {
  const { cap } = useLabels();
  return <span className={`badge badge-${status.replace(/[^a-z_]/g, '')}`}>{cap(CASE_STATUSES, status)}</span>;
}
