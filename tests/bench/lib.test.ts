/** Benchmark helpers: percentiles and the results writer that merges sections. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { interleave, percentile, shuffled, steady, summarise, writeResults, type RunInfo, type Section } from '../../bench/lib';

const run: RunInfo = {
  startedAt: '2026-01-01T00:00:00.000Z',
  elapsedMs: 1000,
  node: 'v20',
  platform: 'linux x64',
  cpus: 2,
  cpuModel: 'cpu',
  memoryGb: 4,
  loadAverage: { start: 0.1, end: 0.2, peak: 0.3 },
  dynamoLocal: 'x',
  modules: ['a'],
};
const section = (title: string, order: number): Section => ({ title, order, generatedAt: run.startedAt, elapsedMs: 1, data: { title }, markdown: `body of ${title}` });

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(summarise([3, 1, 2])).toMatchObject({ n: 3, p50: 2, max: 3, mean: 2 });
  });

  it('reports a steady value or its range', () => {
    expect(steady([1.5, 1.5])).toBe(1.5);
    expect(steady([1, 2, 1.5])).toEqual({ min: 1, max: 2 });
  });

  it('interleaves contenders and keeps only the measured rounds', async () => {
    const order: string[] = [];
    const out = await interleave({ a: async () => order.push('a'), b: async () => order.push('b') }, { n: 2, warmup: 1 });
    expect(order.join('')).toBe('ababab');
    expect(out.a.ms).toHaveLength(2);
  });

  it('runs every contender once per round in random order when asked', async () => {
    const order: string[] = [];
    const out = await interleave({ a: async () => order.push('a'), b: async () => order.push('b') }, { n: 200, warmup: 0, random: true });
    const rounds = Array.from({ length: 200 }, (_, i) => order.slice(2 * i, 2 * i + 2).join(''));
    expect(rounds.every((r) => r === 'ab' || r === 'ba')).toBe(true);
    expect(new Set(rounds).size).toBe(2);
    expect(out.b.ms).toHaveLength(200);
  });

  it('shuffles a copy', () => {
    const xs = [1, 2, 3, 4, 5];
    const ys = shuffled(xs, () => 0);
    expect(ys).toEqual([2, 3, 4, 5, 1]);
    expect(xs).toEqual([1, 2, 3, 4, 5]);
    expect(shuffled(xs).sort()).toEqual(xs);
  });
});

describe('writeResults', () => {
  it('keeps sections it was not given and renders them in order', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    writeResults(run, { later: section('Later', 20) }, dir);
    writeResults(run, { first: section('First', 10) }, dir);
    const json = JSON.parse(readFileSync(path.join(dir, 'latest.json'), 'utf8'));
    expect(Object.keys(json.sections).sort()).toEqual(['first', 'later']);
    const md = readFileSync(path.join(dir, 'latest.md'), 'utf8');
    expect(md.indexOf('## First')).toBeGreaterThan(0);
    expect(md.indexOf('## First')).toBeLessThan(md.indexOf('## Later'));
  });
});
