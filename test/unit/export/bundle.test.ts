import * as tf from '@tensorflow/tfjs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDriftReference } from '../../../src/core/evaluate/drift';
import { exportBundle, loadBundleModel, readBundle } from '../../../src/core/export/bundle';
import { buildModelCard } from '../../../src/core/export/model-card';
import { describeSchema, predictFrame } from '../../../src/core/export/predict-batch';
import { predictInputs } from '../../../src/core/train/predict-model';
import type { Preprocessing } from '../../../src/core/train/preprocessing';
import { trainModel, type TrainResult } from '../../../src/core/train/train';
import { transformFrame } from '../../../src/core/train/transform';
import { binaryTask, makeFrame } from '../train/fixtures';

let run: TrainResult;
let zip: Uint8Array;
const frame = binaryTask(300);

beforeAll(async () => {
  await tf.setBackend('cpu');
  run = await trainModel(frame, {
    target: 'label',
    model: { kind: 'mlp', hidden: [8, 4], epochs: 4, batchSize: 32 },
  });
  zip = await exportBundle(run.model, {
    preprocessing: run.preprocessing,
    card: buildModelCard(run, { backend: 'cpu', createdAt: '2026-01-01T00:00:00Z' }),
    reference: buildDriftReference(frame, run.preprocessing, run.rows.train),
  });
});

describe('model bundle', () => {
  it('loads in stock TF.js from the zip files and predicts exactly as the training code', async () => {
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'drift-reference.json',
      'model-card.json',
      'model-card.md',
      'model.json',
      'preprocessing.json',
      'weights.bin',
    ]);
    const modelJson = JSON.parse(strFromU8(files['model.json']));
    const weights = files['weights.bin'];
    const stock = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0].weights,
        weightData: weights.buffer.slice(
          weights.byteOffset,
          weights.byteOffset + weights.byteLength,
        ),
      }),
    );
    const spec = JSON.parse(strFromU8(files['preprocessing.json'])) as Preprocessing;
    const inputs = transformFrame(spec, frame);
    const loaded = tf.tidy(() =>
      (stock.predict(tf.tensor2d(inputs.x, [inputs.rows, inputs.width])) as tf.Tensor).dataSync(),
    );
    const trained = await predictInputs(
      run.model,
      run.preprocessing,
      transformFrame(run.preprocessing, frame).x,
      frame.rows,
    );
    expect(Array.from(loaded)).toEqual(
      Array.from(trained.probabilities!.filter((_, i) => i % 2 === 1)),
    );
    stock.dispose();
  });

  it('carries a model card in JSON and Markdown with metrics and intervals', () => {
    const bundle = readBundle(zip);
    expect(bundle.card.metrics.validation.find((m) => m.name === 'accuracy')).toMatchObject({
      method: 'wilson',
    });
    expect(bundle.card.data).toMatchObject({ datasetVersion: null, recipeHash: null });
    const md = strFromU8(unzipSync(zip)['model-card.md']);
    expect(md).toMatch(/## Intended use/);
    expect(md).toMatch(/\| accuracy \| 0\.\d{3} \(95% CI/);
    expect(md).toMatch(/Not used: `id`/);
  });

  it('scores new data with missing and extra columns and unseen categories, and checks drift', async () => {
    const before = tf.memory().numTensors;
    const bundle = readBundle(zip);
    const model = await loadBundleModel(bundle);
    const fresh = makeFrame({
      b: [0.1, -2, 3],
      city: ['north', 'mars', null],
      extra: ['x', 'y', 'z'],
    });
    const result = await predictFrame(model, bundle, fresh, { drift: true });
    expect(result.labels).toHaveLength(3);
    expect(result.schema.missingColumns).toEqual(['a']);
    expect(result.schema.extraColumns).toEqual(['extra']);
    expect(result.schema.unseenCategories[0]).toMatchObject({
      column: 'city',
      count: 1,
      examples: ['mars'],
    });
    expect(describeSchema(result.schema).join('\n')).toMatch(
      /missing column "a"[\s\S]*extra column "extra"[\s\S]*unseen/,
    );
    expect(result.drift!.columns.find((c) => c.column === 'a')!.note).toMatch(/missing/);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a file that is not a bundle with one line', () => {
    expect(() => readBundle(new Uint8Array([1, 2, 3]))).toThrow(
      'This file is not a model bundle (not a zip archive).',
    );
  });
});
