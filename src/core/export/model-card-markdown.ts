/** model-card.md: the card for people. */
import type { CardMetric, ModelCard } from './model-card';
import { formatRevealCount } from '../evaluate/reveal-budget';

/** "0.912 (95% CI 0.890–0.931)" */
export function formatMetric(m: CardMetric): string {
  const value = Number.isFinite(m.value) ? m.value.toFixed(3) : 'n/a';
  return Number.isFinite(m.low)
    ? `${value} (95% CI ${m.low.toFixed(3)}–${m.high.toFixed(3)}, ${m.method})`
    : value;
}

function table(metrics: CardMetric[]): string[] {
  return [
    '| Metric | Value |',
    '| --- | --- |',
    ...metrics.map((m) => `| ${m.name} | ${formatMetric(m)} |`),
  ];
}

/** Renders the card as Markdown. */
export function modelCardMarkdown(card: ModelCard): string {
  const { data, model } = card;
  const lines = [
    `# Model card: ${card.name}`,
    '',
    `Created ${card.createdAt}. Task: ${card.task} of \`${card.target}\`${card.classes.length ? ` (classes: ${card.classes.join(', ')})` : ''}.`,
    '',
    '## Intended use',
    '',
    card.intendedUse,
    '',
    '## Data',
    '',
    `- Dataset: ${data.datasetId ?? '(not recorded)'}, version ${data.datasetVersion ?? '(not recorded)'}, recipe hash ${data.recipeHash ?? '(not recorded)'}`,
    `- Rows: ${data.rows.train} train, ${data.rows.validation} validation, ${data.rows.test} test; ${data.rowsWithoutTarget} left out for a missing target, ${data.rowsTargetFarOut ? `${data.rowsTargetFarOut} for a target far outside the rest, ` : ''}${data.rowsExcluded} excluded by cleaning`,
    `- Features used: ${card.features.used.join(', ') || '(none)'}`,
    ...card.features.excluded.map((e) => `- Not used: \`${e.column}\` (${e.reason})`),
    '',
    '## Model',
    '',
    `${model.kind}${model.hidden.length ? ` with hidden layers [${model.hidden.join(', ')}], ${model.activation}, dropout ${model.dropout}` : ''}; L2 ${model.l2}, learning rate ${model.learningRate}, batch ${model.batchSize}, seed ${model.seed}; ${model.epochsRun} epochs run, best epoch ${model.bestEpoch}${model.backend ? `, backend ${model.backend}` : ''}.`,
    '',
    '## Validation metrics',
    '',
    ...table(card.metrics.validation),
  ];
  if (card.metrics.test) lines.push('', '## Test metrics', '', ...table(card.metrics.test));
  if (card.testReveals) {
    const r = card.testReveals;
    lines.push(
      '',
      `Test reveals: ${r.reveals.length} of ${formatRevealCount(r.supported)} supported (n = ${r.testRows}, ε = ${r.epsilon}, δ = ${r.delta}).`,
    );
  }
  if (card.gates) {
    lines.push('', `## Gates (${card.gates.split}): ${card.gates.pass ? 'PASS' : 'FAIL'}`, '');
    for (const g of card.gates.results)
      lines.push(
        `- ${g.pass ? 'pass' : 'FAIL'}: ${g.description} — measured ${Number.isFinite(g.measured) ? g.measured.toFixed(3) : 'n/a'}${g.class ? ` (${g.class})` : ''}`,
      );
  }
  if (card.privacy) {
    const { k, files, statement } = card.privacy;
    lines.push(
      '',
      '## Privacy',
      '',
      `k = ${k}. ${statement}`,
      '',
      '| File | Holds |',
      '| --- | --- |',
    );
    for (const f of files) lines.push(`| ${f.file} | ${f.holds} |`);
  }
  lines.push('', '## Limitations', '', ...card.limitations.map((l) => `- ${l}`), '');
  return lines.join('\n');
}
