// A React 19 page around Tally's widgets. React owns the state: the date range and the chosen
// user live in `useState`, reach the elements as properties (React 19 sets objects and arrays on
// custom elements as they are), and change when the elements announce something (React 19 adds
// `on<event name>` props of custom elements as event listeners).
import '@tally/widgets/provider';
import '@tally/widgets/date-range';
import '@tally/widgets/leaderboard';
import '@tally/widgets/stat-cards';
import type { LeaderboardResult, StatKey, ViewFilters } from '@tally/core';
import type { DataSource, RangeValue } from '@tally/widgets';
import { useMemo, useState } from 'react';
import './tally-jsx.js';

/** The stat cards shown, in order. */
const STATS: StatKey[] = ['requests', 'activeUsers', 'totalTokens', 'costUsd'];

/** The ranges offered by React's own buttons. */
const PRESETS = [
  { preset: '7d', label: 'Last 7 days' },
  { preset: '30d', label: 'Last 30 days' },
  { preset: '90d', label: 'Last 90 days' },
] as const;

/** What {@link App} takes. */
export interface AppProps {
  /** Where the widgets read from: an `HttpSource` on the Tally server, or a `LocalSource`. */
  source: DataSource;
  /** The zone ranges are counted in; the tenant's when unset. */
  tz?: string;
  /** The locale of numbers and dates; the browser's when unset. */
  locale?: string;
}

/** A usage page whose date range and chosen user are React state. */
export function App({ source, tz, locale }: AppProps) {
  const [range, setRange] = useState<RangeValue>({ preset: '30d' });
  const [userId, setUserId] = useState<string | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [ranked, setRanked] = useState<number | null>(null);

  // A new object only when the user changes, so the cards query again only then.
  const filters = useMemo<ViewFilters>(
    () => (userId === null ? {} : { users: [userId] }),
    [userId],
  );

  function readLeaderboard(result: LeaderboardResult) {
    setNames(new Map(result.rows.map((row) => [row.userId, row.name ?? row.userId])));
    setRanked(result.rows.filter((row) => row.rank !== null).length);
  }

  const chosen = userId === null ? null : (names.get(userId) ?? userId);
  return (
    <tally-provider source={source} range={range} tz={tz} locale={locale}>
      <header className="state" aria-live="polite">
        <p>
          Range (React state): <output data-testid="range">{describeRange(range)}</output>
        </p>
        <p>
          Stat cards show:{' '}
          <output data-testid="user">{chosen === null ? 'everyone' : chosen}</output>
          {chosen === null ? null : (
            <button type="button" onClick={() => setUserId(null)}>
              Show everyone
            </button>
          )}
        </p>
        <p>
          Users ranked: <output data-testid="ranked">{ranked ?? '…'}</output>
        </p>
        <nav aria-label="Range set by React">
          {PRESETS.map(({ preset, label }) => (
            <button
              key={preset}
              type="button"
              data-preset={preset}
              aria-pressed={range.preset === preset}
              onClick={() => setRange({ preset })}
            >
              {label}
            </button>
          ))}
        </nav>
      </header>

      <tally-date-range
        presets={['7d', '30d', '90d', '180d', 'custom']}
        ontally-range-change={(event) => setRange(event.range)}
      />
      <tally-stat-cards
        heading={chosen === null ? 'Everyone' : chosen}
        stats={STATS}
        filters={filters}
      />
      <tally-leaderboard
        ontally-row-toggle={(event) => setUserId(event.expanded ? event.userId : null)}
        ontally-data-load={(event) => {
          if (event.view === 'leaderboard') readLeaderboard(event.result as LeaderboardResult);
        }}
      />
    </tally-provider>
  );
}

/** A range as the page says it. */
export function describeRange(range: RangeValue): string {
  if (range.preset === undefined) return `${day(range.from)} to ${day(range.to)}`;
  const days = /^(\d+)d$/.exec(range.preset);
  return days === null ? range.preset : `last ${days[1]} days`;
}

/** A range bound as a day (`YYYY-MM-DD` as given, epoch ms as its UTC day). */
function day(bound: number | string | undefined): string {
  if (bound === undefined) return '…';
  return typeof bound === 'number' ? new Date(bound).toISOString().slice(0, 10) : bound;
}
