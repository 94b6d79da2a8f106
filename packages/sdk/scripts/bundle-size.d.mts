/** Types of the size measurement script (bundle-size.mjs). */

export interface Sizes {
  minified: number;
  gzip: number;
  brotli: number;
}

export const SIZE_TARGET_GZIP: number;
export const SIZE_BUDGET_GZIP: number;

export function bundleSize(code: string): Promise<{
  eager: Sizes;
  eagerCode: string;
  total: Sizes;
  lazy: (Sizes & { name: string })[];
}>;

export function bundleScript(code: string): Promise<string>;

export function measure(text: string): Sizes;
