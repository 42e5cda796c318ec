/** The live view's per-epoch metric, computed next to the fit loop without blocking it. */
import * as tf from '@tensorflow/tfjs';
import type { FitData } from '../../src/core/train/fit-model';
import type { PreparedRun } from './train-prepare';

/** Accuracy (classes) or RMSE in target units (regression) on up to `limit` rows; enqueued now, read later. */
export function metricOf(
  model: tf.LayersModel,
  run: PreparedRun,
  data: FitData,
  limit = 4096,
): Promise<number> {
  const rows = Math.min(data.rows, limit);
  if (rows === 0) return Promise.resolve(NaN);
  const out = tf.tidy(
    () =>
      model.predict(
        tf.tensor2d(data.x.subarray(0, rows * data.width), [rows, data.width]),
      ) as tf.Tensor,
  );
  const units = (out.shape[1] as number) ?? 1;
  return out.data().then((values) => {
    out.dispose();
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      if (run.target.task === 'regression') sum += (values[i] - data.y[i]) ** 2;
      else {
        let best = units === 1 ? (values[i] >= 0.5 ? 1 : 0) : 0;
        if (units > 1)
          for (let c = 1; c < units; c++)
            if (values[i * units + c] > values[i * units + best]) best = c;
        sum += best === data.y[i] ? 1 : 0;
      }
    }
    const std = run.preprocessing.targetScaling?.std ?? 1;
    return run.target.task === 'regression' ? Math.sqrt(sum / rows) * std : sum / rows;
  });
}
