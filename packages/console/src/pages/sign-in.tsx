import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../session.js";

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    signIn(key).catch((thrown: unknown) => setError(thrown instanceof Error ? thrown.message : String(thrown)));
  };
  return (
    <section className="signin">
      <h1>{t("signIn.title")}</h1>
      <form onSubmit={submit}>
        <label htmlFor="api-key">{t("signIn.key")}</label>
        <input
          id="api-key"
          type="password"
          autoComplete="current-password"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          required
        />
        <button type="submit">{t("signIn.submit")}</button>
      </form>
      <p className="help">{t("signIn.help")}</p>
      {error && (
        <p role="alert" className="error">
          {t("signIn.failed", { message: error })}
        </p>
      )}
    </section>
  );
}
