// Settings > Usage and the other analytics pages, built from Tally's web components over the
// Tally API. The read token comes from the backend for the signed-in user: an admin sees the
// whole team, a member only themself (the server enforces it, whatever the page asks).
import { HttpSource } from '@tally/widgets';
import { fetchReadToken } from './api.js';
import { h, replace } from './dom.js';

/**
 * The analytics pages under Settings. Each shows its composed element when this build of
 * `@tally/widgets` has it; pages with a `fallback` otherwise compose the building blocks, the
 * others are left out of the menu.
 */
export const SETTINGS_PAGES = [
  { path: 'usage', label: 'Usage', tag: 'tally-usage-tab', fallback: usageFallback },
  {
    path: 'assistant',
    label: 'Assistant analytics',
    tag: 'tally-bot-analytics',
    fallback: assistantFallback,
    agent: 'assistant',
    range: { preset: '7d' },
  },
  { path: 'agents', label: 'Agents', tag: 'tally-agent-analytics' },
  { path: 'credits', label: 'Credits & models', tag: 'tally-credit-analytics' },
];

/** The pages this build can show. */
export function availablePages() {
  return SETTINGS_PAGES.filter((page) => page.fallback || customElements.get(page.tag));
}

const sources = new Map();

/** One data source per signed-in user; it asks for a new token before the last one expires. */
function sourceFor(demo, user) {
  if (!sources.has(user.id)) {
    sources.set(
      user.id,
      new HttpSource({ endpoint: demo.tallyEndpoint, fetchToken: () => fetchReadToken(user.id) }),
    );
  }
  return sources.get(user.id);
}

/**
 * Renders Settings with one of its pages.
 *
 * @param {HTMLElement} main
 * @param {{ demo: object, user: { id: string, name: string, role: string }, page: string }} context
 */
export function renderSettings(main, { demo, user, page: path }) {
  const pages = availablePages();
  const page = pages.find((candidate) => candidate.path === path) ?? pages[0];
  const provider = h('tally-provider', {
    '.source': sourceFor(demo, user),
    '.range': page.range ?? { preset: '30d' },
    '.filters': page.agent ? { agent: page.agent } : {},
  });
  // The composed pages take their source, range and filters from the provider; the title is
  // this page's own.
  const composed = customElements.get(page.tag) !== undefined;
  const content = composed
    ? h(page.tag, { agent: page.agent, '.heading': '' })
    : page.fallback(user);
  provider.append(content);

  const scope =
    user.role === 'admin'
      ? 'You are an admin: you see the whole team.'
      : 'You are a member: Tally shows you your own activity only.';
  replace(
    main,
    h(
      'div',
      { class: 'settings' },
      h(
        'nav',
        { class: 'settings-nav', 'aria-label': 'Settings' },
        h('h1', {}, 'Settings'),
        h(
          'ul',
          {},
          pages.map((candidate) =>
            h(
              'li',
              {},
              h(
                'a',
                {
                  href: `#/settings/${candidate.path}`,
                  'aria-current': candidate === page ? 'page' : undefined,
                },
                candidate.label,
              ),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'settings-page', 'aria-labelledby': 'settings-title' },
        h(
          'header',
          { class: 'settings-header' },
          h('h2', { id: 'settings-title' }, page.label),
          h('p', { class: 'note' }, scope),
          // The composed pages have their own Refresh.
          !composed &&
            h('button', { type: 'button', onclick: () => provider.refresh() }, 'Refresh'),
        ),
        provider,
      ),
    ),
  );
}

/** The usage page from building blocks: the whole team for an admin, one's own for a member. */
function usageFallback(user) {
  const admin = user.role === 'admin';
  return h(
    'div',
    { class: 'widgets' },
    h(
      'div',
      { class: 'toolbar' },
      h('tally-date-range', {}),
      admin && h('tally-search', {}),
      admin && h('tally-user-filter', {}),
    ),
    h('tally-stat-cards', {
      heading: admin ? 'Team overview' : 'Your overview',
      stats: admin
        ? 'requests,activeUsers,totalTokens,credits,costUsd,positiveFeedback'
        : 'requests,totalTokens,credits,sessions,positiveFeedback,negativeFeedback',
    }),
    h('tally-leaderboard', {
      heading: admin ? 'Leaderboard' : 'Your activity',
      'show-credits': true,
    }),
    h('tally-timeline', {
      heading: 'Activity over time',
      measure: 'events',
      'split-by': 'category',
    }),
    h('tally-breakdown', { heading: 'By feature', dimension: 'name', measure: 'events', top: 8 }),
    h('tally-table', { kind: 'per-user', 'page-size': 25 }),
  );
}

/** The assistant's analytics from building blocks: requests, tokens, feedback, where from. */
function assistantFallback() {
  return h(
    'div',
    { class: 'widgets' },
    h('div', { class: 'toolbar' }, h('tally-date-range', { presets: '7d,30d,90d,custom' })),
    h('tally-stat-cards', { heading: 'The assistant' }),
    h('tally-timeline', { heading: 'Requests over time', measure: 'events' }),
    h(
      'div',
      { class: 'pair' },
      h('tally-breakdown', { heading: 'Top endpoints', dimension: 'endpoint', top: 5 }),
      h('tally-breakdown', { heading: 'Top countries', dimension: 'country', top: 5 }),
    ),
    h('tally-table', {
      kind: 'requests',
      'page-size': 20,
      'filter-columns': 'endpoint,country,ip',
    }),
    h('tally-table', { kind: 'tokens', 'page-size': 20, 'filter-columns': 'source' }),
  );
}
