/** Which backend a run trains on: calibrated ('auto') or the user's override, plus fallbacks. */
import { CleanroomError } from '../src/core/errors';
import type {
  TrainBackendChoice,
  TrainBackendInfo,
  TrainProgress,
} from '../src/protocol/train-methods';
import { calibrate, useBackend, type BackendName } from './train-backends';
import type { PreparedRun } from './train-prepare';

// A lost GPU device usually means the GPU itself reset, so the CPU-side backends come first.
const FALLBACK_ORDER: BackendName[] = ['wasm', 'cpu', 'webgl'];

/** Picks and starts the backend; `note` says how it was chosen (shown with the run). */
export async function chooseBackend(
  infos: TrainBackendInfo[],
  choice: TrainBackendChoice,
  run: PreparedRun,
  progress: (p: TrainProgress) => void,
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
    progress({ phase: 'calibrating', message: 'Timing each backend on this model…' });
    ({ chosen, infos: measured } = await calibrate(
      usable,
      run.spec,
      run.preprocessing.inputNames.length,
      run.target.task,
      run.classCount,
    ));
    note = `auto: ${measured
      .map(
        (b) =>
          `${b.name}${b.software ? ' (software adapter)' : ''} ${b.stepMs?.toFixed(1)} ms/step`,
      )
      .join(', ')}`;
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
