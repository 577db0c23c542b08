// The cursor and output buffers shared by the Double Metaphone letter rules, so each rule file
// stays small. Positions past the word read as spaces, which the rules test for word ends.

export class MetaphoneContext {
  readonly word: string;
  readonly length: number;
  readonly last: number;
  readonly slavoGermanic: boolean;
  current = 0;
  primary = '';
  secondary = '';

  constructor(word: string) {
    this.word = `${word}     `;
    this.length = word.length;
    this.last = word.length - 1;
    this.slavoGermanic = /W|K|CZ|WITZ/.test(word);
  }

  at(index: number): string {
    return index < 0 ? '' : (this.word[index] ?? ' ');
  }

  /** True when the text at `start` is one of `options` (all of one length). */
  is(start: number, ...options: string[]): boolean {
    if (start < 0) return false;
    const len = options[0]?.length ?? 0;
    const slice = this.word.slice(start, start + len);
    return options.includes(slice);
  }

  isVowel(index: number): boolean {
    const c = this.at(index);
    return c.length === 1 && 'AEIOUY'.includes(c);
  }

  /** Append to both codes, or to each its own when they differ. */
  add(primary: string, secondary: string = primary): void {
    this.primary += primary;
    this.secondary += secondary;
  }

  /** Skip a doubled letter as one sound. */
  advance(letter: string): void {
    this.current += this.at(this.current + 1) === letter ? 2 : 1;
  }

  germanicPrefix(): boolean {
    return this.is(0, 'VAN ', 'VON ') || this.is(0, 'SCH');
  }
}
