/**
 * Property tests of the NDR layer: random "programs" of primitives, strings, pointers, structures with
 * embedded pointers and conformant arrays are written and read back identically; the reader given any
 * bytes for any program returns or throws an NdrError, nothing else.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NdrError } from "../../../src/msrvs/ndr/NdrError.js";
import { NdrReader } from "../../../src/msrvs/ndr/NdrReader.js";
import { NdrWriter } from "../../../src/msrvs/ndr/NdrWriter.js";
import { sequentialReferents } from "../../../src/msrvs/ndr/referents.js";
import { FC_RUNS, FC_TIMEOUT } from "../support/fcRuns.js";

/** Any UTF-16 text without NUL, lone surrogates included. */
const text = fc
  .array(fc.integer({ min: 1, max: 0xffff }), { maxLength: 12 })
  .map((units) => String.fromCharCode(...units));
const optionalText = fc.option(text, { nil: null });

interface Entry {
  readonly name: string | null;
  readonly size: number;
}

type Op =
  | { readonly kind: "u8" | "u16" | "u32" | "i32"; readonly value: number }
  | { readonly kind: "u64"; readonly value: bigint }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "uniqueString"; readonly value: string | null }
  | { readonly kind: "bytes"; readonly value: Uint8Array }
  | { readonly kind: "struct"; readonly value: readonly (string | null)[] }
  | { readonly kind: "array"; readonly value: readonly Entry[] };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.integer({ min: 0, max: 0xff }).map((value) => ({ kind: "u8" as const, value })),
  fc.integer({ min: 0, max: 0xffff }).map((value) => ({ kind: "u16" as const, value })),
  fc.integer({ min: 0, max: 0xffffffff }).map((value) => ({ kind: "u32" as const, value })),
  fc.integer({ min: -0x80000000, max: 0x7fffffff }).map((value) => ({ kind: "i32" as const, value })),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => ({ kind: "u64" as const, value })),
  text.map((value) => ({ kind: "string" as const, value })),
  optionalText.map((value) => ({ kind: "uniqueString" as const, value })),
  fc.uint8Array({ maxLength: 9 }).map((value) => ({ kind: "bytes" as const, value })),
  fc.array(optionalText, { maxLength: 4 }).map((value) => ({ kind: "struct" as const, value })),
  fc
    .array(fc.record({ name: optionalText, size: fc.integer({ min: 0, max: 0xffffffff }) }), { maxLength: 4 })
    .map((value) => ({ kind: "array" as const, value })),
);

function write(writer: NdrWriter, program: readonly Op[]): void {
  for (const step of program) {
    switch (step.kind) {
      case "u8":
      case "u16":
      case "u32":
      case "i32":
        writer[step.kind](step.value);
        break;
      case "u64":
        writer.u64(step.value);
        break;
      case "string":
        writer.conformantVaryingString(step.value);
        break;
      case "uniqueString":
        writer.uniqueString(step.value);
        break;
      case "bytes":
        writer.conformantBytes(step.value);
        break;
      case "struct":
        writer.construct(() => {
          for (const field of step.value) writer.embeddedString(field);
          writer.u32(step.value.length);
        });
        break;
      case "array":
        writer.unique(step.value, (entries) =>
          writer.conformantArray(entries, (entry) => {
            writer.embeddedString(entry.name);
            writer.u32(entry.size);
          }),
        );
        break;
    }
  }
}

function read(reader: NdrReader, program: readonly Op[]): Op[] {
  return program.map((step): Op => readStep(reader, step));
}

function readStep(reader: NdrReader, step: Op): Op {
  switch (step.kind) {
    case "u8":
    case "u16":
    case "u32":
    case "i32":
      return { kind: step.kind, value: reader[step.kind]() };
    case "u64":
      return { kind: "u64", value: reader.u64() };
    case "string":
      return { kind: "string", value: reader.conformantVaryingString() };
    case "uniqueString":
      return { kind: "uniqueString", value: reader.uniqueString() };
    case "bytes":
      return { kind: "bytes", value: reader.conformantBytes() };
    case "struct":
      return {
        kind: "struct",
        value: reader.construct(() => {
          const fields: (string | null)[] = step.value.map(() => null);
          for (let i = 0; i < fields.length; i++) {
            reader.embeddedString((v) => {
              fields[i] = v;
            });
          }
          reader.u32();
          return fields;
        }),
      };
    case "array": {
      const entries = reader.unique(() =>
        reader.conformantArray(8, () => {
          const entry: { name: string | null; size: number } = { name: null, size: 0 };
          reader.embeddedString((v) => (entry.name = v));
          entry.size = reader.u32();
          return entry;
        }),
      );
      return { kind: "array", value: entries ?? [] };
    }
  }
}

describe("NDR round trips (ms-srvs-wire §3)", { timeout: FC_TIMEOUT }, () => {
  it("reading back what was written gives the same values and uses every byte", () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 12 }),
        fc.integer({ min: 1, max: 0x7fff0000 }),
        (program, first) => {
          const writer = new NdrWriter({ referents: sequentialReferents(first) });
          write(writer, program);
          const reader = new NdrReader(writer.finish());
          expect(read(reader, program)).toEqual(program);
          reader.expectEnd();
        },
      ),
      { numRuns: FC_RUNS },
    );
  });

  it("any bytes read with any program give values or an NdrError, nothing else", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), fc.uint8Array({ maxLength: 200 }), (program, bytes) => {
        try {
          read(new NdrReader(bytes), program);
        } catch (error) {
          expect(error).toBeInstanceOf(NdrError);
        }
      }),
      { numRuns: FC_RUNS },
    );
  });
});
