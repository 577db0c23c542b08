// Thai names reach us romanised in the Royal Thai General System (RTGS, what Thai ID cards and
// passports mostly use) or in the "common" spellings people choose for themselves. This table
// maps both to one Thai key, so Somchai / Somchay and Chaiyaphon / Chaiyaporn compare as equal.
// Names in Thai script are first romanised after RTGS (transliterate-thai.ts) and then keyed the
// same way.
// The rules and their reasons are repeated in docs/matching.md.

/** Rewrites applied in order to a folded Latin token; the third column says why. */
export const THAI_KEY_RULES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/ph/g, 'p', 'พ ภ ผ: RTGS ph, common p (Phon / Pon)'],
  [/th/g, 't', 'ท ธ ถ ฐ: RTGS th, common t (Thongchai / Tongchai)'],
  [/kh/g, 'k', 'ข ค ฆ: RTGS kh, common k (Khanittha / Kanitta)'],
  [/ck/g, 'k', 'final ก written ck by English habit (Kittisack)'],
  [/j/g, 'ch', 'จ: RTGS ch, common j (Jiraporn / Chiraphon)'],
  [/tch/g, 'ch', 'ช written tch (Witchai / Wichai)'],
  [/ch$/, 't', 'final จ ช are said t: RTGS t, common ch or j (Nongnut / Nongnuch, Phairot / Pairoj)'],
  [/^sri/, 'si', 'ศรี: RTGS si, common sri (Sisuk / Srisuk)'],
  [/v/g, 'w', 'ว: RTGS w, common v (Wichai / Vichai)'],
  [/rn(?![aeiou])/g, 'n', 'final ร is said n: RTGS n, common rn (Chaiyaphon / Chaiyaporn)'],
  [/l$/, 'n', 'final ล is said n: RTGS n, common l (Kamon / Kamol)'],
  [/er(?=[^aeiouy])/g, 'oe', 'เ-อ: RTGS oe, common er (Prasoet / Prasert)'],
  [/uea/g, 'ua', 'เ-ือ: RTGS uea, common ua (Rueang / Ruang)'],
  [/aa/g, 'a', 'long า doubled in common spellings (Suriyaa / Suriya)'],
  [/ee/g, 'i', 'long ี written ee (Boonmee / Bunmi)'],
  [/oo/g, 'u', 'long ู written oo (Boonmee / Bunmi)'],
  [/ii/g, 'i', 'long ี doubled'],
  [/uu/g, 'u', 'long ู doubled'],
  [/ah$/, 'a', 'final -ah for a long final a (Suriyah / Suriya)'],
  [/ay$/, 'ai', 'ไ / ใ / -ัย: RTGS ai, common ay (Somchai / Somchay)'],
  [/y$/, 'i', 'final y for i (Noi / Noy)'],
  [/([bcdfgklmnprstw])\1+/g, '$1', 'doubled consonants (Kittisak / Kitisak, Nattapong / Natthaphong)'],
];

/** The Thai key of one folded Latin token. Tokens with the same key are spelling variants. */
export function thaiKey(token: string): string {
  let key = token;
  for (const [pattern, replacement] of THAI_KEY_RULES) key = key.replace(pattern, replacement);
  return key;
}
