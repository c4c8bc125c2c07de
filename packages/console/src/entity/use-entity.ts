import { useEffect, useMemo, useState } from "react";
import { api } from "../api/client.js";
import type { EntityDetail, EntityOverview } from "../api/types.js";

type Loaded = { detail: EntityDetail; overview: EntityOverview };

function load(id: string): Promise<Loaded> {
  const path = `/v1/entities/${encodeURIComponent(id)}`;
  return Promise.all([api.get<EntityDetail>(path), api.get<EntityOverview>(`${path}/overview`)]).then(
    ([detail, overview]) => ({ detail, overview }),
  );
}

// The app starts these as it boots on an entity URL, beside the sign-in check and the code.
const prefetched = new Map<string, Promise<Loaded>>();

/** Starts loading an entity before its page renders; a failure (say, not signed in yet) retries then. */
export function prefetchEntity(id: string): void {
  if (!prefetched.has(id)) prefetched.set(id, load(id));
}

function take(id: string): Promise<Loaded> {
  const early = prefetched.get(id);
  prefetched.delete(id);
  return early ? early.catch(() => load(id)) : load(id);
}

/** An entity's detail (links with evidence, places, photos) and overview (ads, contacts, decisions). */
export function useEntity(id: string): {
  detail?: EntityDetail;
  overview?: EntityOverview;
  error?: unknown;
  reload: () => void;
} {
  const [state, setState] = useState<{
    key?: string;
    detail?: EntityDetail;
    overview?: EntityOverview;
    error?: unknown;
  }>({});
  const [version, setVersion] = useState(0);
  const key = `${version}:${id}`;
  // Started during render, not in an effect: effects run only after the first paint, which on a
  // slow machine is hundreds of milliseconds the page would spend waiting for nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is id and version
  const pending = useMemo(() => (version === 0 ? take(id) : load(id)), [key]);
  useEffect(() => {
    let current = true;
    pending.then(
      (loaded) => current && setState({ key, ...loaded }),
      (error: unknown) => current && setState({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [pending, key]);
  const shown = state.key === key ? state : {};
  return { ...shown, reload: () => setVersion((v) => v + 1) };
}
