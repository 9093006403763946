const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export interface ChartRow {
  label: string;
  value: number;
}

/** A horizontal bar chart in block characters, one row per bucket, scaled to `width` cells. */
export function barChart(rows: ChartRow[], width = 40): string {
  if (rows.length === 0) return '(no data)';
  const max = Math.max(...rows.map((row) => row.value));
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  return rows
    .map((row) => `${row.label.padEnd(labelWidth)} │${bar(max ? (row.value / max) * width : 0)} ${row.value}`)
    .join('\n');
}

function bar(cells: number): string {
  const whole = Math.floor(cells);
  const eighths = Math.round((cells - whole) * 8);
  return eighths === 8 ? '█'.repeat(whole + 1) : '█'.repeat(whole) + EIGHTHS[eighths];
}
