import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Status } from "../components/layout.js";
import { useSession } from "../session.js";

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, saveSettings } = useSession();
  const [blur, setBlur] = useState(settings.blurPhotos);
  // The settings arrive just after the page can render; follow them until the user edits.
  useEffect(() => setBlur(settings.blurPhotos), [settings.blurPhotos]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <section>
      <h1>{t("settings.title")}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          saveSettings({ ...settings, blurPhotos: blur }).then(() => setSaved(true), setError);
        }}
      >
        <label>
          <input type="checkbox" checked={blur} onChange={(e) => setBlur(e.target.checked)} /> {t("settings.blur")}
        </label>
        <button type="submit">{t("settings.save")}</button>
      </form>
      <Status error={error} />
      {saved && <p role="status">{t("settings.saved")}</p>}
    </section>
  );
}
