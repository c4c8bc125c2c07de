import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api, setCsrfToken } from "./api/client.js";
import type { Me, Role, Settings } from "./api/types.js";

interface SessionState {
  readonly me: Me | undefined;
  readonly settings: Settings;
  readonly loading: boolean;
  signIn(key: string): Promise<void>;
  signOut(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  can(role: Role): boolean;
}

const ORDER: readonly Role[] = ["viewer", "analyst", "admin"];
const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** Who is signed in (cookie session, or local mode), their role and their settings. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>();
  const [settings, setSettings] = useState<Settings>({ blurPhotos: true });
  const [loading, setLoading] = useState(true);

  // The pages render as soon as the user is known; settings follow (photos stay blurred meanwhile,
  // which is the safe default).
  const adopt = useCallback(async (who: Me | undefined) => {
    setCsrfToken(who?.csrfToken);
    setMe(who);
    if (who) void api.get<Settings>("/v1/me/settings").then(setSettings, () => undefined);
  }, []);

  useEffect(() => {
    api
      .get<Me>("/v1/session")
      .then(adopt, (error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      })
      .finally(() => setLoading(false));
  }, [adopt]);

  const value: SessionState = {
    me,
    settings,
    loading,
    async signIn(key) {
      await adopt(await api.post<Me>("/v1/session", { key }));
    },
    async signOut() {
      await api.del("/v1/session");
      await adopt(undefined);
    },
    async saveSettings(next) {
      setSettings(await api.put<Settings>("/v1/me/settings", next));
    },
    can(role) {
      return me !== undefined && ORDER.indexOf(me.user.role) >= ORDER.indexOf(role);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
