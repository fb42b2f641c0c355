// Builds site/static/dist/: the NL Design System component CSS, our design tokens and
// our own styles in one file, served by the site itself (no CDN).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "site", "static", "dist");

const parts = [
  ["node_modules/@utrecht/component-library-css/dist/index.css", "NL Design System (Utrecht components), EUPL-1.2"],
  ["site/frontend/tokens.css", "Buurtkracht design tokens"],
  ["site/frontend/site.css", "Buurtkracht layout and components"],
];

const css = parts
  .map(([file, label]) => `/* ${label} */\n${readFileSync(join(root, file), "utf8")}`)
  .join("\n");

mkdirSync(out, { recursive: true });
writeFileSync(join(out, "buurtkracht.css"), css);
console.log(`built site/static/dist/buurtkracht.css (${Math.round(css.length / 1024)} KB)`);
