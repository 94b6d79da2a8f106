import { expect } from 'chai';
import { codePointLength, hasUnpairedSurrogate, utf8Length } from './utf8-length.js';

describe('utf8Length', () => {
  it('counts one byte for ASCII', () => {
    expect(utf8Length('')).to.equal(0);
    expect(utf8Length('hello')).to.equal(5);
  });

  it('counts two bytes for Latin and Greek letters beyond ASCII', () => {
    expect(utf8Length('é')).to.equal(2);
    expect(utf8Length('héllo')).to.equal(6);
    expect(utf8Length('Ω')).to.equal(2);
  });

  it('counts three bytes for the rest of the basic plane', () => {
    expect(utf8Length('€')).to.equal(3);
    expect(utf8Length('日本')).to.equal(6);
  });

  it('counts four bytes for a surrogate pair', () => {
    expect(utf8Length('😀')).to.equal(4);
    expect(utf8Length('a😀b')).to.equal(6);
  });

  it('counts an unpaired surrogate as the three bytes of U+FFFD', () => {
    expect(utf8Length('\uD800')).to.equal(3);
    expect(utf8Length('\uDC00x')).to.equal(4);
  });
});

describe('codePointLength', () => {
  it('counts an emoji as one character', () => {
    expect(codePointLength('😀😀')).to.equal(2);
    expect(codePointLength('abc')).to.equal(3);
    expect(codePointLength('\uD800x')).to.equal(2);
  });
});

describe('hasUnpairedSurrogate', () => {
  it('tells lone surrogates from pairs', () => {
    expect(hasUnpairedSurrogate('😀')).to.equal(false);
    expect(hasUnpairedSurrogate('plain')).to.equal(false);
    expect(hasUnpairedSurrogate('a\uD83Db')).to.equal(true);
    expect(hasUnpairedSurrogate('\uDE00')).to.equal(true);
    expect(hasUnpairedSurrogate('\uD83D')).to.equal(true);
  });
});
