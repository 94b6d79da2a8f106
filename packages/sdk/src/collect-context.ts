import type { EventContext } from '@tally/core';

const BROWSERS: [string, RegExp][] = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+).*Safari/],
];
const SYSTEMS: [string, RegExp][] = [
  ['Windows', /Windows/],
  ['iOS', /iPhone|iPad|iPod/],
  ['macOS', /Mac OS X/],
  ['Android', /Android/],
  ['ChromeOS', /CrOS/],
  ['Linux', /Linux/],
];

/**
 * The context every event of this page carries: referrer, browser and OS (from the user agent),
 * time zone and locale. Read once, when the tracker is created, never at import. The page URL
 * changes in single-page apps, so the tracker adds it per event.
 */
export function collectContext(): EventContext {
  const context: EventContext = {};
  const agent = globalThis.navigator?.userAgent ?? '';
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(agent);
    if (match) {
      context.browser = `${name} ${match[1]}`;
      break;
    }
  }
  context.os = SYSTEMS.find(([, pattern]) => pattern.test(agent))?.[0];
  const referrer = globalThis.document?.referrer;
  if (referrer) context.referrer = referrer.slice(0, 2048);
  try {
    const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
    context.timezone = timeZone;
    context.locale = globalThis.navigator?.language || locale;
  } catch {
    // Intl without time zone data: leave them out.
  }
  for (const key of Object.keys(context) as (keyof EventContext)[]) {
    if (!context[key]) delete context[key];
  }
  return context;
}
