import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThemeSetting } from '../state/tally-context.js';
import type { ThemeName } from './palette.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Resolves a theme setting to light or dark, following the reader's colour-scheme preference
 * for `auto` and updating the host when that preference changes.
 */
export class ThemeController implements ReactiveController {
  private media: MediaQueryList | undefined;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.media = globalThis.matchMedia?.(DARK_QUERY);
    this.media?.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.onChange);
  }

  /** The theme to draw in for `setting`. */
  resolve(setting: ThemeSetting | undefined): ThemeName {
    if (setting === 'dark' || setting === 'light') return setting;
    return this.media?.matches === true ? 'dark' : 'light';
  }
}
