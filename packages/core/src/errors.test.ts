import { expect } from 'chai';
import { TallyError, describeValue, fieldError } from './errors.js';

describe('TallyError', () => {
  it('is recognised by its brand, even when not created by this class', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('tally.error')]: true });
    expect(TallyError.isInstance(foreign)).to.equal(true);
    expect(TallyError.isInstance(new Error('plain'))).to.equal(false);
    expect(TallyError.isInstance(null)).to.equal(false);
  });

  it('names the field and the reason', () => {
    const error = fieldError('invalid_range', 'range.from', 'must be before range.to');
    expect(error.message).to.equal('range.from: must be before range.to');
    expect(error.field).to.equal('range.from');
    expect(error.code).to.equal('invalid_range');
    expect(error.issues).to.deep.equal([{ path: 'range.from', reason: error.message }]);
  });

  it('describes long strings briefly', () => {
    expect(describeValue('x'.repeat(100))).to.equal(JSON.stringify(`${'x'.repeat(40)}…`));
    expect(describeValue([1])).to.equal('an array');
  });
});
