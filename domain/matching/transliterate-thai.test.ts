import { describe, expect, it } from 'vitest';
import { NAME_ALIAS, NAME_EXACT, NAME_JW88 } from './compare-names';
import { tokeniseName } from './normalise';
import { comparePeople, person } from './test-support';
import { thaiKey } from './thai-romanisation';
import { transliterateThai } from './transliterate-thai';

// Common Thai given names and surname syllables (no real person is meant), their RTGS
// romanisation, and spellings people use in passports and registrations.
describe('transliterateThai', () => {
  it.each([
    ['สมชาย', 'somchai'],
    ['สมศักดิ์', 'somsak'],
    ['ประเสริฐ', 'prasoet'],
    ['วิชัย', 'wichai'],
    ['ศิริพร', 'siriphon'],
    ['กิตติศักดิ์', 'kittisak'],
    ['บุญมี', 'bunmi'],
    ['ทองชัย', 'thongchai'],
    ['กาญจนา', 'kanchana'],
    ['สุวรรณ', 'suwan'],
    ['แก้ว', 'kaeo'],
    ['เพชร', 'phet'],
    ['สมหญิง', 'somying'],
    ['ชัยวัฒน์', 'chaiwat'],
    ['สุรชัย', 'surachai'],
    ['เจริญ', 'charoen'],
    ['สมบัติ', 'sombat'],
    ['ธนวัฒน์', 'thanawat'],
    ['กมล', 'kamon'],
    ['อุดม', 'udom'],
    ['บุญเรือง', 'bunrueang'],
    ['จันทร์เพ็ญ', 'chanphen'],
    ['เสาวลักษณ์', 'saowalak'],
    ['ใจดี', 'chaidi'],
    ['กำไล', 'kamlai'],
  ])('%s is %s', (thai, rtgs) => {
    expect(transliterateThai(thai)).toBe(rtgs);
  });

  it('drops tone marks and silent letters, and keeps other scripts as they are', () => {
    expect(transliterateThai('ก้อง')).toBe(transliterateThai('กอง'));
    expect(transliterateThai('พงษ์')).toBe('phong');
    expect(transliterateThai('Somchai สมชาย')).toBe('Somchai somchai');
    expect(transliterateThai('')).toBe('');
  });

  it('survives vowel signs without a consonant and NFKC-split sara am', () => {
    expect(() => transliterateThai('ิ่ีั')).not.toThrow();
    expect(transliterateThai('กำไล'.normalize('NFKC'))).toBe('kamlai');
  });
});

describe('Thai script against its common romanisations', () => {
  it.each([
    ['สมชาย', 'Somchai', 'Somchay'],
    ['ศิริพร', 'Siriporn', 'Siriphon'],
    ['สุภาพร', 'Supaporn', 'Suphaphon'],
    ['จิราพร', 'Jiraporn', 'Chiraphon'],
    ['ประเสริฐ', 'Prasert', 'Prasoet'],
    ['บุญมี', 'Boonmee', 'Bunmi'],
    ['ทองชัย', 'Tongchai', 'Thongchai'],
    ['วิชัย', 'Vichai', 'Wichai'],
    ['ศรีสุข', 'Srisuk', 'Sisuk'],
    ['นงนุช', 'Nongnuch', 'Nongnut'],
    ['ไพโรจน์', 'Pairoj', 'Phairot'],
    ['แสงทอง', 'Saengtong', 'Saengthong'],
  ])('%s shares a key with %s and %s', (thai, common, rtgs) => {
    const [token] = tokeniseName(thai);
    expect(thaiKey(token as string)).toBe(thaiKey(common.toLowerCase()));
    expect(thaiKey(token as string)).toBe(thaiKey(rtgs.toLowerCase()));
  });

  it('reaches the alias level for a whole name in Thai script against its romanisation', () => {
    const { comparison } = comparePeople(person({ givenNames: 'ศิริพร', familyNames: 'แก้วมณี' }), person({ givenNames: 'Siriporn', familyNames: 'Kaewmanee' }));
    expect(comparison.levels.given).toBe(NAME_ALIAS);
    expect(comparison.levels.family).toBeLessThanOrEqual(NAME_ALIAS);
    expect(comparison.names.givenAlias).toBe('spelling');
  });

  it('comes close where RTGS writes a doubled consonant that Thai script does not', () => {
    for (const [thai, common] of [
      ['ณัฐพงศ์', 'Nattapong'],
      ['รัตนา', 'Rattana'],
      ['นิตยา', 'Nittaya'],
    ] as const) {
      const { comparison } = comparePeople(person({ givenNames: thai, familyNames: 'ใจดี' }), person({ givenNames: common, familyNames: 'Jaidee' }));
      expect(comparison.levels.given).toBeLessThanOrEqual(NAME_JW88);
      expect(comparison.levels.family).toBeLessThanOrEqual(NAME_ALIAS);
    }
  });

  it('keeps different Thai names apart', () => {
    const { comparison } = comparePeople(person({ givenNames: 'สมชาย', familyNames: 'ใจดี' }), person({ givenNames: 'สมศักดิ์', familyNames: 'ใจดี' }));
    expect(comparison.levels.given).not.toBe(NAME_EXACT);
    expect(comparison.levels.given).toBeGreaterThan(NAME_ALIAS);
  });
});
