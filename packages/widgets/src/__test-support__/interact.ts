import { sendMouse } from '@web/test-runner-commands';
import type { DataSource, ViewName, ViewResults } from '../data/data-source.js';

/** Clicks the middle of an element with the real mouse. */
export async function click(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
  });
}

/** Elements matching a selector in an element's shadow root. */
export function $$<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])] as T[];
}

/** The first element matching a selector in an element's shadow root. */
export function $<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (found === null || found === undefined) throw new Error(`no ${selector} in ${host.localName}`);
  return found;
}

/** The visible text of an element, whitespace collapsed. */
export function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A source whose queries never answer: the loading state stays on screen. */
export function pendingSource(): DataSource & { calls: number } {
  const source = {
    calls: 0,
    query: () => {
      source.calls += 1;
      return new Promise<never>(() => undefined);
    },
    export: () => new Promise<Blob>(() => undefined),
  };
  return source as DataSource & { calls: number };
}

/** A source whose queries fail `failures` times, then answer from `inner`. */
export function failingSource(
  inner: DataSource,
  failures = Infinity,
): DataSource & { calls: number } {
  const source = {
    calls: 0,
    query<View extends ViewName>(
      view: View,
      params: Parameters<DataSource['query']>[1],
      options?: Parameters<DataSource['query']>[2],
    ): Promise<ViewResults[View]> {
      source.calls += 1;
      if (source.calls <= failures) return Promise.reject(new Error('the server is unreachable'));
      return inner.query(view, params, options);
    },
    export: inner.export.bind(inner),
  };
  return source as DataSource & { calls: number };
}
