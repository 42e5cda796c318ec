/**
 * The analysis worker's methods over core + storage: profile and detect a dataset version, and
 * page the findings, which stay here (one result set per dataset) instead of crossing whole.
 */
import type { DetectContext, Detector } from '../../src/core/detect/types';
import { CleanroomError } from '../../src/core/errors';
import { profileFrame, type DatasetProfile } from '../../src/core/profile/profile';
import { columnIndex, type Frame } from '../../src/core/table/frame';
import type { AnalysisMethods, FindingRow } from '../../src/protocol/analysis-methods';
import type { Handlers } from '../../src/protocol/server';
import type { CleanroomDb } from '../../src/storage/db';
import { findingsPage, sortFindings, summarize, type DetectorRun } from './analysis-findings';
import { checkAborted } from '../shared/abort';
import { FrameCache } from '../shared/frame-cache';

/**
 * Gives every detector, in the order they run. The worker loads them on first use: the registry
 * holds the label detector, which pulls in TF.js (and needs its backend chosen first).
 */
export type DetectorLoader = () => Promise<{ detectors: readonly Detector[]; backend: string }>;

/** Correlated pairs (and their alerts) sent to the page: wide data can have millions. */
export const MAX_PAIRS = 200;

/** Keeps the MAX_PAIRS strongest correlated pairs and at most as many correlation alerts. */
function capCorrelations<T extends Pick<DatasetProfile, 'correlatedPairs' | 'alerts'>>(p: T): T {
  if (p.correlatedPairs.length <= MAX_PAIRS) return p;
  let kept = 0;
  return {
    ...p,
    correlatedPairs: [...p.correlatedPairs].sort((a, b) => b.r - a.r).slice(0, MAX_PAIRS),
    alerts: p.alerts.filter((a) => a.kind !== 'high-correlation' || kept++ < MAX_PAIRS),
  };
}

/** Lets the event loop run, so a cancel message posted meanwhile is seen. */
const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function targetIndex(frame: Frame, target: string | null | undefined): number | null {
  if (!target) return null;
  const index = columnIndex(frame, target);
  if (index < 0)
    throw new CleanroomError('not-found', `There is no column “${target}” to use as the target.`);
  return index;
}

/**
 * Runs `detectors` in order, like core's runDetectors, but yields between detectors so that a
 * cancel is seen (the basic detectors are synchronous) and tags findings with their detector.
 */
async function runAll(
  frame: Frame,
  context: DetectContext & { signal: AbortSignal },
  detectors: readonly Detector[],
  onStart: (detector: string, index: number, total: number) => void,
): Promise<{ findings: FindingRow[]; runs: DetectorRun[] }> {
  const findings: FindingRow[] = [];
  const runs: DetectorRun[] = [];
  for (const [i, detector] of detectors.entries()) {
    onStart(detector.name, i, detectors.length);
    await yieldTurn();
    checkAborted(context.signal);
    const started = performance.now();
    const out = await detector.run(frame, context);
    checkAborted(context.signal);
    for (const f of out.findings) findings.push({ ...f, source: detector.name });
    runs.push({
      name: detector.name,
      description: detector.description,
      note: out.note ?? null,
      ms: Math.round(performance.now() - started),
    });
  }
  return { findings, runs };
}

/** The analysis methods; `loadDetectors` gives the detectors (lazily, with a TF.js backend). */
export function createAnalysisHandlers(
  db: CleanroomDb,
  loadDetectors: DetectorLoader,
): Handlers<AnalysisMethods> {
  const frames = new FrameCache(db);
  const held = new Map<string, FindingRow[]>();

  return {
    async profile({ id, target }, { signal, progress }) {
      const read = (done: number, total: number) => progress({ phase: 'read', done, total });
      const { frame } = await frames.load(id, signal, read);
      const t = targetIndex(frame, target);
      progress({ phase: 'profile', done: 0, total: 1 });
      await yieldTurn();
      checkAborted(signal);
      const { missingTogether: _dropped, ...rest } = profileFrame(frame, t);
      progress({ phase: 'profile', done: 1, total: 1 });
      return {
        ...capCorrelations(rest),
        target: t === null ? null : frame.columns[t].meta.name,
        correlatedPairsTotal: rest.correlatedPairs.length,
      };
    },

    async detect({ id, target, detectors }, { signal, progress }) {
      const read = (done: number, total: number) => progress({ phase: 'read', done, total });
      const [{ frame, version }, loaded] = await Promise.all([
        frames.load(id, signal, read),
        loadDetectors(),
      ]);
      const t = targetIndex(frame, target);
      const all = loaded.detectors;
      const chosen = detectors ? all.filter((d) => detectors.includes(d.name)) : all;
      const { findings, runs } = await runAll(
        frame,
        { target: t, seed: 1, signal },
        chosen,
        (phase, i, n) => progress({ phase, done: i, total: n }),
      );
      progress({ phase: 'done', done: chosen.length, total: chosen.length });
      held.set(id, sortFindings(findings));
      const kept = frame.rows - frame.excluded.reduce((sum, x) => sum + x, 0);
      const summary = summarize(
        findings,
        runs,
        kept,
        t === null ? null : frame.columns[t].meta.name,
      );
      const opsSeq = Number(version.slice(version.lastIndexOf('@') + 1));
      return { ...summary, backend: loaded.backend, opsSeq };
    },

    async findings(query) {
      const findings = held.get(query.id);
      if (!findings)
        throw new CleanroomError(
          'not-found',
          'No findings are held for this dataset (the worker may have restarted): detect again.',
        );
      return findingsPage(findings, query);
    },
  };
}
