import { expect } from '@open-wc/testing';
import { contrastRatio, parseColor, textColorOn } from './contrast.js';
import {
  CATEGORY_COLORS,
  EXTRA_COLORS,
  NEUTRAL_COLOR,
  paletteFor,
  TEXT_ON_PALETTE,
} from './palette.js';

const BACKGROUNDS = { light: '#ffffff', dark: '#0d1117' };

describe('palette', () => {
  it('gives chat, flow, research and documents blue, orange, green and red', () => {
    const colors = paletteFor(['documents', 'chat', 'research', 'flow'], 'light');
    const hue = (color: string) => {
      const [red, green, blue] = parseColor(color) ?? [0, 0, 0];
      return red > green && red > blue
        ? green > blue * 1.5
          ? 'orange'
          : 'red'
        : green > blue
          ? 'green'
          : 'blue';
    };
    expect(
      ['chat', 'flow', 'research', 'documents'].map((key) => hue(colors.get(key) as string)),
    ).to.deep.equal(['blue', 'orange', 'green', 'red']);
  });

  it('keeps text on every palette colour at WCAG AA (4.5:1) in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const color of [...Object.values(CATEGORY_COLORS), ...EXTRA_COLORS, NEUTRAL_COLOR]) {
        expect(
          contrastRatio(color[theme], TEXT_ON_PALETTE[theme]),
          `${color[theme]} in ${theme}`,
        ).to.be.at.least(4.5);
        expect(
          contrastRatio(color[theme], BACKGROUNDS[theme]),
          `${color[theme]} on the background`,
        ).to.be.at.least(3);
      }
    }
  });

  it('prefers the tenant colours, then the defaults, then the sequence, grey for other', () => {
    const colors = paletteFor(['chat', 'billing', 'other', 'search', 'flow'], 'dark', [
      { id: 'flow', color: '#123456' },
    ]);
    expect(colors.get('chat')).to.equal(CATEGORY_COLORS.chat.dark);
    expect(colors.get('flow')).to.equal('#123456');
    expect(colors.get('billing')).to.equal(EXTRA_COLORS[0].dark);
    expect(colors.get('search')).to.equal(EXTRA_COLORS[1].dark);
    expect(colors.get('other')).to.equal(NEUTRAL_COLOR.dark);
  });

  it('computes contrast ratios as WCAG defines them', () => {
    expect(contrastRatio('#000', '#fff')).to.equal(21);
    expect(contrastRatio('rgb(255, 255, 255)', '#ffffff')).to.equal(1);
    expect(contrastRatio('teal', '#fff')).to.equal(null);
    expect(textColorOn('#ffe066')).to.equal('#0d1117');
    expect(textColorOn('#1a66d6')).to.equal('#ffffff');
  });
});
