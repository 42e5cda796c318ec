/** Serves the built app (dist/) with `vite preview` on a free port, for the browser benchmarks. */
import { createServer } from 'node:net';
import { preview } from 'vite';

/** A running preview server. */
export interface DistServer {
  port: number;
  close(): Promise<void>;
}

/** Starts `vite preview` for the project at `root` on a port nobody listens on right now. */
export async function serveDist(root: string): Promise<DistServer> {
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { port, strictPort: true, open: false },
  });
  return { port, close: () => server.close() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
