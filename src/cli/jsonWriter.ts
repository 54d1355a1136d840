/**
 * Writes a JSON value in pieces (two-space indentation, as JSON.stringify(value, null, 2) does), so that
 * a fixture with a million sessions never has to fit in one string, and reports each finished element
 * of a `sessions` array for a progress bar.
 */

/** Where the pieces go. */
export type Sink = (text: string) => void;

const FLUSH_AT = 1 << 20;

/** Writes `value` followed by a newline; `onSession` runs after each element of a `sessions` array. */
export function writeJson(value: unknown, sink: Sink, onSession: () => void = () => {}): void {
  let buffer = "";
  const put = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_AT) {
      sink(buffer);
      buffer = "";
    }
  };
  const write = (item: unknown, indent: string, key: string | undefined): void => {
    if (item === null || typeof item !== "object") {
      put(JSON.stringify(item) ?? "null");
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(item)) {
      if (item.length === 0) {
        put("[]");
        return;
      }
      put("[");
      item.forEach((element, i) => {
        put(`${i === 0 ? "" : ","}\n${inner}`);
        write(element === undefined ? null : element, inner, undefined);
        if (key === "sessions") onSession();
      });
      put(`\n${indent}]`);
      return;
    }
    const entries = Object.entries(item).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.length === 0) {
      put("{}");
      return;
    }
    put("{");
    entries.forEach(([k, v], i) => {
      put(`${i === 0 ? "" : ","}\n${inner}${JSON.stringify(k)}: `);
      write(v, inner, k);
    });
    put(`\n${indent}}`);
  };
  write(value, "", undefined);
  put("\n");
  sink(buffer);
}
