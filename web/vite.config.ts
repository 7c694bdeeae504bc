import { defineConfig } from "vite";
import preact from "@preact/preset-vite";

// Node global, declared here to avoid a dependency on @types/node.
declare const process: { env: Record<string, string | undefined> };

// CSS that belongs to one page; any other CSS chunk is shared by both pages.
const PAGE_CSS = new Set(["portal.css", "staff.css", "UsageChart.css"]);

// Two entries: the customer portal (index.html) and the staff console (staff.html).
// Output: dist/*.html plus content-hashed files under dist/assets/.
// In `npm run dev`, /api is proxied to a running Ratepayer server (RATEPAYER_API).
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: {
        portal: "index.html",
        staff: "staff.html",
      },
      output: {
        // Code shared by both pages (Preact, base styles) is named "shared", not after
        // whichever module the bundler happened to pick. Portal pages loaded on first visit
        // (dynamic imports) keep their own name (assets/Usage-[hash].js), and code only the
        // portal's pages share is "portal-common".
        chunkFileNames: (chunk) => {
          if (chunk.isDynamicEntry) return "assets/[name]-[hash].js";
          const portalOnly = chunk.moduleIds.every((id) => id.includes("/src/portal/"));
          return portalOnly ? "assets/portal-common-[hash].js" : "assets/shared-[hash].js";
        },
        assetFileNames: (info) => {
          const name = info.names[0] ?? "";
          return name.endsWith(".css") && !PAGE_CSS.has(name)
            ? "assets/shared-[hash][extname]"
            : "assets/[name]-[hash][extname]";
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": process.env.RATEPAYER_API ?? "http://127.0.0.1:8080",
    },
  },
});
