// TOTP against the test vectors of RFC 6238 (appendix B, SHA-1) and RFC 4226 (appendix D).
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, isReplayedTotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.js';

// The RFC's shared secret, ASCII "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('computes the RFC 6238 SHA-1 test vectors (last six of the eight digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, eight] of vectors) {
      expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(eight);
      expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(eight.slice(2));
    }
  });

  it('computes the RFC 4226 HOTP test vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    const key = Buffer.from('12345678901234567890');
    expect(expected.map((_, counter) => hotp(key, counter))).toEqual(expected);
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(base32Decode(secret.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(base32Decode(secret));
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
  });

  it('accepts one step either side, refuses two, and refuses a step already used', () => {
    const now = 1_750_000_000_000;
    const step = totpStep(now);
    const at = (offset: number) => totpCode(RFC_SECRET, now + offset * 30_000);
    expect(matchTotp(RFC_SECRET, at(0), now, null)).toBe(step);
    expect(matchTotp(RFC_SECRET, at(-1), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, at(1), now, null)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, at(-2), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, at(2), now, null)).toBeNull();
    // Replay: the step was accepted before, so its code (and any earlier one) is refused.
    expect(matchTotp(RFC_SECRET, at(0), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, at(-1), now, step)).toBeNull();
    expect(isReplayedTotp(RFC_SECRET, at(0), now, step)).toBe(true);
    expect(matchTotp(RFC_SECRET, at(1), now, step)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, 'abcdef', now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, '1234567', now, null)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps read', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'koordinator.stockholm'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host + decodeURIComponent(uri.pathname)).toBe('totp/Lots:koordinator.stockholm');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Lots', algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
