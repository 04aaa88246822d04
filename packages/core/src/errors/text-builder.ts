/**
 * A string built from ranges of another and single characters, in one buffer of UTF-16 code units: no
 * string for each piece. A cleaning step that keeps most of each of a megabyte's hundred thousand short lines
 * made a string of each and a rope or array of them, all alive until joined; the collector's copying of
 * them cost more than the step (a box of 4-character rows: 200 ms, the buffer about 10).
 */
export class TextBuilder {
  #codes: Uint16Array;
  #length = 0;

  /** `capacity`: the code units expected (the buffer grows past it). */
  constructor(capacity: number) {
    this.#codes = new Uint16Array(Math.max(16, capacity));
  }

  /** Appends `text`'s code units from `from` up to `to`. */
  appendRange(text: string, from: number, to: number): void {
    this.#reserve(to - from);
    const codes = this.#codes;
    let n = this.#length;
    for (let i = from; i < to; i++) codes[n++] = text.charCodeAt(i);
    this.#length = n;
  }

  /** Appends one code unit. */
  appendCode(code: number): void {
    this.#reserve(1);
    this.#codes[this.#length++] = code;
  }

  toString(): string {
    const parts: string[] = [];
    for (let at = 0; at < this.#length; at += CHUNK) {
      const chunk = this.#codes.subarray(at, Math.min(this.#length, at + CHUNK));
      parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
    }
    return parts.join('');
  }

  #reserve(more: number): void {
    if (this.#length + more <= this.#codes.length) return;
    const grown = new Uint16Array(Math.max(2 * this.#codes.length, this.#length + more));
    grown.set(this.#codes.subarray(0, this.#length));
    this.#codes = grown;
  }
}

/** Code units turned into a string at a time: `fromCharCode.apply` takes its arguments on the stack. */
const CHUNK = 8192;
