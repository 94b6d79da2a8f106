const encoder = new TextEncoder();

/** The length of `text` in UTF-8 bytes: what it weighs in a request body. */
export const byteLength = (text: string): number => encoder.encode(text).length;
