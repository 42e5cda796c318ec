/**
 * A ranking that follows the user's fixes: each logged operation updates the signals of the rows
 * it touches, only those rows are rescored (scoreRow), and the order is mended around them
 * instead of sorted again. A row's state is always derived from the original signals plus the
 * operations active now, so a revert, undo or redo simply restores what the row was.
 */
import { activeSeqs } from '../clean/active-operations';
import type { LoggedOperation } from '../clean/operations';
import type { CellEvidence } from './cell-signal';
import {
  compareRanked,
  labelGainScale,
  scoreRow,
  type RankedRow,
  type RowSignals,
} from './combine';
import {
  accuracyAfter,
  balancedRelabelGain,
  cleaningCurve,
  suggestedBalancedGain,
  type ClassReference,
  type Curve,
} from './curve';
import type { ShapleyResult } from './knn-shapley';
import { labelEvidence } from './label-signal';
import { fixOrder } from './rank-state-order';
import { RowOps, rowEffects } from './rank-state-ops';
import type { RankCounters, RankStateOptions, RankUpdate, RowStatus } from './rank-state-types';

/** The core's lib declares no timers; workers and Node both have performance.now. */
const host = globalThis as unknown as { performance?: { now(): number } };
const now = () => host.performance?.now() ?? Date.now();

/** Multiplies pWrong of the same detector's other flags on a column, per row marked OK. */
export const FALSE_ALARM_FACTOR = 0.7;

export class RankState {
  readonly signals: RowSignals;
  /** Label gains are scaled as at ranking time, so old and new scores stay comparable. */
  readonly scale: number;
  private readonly originalLabels: RowSignals['labels'];
  private readonly originalCells: RowSignals['cells'];
  private readonly originalGiven: Int32Array;
  private readonly originalMissing: boolean[];
  private readonly ranked: RankedRow[];
  /** Every row, best first. */
  readonly order: Int32Array;
  readonly status: RowStatus[];
  /** Typed mirrors for the per-update passes over every row: 1 where open, and each row's gain. */
  private readonly isOpen: Uint8Array;
  private readonly gain: Float64Array;
  /** Open rows with score > 0, kept current by refreshRow (no pass over every row per fix). */
  private openFlagged = 0;
  /** Buffers reused by every update (a 50k-row ranking would allocate 600 kB per fix). */
  private readonly scratchOrder: Int32Array;
  private readonly scratchGains: Float64Array;
  /** Gain already won by the fix made on the row (accuracy fraction). */
  private readonly realised: Float64Array;
  private readonly ops: RowOps;
  private readonly skipped = new Set<number>();
  private readonly start: number;
  private readonly preExcluded: Uint8Array | null;
  private readonly shapley: ShapleyResult | null;
  private readonly factor: number;
  private lastSeq: number;
  private readonly classRef: ClassReference | null;
  /** Per row: balanced-accuracy gain of its suggested fix, and of the fix made (see balancedOf). */
  private readonly balancedGain: Float64Array;
  private readonly balancedRealised: Float64Array;

  constructor(signals: RowSignals, options: RankStateOptions = {}) {
    const n = signals.values.length;
    this.signals = {
      ...signals,
      labels: [...signals.labels],
      cells: [...signals.cells],
      given: signals.given.slice(),
      missingTarget: [...signals.missingTarget],
    };
    this.originalLabels = signals.labels;
    this.originalCells = signals.cells;
    this.originalGiven = signals.given;
    this.originalMissing = signals.missingTarget;
    this.scale = labelGainScale(signals);
    const given = options.rows?.length === n ? options.rows : null;
    this.ranked = new Array<RankedRow>(n);
    if (given) given.forEach((x) => (this.ranked[x.row] = x));
    else for (let r = 0; r < n; r++) this.ranked[r] = scoreRow(this.signals, r, this.scale);
    this.order = Int32Array.from(given ?? this.ranked.slice().sort(compareRanked), (x) => x.row);
    this.preExcluded = options.excluded ?? null;
    this.status = Array.from({ length: n }, (_, r) =>
      this.preExcluded?.[r] ? 'excluded' : 'open',
    );
    this.isOpen = Uint8Array.from(this.status, (x) => (x === 'open' ? 1 : 0));
    this.gain = Float64Array.from(this.ranked, (x) => x.gain);
    for (let r = 0; r < n; r++) this.openFlagged += this.flaggedOpen(r);
    this.scratchOrder = new Int32Array(n);
    this.scratchGains = new Float64Array(n);
    this.realised = new Float64Array(n);
    this.ops = new RowOps(signals.cells);
    this.start = options.start ?? 0;
    this.shapley = options.shapley ?? null;
    this.factor = options.falseAlarmFactor ?? FALSE_ALARM_FACTOR;
    this.lastSeq = options.baseSeq ?? 0;
    this.classRef = options.classReference ?? null;
    this.balancedGain = new Float64Array(this.classRef ? n : 0);
    this.balancedRealised = new Float64Array(this.classRef ? n : 0);
    if (this.classRef) for (let r = 0; r < n; r++) this.balancedGain[r] = this.balancedOf(r);
  }

  /** Balanced-accuracy gain of row r's suggested fix, or of the fix made (`realised`). */
  private balancedOf(r: number, realised = false): number {
    const item = this.ranked[r];
    if (!this.classRef || !this.shapley) return realised ? this.realised[r] : item.gain;
    if (!realised) {
      const { classes, given } = this.signals;
      return suggestedBalancedGain(item, given[r], classes, this.shapley.affinity, this.classRef);
    }
    const from = this.originalGiven[r];
    const to = this.signals.given[r];
    return this.status[r] === 'relabelled' && to >= 0 && from !== to
      ? balancedRelabelGain(this.shapley.affinity, r, from, to, this.classRef)
      : this.realised[r];
  }

  /** Row `r`'s current line of the ranking. */
  item(r: number): RankedRow {
    return this.ranked[r];
  }

  /** Takes in operations logged since the last call (older or repeated ones are ignored). */
  noteOperations(logged: readonly LoggedOperation[], skipped: readonly number[] = []): RankUpdate {
    const started = now();
    const fresh = logged.filter((e) => e.seq > this.lastSeq).sort((a, b) => a.seq - b.seq);
    const touched = new Set<number>();
    for (const r of skipped) {
      if (r < 0 || r >= this.ranked.length) continue;
      this.skipped.add(r);
      touched.add(r);
    }
    if (fresh.length) {
      this.lastSeq = fresh[fresh.length - 1].seq;
      const active = activeSeqs([...this.ops.log, ...fresh]);
      for (const r of this.ops.note(fresh, active)) touched.add(r);
    }
    const changed: number[] = [];
    for (const r of touched) {
      // An operation on a row the ranking does not have (a stale or foreign log) changes nothing.
      if (!(r >= 0 && r < this.ranked.length)) continue;
      const before = this.ranked[r];
      this.refreshRow(r);
      const after = this.ranked[r];
      if (before.score !== after.score || before.value !== after.value) changed.push(r);
    }
    const moved = fixOrder(
      this.order,
      changed,
      (a, b) => compareRanked(this.ranked[a], this.ranked[b]),
      this.scratchOrder,
    );
    return {
      counters: this.counters(),
      curve: this.curve(),
      moved,
      ms: now() - started,
    };
  }

  counters(): RankCounters {
    const c: RankCounters = {
      reviewed: 0,
      fixed: 0,
      relabelled: 0,
      excluded: 0,
      ok: 0,
      skipped: 0,
      openFlagged: this.openFlagged,
      gainLeft: 0,
    };
    let open = 0;
    for (let r = 0; r < this.isOpen.length; r++) {
      if (this.isOpen[r]) open += this.gain[r];
      else if (!this.preExcluded?.[r]) {
        c.reviewed++;
        c[this.status[r] as Exclude<RowStatus, 'open'>]++;
      }
    }
    // In the curve's units: what the open rows add to the accuracy now (see accuracyAfter).
    const won = this.realisedTotal();
    c.gainLeft = accuracyAfter(this.start, won + open) - accuracyAfter(this.start, won);
    return c;
  }

  /** Sum of the gains won by the fixes in effect. */
  private realisedTotal(): number {
    let won = 0;
    for (const g of this.realised) won += g;
    return won;
  }

  /**
   * Accuracy now (start + gains won), then our order over the open rows against a random one;
   * with a class reference, the same for balanced accuracy.
   */
  curve(): Curve {
    const gains = this.scratchGains;
    let open = 0;
    for (const r of this.order) if (this.isOpen[r]) gains[open++] = this.gain[r];
    const curve = cleaningCurve(this.start, this.realisedTotal(), gains.subarray(0, open));
    if (!this.classRef) return curve;
    open = 0;
    for (const r of this.order) if (this.isOpen[r]) gains[open++] = this.balancedGain[r];
    let won = 0;
    for (const g of this.balancedRealised) won += g;
    const balanced = cleaningCurve(this.classRef.start, won, gains.subarray(0, open));
    return { ...curve, balanced };
  }

  /** 1 when row `r` is open and has evidence (the review still reaches it), else 0. */
  private flaggedOpen(r: number): number {
    return this.isOpen[r] && this.ranked[r].score > 0 ? 1 : 0;
  }

  /** Recomputes row `r`'s signals, status and score from the original and its active ops. */
  private refreshRow(r: number): void {
    const s = this.signals;
    // A column-wide transform that repairs the flagged cell fixes the row as a set-cell would.
    const cell = this.originalCells[r];
    const repaired = cell && this.ops.transformed(cell) ? cell.finding.column : null;
    this.openFlagged -= this.flaggedOpen(r);
    const { label, relabelled, fixedColumns, status } = rowEffects(this.ops.rowOps(r), {
      given: this.originalGiven[r],
      classes: s.classes,
      skipped: this.skipped.has(r),
      excluded: !!this.preExcluded?.[r],
      repaired,
    });
    this.status[r] = status;
    s.given[r] = label;
    // A relabelled row has a target now, whatever its class.
    s.missingTarget[r] = relabelled ? false : this.originalMissing[r];
    s.labels[r] = relabelled ? this.relabelledEvidence(r, label) : this.originalLabels[r];
    s.cells[r] = this.currentCell(r, fixedColumns);
    this.realised[r] = this.realisedGain(r, status, label, fixedColumns);
    this.ranked[r] = scoreRow(s, r, this.scale);
    this.isOpen[r] = status === 'open' ? 1 : 0;
    this.gain[r] = this.ranked[r].gain;
    this.openFlagged += this.flaggedOpen(r);
    if (this.classRef) {
      this.balancedGain[r] = this.balancedOf(r);
      this.balancedRealised[r] = this.balancedOf(r, true);
    }
  }

  /** Label evidence after a relabel: none when it took the suggestion, else read off Shapley. */
  private relabelledEvidence(r: number, label: number) {
    const original = this.originalLabels[r];
    if (label < 0 || (original && original.suggested === label) || !this.shapley) return null;
    const C = this.signals.classes.length;
    const one: ShapleyResult = {
      ...this.shapley,
      affinity: this.shapley.affinity.subarray(r * C, (r + 1) * C),
      votes: this.shapley.votes.subarray(r * C, (r + 1) * C),
    };
    return labelEvidence(one, Int32Array.of(label), C)[0];
  }

  private currentCell(r: number, fixedColumns: Set<number>): CellEvidence | null {
    const cell = this.originalCells[r];
    if (!cell) return null;
    const column = cell.finding.column;
    if (column !== null && fixedColumns.has(column)) return null;
    const alarms = this.ops.falseAlarms(cell, r);
    return alarms ? { ...cell, pWrong: cell.pWrong * this.factor ** alarms } : cell;
  }

  private realisedGain(r: number, status: RowStatus, label: number, fixed: Set<number>): number {
    const original = this.originalGiven[r];
    if (status === 'relabelled' && label >= 0 && original >= 0 && this.shapley) {
      const C = this.signals.classes.length;
      return this.shapley.affinity[r * C + label] - this.shapley.affinity[r * C + original];
    }
    const evidence = this.originalLabels[r];
    if (status === 'relabelled') return evidence?.suggested === label ? evidence.gain : 0;
    const cell = this.originalCells[r];
    if (status === 'fixed' && cell?.finding.column != null && fixed.has(cell.finding.column))
      return cell.accuracyGain ?? 0;
    // Dropping a row whose value is negative removes the harm it does (efficiency: U moves by −v).
    if (status === 'excluded' && !this.preExcluded?.[r])
      return Math.max(0, -(Number.isNaN(this.signals.values[r]) ? 0 : this.signals.values[r]));
    return 0;
  }
}
