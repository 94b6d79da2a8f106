import { expect, nextFrame } from '@open-wc/testing';
import { executeServerCommand, readFile, resetMouse } from '@web/test-runner-commands';

/** From a page's test file (`packages/widgets/src/<page>/`) to the repository root. */
const ROOT = '../../../..';

/** The width and height a PNG's header states. */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Uint8Array.from(atob(base64.slice(0, 64)), (char) => char.charCodeAt(0));
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.slice(0, 8)]).to.deep.equal(signature);
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Saves a PNG of `element` as `docs/screenshots/<name>.png` and checks the file written. */
export async function capture(element: Element, name: string): Promise<void> {
  // No hover highlight left by an earlier click.
  await resetMouse();
  window.scrollTo(0, 0);
  await nextFrame();
  await nextFrame();
  const box = element.getBoundingClientRect();
  const clip = {
    x: Math.floor(box.left + window.scrollX),
    y: Math.floor(box.top + window.scrollY),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
  };
  const written = await executeServerCommand<string, { name: string; clip: typeof clip }>(
    'tally-screenshot',
    {
      name,
      clip,
    },
  );
  expect(written).to.equal(`docs/screenshots/${name}.png`);
  const data = await readFile({ path: `${ROOT}/docs/screenshots/${name}.png`, encoding: 'base64' });
  expect(data, `${name}.png was written`).to.be.a('string');
  expect(pngSize(data as string)).to.deep.equal({ width: clip.width, height: clip.height });
  expect(clip.height).to.be.above(300);
}
