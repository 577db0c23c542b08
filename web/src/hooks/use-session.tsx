// Who is signed in. Loads the session once, keeps the CSRF token with the API client, and drops
// back to "signed out" whenever the server answers 401 (an expired or revoked session).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../api.js';
import type { Abilities, Session } from '../api-types.js';
import { isMfaPending, type MfaPending } from '../api-types-sign-in.js';

export type SessionState = { status: 'loading' } | { status: 'signed_out'; error?: ApiError } | { status: 'signed_in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** A session, or a sign-in that waits for the second factor (its CSRF token is kept for that step). */
  signIn: (username: string, password: string) => Promise<Session | MfaPending>;
  /** Takes a session handed out by the second factor, single sign-on or a new authenticator. */
  acceptSession: (session: Session) => Session;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed_in', session });
    return session;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setUnauthorizedHandler(() => {
      setCsrfToken('');
      setState({ status: 'signed_out' });
    });
    api
      .get<Session>('/auth/session', { expectUnauthorized: true, signal: controller.signal })
      .then(accept)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'signed_out', error: error instanceof ApiError && error.status !== 401 ? error : undefined });
      });
    return () => {
      controller.abort();
      setUnauthorizedHandler(null);
    };
  }, [accept]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const answer = await api.post<Session | MfaPending>('/auth/login', { username, password }, { expectUnauthorized: true });
      if (isMfaPending(answer)) {
        setCsrfToken(answer.csrfToken);
        return answer;
      }
      return accept(answer);
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post<undefined>('/auth/logout', {}, { expectUnauthorized: true });
    } finally {
      setCsrfToken('');
      setState({ status: 'signed_out' });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, acceptSession: accept, signOut }), [state, signIn, accept, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionState outside SessionProvider');
  return value;
}

/** The signed-in session; only for pages behind RequireSession. */
export function useSession(): Session {
  const { state } = useSessionState();
  if (state.status !== 'signed_in') throw new Error('useSession without a signed-in session');
  return state.session;
}

export type Ability = keyof Abilities;
