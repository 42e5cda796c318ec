/** Which backend a run trains on: calibrated ('auto') or the user's override, plus fallbacks. */
import { CleanroomError } from '../../src/core/errors';
import type {
  TrainBackendChoice,
  TrainBackendInfo,
  TrainProgress,
} from '../../src/protocol/train-methods';
import {
  calibrationKey,
  calibrationPays,
  denseParameters,
} from '../../src/core/train/backend-cost';
import { outputUnits } from '../../src/core/train/model-spec';
import type { BackendChoiceRecord } from '../../src/storage/backend-choice-repo';
import { useBackend, type BackendName } from '../shared/tf-backend';
import { calibrate } from './train-calibrate';
import type { PreparedRun } from './train-prepare';

/** Where calibrations are kept per device (IndexedDB in the worker; absent in tests). */
export interface BackendStore {
  get(key: string): Promise<BackendChoiceRecord | undefined>;
  put(record: BackendChoiceRecord): Promise<void>;
}

// A lost GPU device usually means the GPU itself reset, so the CPU-side backends come first.
const FALLBACK_ORDER: BackendName[] = ['wasm', 'cpu', 'webgl'];

/** Picks and starts the backend; `note` says how it was chosen (shown with the run). */
export async function chooseBackend(
  infos: TrainBackendInfo[],
  choice: TrainBackendChoice,
  run: PreparedRun,
  progress: (p: TrainProgress) => void,
  store?: BackendStore,
): Promise<{
  chosen: BackendName;
  note: string;
  measured: TrainBackendInfo[];
  fallbacks: BackendName[];
}> {
  const usable = infos.filter((b) => b.available);
  let chosen: BackendName;
  let measured = infos;
  let note: string;
  if (choice === 'auto') {
    const { spec, preprocessing, target, classCount } = run;
    const inputs = preprocessing.inputNames.length;
    const outputs = outputUnits(target.task, classCount);
    const parameters = denseParameters(inputs, spec.kind === 'mlp' ? spec.hidden : [], outputs);
    const { work, pays } = calibrationPays(run.train.rows, parameters, spec.epochs);
    const key = calibrationKey(
      inputs,
      spec.kind === 'mlp' ? spec.hidden : [],
      outputs,
      spec.batchSize,
    );
    const stored = pays ? await store?.get(key).catch(() => undefined) : undefined;
    const cpuSide = usable.find((b) => b.name === 'wasm') ?? usable.find((b) => b.name === 'cpu');
    if (!pays && cpuSide) {
      chosen = cpuSide.name;
      note = `auto: small job (${run.train.rows} rows × ${parameters} parameters × ${spec.epochs} epochs ≈ ${work.toExponential(1)} multiply-adds), not worth timing the backends; ${chosen}`;
    } else if (stored && usable.some((b) => b.name === stored.chosen)) {
      chosen = stored.chosen;
      measured = stored.infos;
      note = `auto: this device's calibration of ${stored.measuredAt.slice(0, 10)} for this model shape: ${describe(stored.infos)}`;
    } else {
      progress({ phase: 'calibrating', message: 'Timing each backend on this model…' });
      ({ chosen, infos: measured } = await calibrate(
        usable,
        spec,
        inputs,
        target.task,
        classCount,
      ));
      note = `auto: ${describe(measured)}`;
      await store
        ?.put({ key, chosen, infos: measured, measuredAt: new Date().toISOString() })
        .catch(() => undefined);
    }
  } else {
    const info = infos.find((b) => b.name === choice);
    if (!info?.available)
      throw new CleanroomError(
        'invalid-operation',
        `The ${choice} backend is not available here (${info?.error ?? 'unknown'}). Choose another or 'auto'.`,
      );
    chosen = choice;
    note = `chosen by you${info.software ? ' (software adapter: slower than a real GPU)' : ''}`;
  }
  if (!(await useBackend(chosen)))
    throw new CleanroomError('invalid-operation', `The ${chosen} backend did not start.`);
  const fallbacks = FALLBACK_ORDER.filter((n) => n !== chosen && usable.some((b) => b.name === n));
  return { chosen, note, measured, fallbacks };
}

/** "webgl 1.2 ms/step, wasm 3.4 ms/step" from calibration figures. */
function describe(infos: TrainBackendInfo[]): string {
  return infos
    .filter((b) => b.stepMs !== undefined)
    .map(
      (b) => `${b.name}${b.software ? ' (software adapter)' : ''} ${b.stepMs!.toFixed(1)} ms/step`,
    )
    .join(', ');
}
