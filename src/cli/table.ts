/**
 * Plain-text tables with a header rule; every cell is converted with String(). Widths are measured on
 * the plain text, so colouring (a {@link Style} for the header, `paint` for cells) never breaks columns.
 */
import { type Style, styleFor } from "./io.js";

/** How a table is coloured. */
export interface TableStyle {
  readonly style?: Style;
  /** Colours one cell (row, column, plain text) or returns it unchanged. */
  readonly paint?: (text: string, row: number, column: number) => string;
}

/** Renders `rows` under `headers`. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: TableStyle = {},
): string {
  const style = options.style ?? styleFor(false);
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: readonly string[], paint: (text: string, column: number) => string) =>
    row
      .map((cell, column) => {
        const padded = cell.padEnd(widths[column] ?? 0);
        return paint(cell, column) + padded.slice(cell.length);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width));
  const body =
    cells.length > 0
      ? cells.map((row, r) => line(row, (text, c) => options.paint?.(text, r, c) ?? text))
      : [style.dim("(none)")];
  return [line(headers, (text) => style.bold(text)), style.dim(line(rule, (t) => t)), ...body].join("\n");
}
