/** A compact text table for the bench's output: columns padded to their widest cell, numbers right-aligned. */

const NUMERIC = /^[\d.,]+( ?[a-z×x%/]+)?$/i;

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return column > 0 && NUMERIC.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

/** Seconds with one decimal, or two below 2 s (where a tenth is a large share). */
export function seconds(value: number): string {
  return `${value.toFixed(value < 2 ? 2 : 1)} s`;
}

/** A rate with one decimal, or "-" when nothing was done. */
export function rate(value: number): string {
  return value === 0 ? '-' : value.toFixed(1);
}
