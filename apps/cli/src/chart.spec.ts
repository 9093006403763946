import { barChart } from './chart';
import { formatBytes, Progress } from './progress';

describe('barChart', () => {
  it('scales bars to the largest value, with eighth blocks for the remainder', () => {
    const chart = barChart(
      [
        { label: '10:00', value: 8 },
        { label: '11:00', value: 4 },
        { label: '12:00', value: 1 },
        { label: '13:00', value: 0 },
      ],
      4,
    );
    expect(chart.split('\n')).toEqual(['10:00 │████ 8', '11:00 │██ 4', '12:00 │▌ 1', '13:00 │ 0']);
  });

  it('says so when there is nothing to draw', () => {
    expect(barChart([])).toBe('(no data)');
    expect(barChart([{ label: 'a', value: 0 }], 4)).toBe('a │ 0');
  });
});

describe('Progress', () => {
  it('redraws in place on a terminal, at most every 100 ms', () => {
    const written: string[] = [];
    let now = 1_000;
    const progress = new Progress({ isTTY: true, write: (s: string) => written.push(s) }, 'exporting', 4096, () => now);
    progress.advance(1024);
    now += 50;
    progress.advance(1024);
    now += 100;
    progress.advance(1024);
    expect(progress.finish()).toBe(3072);
    expect(written).toEqual([
      '\rexporting: 1.0 KiB (25%)',
      '\rexporting: 3.0 KiB (75%)',
      '\rexporting: 3.0 KiB (75%) done\n',
    ]);
  });

  it('writes whole lines, at most one a second, when stderr is not a terminal', () => {
    const written: string[] = [];
    let now = 10_000;
    const progress = new Progress({ write: (s: string) => written.push(s) }, 'exporting', undefined, () => now);
    progress.advance(10);
    now += 500;
    progress.advance(10);
    progress.finish();
    expect(written).toEqual(['exporting: 10 B\n', 'exporting: 20 B done\n']);
  });

  it('formats sizes in binary units', () => {
    expect([0, 1023, 1024, 1536, 5 * 1024 ** 2, 3 * 1024 ** 3].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.0 KiB',
      '1.5 KiB',
      '5.0 MiB',
      '3.0 GiB',
    ]);
  });
});
