import { describe, expect, it } from 'vitest';
import { classificationReport } from '../../../src/core/evaluate/classification';
import { evaluateGates, parseGates, validateGates } from '../../../src/core/evaluate/gates';
import {
  createLedger,
  describeLedger,
  recordReveal,
  requiredTestSize,
  revealsUsed,
  supportedReveals,
  toleranceFor,
} from '../../../src/core/evaluate/reveal-budget';

describe('test-reveal budget (Hoeffding + union bound)', () => {
  it('matches n ≥ ln(2H/δ) / (2ε²)', () => {
    // ln(2·1/0.05)/(2·0.05²) = ln(40)/0.005 = 737.8 → 738.
    expect(requiredTestSize(1, 0.05, 0.05)).toBe(738);
    expect(requiredTestSize(10, 0.05, 0.05)).toBe(1199);
    expect(supportedReveals(737, 0.05, 0.05)).toBe(0);
    expect(supportedReveals(738, 0.05, 0.05)).toBe(1);
    expect(supportedReveals(1199, 0.05, 0.05)).toBe(10);
    const h = supportedReveals(5000, 0.05, 0.05);
    expect(requiredTestSize(h, 0.05, 0.05)).toBeLessThanOrEqual(5000);
    expect(requiredTestSize(h + 1, 0.05, 0.05)).toBeGreaterThan(5000);
    expect(toleranceFor(738, 1, 0.05)).toBeLessThanOrEqual(0.05);
  });

  it('counts every reveal and says when the budget is spent', () => {
    let ledger = createLedger(1199, 0.05, 0.05);
    expect(ledger.supported).toBe(10);
    for (let i = 0; i < 10; i++) {
      const step = recordReveal(ledger, `look ${i}`, 't');
      expect(step.withinBudget).toBe(true);
      ledger = step.ledger;
    }
    const over = recordReveal(ledger, 'one too many', 't');
    expect(over.withinBudget).toBe(false);
    expect(over.ledger.reveals).toHaveLength(11);
  });
});

describe('validation gates', () => {
  const truth = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
  const probs = new Float32Array(20);
  // Predicts class 1 everywhere except rows 0-1: class 0 recall 0.5, accuracy 0.8.
  truth.forEach((_, i) => probs.set(i < 2 ? [0.9, 0.1] : [0.2, 0.8], 2 * i));
  const report = classificationReport(truth, probs, ['neg', 'pos'], { resamples: 0 });

  it('parses criteria text into data', () => {
    expect(parseGates('accuracy >= 0.85 and recall[*] >= 0.6')).toEqual([
      { metric: 'accuracy', op: '>=', value: 0.85 },
      { metric: 'recall', op: '>=', value: 0.6, class: '*' },
    ]);
    expect(() => parseGates('accurcy > 1')).toThrow(/Cannot read the gate/);
  });

  it('accepts gates as JSON data and refuses malformed ones', () => {
    const gates = [{ metric: 'accuracy', op: '>=', value: 0.85 }];
    expect(validateGates(JSON.parse(JSON.stringify(gates)))).toEqual(gates);
    expect(() => validateGates({})).toThrow(/expected an array/);
    expect(() => validateGates([{ metric: 'acc', op: '>=', value: 1 }])).toThrow(
      /gate 1 names no known metric/,
    );
    expect(() => validateGates([{ metric: 'r2', op: '=', value: 1 }])).toThrow(/no comparison/);
  });

  it('evaluates pass/fail with the measured value and the deciding class', () => {
    const { pass, results } = evaluateGates(
      report,
      parseGates('accuracy >= 0.75; recall[*] >= 0.6; recall[pos] >= 0.6'),
    );
    expect(pass).toBe(false);
    expect(results[0]).toMatchObject({ pass: true, measured: 0.8 });
    expect(results[1]).toMatchObject({ pass: false, measured: 0.5, class: 'neg' });
    expect(results[2]).toMatchObject({ pass: true, measured: 1, class: 'pos' });
    expect(evaluateGates(report, [{ metric: 'rmse', op: '<', value: 1 }]).results[0]).toMatchObject(
      { pass: false },
    );
  });
});

describe('ledger summary', () => {
  it('says how many reveals are left, or how many test rows an over-budget count needs', () => {
    const ok = recordReveal(createLedger(1199), 'a', 't').ledger;
    expect(describeLedger(ok)).toBe(
      '1 test reveal used of 10 supported at ±0.05 (95%, n = 1,199); 9 left',
    );
    const over = recordReveal(createLedger(222), 'a', 't').ledger;
    expect(describeLedger(over)).toMatch(
      /over budget, each revealed accuracy-like metric only within ±0\.091; 738 test rows would cover 1 reveal$/,
    );
  });
});

describe('reveal text', () => {
  it("writes a big test split's budget in words, never as 9.33e+30", () => {
    // 14,000 test rows support about 1e30 reveals at ±0.05.
    const big = createLedger(14_000);
    expect(big.supported).toBeGreaterThan(1e6);
    const text = describeLedger(recordReveal(big, 'x').ledger);
    expect(text).not.toMatch(/e\+\d/);
    expect(text).toContain('1 test reveal used of over 1,000,000 supported');
    expect(text).toContain('n = 14,000');
    expect(text).toContain('over 1,000,000 left');
  });

  it('counts reveals in the runs table as the panel does', () => {
    const ledger = recordReveal(createLedger(2_000), 'x').ledger;
    expect(ledger.supported).toBeLessThan(1e6);
    expect(revealsUsed(ledger)).toBe(`1 of ${ledger.supported.toLocaleString('en-US')}`);
    expect(describeLedger(ledger)).toContain(
      `1 test reveal used of ${revealsUsed(ledger).slice(5)}`,
    );
  });
});
