/** Numbers and dates written in one locale and time zone, with cached `Intl` formatters. */
export class Formatter {
  private readonly cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
  private relative: Intl.RelativeTimeFormat | undefined;

  constructor(
    /** A BCP 47 locale; the browser's when `undefined`. */
    readonly locale: string | undefined,
    /** An IANA zone for dates; the browser's when `undefined`. */
    readonly timeZone: string | undefined,
  ) {}

  /** An exact number: `12,845` (up to two decimals). */
  number(value: number, maximumFractionDigits = 2): string {
    return this.numberFormat(`n${maximumFractionDigits}`, { maximumFractionDigits }).format(value);
  }

  /** A compact number for cards: `12.8K`, `5.2M`. */
  compact(value: number): string {
    return this.numberFormat('compact', { notation: 'compact', maximumFractionDigits: 1 }).format(
      value,
    );
  }

  /** A share: `0.125` is `12.5%`. */
  percent(value: number, maximumFractionDigits = 1): string {
    return this.numberFormat(`p${maximumFractionDigits}`, {
      style: 'percent',
      maximumFractionDigits,
    }).format(value);
  }

  /** A signed change: `+12.5%`, `−3%`. */
  change(value: number): string {
    return this.numberFormat('change', {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(value);
  }

  /** US dollars: `$1,234.56`; amounts under a cent keep more digits. */
  usd(value: number, compact = false): string {
    if (compact) {
      return this.numberFormat('usd-compact', {
        style: 'currency',
        currency: 'USD',
        notation: 'compact',
        maximumFractionDigits: 1,
      }).format(value);
    }
    const small = value !== 0 && Math.abs(value) < 0.01;
    return this.numberFormat(small ? 'usd-small' : 'usd', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
      maximumFractionDigits: small ? 6 : 2,
    }).format(value);
  }

  /** A duration in milliseconds, in the largest fitting unit: `850 ms`, `4.2 s`, `12 min`. */
  duration(ms: number): string {
    const [amount, unit] =
      Math.abs(ms) < 1000
        ? [ms, 'millisecond']
        : Math.abs(ms) < 60_000
          ? [ms / 1000, 'second']
          : Math.abs(ms) < 3_600_000
            ? [ms / 60_000, 'minute']
            : [ms / 3_600_000, 'hour'];
    return this.numberFormat(`unit-${unit}`, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: unit === 'millisecond' ? 0 : 1,
    }).format(amount);
  }

  /** A day: `Nov 23, 2026`. */
  date(ms: number): string {
    return this.dateFormat('date', { year: 'numeric', month: 'short', day: 'numeric' }).format(ms);
  }

  /** A short day without the year: `Nov 23`. */
  shortDate(ms: number): string {
    return this.dateFormat('short-date', { month: 'short', day: 'numeric' }).format(ms);
  }

  /** A moment: `Nov 23, 2026, 14:05`. */
  dateTime(ms: number): string {
    return this.dateFormat('date-time', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(ms);
  }

  /** A moment with seconds, for tables. */
  timestamp(ms: number): string {
    return this.dateFormat('timestamp', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(ms);
  }

  /** A time of day: `14:05`. */
  time(ms: number): string {
    return this.dateFormat('time', { hour: 'numeric', minute: '2-digit' }).format(ms);
  }

  /** A month: `November 2026`. */
  month(ms: number): string {
    return this.dateFormat('month', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(ms);
  }

  /** How long ago: `5 minutes ago`, `yesterday`. */
  relativeTime(ms: number, now: number): string {
    this.relative ??= new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    const seconds = Math.round((ms - now) / 1000);
    const steps: [Intl.RelativeTimeFormatUnit, number][] = [
      ['second', 60],
      ['minute', 60],
      ['hour', 24],
      ['day', 30],
      ['month', 12],
      ['year', Infinity],
    ];
    let amount = seconds;
    for (const [unit, size] of steps) {
      if (Math.abs(amount) < size) return this.relative.format(Math.round(amount), unit);
      amount /= size;
    }
    return this.relative.format(Math.round(amount), 'year');
  }

  private numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let format = this.cache.get(key) as Intl.NumberFormat | undefined;
    if (format === undefined) {
      format = new Intl.NumberFormat(this.locale, options);
      this.cache.set(key, format);
    }
    return format;
  }

  private dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    let format = this.cache.get(key) as Intl.DateTimeFormat | undefined;
    if (format === undefined) {
      format = new Intl.DateTimeFormat(this.locale, { timeZone: this.timeZone, ...options });
      this.cache.set(key, format);
    }
    return format;
  }
}
