import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface Series {
  label: string;
  values: Array<number | null>;
  color: string;
}

/** A time-series chart (uPlot: canvas, small and fast). `times` are epoch seconds. */
export function TimeChart({
  title,
  times,
  series,
  unit,
}: {
  title: string;
  times: number[];
  series: Series[];
  unit: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const plot = new uPlot(
      {
        title,
        width: Math.max(320, element.clientWidth),
        height: 240,
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            value: (_: uPlot, v: number | null) => (v === null ? '—' : `${v} ${unit}`),
          })),
        ],
        axes: [{}, { label: unit }],
      },
      [times, ...series.map((s) => s.values)],
      element,
    );
    const resize = () => plot.setSize({ width: Math.max(320, element.clientWidth), height: 240 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [title, times, series, unit]);
  return (
    <div
      ref={holder}
      class="chart"
      role="img"
      aria-label={`${title} over time; the totals are listed above the charts`}
    />
  );
}
