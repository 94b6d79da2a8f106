/** Output helpers: aligned text tables, `bench:` lines and target checks. */

/**
 * Prints rows as an aligned table. The first row is the header; numbers align right.
 *
 * @param {(string | number)[][]} rows
 */
export function printTable(rows, log = console.log) {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? format(cell) : cell)),
  );
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const numeric = rows[rows.length - 1].map((cell) => typeof cell === 'number');
  const line = (row) =>
    row
      .map((cell, column) =>
        numeric[column] || /^[\d.,×x-]+$/.test(cell)
          ? cell.padStart(widths[column])
          : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  log(line(cells[0]));
  log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) log(line(row));
}

/** A number for a table cell: at most one decimal, thousands separated. */
export function format(value, decimals = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.abs(value) >= 100 ? 0 : decimals,
  });
}

/**
 * One machine-readable line per figure:
 * `bench: {"name":"core.usage-tab","median":12.3,"unit":"ms","vs":{"duckdb":10.5}}`.
 * `vs` holds ratios (peer time / this time: above 1 means this one is faster); `cpu`, when
 * present, is the median CPU time in ms over the same runs.
 */
export function benchLine(figure) {
  const line = { name: figure.name, median: figure.median, unit: figure.unit };
  if (figure.cpu !== undefined) line.cpu = figure.cpu;
  if (figure.vs !== undefined && Object.keys(figure.vs).length > 0) line.vs = figure.vs;
  return `bench: ${JSON.stringify(line)}`;
}

/**
 * Checks figures against targets and prints one line per target with a pass or miss mark.
 * A miss is reported, not thrown: benchmarks inform, they do not gate.
 *
 * @param {{ label: string, actual: number | null, limit: number, kind: 'max' | 'min', unit: string }[]} targets
 * @returns {number} the number of misses
 */
export function printTargets(targets, log = console.log) {
  let misses = 0;
  for (const target of targets) {
    const comparison = target.kind === 'max' ? '≤' : '≥';
    const limit = `${comparison} ${format(target.limit)}${target.unit}`;
    if (target.actual === null || target.actual === undefined) {
      log(`  [skip] ${target.label} ${limit}: not measured`);
      continue;
    }
    const pass =
      target.kind === 'max' ? target.actual <= target.limit : target.actual >= target.limit;
    if (!pass) misses += 1;
    log(
      `  [${pass ? 'pass' : 'MISS'}] ${target.label} ${limit}: ${format(target.actual, 2)}${target.unit}`,
    );
  }
  return misses;
}
