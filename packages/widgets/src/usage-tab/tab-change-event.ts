/** The tabs of `<tally-usage-tab>`. */
export type UsageTabName = 'leaderboard' | 'metrics';

/** The reader switched the usage page to another tab. */
export class TallyTabChangeEvent extends Event {
  static readonly type = 'tally-tab-change';
  constructor(readonly tab: UsageTabName) {
    super(TallyTabChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tally-tab-change': TallyTabChangeEvent;
  }
}
