import { expect } from 'chai';
import { TallyError } from '../errors.js';
import type { NormalizedTokens } from '../event.js';
import type { CatalogEntry } from '../settings.js';
import { costNanos, usdToNanos } from './cost.js';

function tokens(counts: Partial<NormalizedTokens>): NormalizedTokens {
  return { input: 0, output: 0, cachedInput: 0, cacheWrite: 0, reasoning: 0, ...counts };
}

function entry(rates: Partial<CatalogEntry>): CatalogEntry {
  return {
    model: 'm',
    provider: 'p',
    effectiveFrom: '2025-01-01',
    inputPerMTok: 0,
    outputPerMTok: 0,
    ...rates,
  };
}

const gpt4o = entry({ inputPerMTok: 2.5, cachedInputPerMTok: 1.25, outputPerMTok: 10 });
const sonnet = entry({
  inputPerMTok: 3,
  cacheWritePerMTok: 3.75,
  cachedInputPerMTok: 0.3,
  outputPerMTok: 15,
});

function thrown(run: () => unknown): TallyError {
  try {
    run();
  } catch (error) {
    if (TallyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TallyError');
}

describe('costNanos', () => {
  it('prices cached input at its own rate and the rest of input at the input rate', () => {
    // 800,000 × $2.50/M = $2.00; 200,000 × $1.25/M = $0.25; 500,000 × $10/M = $5.00
    const cost = costNanos(
      tokens({ input: 1_000_000, cachedInput: 200_000, output: 500_000 }),
      gpt4o,
    );
    expect(cost).to.equal(7_250_000_000);
  });

  it('prices cache writes and cache reads apart from plain input', () => {
    // plain 1,000 × $3 = $0.003; write 8,000 × $3.75 = $0.03; read 1,000 × $0.30 = $0.0003;
    // output 2,000 × $15 = $0.03; total $0.0633
    const cost = costNanos(
      tokens({ input: 10_000, cacheWrite: 8_000, cachedInput: 1_000, output: 2_000 }),
      sonnet,
    );
    expect(cost).to.equal(63_300_000);
  });

  it('counts reasoning tokens once, at the reasoning rate', () => {
    const rates = entry({ inputPerMTok: 1, outputPerMTok: 2, reasoningPerMTok: 3 });
    // output 10,000 of which 8,000 reasoning: 2,000 × $2 = $0.004 + 8,000 × $3 = $0.024
    expect(costNanos(tokens({ output: 10_000, reasoning: 8_000 }), rates)).to.equal(28_000_000);
  });

  it('prices reasoning at the output rate when no reasoning rate is set', () => {
    const rates = entry({ inputPerMTok: 1.1, outputPerMTok: 4.4 });
    // 1,000 × $1.10 = $0.0011; 10,000 × $4.40 = $0.044 (8,000 of them reasoning)
    const cost = costNanos(tokens({ input: 1_000, output: 10_000, reasoning: 8_000 }), rates);
    expect(cost).to.equal(45_100_000);
  });

  it('prices cached input and cache writes at the input rate when they have no rate', () => {
    const rates = entry({ inputPerMTok: 5, outputPerMTok: 15 });
    const cost = costNanos(tokens({ input: 1_000, cachedInput: 400, cacheWrite: 100 }), rates);
    expect(cost).to.equal(5_000_000);
  });

  it('sums sub-nanodollar amounts exactly and rounds once, half up', () => {
    // $0.0755 per million is 75.5 nanodollars a token; $0.0754 is 75.4.
    const half = entry({ inputPerMTok: 0.0755, outputPerMTok: 0.0754 });
    expect(costNanos(tokens({ input: 1 }), half)).to.equal(76);
    expect(costNanos(tokens({ output: 1 }), half)).to.equal(75);
    expect(costNanos(tokens({ input: 2 }), half)).to.equal(151);
    // Half a nanodollar in each of two buckets is one nanodollar, not two rounded halves.
    const halves = entry({ inputPerMTok: 0.0005, outputPerMTok: 0.0005 });
    expect(costNanos(tokens({ input: 1, output: 1 }), halves)).to.equal(1);
    const pico = entry({ inputPerMTok: 0.000001 });
    expect(costNanos(tokens({ input: 1_499 }), pico)).to.equal(1);
    expect(costNanos(tokens({ input: 1_500 }), pico)).to.equal(2);
    // 3 × 0.1 is not 0.3 in binary floating point; here it is exactly 300 nanodollars.
    const tenth = entry({ inputPerMTok: 0.1, outputPerMTok: 0.1 });
    expect(costNanos(tokens({ input: 1, output: 2 }), tenth)).to.equal(300);
    const mini = entry({ inputPerMTok: 0.15, cachedInputPerMTok: 0.075, outputPerMTok: 0.6 });
    // 6 plain × 150 + 7 cached × 75 + 3 × 600 = 900 + 525 + 1,800
    expect(costNanos(tokens({ input: 13, cachedInput: 7, output: 3 }), mini)).to.equal(3_225);
  });

  it('stays exact for very large token counts', () => {
    const opus = entry({ inputPerMTok: 15, outputPerMTok: 75 });
    // 1e9 × $75/M = $75,000 plus 1,234,567 × $15/M = $18.518505
    const cost = costNanos(tokens({ input: 1_234_567, output: 1_000_000_000 }), opus);
    expect(cost).to.equal(75_018_518_505_000);
  });

  it('never prices a plain bucket below zero when the specialised buckets exceed it', () => {
    const cost = costNanos(tokens({ input: 100, cachedInput: 150, output: 10 }), gpt4o);
    // 150 cached × 1,250 nanodollars = 187,500 (no plain input); 10 × 10,000 = 100,000
    expect(cost).to.equal(287_500);
  });

  it('refuses negative rates, naming the field', () => {
    const error = thrown(() => costNanos(tokens({ input: 1 }), entry({ inputPerMTok: -1 })));
    expect(error.field).to.equal('entry.inputPerMTok');
    expect(error.message).to.equal(
      'entry.inputPerMTok: must be a non-negative number of at most 1000000 (got -1)',
    );
  });

  it('refuses token counts that are not non-negative integers', () => {
    const error = thrown(() => costNanos(tokens({ input: 1.5 }), gpt4o));
    expect(error.field).to.equal('tokens.input');
    expect(thrown(() => costNanos(tokens({ reasoning: -3 }), gpt4o)).message).to.equal(
      'tokens.reasoning: must be a non-negative integer (got -3)',
    );
  });
});

describe('usdToNanos', () => {
  it('converts the decimal as written, without floating-point drift', () => {
    expect(usdToNanos(0.1)).to.equal(100_000_000);
    expect(usdToNanos(1.1)).to.equal(1_100_000_000);
    expect(usdToNanos(0.0633)).to.equal(63_300_000);
    expect(usdToNanos(1234.567891234)).to.equal(1_234_567_891_234);
    expect(usdToNanos(1.5e-7)).to.equal(150);
    expect(usdToNanos(0)).to.equal(0);
  });

  it('rounds to the nearest nanodollar, halves up', () => {
    expect(usdToNanos(0.0000000015)).to.equal(2);
    expect(usdToNanos(0.0000000014999)).to.equal(1);
    expect(usdToNanos(5e-10)).to.equal(1);
    expect(usdToNanos(4.9e-10)).to.equal(0);
    expect(usdToNanos(5e-11)).to.equal(0);
    expect(usdToNanos(1.0000000005)).to.equal(1_000_000_001);
  });

  it('refuses negative, non-finite and too large amounts', () => {
    expect(thrown(() => usdToNanos(-1)).message).to.equal(
      'costUsd: must be a non-negative finite number (got -1)',
    );
    expect(thrown(() => usdToNanos(Number.NaN)).field).to.equal('costUsd');
    expect(thrown(() => usdToNanos(1e21)).message).to.match(/^costUsd: must be at most/);
  });
});
