import { describe, expect, it } from 'vitest';
import { thaiKey } from './thai-romanisation';

describe('thaiKey', () => {
  it.each([
    ['Somchai', 'Somchay'],
    ['Phon', 'Pon'],
    ['Chaiyaphon', 'Chaiyaporn'],
    ['Prasoet', 'Prasert'],
    ['Wichai', 'Vichai'],
    ['Kittisak', 'Kittisack'],
    ['Bunmi', 'Boonmee'],
    ['Chiraphon', 'Jiraporn'],
    ['Natthaphong', 'Nattapong'],
    ['Suriya', 'Suriyaa'],
    ['Thongchai', 'Tongchai'],
    ['Kamon', 'Kamol'],
    ['Siriphon', 'Siriporn'],
    ['Rueang', 'Ruang'],
    ['Nongnut', 'Nongnuch'],
    ['Phairot', 'Pairoj'],
    ['Sisuk', 'Srisuk'],
  ])('%s (RTGS) and %s (common) share a key', (rtgs, common) => {
    expect(thaiKey(rtgs.toLowerCase())).toBe(thaiKey(common.toLowerCase()));
  });

  it('keeps different names apart', () => {
    expect(thaiKey('somchai')).not.toBe(thaiKey('somsak'));
    expect(thaiKey('siriphon')).not.toBe(thaiKey('sirinthon'));
  });
});
