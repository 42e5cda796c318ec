/** Building, ranking and scoring the cleaning-priority cases of ../shared/bench/suite.json. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One public case of suite.json. */
export interface CleaningCase {
  name: string;
  data: string;
  target: string;
  noise: string;
  labelMode: string;
  seed: number;
}

/** What score_ranking.py reports for one budget. */
export interface BudgetScore {
  budget: number;
  k: number;
  acc: number;
  gap_closed: number | null;
  precision: number | null;
  recall: number | null;
  followed?: number;
  invalid_suggestions?: number;
  follow_gap_closed?: number | null;
  follow_bacc_delta?: number;
}

/** What score_ranking.py reports for one ranking. */
export interface RankingScore {
  dirty_rows: number;
  suggestions: number;
  budgets: BudgetScore[];
}

/**
 * Builds a case into .bench-data/<name> with the shared inject-noise.mjs; returns its folder. A
 * folder already built from the same case description is reused (the build is seeded).
 */
export function buildCase(shared: string, c: CleaningCase): string {
  const dir = resolve('.bench-data', c.name);
  const stamp = join(dir, 'case.json');
  const description = JSON.stringify(c);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === description) return dir;
  // A rebuilt case drops everything cached from the old one (baseline rankings and scores).
  rmSync(dir, { recursive: true, force: true });
  execFileSync(
    'node',
    [
      join(shared, 'bench', 'inject-noise.mjs'),
      ...['--in', join(shared, 'datasets', c.data), '--target', c.target, '--out', dir],
      ...['--seed', String(c.seed), '--noise', c.noise, '--label-mode', c.labelMode],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  writeFileSync(stamp, description);
  return dir;
}

/** Wall time of a CLI run and the CPU time it used (all its threads), in ms. */
export interface RankTiming {
  ms: number;
  /** Null where the platform does not tell a child's CPU time (Linux /proc does). */
  cpuMs: number | null;
}

/** Ranks a case with the CLI exactly as the bench README says, timing it. */
export function rankWithCli(dir: string, target: string, out: string): RankTiming {
  const start = Date.now();
  const cpuBefore = childrenCpuMs();
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'rank'];
  const flags = ['--train', join(dir, 'train.csv'), '--val', join(dir, 'val.csv')];
  const r = spawnSync('node', [...args, ...flags, '--target', target, '--out', out], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`rank failed on ${dir}: ${r.stderr.trim().split('\n').pop()}`);
  const cpuAfter = childrenCpuMs();
  return {
    ms: Date.now() - start,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
}

/**
 * CPU time of this process's finished children (user + system, /proc/self/stat fields 16-17, in
 * clock ticks of 10 ms): the machine is shared, so wall time alone says little.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/** A seeded random order of `n` rows, the baseline every ranking must beat. */
export function writeRandomOrder(n: number, seed: number, out: string): void {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rows = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  writeFileSync(out, rows.join('\n') + '\n');
}

/** The budgets every ranking is scored at (shares of the training rows). */
export const BUDGETS = [0.05, 0.1, 0.2] as const;

/** Runs score_ranking.py (with `python`) on a ranking at BUDGETS. */
export function scoreRanking(
  python: string,
  shared: string,
  dir: string,
  ranking: string,
): RankingScore {
  const script = join(shared, 'bench', 'score_ranking.py');
  const out = execFileSync(
    python,
    [script, dir, ranking, '--budgets', BUDGETS.join(','), '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(out) as RankingScore;
}

/**
 * The first python3 that imports scikit-learn and pandas: the one on PATH, then Debian's (a pyenv
 * or venv python3 on PATH does not see python3-sklearn); or why none does.
 */
export function findScorer(): { python: string } | { problem: string } {
  let why = '';
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import sklearn, pandas'], { encoding: 'utf8' });
    if (r.status === 0) return { python };
    why = (r.stderr || r.error?.message || 'not found').trim().split('\n').pop() ?? '';
  }
  return {
    problem: `score_ranking.py needs python3 with scikit-learn and pandas (Debian: python3-sklearn python3-pandas), which do not import here (${why}); rankings are built and timed but not scored.`,
  };
}
