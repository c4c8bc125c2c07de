import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { Layout, Status } from "./components/layout.js";
import { AdPage } from "./pages/ad.js";
import { SearchPage } from "./pages/search.js";
import { SignInPage } from "./pages/sign-in.js";
import { SessionProvider, useSession } from "./session.js";

// Everything past search and the ad page loads on demand: the graph, map and chart libraries
// stay out of the first page's bundle.
// Opened on an entity's URL, its code and data start loading now, beside the sign-in check.
const entityPath = /^\/entities\/([^/]+)$/.exec(window.location.pathname);
if (entityPath?.[1]) {
  const id = decodeURIComponent(entityPath[1]);
  void import("./entity/use-entity.js").then((m) => m.prefetchEntity(id));
  void import("./entity/entity-page.js");
}

const EntityPage = lazy(() => import("./entity/entity-page.js").then((m) => ({ default: m.EntityPage })));
const CaseSummary = lazy(() => import("./entity/case-summary.js").then((m) => ({ default: m.CaseSummary })));
const WhyPage = lazy(() => import("./pages/why.js").then((m) => ({ default: m.WhyPage })));
const WatchesPage = lazy(() => import("./pages/watches.js").then((m) => ({ default: m.WatchesPage })));
const GenericsPage = lazy(() => import("./pages/generics.js").then((m) => ({ default: m.GenericsPage })));
const SettingsPage = lazy(() => import("./pages/settings.js").then((m) => ({ default: m.SettingsPage })));

function Pages() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  if (loading) return <Status loading />;
  if (!me) return <SignInPage />;
  return (
    <Suspense fallback={<Status loading />}>
      <Routes>
        <Route path="/" element={<Navigate to="/search" replace />} />
        <Route path="/signin" element={<Navigate to="/search" replace />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/ads/:id" element={<AdPage />} />
        <Route path="/entities/:id" element={<EntityPage />} />
        <Route path="/entities/:id/summary" element={<CaseSummary />} />
        <Route path="/why" element={<WhyPage />} />
        <Route path="/watches" element={<WatchesPage />} />
        <Route path="/generics" element={<GenericsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="*" element={<p>{t("app.notFound")}</p>} />
      </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Layout>
          <Pages />
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  );
}
