import { describe, expect, it } from 'vitest';
import { codesOf, isCode, labelOf } from './codelist.js';
import { EXPLOITATION_FORMS } from './exploitation-forms.js';
import { POLICE_REGIONS } from './police-regions.js';

describe('labelOf', () => {
  it('gives the label in the asked language', () => {
    expect(labelOf(EXPLOITATION_FORMS, 'labour', 'sv')).toBe('arbetskraft');
    expect(labelOf(EXPLOITATION_FORMS, 'labour', 'en')).toBe('labour');
    expect(labelOf(POLICE_REGIONS, 'ost', 'sv')).toBe('Öst');
  });

  it('falls back to the code for an unknown code', () => {
    expect(labelOf(EXPLOITATION_FORMS, 'piracy', 'sv')).toBe('piracy');
  });
});

describe('isCode', () => {
  it('accepts the list codes only', () => {
    expect(isCode(EXPLOITATION_FORMS, 'sexual')).toBe(true);
    expect(isCode(EXPLOITATION_FORMS, 'Sexual')).toBe(false);
    expect(isCode(EXPLOITATION_FORMS, 'sexuella ändamål')).toBe(false);
    expect(isCode(EXPLOITATION_FORMS, undefined)).toBe(false);
    expect(isCode(EXPLOITATION_FORMS, 3)).toBe(false);
  });
});

describe('codesOf', () => {
  it('keeps the list order', () => {
    expect(codesOf(POLICE_REGIONS)).toEqual(['nord', 'mitt', 'stockholm', 'ost', 'vast', 'syd', 'bergslagen']);
  });
});
