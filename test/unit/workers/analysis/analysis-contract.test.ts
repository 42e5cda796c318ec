import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from '../../../../src/core/detect/registry';
import type { AnalysisMethods } from '../../../../src/protocol/analysis-methods';
import { createClient, type Client } from '../../../../src/protocol/client';
import { createInProcessClient } from '../../../../src/protocol/in-process';
import { CleanroomDb } from '../../../../src/storage/db';
import { MAX_PAIRS, createAnalysisHandlers } from '../../../../workers/analysis/analysis-handlers';
import { createDataHandlers } from '../../../../workers/data/data-handlers';
import { channelEndpoint } from '../../protocol/channel-endpoint';

/** 40 rows: `amount` has one -999 code and one value 1000× too big; `city` has a typo. */
const CSV = `id,amount,city,label\n${Array.from({ length: 40 }, (_, i) => {
  const amount = i === 3 ? -999 : i === 7 ? 52_000 : 40 + (i % 9);
  const city = i === 11 ? 'Lodnon' : ['London', 'Paris', 'Oslo'][i % 3];
  return `${i},${amount},${city},${i % 2 ? 'yes' : 'no'}`;
}).join('\n')}\n`;

/** 25 columns that all rise with the row: hundreds of correlated pairs. */
const WIDE = `${Array.from({ length: 25 }, (_, c) => `x${c}`).join(',')}\n${Array.from(
  { length: 30 },
  (_, r) => Array.from({ length: 25 }, (_, c) => r * (c + 1) + ((r * c) % 3) / 10).join(','),
).join('\n')}\n`;

async function setUp(
  wrap: (h: ReturnType<typeof createAnalysisHandlers>) => Client<AnalysisMethods>,
  text = CSV,
) {
  const db = new CleanroomDb({ name: 'analysis', indexedDB: new IDBFactory(), IDBKeyRange });
  const data = createDataHandlers(
    db,
    (_name, task) => task(),
    (id) => `import:${id}`,
  );
  const ctx = { signal: new AbortController().signal, progress: () => {} };
  const file = new File([text], 'a.csv', { type: 'text/csv' });
  const meta = await data.importFile({ file, name: 'a', fileName: 'a.csv' }, ctx);
  const client = wrap(
    createAnalysisHandlers(db, async () => ({ detectors: ALL_DETECTORS, backend: 'cpu' })),
  );
  return { meta, client, data, ctx };
}

const transports: Array<
  [string, (h: ReturnType<typeof createAnalysisHandlers>) => Client<AnalysisMethods>]
> = [
  ['in-process', (h) => createInProcessClient(h)],
  [
    'message-passing',
    (h) => createClient<AnalysisMethods>(() => channelEndpoint(h, { spawned: 0, terminated: 0 })),
  ],
];

describe.each(transports)('analysis protocol (%s)', (_name, wrap) => {
  it('profiles with a target and reports progress', async () => {
    const { meta, client } = await setUp(wrap);
    const phases: string[] = [];
    const profile = await client.call(
      'profile',
      { id: meta.id, target: 'label' },
      { onProgress: (p) => phases.push(p.phase) },
    );
    expect(phases).toContain('read');
    expect(profile.columns.map((c) => c.name)).toEqual(['id', 'amount', 'city', 'label']);
    expect(profile.target).toBe('label');
    expect(profile.targetAssociation.map((a) => a.column)).toEqual(['id', 'amount', 'city']);
    expect('missingTogether' in profile).toBe(false);
  });

  it('caps correlated pairs and their alerts, keeping the total', async () => {
    const { meta, client } = await setUp(wrap, WIDE);
    const profile = await client.call('profile', { id: meta.id });
    // x0 counts 0, 1, 2…: typed as an identifier, so 24 columns make 276 pairs.
    expect(profile.correlatedPairsTotal).toBe(276);
    expect(profile.correlatedPairs).toHaveLength(MAX_PAIRS);
    const alerts = profile.alerts.filter((a) => a.kind === 'high-correlation');
    expect(alerts).toHaveLength(MAX_PAIRS);
  });

  it('detects, tallies per detector and pages findings by detector and column', async () => {
    const { meta, client } = await setUp(wrap);
    const summary = await client.call('detect', { id: meta.id });
    expect(summary.rows).toBe(40);
    expect(summary.backend).toBe('cpu');
    const label = summary.detectors.find((d) => d.name === 'label')!;
    expect(label.findings).toBe(0);
    expect(label.note).toMatch(/target/);
    const total = summary.detectors.reduce((sum, d) => sum + d.findings, 0);
    expect(total).toBe(summary.total);
    expect(summary.total).toBeGreaterThan(0);

    const all = await client.call('findings', { id: meta.id, offset: 0, limit: 500 });
    expect(all.total).toBe(summary.total);
    for (let i = 1; i < all.rows.length; i++)
      expect(all.rows[i - 1].score).toBeGreaterThanOrEqual(all.rows[i].score);
    const first = all.rows[0];
    const bySource = await client.call('findings', {
      id: meta.id,
      offset: 0,
      limit: 2,
      detector: first.source,
    });
    expect(bySource.rows.every((f) => f.source === first.source)).toBe(true);
    expect(bySource.rows.length).toBeLessThanOrEqual(2);
    const amount = await client.call('findings', { id: meta.id, offset: 0, limit: 50, column: 1 });
    expect(amount.rows.every((f) => f.column === 1)).toBe(true);
    expect(amount.rows.some((f) => f.row === 3 || f.row === 7)).toBe(true);
  });

  it('says which version it detected: the source, then the step appended since', async () => {
    const { meta, client, data, ctx } = await setUp(wrap);
    expect((await client.call('detect', { id: meta.id, detectors: ['missing'] })).opsSeq).toBe(0);
    const logged = await data.appendOperation(
      { id: meta.id, op: { kind: 'exclude-row', row: 3 } },
      ctx,
    );
    const again = await client.call('detect', { id: meta.id, detectors: ['missing'] });
    expect(again.opsSeq).toBe(logged.seq);
    expect(again.rows).toBe(39);
  });

  it('fails with a clear error for findings before detection and an unknown target', async () => {
    const { meta, client } = await setUp(wrap);
    await expect(
      client.call('findings', { id: meta.id, offset: 0, limit: 5 }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(client.call('profile', { id: meta.id, target: 'nope' })).rejects.toThrow(/nope/);
  });

  it('honours a cancelled signal', async () => {
    const { meta, client } = await setUp(wrap);
    const controller = new AbortController();
    const call = client.call('detect', { id: meta.id }, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
  });
});
