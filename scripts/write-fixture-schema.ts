/**
 * Writes fixtures/fixture.schema.json and fixtures/scenario.schema.json from their shape declarations
 * (`npm run schema`). test/fixture/jsonSchema.test.ts fails when a committed file differs from the generated one.
 */
import { writeFileSync } from "node:fs";
import { fixtureJsonSchema, scenarioJsonSchema } from "../src/fixture/jsonSchema.js";

for (const [name, schema] of [
  ["fixture.schema.json", fixtureJsonSchema()],
  ["scenario.schema.json", scenarioJsonSchema()],
] as const) {
  const target = new URL(`../fixtures/${name}`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${target.pathname}\n`);
}
