/// <reference lib="webworker" />
import type { PriorityMethods } from '../src/protocol/priority-methods';
import { serve } from '../src/protocol/server';
import { CleanroomDb } from '../src/storage/db';
import { createPriorityHandlers } from './priority-handlers';

/**
 * The ranking worker. TF.js (for the distance products) loads on the first ranking, and the
 * backend is the fastest one measured here (see priority-backend.ts), so the worker starts at once.
 */
const loadBackend = async () => (await import('./priority-backend')).chooseBackend();

serve<PriorityMethods>(self, createPriorityHandlers(new CleanroomDb(), loadBackend));
