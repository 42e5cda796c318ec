/// <reference lib="webworker" />
import type { PriorityMethods } from '../src/protocol/priority-methods';
import { serve } from '../src/protocol/server';
import { CleanroomDb } from '../src/storage/db';
import { createPriorityHandlers } from './priority/priority-handlers';

/**
 * The ranking worker. TF.js (for the distance products) loads on the first ranking, so the worker
 * starts at once; the backend is wasm, or for large rankings the fastest measured here (see
 * priority-backend.ts).
 */
const loadBackend = async (work: number) =>
  (await import('./priority/priority-backend')).chooseBackend(work);

serve<PriorityMethods>(self, createPriorityHandlers(new CleanroomDb(), loadBackend));
