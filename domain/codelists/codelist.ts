// The shape every Lots codelist shares, and the helpers to read one. A codelist is a readonly
// array of entries: an English code stored in data, a Swedish and an English label shown to
// people, and (where the IOM HTCDS v2.0 standard has a matching field) the HTCDS code used on
// export. Labels are lower case unless they are proper names, so they read well mid-sentence;
// the UI capitalises where a label starts a heading or cell.

export interface CodeEntry<C extends string = string> {
  code: C;
  sv: string;
  en: string;
  /** Matching HTCDS v2.0 code; null where HTCDS has no equivalent. Each list says which field. */
  htcds?: string | null;
}

export type Lang = 'sv' | 'en';

/** Label of `code` in `lang`; an unknown code falls back to the code itself, never to nothing. */
export function labelOf<C extends string>(list: readonly CodeEntry<C>[], code: C | string, lang: Lang): string {
  const entry = list.find((e) => e.code === code);
  return entry ? entry[lang] : code;
}

export function codesOf<C extends string>(list: readonly CodeEntry<C>[]): C[] {
  return list.map((e) => e.code);
}

export function isCode<C extends string>(list: readonly CodeEntry<C>[], value: unknown): value is C {
  return typeof value === 'string' && list.some((e) => e.code === value);
}
