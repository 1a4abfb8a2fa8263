import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // The API and its session cookie live on the server; proxying keeps them same-origin in development.
    proxy: { "/api": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // Two apps from one build: the staff UI and the client portal (served at /portal).
    rollupOptions: { input: { main: "index.html", portal: "portal.html" } },
  },
});
