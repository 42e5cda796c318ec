import { describe, expect, it } from 'vitest';
import { trainParams, type TrainForm } from '../../../../src/ui/train/train-params';
import { fmtEstimate } from '../../../../src/ui/train/train-format';

const form: TrainForm = {
  target: 'species',
  task: 'auto',
  kind: 'mlp',
  hidden: '32, 16 x 0',
  activation: 'tanh',
  dropout: 0.2,
  l2: 0.001,
  learningRate: 0.01,
  epochs: 5,
  batchSize: 32,
  seed: 7,
  backend: 'wasm',
  balanced: true,
  privacyK: 25,
};

describe('train form → train params', () => {
  it('parses hidden sizes and keeps only positive integers', () => {
    const p = trainParams(form, 'd1', { loseDeviceAfterEpoch: 2 });
    expect(p).toMatchObject({ id: 'd1', target: 'species', seed: 7, backend: 'wasm' });
    expect(p.loseDeviceAfterEpoch).toBe(2);
    expect(p.model).toMatchObject({ kind: 'mlp', hidden: [32, 16], dropout: 0.2 });
    expect(p.model.classWeights).toBe('balanced');
    expect(p.privacyK).toBe(25);
    // k = 1 would let a bin or category stand for one row: the default takes its place.
    expect(trainParams({ ...form, privacyK: 1 }, 'd1').privacyK).toBe(10);
  });

  it('logistic models have no hidden layers and no dropout', () => {
    const p = trainParams({ ...form, kind: 'logistic' }, 'd1');
    expect(p.model).toMatchObject({ kind: 'logistic', hidden: [], dropout: 0 });
  });

  it('formats an estimate with its interval, or alone without one', () => {
    expect(fmtEstimate({ value: 0.9, low: 0.8, high: 0.95, method: 'wilson' })).toBe(
      '0.900 (95% CI 0.800–0.950, wilson)',
    );
    expect(fmtEstimate({ value: 0.5, low: NaN, high: NaN, method: 'none' })).toBe('0.500');
  });
});
