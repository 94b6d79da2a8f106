import { expect } from 'chai';
import { snapshotBase } from './model-name.js';

describe('snapshotBase', () => {
  it('strips the dated snapshot suffixes providers use', () => {
    expect(snapshotBase('gpt-4o-2024-08-06')).to.equal('gpt-4o');
    expect(snapshotBase('gpt-4o-mini-2024-07-18')).to.equal('gpt-4o-mini');
    expect(snapshotBase('claude-sonnet-4-5-20250929')).to.equal('claude-sonnet-4-5');
    expect(snapshotBase('claude-sonnet-4-5@20250929')).to.equal('claude-sonnet-4-5');
    expect(snapshotBase('gpt-4-0613')).to.equal('gpt-4');
    expect(snapshotBase('gemini-1.5-pro-002')).to.equal('gemini-1.5-pro');
    expect(snapshotBase('claude-3-5-haiku-latest')).to.equal('claude-3-5-haiku');
  });

  it('leaves model variants alone, since they have prices of their own', () => {
    expect(snapshotBase('gpt-4.1-nano')).to.equal(undefined);
    expect(snapshotBase('o3-pro')).to.equal(undefined);
    expect(snapshotBase('gemini-2.5-flash-lite')).to.equal(undefined);
    expect(snapshotBase('claude-sonnet-4-5')).to.equal(undefined);
    expect(snapshotBase('2024-08-06')).to.equal(undefined);
  });
});
