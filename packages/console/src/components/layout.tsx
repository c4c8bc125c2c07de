import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { LANGUAGES, type Language, setLanguage } from "../i18n.js";
import { useSession } from "../session.js";

/** Header (navigation, language, user), then the page in <main>. Focus moves to <main> on navigation. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, signOut } = useSession();
  const location = useLocation();
  const first = useRef(true);
  // After a navigation inside the app, focus moves to the new page (as a page load would put it at
  // the top); on the first load the skip link stays the first Tab stop.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [location.pathname]);
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="top">
        <span className="brand">{t("app.name")}</span>
        {me && (
          <nav aria-label={t("nav.main")}>
            <NavLink to="/search">{t("nav.search")}</NavLink>
            <NavLink to="/why">{t("nav.why")}</NavLink>
            <NavLink to="/watches">{t("nav.watches")}</NavLink>
            <NavLink to="/generics">{t("nav.generics")}</NavLink>
            <NavLink to="/settings">{t("nav.settings")}</NavLink>
          </nav>
        )}
        <div className="who">
          <label>
            {t("app.language")}{" "}
            <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {language === "en" ? "English" : "Español"}
                </option>
              ))}
            </select>
          </label>
          {me && (
            <span>
              {me.mode === "local"
                ? t("app.localMode")
                : t("app.signedInAs", { name: me.user.name, role: me.user.role })}
            </span>
          )}
          {me && me.mode === "keys" && (
            <button type="button" onClick={() => void signOut()}>
              {t("app.signOut")}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function Status({ error, loading }: { error?: unknown; loading?: boolean }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p role="alert" className="error">
        {t("app.error", { message: error instanceof Error ? error.message : String(error) })}
      </p>
    );
  }
  return loading ? <p aria-live="polite">{t("app.loading")}</p> : null;
}
