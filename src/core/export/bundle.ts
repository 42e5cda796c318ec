/**
 * The model bundle, a zip: model.json + weights.bin (stock TF.js), preprocessing.json,
 * drift-reference.json, model-card.json and model-card.md.
 */
import type * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CleanroomError } from '../errors';
import type { DriftReference } from '../evaluate/drift';
import type { Preprocessing } from '../train/preprocessing';
import { loadModelFiles, saveModelFiles, type ModelJson } from './model-artifacts';
import type { ModelCard } from './model-card';
import { modelCardMarkdown } from './model-card-markdown';

/** What goes into a bundle. */
export interface BundleContents {
  preprocessing: Preprocessing;
  card: ModelCard;
  reference: DriftReference | null;
}

/** A bundle read back: the parsed files, the model not yet loaded. */
export interface Bundle extends BundleContents {
  modelJson: ModelJson;
  weights: Uint8Array;
}

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 1));

/** Zips `model` with its preprocessing, card and drift reference. */
export async function exportBundle(
  model: tf.LayersModel,
  contents: BundleContents,
): Promise<Uint8Array> {
  const { modelJson, weights } = await saveModelFiles(model);
  const files: Record<string, Uint8Array> = {
    'model.json': json(modelJson),
    'weights.bin': weights,
    'preprocessing.json': json(contents.preprocessing),
    'model-card.json': json(contents.card),
    'model-card.md': strToU8(modelCardMarkdown(contents.card)),
  };
  if (contents.reference) files['drift-reference.json'] = json(contents.reference);
  return zipSync(files, { level: 6 });
}

/** Reads a bundle zip; one-line errors for a file that is not one. */
export function readBundle(zip: Uint8Array): Bundle {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    throw new CleanroomError(
      'invalid-operation',
      'This file is not a model bundle (not a zip archive).',
    );
  }
  const need = (name: string) => {
    const file = files[name];
    if (!file) throw new CleanroomError('invalid-operation', `This model bundle lacks ${name}.`);
    return file;
  };
  const parse = <T>(name: string): T => JSON.parse(strFromU8(need(name))) as T;
  const preprocessing = parse<Preprocessing>('preprocessing.json');
  if (preprocessing.format !== 'cleanroom-preprocessing')
    throw new CleanroomError(
      'invalid-operation',
      'preprocessing.json in this bundle is not in a known format.',
    );
  return {
    modelJson: parse<ModelJson>('model.json'),
    weights: need('weights.bin'),
    preprocessing,
    card: parse<ModelCard>('model-card.json'),
    reference: files['drift-reference.json'] ? parse<DriftReference>('drift-reference.json') : null,
  };
}

/** Loads a bundle's model with stock `tf.loadLayersModel` (the caller disposes it). */
export function loadBundleModel(bundle: Bundle): Promise<tf.LayersModel> {
  return loadModelFiles({ modelJson: bundle.modelJson, weights: bundle.weights });
}
