import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en.js";
import { es } from "./locales/es.js";

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

const stored = localStorage.getItem("nexus.language");
const initial: Language =
  stored === "es" || stored === "en" ? stored : navigator.language.startsWith("es") ? "es" : "en";

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: initial,
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});
document.documentElement.lang = initial;

export function setLanguage(language: Language): void {
  localStorage.setItem("nexus.language", language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export const formatDate = (iso: string | undefined): string =>
  iso ? new Date(iso).toLocaleDateString(i18next.language, { year: "numeric", month: "short", day: "numeric" }) : "—";
