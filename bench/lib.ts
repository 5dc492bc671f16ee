/**
 * Small helpers every benchmark module shares: timing, percentiles, one-line progress, text tables, and the
 * results writer that merges each module's section into bench/results/latest.json and latest.md.
 *
 * A module returns a `Section` (its figures as JSON plus its own Markdown), so adding a module never means
 * touching another module's rendering. Sections not re-run keep their previous figures (with their own date),
 * which lets one module be re-run alone: `npm run bench -- appeals`.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

// ---- timing -------------------------------------------------------------------------------------------

export type Stats = { n: number; p50: number; p90: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarise(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/** Milliseconds an async call takes, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** A copy in random order (Fisher–Yates). */
export function shuffled<T>(xs: readonly T[], random: () => number = Math.random): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Runs each contender `warmup` times, then `n` rounds in which every contender runs once, in turn (`random`: in a
 * fresh random order each round, so neither side always runs right after the other). Interleaving keeps garbage
 * collection, JIT and a noisy neighbour from favouring whichever contender happened to run first.
 */
export async function interleave<K extends string, T>(contenders: Record<K, () => Promise<T>>, options: { n: number; warmup: number; random?: boolean }): Promise<Record<K, { ms: number[]; values: T[] }>> {
  const names = Object.keys(contenders) as K[];
  const out = Object.fromEntries(names.map((k) => [k, { ms: [] as number[], values: [] as T[] }])) as Record<K, { ms: number[]; values: T[] }>;
  for (let i = 0; i < options.warmup; i++) for (const k of options.random ? shuffled(names) : names) await contenders[k]();
  for (let i = 0; i < options.n; i++) {
    for (const k of options.random ? shuffled(names) : names) {
      const { ms, value } = await timed(contenders[k]);
      out[k].ms.push(ms);
      out[k].values.push(value);
    }
  }
  return out;
}

/** The value every sample agrees on, or the range when they differ (capacity units are deterministic per request). */
export function steady(values: readonly number[]): number | { min: number; max: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? min : { min, max };
}

// ---- output -------------------------------------------------------------------------------------------

/** One status line, rewritten in place on a terminal and printed every few seconds otherwise (CI logs). */
export function progressLine(): { update: (text: string) => void; done: (text?: string) => void } {
  const tty = Boolean(process.stdout.isTTY);
  let last = 0;
  let pending = '';
  return {
    update(text) {
      pending = text;
      if (tty) process.stdout.write(`\r${text}\x1b[K`);
      else if (Date.now() - last > 5000) {
        last = Date.now();
        process.stdout.write(`${text}\n`);
      }
    },
    done(text) {
      const line = text ?? pending;
      if (tty) process.stdout.write(`\r${line}\x1b[K\n`);
      else process.stdout.write(`${line}\n`);
    },
  };
}

export const fmt = {
  ms: (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(x >= 10 ? 1 : 2)) : '–'),
  num: (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : '–'),
  cu: (x: number | { min: number; max: number } | undefined) => (x === undefined ? '–' : typeof x === 'number' ? String(+x.toFixed(2)) : `${+x.min.toFixed(2)}–${+x.max.toFixed(2)}`),
  ratio: (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–'),
  secs: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
};

export type Table = { headers: string[]; rows: string[][]; align?: ('l' | 'r')[] };

export function markdownTable(t: Table): string {
  const align = t.headers.map((_, i) => (t.align?.[i] === 'l' ? ':--' : '--:'));
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(t.headers), line(align), ...t.rows.map(line)].join('\n');
}

/** The same table aligned in monospace, for stdout. Wide (CJK) characters count as two columns. */
export function textTable(t: Table): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const cols = t.headers.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(cols[i] - width(s));
    return t.align?.[i] === 'l' ? s + fill : fill + s;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ');
  return [line(t.headers), cols.map((c) => '-'.repeat(c)).join('  '), ...t.rows.map(line)].join('\n');
}

// ---- results ------------------------------------------------------------------------------------------

export type Section = {
  title: string;
  /** sections are written in this order (ascending), then by id */
  order: number;
  generatedAt: string;
  elapsedMs: number;
  /** the figures, for tools and for comparing runs */
  data: unknown;
  /** the human-readable part, rendered by the module itself */
  markdown: string;
};

export type RunInfo = {
  startedAt: string;
  elapsedMs: number;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1-minute load average before the run started (others' work), at its end, and the highest seen during it */
  loadAverage: { start: number; end: number; peak: number };
  dynamoLocal: string;
  modules: string[];
};

export type Results = { run: RunInfo; sections: Record<string, Section> };

export function machineInfo() {
  const cpus = os.cpus();
  return { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30) };
}

/** Samples the 1-minute load average until stopped; the bench itself adds up to about 2 (java + node). */
export function watchLoad(everyMs = 5000): { stop: () => { start: number; end: number; peak: number } } {
  const start = os.loadavg()[0];
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, os.loadavg()[0])), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const end = os.loadavg()[0];
      return { start, end, peak: Math.max(peak, end) };
    },
  };
}

export const RESULTS_DIR = path.join(__dirname, 'results');

/** Merge these sections into latest.json (sections not given are kept) and re-render latest.md. */
export function writeResults(run: RunInfo, sections: Record<string, Section>, dir = RESULTS_DIR): Results {
  mkdirSync(dir, { recursive: true });
  const jsonPath = path.join(dir, 'latest.json');
  let previous: Partial<Results> = {};
  if (existsSync(jsonPath)) {
    try {
      previous = JSON.parse(readFileSync(jsonPath, 'utf8')) as Results;
    } catch {
      previous = {};
    }
  }
  const merged: Results = { run, sections: { ...(previous.sections ?? {}), ...sections } };
  writeFileSync(jsonPath, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(path.join(dir, 'latest.md'), renderMarkdown(merged));
  return merged;
}

export function renderMarkdown(r: Results): string {
  const ordered = Object.entries(r.sections).sort(([a, x], [b, y]) => x.order - y.order || a.localeCompare(b));
  const run = r.run;
  const head = [
    '# Benchmarks (助企直通车)',
    '',
    'Generated by `npm run bench` (bench/run.ts) against DynamoDB Local in memory. Latencies include the local',
    'HTTP round trip to the emulator, so read them relative to each other; capacity units follow the real',
    "service's arithmetic and transfer to AWS as they are.",
    '',
    `- Last run: ${run.startedAt}, ${fmt.secs(run.elapsedMs)} in all (modules: ${run.modules.join(', ')})`,
    `- Machine: ${run.cpus} × ${run.cpuModel}, ${run.memoryGb} GB, ${run.platform}, Node ${run.node}`,
    `- DynamoDB Local: ${run.dynamoLocal}; 1-minute load average ${run.loadAverage.start.toFixed(2)} before the run, peak ${run.loadAverage.peak.toFixed(2)} during it` +
      (run.loadAverage.start >= 1 ? ' (other processes were busy on this machine: latencies and load times are pessimistic)' : ''),
    '',
  ];
  const body = ordered.map(([id, s]) => [`## ${s.title}`, '', `<sub>section \`${id}\`, generated ${s.generatedAt} in ${fmt.secs(s.elapsedMs)}</sub>`, '', s.markdown.trim(), ''].join('\n'));
  return `${[...head, ...body].join('\n').trimEnd()}\n`;
}
