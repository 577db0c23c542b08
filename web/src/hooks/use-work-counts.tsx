// Overdue counts for the navigation badges: unanswered referrals past their respond-by date in
// the organisation's inbox, and the organisation's overdue tasks. Read once per sign-in and again
// whenever a page changes something that moves them (refresh); each read is audited by the
// server like any other, so the badges do not poll.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api.js';
import type { InboxItem, Task } from '../api-types-process.js';
import type { Page } from '../api-types.js';
import { workAbilities } from '../work-abilities.js';
import { useSessionState } from './use-session.js';

export interface WorkCounts {
  inboxOverdue: number | null;
  tasksOverdue: number | null;
  refresh: () => void;
}

const WorkCountsContext = createContext<WorkCounts>({ inboxOverdue: null, tasksOverdue: null, refresh: () => undefined });

export function WorkCountsProvider({ children }: { children: ReactNode }) {
  const { state } = useSessionState();
  const session = state.status === 'signed_in' ? state.session : null;
  const [loaded, setLoaded] = useState<{ key: string; inbox: number | null; tasks: number | null } | null>(null);
  const [generation, setGeneration] = useState(0);
  const key = session ? `${session.user.id}#${generation}` : '';

  useEffect(() => {
    if (!session) return;
    const can = workAbilities(session);
    const controller = new AbortController();
    const signal = controller.signal;
    const overdue = (items: { overdue: boolean }[]) => items.filter((i) => i.overdue).length;
    void Promise.all([
      can.inbox ? api.get<Page<InboxItem>>('/inbox?status=sent&pageSize=200', { signal }).then((p) => overdue(p.items), () => null) : Promise.resolve(null),
      can.tasks ? api.get<Page<Task>>('/tasks?scope=organisation&status=open&pageSize=200', { signal }).then((p) => overdue(p.items), () => null) : Promise.resolve(null),
    ]).then(([inbox, tasks]) => {
      if (!signal.aborted) setLoaded({ key, inbox, tasks });
    });
    return () => controller.abort();
  }, [session, key]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const current = loaded !== null && loaded.key.split('#')[0] === session?.user.id ? loaded : null;
  const value = useMemo(() => ({ inboxOverdue: current?.inbox ?? null, tasksOverdue: current?.tasks ?? null, refresh }), [current, refresh]);
  return <WorkCountsContext.Provider value={value}>{children}</WorkCountsContext.Provider>;
}

export function useWorkCounts(): WorkCounts {
  return useContext(WorkCountsContext);
}
