import { describe, expect, it } from 'vitest';
import { regionFromName } from './police-regions.js';

describe('regionFromName', () => {
  it('reads Swedish names in any case, and codes', () => {
    expect(regionFromName('Öst')).toBe('ost');
    expect(regionFromName('öst')).toBe('ost');
    expect(regionFromName('ÖST')).toBe('ost');
    expect(regionFromName('ost')).toBe('ost');
    expect(regionFromName('Väst')).toBe('vast');
    expect(regionFromName('vast')).toBe('vast');
    expect(regionFromName(' Bergslagen ')).toBe('bergslagen');
    expect(regionFromName('Polisregion Nord')).toBe('nord');
    expect(regionFromName('region Syd')).toBe('syd');
  });

  it('reads decomposed Unicode as written on macOS', () => {
    expect(regionFromName('O\u0308st')).toBe('ost');
  });

  it('returns null for anything else', () => {
    expect(regionFromName('')).toBeNull();
    expect(regionFromName('East')).toBeNull();
    expect(regionFromName('Gotland')).toBeNull();
  });
});
