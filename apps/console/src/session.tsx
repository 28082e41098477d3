import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { consoleClient, type ApiClient, type DevTokenView } from './api';
import type { Session } from './token';

export type { Session };
export { sessionFromToken } from './token';

interface SessionApi {
  session: Session | null;
  /** The user signed out (rather than the token being refused): the next one starts at their own work, not the last page. */
  signedOut: boolean;
  api: ApiClient;
  signIn(s: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionApi | null>(null);
// Per tab: a pasted token is not left behind on a shared computer.
const KEY = 'zhifa.console.session';

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function sessionFromDevUser(u: DevTokenView): Session {
  return { token: u.token, userId: u.userId, name: u.name, username: u.username, roles: u.roles, via: 'dev' };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);
  const [signedOut, setSignedOut] = useState(false);
  const current = useRef(session);
  current.current = session;
  const queries = useQueryClient();

  const end = useCallback(
    (deliberate: boolean) => {
      sessionStorage.removeItem(KEY);
      setSession(null);
      setSignedOut(deliberate);
      queries.clear();
    },
    [queries],
  );
  const signOut = useCallback(() => end(true), [end]);
  const refused = useCallback(() => end(false), [end]);
  const signIn = useCallback(
    (s: Session) => {
      queries.clear();
      sessionStorage.setItem(KEY, JSON.stringify(s));
      setSession(s);
      setSignedOut(false);
    },
    [queries],
  );
  // A 401 (expired or foreign token) ends the session; the sign-in screen then returns the user to where they were.
  const api = useMemo(() => consoleClient(() => current.current?.token ?? '', refused), [refused]);
  const value = useMemo(() => ({ session, signedOut, api, signIn, signOut }), [session, signedOut, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
