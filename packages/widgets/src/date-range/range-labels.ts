import type { Preset } from '@tally/core';

/** What each preset is called in the picker. */
export const PRESET_LABELS: Readonly<Record<string, string>> = {
  today: 'Today',
  yesterday: 'Yesterday',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '180d': 'Last 180 days',
  '3m': 'Last 3 months',
  '6m': 'Last 6 months',
  'this-week': 'This week',
  'this-month': 'This month',
  custom: 'Custom range',
};

/** The label of a preset, `month:YYYY-MM` written by `monthLabel`. */
export function presetLabel(
  preset: Preset | 'custom',
  monthLabel: (month: string) => string,
): string {
  if (preset.startsWith('month:')) return monthLabel(preset.slice('month:'.length));
  return PRESET_LABELS[preset] ?? preset;
}
