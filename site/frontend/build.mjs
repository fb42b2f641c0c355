// Builds site/static/dist/buurtkracht.css: the NL Design System component CSS, our design
// tokens, our own styles and the apps' styles (site/frontend/apps/*.css) in one file, served by the site itself (no CDN).
//
// The Utrecht bundle holds ~100 components (~400 KB). Old phones on slow connections
// should not download that, so we keep only what the pages can use:
// - the components listed in COMPONENTS. Using a new `utrecht-*` component? Add its block
//   name here (the part before `__` or `--`), then run `npm run build`. Left out on
//   purpose: `rich-text` (83 KB alone; .bk-rich-text in site.css styles Wagtail rich text);
// - of those, the rules whose `utrecht-*` classes occur in our templates, Python and
//   JavaScript (SOURCE_DIRS). Most of the bundle styles variants we never use and the
//   forced states of its documentation (`--hover`, `--focus-visible`, `--busy`, ...).
//   A class built from a variable (`utrecht-button--{{ variant }}`, f"utrecht-alert--{kind}")
//   keeps the variants whose names are literals in that same file
//   (`{% firstof "subtle" as variant %}`, `%}warning{%`): keep the choice in the file;
// - of the custom properties (design tokens), those some kept rule reads with var().
// Comments and whitespace are stripped. The result is served compressed (WhiteNoise).
// Because the templates decide what is kept, `make` rebuilds when they change; after
// using a class not used before, run `npm run build` yourself when not using `make`.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "site", "static", "dist");

const COMPONENTS = new Set([
  "alert", "article", "badge-list", "badge-status", "blockquote", "body", "breadcrumb-nav",
  "button", "button-group", "button-link", "action-group", "checkbox", "code", "code-block",
  "data-list", "document", "emphasis", "figure", "form", "form-field",
  "form-field-description", "form-field-error-message", "form-fieldset", "form-label",
  "heading-1", "heading-2", "heading-3", "heading-4", "heading-5", "heading-6",
  "heading-group", "img", "link", "link-button", "link-list", "mark", "ordered-list",
  "page", "page-body", "page-content", "page-footer", "page-header", "pagination",
  "paragraph", "pre-heading", "radio-button", "root", "select", "separator",
  "skip-link", "status-badge", "surface", "table", "table-container", "textarea", "textbox",
  "unordered-list",
]);

const UTRECHT_CLASS = /\.utrecht-([a-z0-9-]+?)(?=__|--|[^a-z0-9-]|$)/g;
const UTRECHT_FULL_CLASS = /\.(utrecht-[a-z0-9_-]+)/g;

// Where the pages' markup comes from: templates, Python (form widgets, template tags)
// and our scripts. node_modules, the virtualenv and the built files are not looked at.
const SOURCE_DIRS = ["site", "initiatieven", "ruimtes", "vrijwilligers", "search"];
const SOURCE_FILE = /\.(html|txt|py|js)$/;
const SKIP_DIRS = new Set(["dist", "node_modules", "__pycache__", "migrations", "locale", "frontend"]);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".")) yield* sourceFiles(path);
    } else if (SOURCE_FILE.test(entry.name)) {
      yield path;
    }
  }
}

/** The `utrecht-*` class names our sources use. */
function usedClasses() {
  const used = new Set();
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(join(root, dir))) {
      const text = readFileSync(file, "utf8");
      // The literal words of the file: quoted, or between two template tags.
      const words = [...text.matchAll(/(?:"|'|%\})([a-z0-9-]+)(?=["']|\{%)/g)].map((m) => m[1]);
      for (const [name] of text.matchAll(/utrecht-[a-z0-9_-]+/g)) {
        used.add(name);
        // `utrecht-button--{{ variant }}`: a prefix, completed by the file's literals.
        if (/[-_]$/.test(name)) for (const word of words) used.add(name + word);
      }
    }
  }
  return used;
}

const USED = usedClasses();

/** Split CSS into top-level items: comments dropped, strings kept intact. */
function parse(css) {
  const items = [];
  let i = 0;
  let start = 0;
  let depth = 0;
  let prelude = null;
  while (i < css.length) {
    const c = css[i];
    if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      const stop = end === -1 ? css.length : end + 2;
      css = css.slice(0, i) + " " + css.slice(stop);
      continue;
    }
    if (c === '"' || c === "'") {
      i += 1;
      while (i < css.length && css[i] !== c) i += css[i] === "\\" ? 2 : 1;
    } else if (c === "{") {
      if (depth === 0) prelude = css.slice(start, i).trim();
      depth += 1;
    } else if (c === "}") {
      depth -= 1;
      if (depth === 0) {
        items.push({ prelude, body: css.slice(css.indexOf("{", start) + 1, i) });
        start = i + 1;
      }
    } else if (c === ";" && depth === 0) {
      items.push({ prelude: css.slice(start, i).trim(), body: null });
      start = i + 1;
    }
    i += 1;
  }
  return items;
}

/** The selector without its `:not(...)` parts: a class we never use there always matches. */
function withoutNot(selector) {
  let out = "";
  let i = 0;
  while (i < selector.length) {
    if (selector.startsWith(":not(", i)) {
      let depth = 0;
      i += ":not".length;
      do {
        if (selector[i] === "(") depth += 1;
        else if (selector[i] === ")") depth -= 1;
        i += 1;
      } while (depth > 0 && i < selector.length);
    } else {
      out += selector[i];
      i += 1;
    }
  }
  return out;
}

function keepSelector(fullSelector) {
  const selector = withoutNot(fullSelector);
  for (const match of selector.matchAll(UTRECHT_CLASS)) {
    if (!COMPONENTS.has(match[1])) return false;
  }
  for (const match of selector.matchAll(UTRECHT_FULL_CLASS)) {
    if (!USED.has(match[1])) return false;
  }
  return true;
}

/** Keep the rules whose selectors use only listed components; recurse into @media etc. */
function filter(css) {
  const kept = [];
  for (const { prelude, body } of parse(css)) {
    if (body === null) {
      if (!prelude.startsWith("@charset")) kept.push(`${prelude};`);
    } else if (/^@(media|supports|container|layer)\b/.test(prelude)) {
      const inner = filter(body);
      if (inner) kept.push(`${prelude}{${inner}}`);
    } else if (prelude.startsWith("@")) {
      kept.push(`${prelude}{${body}}`);
    } else {
      const selectors = prelude.split(/,(?![^(]*\))/).map((s) => s.trim()).filter(keepSelector);
      if (selectors.length) kept.push(`${selectors.join(",")}{${body}}`);
    }
  }
  return kept.join("");
}

/** Remove comments and spare whitespace, leaving strings untouched. */
function minify(css) {
  const parts = css.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return part
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\s+/g, " ")
        .replace(/\s*([{};,])\s*/g, "$1")
        .replace(/\(\s+/g, "(")
        .replace(/\s+\)/g, ")")
        .replace(/([{;]--?[a-zA-Z0-9_-]+):\s+/g, "$1:")
        .replace(/;}/g, "}");
    })
    .join("")
    .trim();
}

/**
 * Drop the custom properties nothing reads: a token of a component we left out, or a
 * component's variant we never use. Repeated, because tokens read other tokens.
 */
function dropUnreadProperties(css) {
  for (;;) {
    const read = new Set([...css.matchAll(/var\((--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]));
    const next = css
      .replace(/([{;])(--[a-zA-Z0-9_-]+):([^;{}"']*)(?=[;}])/g, (declaration, before, name) =>
        read.has(name) ? declaration : before,
      )
      .replace(/;;+/g, ";")
      .replace(/\{;/g, "{")
      .replace(/;}/g, "}")
      .replace(/(^|[{}\n])[^{}@\n]+\{\}/g, "$1");
    if (next === css) return css;
    css = next;
  }
}

const read = (file) => readFileSync(join(root, file), "utf8");
const css = dropUnreadProperties([
  "/* NL Design System, Utrecht component library CSS (EUPL-1.2, (c) Gemeente Utrecht, Frameless B.V.); Buurtkracht design tokens and styles */",
  minify(filter(read("node_modules/@utrecht/component-library-css/dist/index.css"))),
  minify(read("site/frontend/tokens.css")),
  minify(read("site/frontend/site.css")),
  // Each app's own styles (initiatieven.css, ruimtes.css, ...), in name order.
  ...readdirSync(join(here, "apps"))
    .filter((name) => name.endsWith(".css"))
    .sort()
    .map((name) => minify(read(`site/frontend/apps/${name}`))),
].join("\n"));

mkdirSync(out, { recursive: true });
writeFileSync(join(out, "buurtkracht.css"), css + "\n");
console.log(`built site/static/dist/buurtkracht.css (${Math.round(css.length / 1024)} KB)`);

// Leaflet for the sociale kaart, served by the site itself (no CDN): script, stylesheet,
// the images the stylesheet points at, and its licence.
const leaflet = join(root, "node_modules", "leaflet");
const leafletOut = join(out, "leaflet");
mkdirSync(leafletOut, { recursive: true });
// The source map is left out (1 MB nobody on a phone needs), so its comment goes too:
// the production static storage refuses a reference to a file that is not there.
for (const file of ["leaflet.js", "leaflet.css"]) {
  const text = readFileSync(join(leaflet, "dist", file), "utf8");
  writeFileSync(join(leafletOut, file), text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
}
cpSync(join(leaflet, "dist", "images"), join(leafletOut, "images"), { recursive: true });
cpSync(join(leaflet, "LICENSE"), join(leafletOut, "LICENSE"));
console.log("copied leaflet to site/static/dist/leaflet/");
