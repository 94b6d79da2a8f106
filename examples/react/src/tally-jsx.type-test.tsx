// Type-level tests of tally-jsx.ts, checked by `npm run typecheck` (tsconfig.test.json): each
// `@ts-expect-error` fails the check if the line it marks is accepted.
import type { LocalSource } from '@tally/widgets';
import './tally-jsx.js';

declare const source: LocalSource;

export const accepted = [
  <tally-leaderboard key="a" source={source} showCredits range={{ preset: '7d' }} />,
  <tally-stat-cards key="b" stats={['requests']} filters={{ users: ['u1'] }} />,
  <tally-date-range key="c" ontally-range-change={(event) => event.range.preset} />,
];

export const refused = [
  // @ts-expect-error a getter without a setter is not a prop
  <tally-leaderboard key="a" effectiveRange={{ preset: '7d' }} />,
  // @ts-expect-error stats takes stat keys
  <tally-stat-cards key="b" stats={['nope']} />,
  // @ts-expect-error the listener gets the event's class
  <tally-leaderboard key="c" ontally-row-toggle={(event: { nope: number }) => event} />,
  // @ts-expect-error only the widgets' tags are declared
  <tally-nothing key="d" />,
];
