import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API serves the build (services/api/src/console/assets.ts); `npm run dev` proxies /v1 to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // The graph, map and chart libraries load with the entity page only (dynamic imports).
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { "/v1": "http://127.0.0.1:8080" } },
});
