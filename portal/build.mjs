// Builds the portal into dist/: typed descriptors from the committed metadata
// (client/artifacts/medchain.scale, the same file the Rust client is generated from), the error
// documentation from that metadata, a type check (a drift between the metadata and the code
// fails here), and one bundle.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { decAnyMetadata, unifyMetadata } from "@polkadot-api/substrate-bindings";
import { build } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (command, args) => {
  try {
    execFileSync(command, args, { cwd: root, stdio: "inherit" });
  } catch {
    console.error(`portal build failed: ${command.split("/").pop()} ${args.join(" ")}`);
    process.exit(1);
  }
};

run(bin("papi"), ["generate"]);

const metadata = unifyMetadata(
  decAnyMetadata(readFileSync(join(root, "..", "client", "artifacts", "medchain.scale"))),
);
const docs = {};
for (const pallet of metadata.pallets) {
  if (pallet.errors === undefined) continue;
  const type = metadata.lookup[pallet.errors.type];
  if (type?.def.tag !== "variant") continue;
  docs[pallet.name] = Object.fromEntries(
    type.def.value.map((variant) => [variant.name, variant.docs.join(" ").trim()]),
  );
}
mkdirSync(join(root, "src", "generated"), { recursive: true });
writeFileSync(join(root, "src", "generated", "errors.json"), JSON.stringify(docs, null, 1));

run(bin("tsc"), ["-p", "."]);

const out = join(root, "dist");
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, "src", "main.ts")],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
copyFileSync(join(root, "index.html"), join(out, "index.html"));
copyFileSync(join(root, "src", "style.css"), join(out, "style.css"));
console.log(`portal built in ${out}`);
