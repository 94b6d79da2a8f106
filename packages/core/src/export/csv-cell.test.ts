import { expect } from 'chai';
import { csvCell } from './csv-cell.js';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('chat.message')).to.equal('chat.message');
    expect(csvCell('')).to.equal('');
  });

  it('quotes text holding a quote, comma, CR or LF and doubles the quotes', () => {
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('line 1\nline 2')).to.equal('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).to.equal('"line 1\r\nline 2"');
  });

  it('prefixes text that a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x.test","click")')).to.equal(
      `"'=HYPERLINK(""http://x.test"",""click"")"`,
    );
    expect(csvCell('+1')).to.equal("'+1");
    expect(csvCell('-1+2')).to.equal("'-1+2");
    expect(csvCell('@SUM(A1:A2)')).to.equal("'@SUM(A1:A2)");
    expect(csvCell('\t=1+1')).to.equal("'\t=1+1");
    expect(csvCell('\r=1+1')).to.equal(`"'\r=1+1"`);
  });

  it('does not prefix formula characters that are not at the start', () => {
    expect(csvCell('a=b')).to.equal('a=b');
    expect(csvCell('user@example.com')).to.equal('user@example.com');
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-3)).to.equal('-3');
    expect(csvCell(-0.25)).to.equal('-0.25');
    expect(csvCell(42)).to.equal('42');
    expect(csvCell(-5n)).to.equal('-5');
  });

  it('prefixes a negative number given as text', () => {
    expect(csvCell('-3')).to.equal("'-3");
  });

  it('gives an empty field for null and undefined', () => {
    expect(csvCell(null)).to.equal('');
    expect(csvCell(undefined)).to.equal('');
  });

  it('writes booleans, dates and objects as text', () => {
    expect(csvCell(true)).to.equal('true');
    expect(csvCell(new Date(Date.UTC(2026, 0, 15, 12)))).to.equal('2026-01-15T12:00:00.000Z');
    expect(csvCell({ plan: 'pro', seats: 3 })).to.equal('"{""plan"":""pro"",""seats"":3}"');
  });

  it('keeps unicode as it is', () => {
    expect(csvCell('données 助手 🚀')).to.equal('données 助手 🚀');
  });
});
