// The CommonJS half of the dual build (`npm run build`, after tsc wrote the ES modules to dist/).
//
// Why esbuild and not a second tsc run: the package depends on nanoid, which ships ES modules only.
// Node >= 20.19 could require() it, but jest's module system (default config) cannot, so the CommonJS
// files must carry nanoid inside them: that takes a bundler. esbuild is already in the tree (vitest and
// tsx use it) and bundles in well under a second. tsc keeps doing what it does best: the ES modules, one
// file per source file, with declarations and source maps.
//
// Each CommonJS entry point is one bundle under dist/cjs/ (a `{"type":"commonjs"}` scope). The entries
// other than the main one must reach the library through src/index.ts only: that import stays a
// require() of the main bundle, so `require("adsi-emulator")` and `require("adsi-emulator/jest")` share
// one copy of every class (AdsError, Emulator). The declarations tsc wrote are copied into dist/cjs/,
// where the commonjs scope makes TypeScript read them as CommonJS declarations.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const out = join(dist, "cjs");
const mainEntry = join(src, "index.ts");

/** Source entry → bundle path under dist/cjs (the same place as the ES module under dist/). */
const ENTRIES = [
  ["index.ts", "index.js"],
  ["testing/jest.ts", "testing/jest.js"],
  ["arbitraries/index.ts", "arbitraries/index.js"],
];

/** Keeps the main entry external in the other bundles (one copy of the library), and nothing else of src/. */
function mainStaysExternal(entryFile, bundleFile) {
  const entryDir = dirname(entryFile);
  return {
    name: "main-stays-external",
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, (args) => {
        if (args.importer === "" || !args.importer.startsWith(src)) return undefined;
        const target = resolve(dirname(args.importer), args.path.replace(/\.js$/, ".ts"));
        if (entryFile === mainEntry) return undefined;
        if (target === mainEntry) {
          const fromBundle = relative(dirname(bundleFile), join(out, "index.js")).split(sep).join("/");
          return { path: fromBundle.startsWith(".") ? fromBundle : `./${fromBundle}`, external: true };
        }
        if (!target.startsWith(entryDir + sep)) {
          return {
            errors: [
              {
                text: `${relative(src, args.importer)} imports ${args.path}: import the library from src/index.ts`,
              },
            ],
          };
        }
        return undefined;
      });
    },
  };
}

/** Every .d.ts / .d.ts.map under `dir`, except dist/cjs itself. */
function declarationFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === out) continue;
    if (statSync(path).isDirectory()) files.push(...declarationFiles(path));
    else if (name.endsWith(".d.ts") || name.endsWith(".d.ts.map")) files.push(path);
  }
  return files;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

for (const [entry, bundle] of ENTRIES) {
  const entryFile = join(src, entry);
  const bundleFile = join(out, bundle);
  await build({
    entryPoints: [entryFile],
    outfile: bundleFile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: true,
    sourcesContent: true,
    logLevel: "warning",
    // Dependencies with a CommonJS build stay external; nanoid (ES modules only) is bundled.
    external: ["immer", "fast-check", "vitest", "expect", "@jest/globals"],
    // The only `import.meta.url` in src/ locates the bundled default fixture, and only the main bundle
    // holds it: dist/cjs/index.js sits two folders below the package root, as dist/fixture/*.js does.
    define: { "import.meta.url": "__adsiModuleUrl" },
    banner: { js: 'const __adsiModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [mainStaysExternal(entryFile, bundleFile)],
  });
}

// vitest itself cannot be require()d (its own CommonJS entry throws): neither can its fixture and matchers.
// The stub says so in the error; its declarations are the ES module's, as vitest does it.
mkdirSync(join(out, "testing"), { recursive: true });
writeFileSync(
  join(out, "testing", "vitest.js"),
  'throw new Error("adsi-emulator/vitest is an ES module, like vitest itself: import it instead of require(). With jest, use adsi-emulator/jest.");\n',
);
// The contract suite registers vitest tests: an ES module for the same reason.
mkdirSync(join(out, "contract"), { recursive: true });
writeFileSync(
  join(out, "contract", "index.js"),
  'throw new Error("adsi-emulator/contract registers vitest tests and is an ES module, like vitest itself: import it instead of require().");\n',
);

for (const file of declarationFiles(dist)) {
  const target = join(out, relative(dist, file));
  mkdirSync(dirname(target), { recursive: true });
  if (file.endsWith(".map")) {
    // A declaration map names its sources relative to itself: re-aim them from the new place.
    const map = JSON.parse(readFileSync(file, "utf8"));
    map.sources = map.sources.map((source) =>
      relative(dirname(target), resolve(dirname(file), source))
        .split(sep)
        .join("/"),
    );
    writeFileSync(target, JSON.stringify(map));
  } else cpSync(file, target);
}
process.stderr.write(`build-cjs: ${ENTRIES.length} CommonJS bundles in ${relative(root, out)}\n`);
