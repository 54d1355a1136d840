/**
 * Writes fixtures/fixture.schema.json from the fixture shape declaration (`npm run schema`).
 * test/fixture/jsonSchema.test.ts fails when the committed file differs from the generated one.
 */
import { writeFileSync } from "node:fs";
import { fixtureJsonSchema } from "../src/fixture/jsonSchema.js";

const target = new URL("../fixtures/fixture.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(fixtureJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
