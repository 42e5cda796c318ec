/// <reference lib="webworker" />
import { shownBackend } from '../src/core/train/backend-cost';
import type { ComputeMethods } from '../src/protocol/compute-methods';
import { serve } from '../src/protocol/server';
import { latestBackendChoice, latestRunBackend } from '../src/storage/backend-choice-repo';
import { CleanroomDb } from '../src/storage/db';

const db = new CleanroomDb();

serve<ComputeMethods>(self, {
  trainingBackend: async () => {
    const [run, calibration] = await Promise.all([latestRunBackend(db), latestBackendChoice(db)]);
    return shownBackend(run, calibration);
  },
});
