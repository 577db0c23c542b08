// The legal elements of a "reason to assume" decision and the child rule (no improper means
// needed for a child under § 1a).
import { describe, expect, it } from 'vitest';
import { ACTS, EXPLOITATION_MEANS, EXPLOITATION_PURPOSES, MEANS, PURPOSES, checkElements, meansRequired, type ElementsInput } from './legal-elements.js';

const trafficking: ElementsInput = {
  legalBasis: 'trafficking_4_1a',
  decision: 'reason_to_assume',
  acts: ['recruiting'],
  means: ['deception'],
  purposes: ['sexual_purposes'],
  isChild: false,
};

const exploitation: ElementsInput = {
  legalBasis: 'exploitation_4_1b',
  decision: 'reason_to_assume',
  acts: [],
  means: ['exploiting_vulnerability'],
  purposes: ['forced_labour'],
  isChild: false,
};

const paths = (e: ElementsInput) => checkElements(e).map((i) => i.path);

describe('meansRequired', () => {
  it('waives improper means only for a known child under trafficking (§ 1a)', () => {
    expect(meansRequired('trafficking_4_1a', true)).toBe(false);
    expect(meansRequired('trafficking_4_1a', false)).toBe(true);
    expect(meansRequired('trafficking_4_1a', null)).toBe(true);
    expect(meansRequired('exploitation_4_1b', true)).toBe(true);
    expect(meansRequired(null, true)).toBe(true);
  });
});

describe('checkElements: trafficking (§ 1a)', () => {
  it('accepts act, means and purpose', () => {
    expect(checkElements(trafficking)).toEqual([]);
  });

  it('names each missing element', () => {
    expect(paths({ ...trafficking, acts: [] })).toEqual(['acts']);
    expect(paths({ ...trafficking, purposes: [] })).toEqual(['purposes']);
    expect(paths({ ...trafficking, means: [] })).toEqual(['means']);
    expect(paths({ ...trafficking, acts: [], means: [], purposes: [] })).toEqual(['acts', 'purposes', 'means']);
  });

  it('needs no improper means for a child, but still an act and a purpose', () => {
    expect(checkElements({ ...trafficking, means: [], isChild: true })).toEqual([]);
    expect(paths({ ...trafficking, means: [], acts: [], isChild: true })).toEqual(['acts']);
  });

  it('treats an unknown age as an adult: the child rule lowers the bar only on evidence', () => {
    expect(paths({ ...trafficking, means: [], isChild: null })).toEqual(['means']);
  });
});

describe('checkElements: exploitation (§ 1b)', () => {
  it('accepts coercion, deception or vulnerability with forced labour, unreasonable conditions or begging', () => {
    for (const means of EXPLOITATION_MEANS) {
      for (const purpose of EXPLOITATION_PURPOSES) expect(checkElements({ ...exploitation, means: [means], purposes: [purpose] })).toEqual([]);
    }
  });

  it('needs no act', () => {
    expect(checkElements({ ...exploitation, acts: [] })).toEqual([]);
  });

  it('refuses purposes and means outside § 1b', () => {
    expect(paths({ ...exploitation, purposes: ['sexual_purposes'] })).toEqual(['purposes']);
    expect(paths({ ...exploitation, means: ['abduction'] })).toEqual(['means']);
  });

  it('has no child exception: a child still needs the means', () => {
    expect(paths({ ...exploitation, means: [], isChild: true })).toEqual(['means']);
  });
});

describe('checkElements: other cases', () => {
  it('asks for a legal basis before anything else', () => {
    expect(checkElements({ ...trafficking, legalBasis: null })).toEqual([{ path: 'legalBasis', message: expect.any(String) }]);
  });

  it('needs nothing for a negative decision', () => {
    expect(checkElements({ legalBasis: null, decision: 'no_reason_to_assume', acts: [], means: [], purposes: [], isChild: null })).toEqual([]);
  });
});

describe('codelists', () => {
  it.each([
    ['ACTS', ACTS],
    ['MEANS', MEANS],
    ['PURPOSES', PURPOSES],
  ])('%s has unique codes and both labels', (_name, list) => {
    const codes = list.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of list) expect(e.sv.length * e.en.length).toBeGreaterThan(0);
  });

  it('the § 1b subsets are drawn from the full lists', () => {
    for (const m of EXPLOITATION_MEANS) expect(MEANS.map((x) => x.code)).toContain(m);
    for (const p of EXPLOITATION_PURPOSES) expect(PURPOSES.map((x) => x.code)).toContain(p);
  });
});
