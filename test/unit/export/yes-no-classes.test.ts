/**
 * A yes/no target keeps the file's spelling everywhere a class is named: the encoded classes,
 * ranking labels, preprocessing.json, the predictions CSV (CLI), and boolean features record
 * which spelling reads as 1. Predictions are numbered from 0.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFlags } from '../../../src/cli/args';
import * as predict from '../../../src/cli/commands/predict';
import * as train from '../../../src/cli/commands/train';
import { readBundle } from '../../../src/core/export/bundle';
import { predictionsCsv } from '../../../src/core/export/predictions-csv';
import { buildImpactData } from '../../../src/core/impact/features';
import { columnDistribution } from '../../../src/core/impact/row-evidence';
import { profileColumn } from '../../../src/core/profile/column-profile';
import { fitPreprocessing } from '../../../src/core/train/fit-preprocessing';
import type { Preprocessing } from '../../../src/core/train/preprocessing';
import { encodeTarget } from '../../../src/core/train/target';
import { load } from '../recipe/helpers';

/** 80 rows: OverTime decides Attrition, with one "YES" written unlike the usual "Yes". */
function attritionCsv(yes = 'Yes', no = 'No'): string {
  const lines = ['id,Age,OverTime,Attrition'];
  for (let i = 0; i < 80; i++) {
    const over = i % 3 === 0;
    const spelled = i === 10 ? yes.toUpperCase() : over ? yes : no;
    lines.push(`e${i},${20 + (i % 30)},${over ? yes : no},${spelled}`);
  }
  return `${lines.join('\n')}\n`;
}

afterEach(() => vi.restoreAllMocks());

describe('yes/no class names', () => {
  it('are the file spelling, false first, with variants counted as their value', async () => {
    const { frame } = await load(attritionCsv());
    const target = encodeTarget(frame, 'Attrition');
    expect(target.task).toBe('classification');
    expect(target.classes).toEqual(['No', 'Yes']);
    // Row 10 is written "YES": class "Yes" (index 1); row 1 is "No".
    expect(target.values[10]).toBe(1);
    expect(target.values[1]).toBe(0);
    const odd = await load(attritionCsv('TRUE', 'false'));
    expect(encodeTarget(odd.frame, 'Attrition').classes).toEqual(['false', 'TRUE']);
  });

  it('name the ranking classes and map a validation file spelled otherwise onto them', async () => {
    const train = await load(attritionCsv());
    const val = await load(attritionCsv('yes', 'no'));
    const data = buildImpactData(train.frame, val.frame, 'Attrition');
    expect(data.classes).toEqual(['No', 'Yes']);
    expect(data.unknownValClasses.size).toBe(0);
    expect(data.valLabels![0]).toBe(1);
  });

  it('name the profile bars and the evidence distribution of a yes/no column', async () => {
    const { frame } = await load(attritionCsv());
    const overTime = frame.columns[2];
    const top = profileColumn(overTime, frame.excluded).topValues;
    expect(top.map((t) => t.value)).toEqual(['No', 'Yes']);
    expect(columnDistribution(frame, 2, 0)).toMatchObject({
      value: 'Yes',
      bins: null,
      top: [
        ['No', 53],
        ['Yes', 27],
      ],
    });
  });

  it('go into preprocessing.json, and yes/no features say which spelling is 1', async () => {
    const { frame } = await load(attritionCsv());
    const target = encodeTarget(frame, 'Attrition');
    const spec = fitPreprocessing(frame, target, Int32Array.from(target.rows.keys()), {
      leakThreshold: null,
    });
    expect(spec.classes).toEqual(['No', 'Yes']);
    expect(spec.features.find((f) => f.column === 'OverTime')).toMatchObject({
      kind: 'numeric',
      spellings: ['No', 'Yes'],
    });
  });

  it('write the predictions CSV from row 0 in the class spelling', async () => {
    const { frame } = await load(attritionCsv());
    const spec = {
      target: 'Attrition',
      classes: ['No', 'Yes'],
      excluded: [{ column: 'id', reason: 'identifier: a distinct value per row' }],
    } as Preprocessing;
    const csv = predictionsCsv(
      {
        rows: 2,
        labels: ['Yes', 'No'],
        probabilities: Float32Array.from([0.25, 0.75, 0.9, 0.1]),
        values: null,
      },
      spec,
      frame,
    );
    expect(csv).toBe(
      'row,id,predicted_Attrition,p_No,p_Yes\n0,e0,Yes,0.25,0.75\n1,e1,No,0.9,0.1\n',
    );
  });

  it('come out of the CLI: train, then predict, in the file spelling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanroom-yes-no-'));
    writeFileSync(join(dir, 'train.csv'), attritionCsv());
    writeFileSync(join(dir, 'new.csv'), 'id,Age,OverTime\nq1,30,Yes\nq2,41,No\n');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const model = join(dir, 'model.zip');
    const common = ['--backend', 'cpu'];
    await train.run(
      parseFlags([
        ...['--data', join(dir, 'train.csv'), '--target', 'Attrition', '--out', model],
        ...['--model', 'logistic', '--epochs', '40', ...common],
      ]),
    );
    expect(readBundle(new Uint8Array(readFileSync(model))).preprocessing.classes).toEqual([
      'No',
      'Yes',
    ]);
    const out = join(dir, 'predictions.csv');
    await predict.run(
      parseFlags(['--model', model, '--data', join(dir, 'new.csv'), '--out', out, ...common]),
    );
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,id,predicted_Attrition,p_No,p_Yes');
    expect(lines[1]).toMatch(/^0,q1,(Yes|No),/);
    expect(lines[2]).toMatch(/^1,q2,(Yes|No),/);
  });
});
