import { createClient, type Client } from '../../protocol/client';
import type { AnalysisMethods } from '../../protocol/analysis-methods';

let client: Client<AnalysisMethods> | null = null;

/**
 * The page's one connection to the analysis worker, shared by the Profile and Issues tabs (the
 * worker keeps the last frame and each dataset's findings). Started on first use.
 */
export function analysisClient(): Client<AnalysisMethods> {
  client ??= createClient<AnalysisMethods>(
    () =>
      new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), {
        type: 'module',
        name: 'cleanroom-analysis',
      }),
  );
  return client;
}
