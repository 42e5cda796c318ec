/**
 * A layers model as the two files stock TF.js reads (model.json + weights.bin), saved through
 * `tf.io.withSaveHandler` so it works in Node and in workers (no DOM download).
 */
import * as tf from '@tensorflow/tfjs';

/** model.json as `tf.loadLayersModel` expects it (weights in one shard, weights.bin). */
export interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** The model's two files. */
export interface ModelFiles {
  modelJson: ModelJson;
  weights: Uint8Array;
}

/** Serialises `model` (topology + weights; no optimizer state). */
export async function saveModelFiles(model: tf.LayersModel): Promise<ModelFiles> {
  let files: ModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const buffer =
        data === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(data);
      files = {
        modelJson: {
          modelTopology: artifacts.modelTopology as object,
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
        },
        weights: new Uint8Array(buffer),
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return files!;
}

/** Loads the two files with stock `tf.loadLayersModel` over an in-memory handler. */
export function loadModelFiles(files: ModelFiles): Promise<tf.LayersModel> {
  const weightData = files.weights.buffer.slice(
    files.weights.byteOffset,
    files.weights.byteOffset + files.weights.byteLength,
  ) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: files.modelJson.modelTopology,
      weightSpecs: files.modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData,
      format: files.modelJson.format,
      generatedBy: files.modelJson.generatedBy,
      convertedBy: files.modelJson.convertedBy ?? undefined,
    }),
  );
}
