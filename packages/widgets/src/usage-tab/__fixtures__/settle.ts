import type { LitElement } from 'lit';

interface Block extends Element {
  status: string;
  loadComplete: Promise<void>;
  updateComplete: Promise<boolean>;
}

/** The data blocks in a page's shadow root. */
export function blocksOf(page: Element): Block[] {
  return [...(page.shadowRoot?.querySelectorAll('*') ?? [])].filter(
    (element): element is Block => 'loadComplete' in element,
  );
}

/**
 * Waits until the page and every block in it have rendered their latest answer: a change can
 * start a second round of queries (settings arriving, a range applied), so it waits for quiet.
 */
export async function settle(page: LitElement, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await page.updateComplete;
    const blocks = blocksOf(page);
    await Promise.all(blocks.map((block) => block.loadComplete));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all(blocks.map((block) => block.updateComplete));
    const busy = blocksOf(page).some((block) => block.status === 'loading');
    if (!busy && !(await page.updateComplete.then(() => page.isUpdatePending))) return;
    if (performance.now() > deadline) throw new Error('the page did not settle');
  }
}

/** Every element of a page, in its shadow root and its blocks' shadow roots, at any depth. */
export function deepElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.querySelectorAll('*')) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}
