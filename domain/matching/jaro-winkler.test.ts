import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaro, jaroWinkler } from './jaro-winkler';

describe('jaro and jaroWinkler', () => {
  it('reproduces the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
  });

  it('handles identical and empty strings', () => {
    expect(jaroWinkler('ana', 'ana')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('ana', '')).toBe(0);
  });

  it('handles names longer than 32 letters', () => {
    const long = 'a'.repeat(20) + 'bcdefghijklmnopqrstuvwxyz';
    expect(jaroWinkler(long, long.replace('m', 'n'))).toBeGreaterThan(0.95);
  });

  it('is symmetric and stays within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const x = jaroWinkler(a, b);
        return x >= 0 && x <= 1 && Math.abs(x - jaroWinkler(b, a)) < 1e-12;
      }),
    );
  });
});
