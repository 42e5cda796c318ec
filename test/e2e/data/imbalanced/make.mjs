// Writes clean.csv beside this file: 300 customers, 85% "stayed" / 15% "left" in `status`, labels
// drawn from the same process as the features (no label noise), the classes overlapping as real
// ones do. Seeded: `node test/e2e/data/imbalanced/make.mjs` rewrites the same bytes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(10);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const lines = ['tenure,monthly,calls,plan,status'];
for (let i = 0; i < 300; i++) {
  const churned = i % 20 < 3; // 45 of 300 rows: 15%
  const shift = churned ? 0.9 : 0;
  const tenure = Math.max(1, Math.round(30 - 8 * shift + 10 * normal()));
  const monthly = (55 + 9 * shift + 12 * normal()).toFixed(2);
  const calls = Math.max(0, Math.round(2 + 1.2 * shift + 1.5 * normal()));
  const plan = random() < 0.5 + (churned ? 0.15 : 0) ? 'monthly' : 'yearly';
  lines.push(`${tenure},${monthly},${calls},${plan},${churned ? 'left' : 'stayed'}`);
}
writeFileSync(fileURLToPath(new URL('./clean.csv', import.meta.url)), `${lines.join('\n')}\n`);
