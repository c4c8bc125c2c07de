import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** A console user's preferences. Photos stay blurred until revealed unless a user turns that off. */
export interface UserSettings {
  readonly blurPhotos: boolean;
  readonly language?: "en" | "es";
}

export const DEFAULT_SETTINGS: UserSettings = { blurPhotos: true };

export interface SettingsStore {
  get(user: string): Promise<UserSettings>;
  put(user: string, settings: UserSettings): Promise<UserSettings>;
}

/** Settings per principal name, in one JSON file (written whole, then renamed: never half-written). */
export function createSettingsStore(file: string | undefined): SettingsStore {
  let cache: Record<string, UserSettings> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const load = async (): Promise<Record<string, UserSettings>> => {
    if (cache) return cache;
    try {
      cache = file ? (JSON.parse(await readFile(file, "utf8")) as Record<string, UserSettings>) : {};
    } catch {
      cache = {};
    }
    return cache;
  };
  return {
    async get(user) {
      return { ...DEFAULT_SETTINGS, ...(await load())[user] };
    },
    async put(user, settings) {
      const all = await load();
      all[user] = settings;
      if (file) {
        const snapshot = JSON.stringify(all, null, 2);
        writing = writing.then(async () => {
          await mkdir(dirname(file), { recursive: true });
          await writeFile(`${file}.tmp`, snapshot, { mode: 0o600 });
          await rename(`${file}.tmp`, file);
        });
        await writing;
      }
      return settings;
    },
  };
}
