import type { TallyError } from '@tally/core';
import type { Tracker } from '../tracker.js';
import { waitFor } from './collector.js';

/** The globals test-support/tab.html's app exposes. */
interface TabWindow extends Window {
  tally: Tracker;
  tallyErrors: TallyError[];
  tallyReady?: boolean;
  tallyPageId?: number;
}

/** A host-app "tab": a same-origin frame running its own tracker. */
export interface Tab {
  frame: HTMLIFrameElement;
  /** The tracker of the page currently loaded in the frame. */
  readonly tally: Tracker;
  readonly errors: TallyError[];
  /** Reloads the page (a new tracker picks up the queue) and waits for it. */
  reload(): Promise<void>;
  /** Removes the frame: its page goes away as when a tab is closed. */
  close(): void;
}

/** Opens a tab whose tracker is configured by `query` (endpoint, writeKey, flushAt, ...). */
export async function openTab(query: Record<string, string | number | boolean>): Promise<Tab> {
  const frame = document.createElement('iframe');
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]) => [key, String(value)]),
  );
  frame.src = `/packages/sdk/test-support/tab.html?${search}`;
  const window = () => frame.contentWindow as TabWindow;
  const ready = () => waitFor(() => !!window()?.tallyReady, 'the tab loaded', 15_000);
  document.body.append(frame);
  await ready();
  return {
    frame,
    get tally() {
      return window().tally;
    },
    get errors() {
      return window().tallyErrors;
    },
    async reload() {
      const old = window().tallyPageId;
      window().location.reload();
      await waitFor(
        () => !!window()?.tallyReady && window().tallyPageId !== old,
        'the tab reloaded',
        15_000,
      );
    },
    close: () => frame.remove(),
  };
}
