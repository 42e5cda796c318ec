/// <reference lib="webworker" />
import type { ComputeMethods } from '../src/protocol/compute-methods';
import { serve } from '../src/protocol/server';
import { probeBackends } from './backend-probe';

serve<ComputeMethods>(self, {
  probeBackends: () => probeBackends(),
});
