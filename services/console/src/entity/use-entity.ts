import { useEffect, useState } from "react";
import { api } from "../api/client.js";
import type { EntityDetail, EntityOverview } from "../api/types.js";

/** An entity's detail (links with evidence, places, photos) and overview (ads, contacts, decisions). */
export function useEntity(id: string): {
  detail?: EntityDetail;
  overview?: EntityOverview;
  error?: unknown;
  reload: () => void;
} {
  const [state, setState] = useState<{ detail?: EntityDetail; overview?: EntityOverview; error?: unknown }>({});
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    const path = `/v1/entities/${encodeURIComponent(id)}`;
    Promise.all([api.get<EntityDetail>(path), api.get<EntityOverview>(`${path}/overview`)]).then(
      ([detail, overview]) => current && setState({ detail, overview }),
      (error: unknown) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [id, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}
