// Cyrillic names: the project's own romanisation table (Ukrainian and Russian systems) and the
// "Slavic key" that lets the spellings those systems, and older foreign ones, produce for the
// same name compare as equal (Serhii / Sergey / Sergei). See docs/matching.md for the sources.

export type CyrillicSystem = 'uk_kmu' | 'ru_icao' | 'ru_bgn';

interface CyrillicLetter {
  /** Ukrainian, Cabinet of Ministers resolution 55 of 2010 (used in Ukrainian passports). */
  uk: string;
  /** The same system at the start of a word, where it differs (є ї й ю я). */
  ukInitial?: string;
  /** Russian, ICAO Doc 9303 (used in Russian passports since 2013). */
  ruIcao: string;
  /** Russian, BGN/PCGN 1947 (common in older documents and English-language press). */
  ruBgn: string;
  ruBgnInitial?: string;
}

const LETTERS: Readonly<Record<string, CyrillicLetter>> = {
  а: { uk: 'a', ruIcao: 'a', ruBgn: 'a' },
  б: { uk: 'b', ruIcao: 'b', ruBgn: 'b' },
  в: { uk: 'v', ruIcao: 'v', ruBgn: 'v' },
  г: { uk: 'h', ruIcao: 'g', ruBgn: 'g' },
  ґ: { uk: 'g', ruIcao: 'g', ruBgn: 'g' },
  д: { uk: 'd', ruIcao: 'd', ruBgn: 'd' },
  е: { uk: 'e', ruIcao: 'e', ruBgn: 'e', ruBgnInitial: 'ye' },
  є: { uk: 'ie', ukInitial: 'ye', ruIcao: 'ie', ruBgn: 'ye' },
  ё: { uk: 'io', ruIcao: 'e', ruBgn: 'yo', ruBgnInitial: 'yo' },
  ж: { uk: 'zh', ruIcao: 'zh', ruBgn: 'zh' },
  з: { uk: 'z', ruIcao: 'z', ruBgn: 'z' },
  и: { uk: 'y', ruIcao: 'i', ruBgn: 'i' },
  і: { uk: 'i', ruIcao: 'i', ruBgn: 'i' },
  ї: { uk: 'i', ukInitial: 'yi', ruIcao: 'i', ruBgn: 'yi' },
  й: { uk: 'i', ukInitial: 'y', ruIcao: 'i', ruBgn: 'y' },
  к: { uk: 'k', ruIcao: 'k', ruBgn: 'k' },
  л: { uk: 'l', ruIcao: 'l', ruBgn: 'l' },
  м: { uk: 'm', ruIcao: 'm', ruBgn: 'm' },
  н: { uk: 'n', ruIcao: 'n', ruBgn: 'n' },
  о: { uk: 'o', ruIcao: 'o', ruBgn: 'o' },
  п: { uk: 'p', ruIcao: 'p', ruBgn: 'p' },
  р: { uk: 'r', ruIcao: 'r', ruBgn: 'r' },
  с: { uk: 's', ruIcao: 's', ruBgn: 's' },
  т: { uk: 't', ruIcao: 't', ruBgn: 't' },
  у: { uk: 'u', ruIcao: 'u', ruBgn: 'u' },
  ф: { uk: 'f', ruIcao: 'f', ruBgn: 'f' },
  х: { uk: 'kh', ruIcao: 'kh', ruBgn: 'kh' },
  ц: { uk: 'ts', ruIcao: 'ts', ruBgn: 'ts' },
  ч: { uk: 'ch', ruIcao: 'ch', ruBgn: 'ch' },
  ш: { uk: 'sh', ruIcao: 'sh', ruBgn: 'sh' },
  щ: { uk: 'shch', ruIcao: 'shch', ruBgn: 'shch' },
  ъ: { uk: '', ruIcao: 'ie', ruBgn: '' },
  ы: { uk: 'y', ruIcao: 'y', ruBgn: 'y' },
  ь: { uk: '', ruIcao: '', ruBgn: '' },
  э: { uk: 'e', ruIcao: 'e', ruBgn: 'e' },
  ю: { uk: 'iu', ukInitial: 'yu', ruIcao: 'iu', ruBgn: 'yu' },
  я: { uk: 'ia', ukInitial: 'ya', ruIcao: 'ia', ruBgn: 'ya' },
};

export const CYRILLIC_PATTERN = /[\u0400-\u04FF]/;
// Letters only Ukrainian uses, and the modifier-letter apostrophe of Ukrainian spelling (Мар'яна).
const UKRAINIAN_ONLY = /[іїєґІЇЄҐ\u02BC]/;
const APOSTROPHES = /['’ʼ`]/;

/** Ukrainian letters decide the system; otherwise assume a Russian passport (ICAO). */
export function chooseCyrillicSystem(text: string): CyrillicSystem {
  return UKRAINIAN_ONLY.test(text) ? 'uk_kmu' : 'ru_icao';
}

function isCyrillicLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTERS[ch.toLowerCase()] !== undefined;
}

function romanise(letter: CyrillicLetter, system: CyrillicSystem, initial: boolean): string {
  switch (system) {
    case 'uk_kmu':
      return initial && letter.ukInitial !== undefined ? letter.ukInitial : letter.uk;
    case 'ru_icao':
      return letter.ruIcao;
    case 'ru_bgn':
      return initial && letter.ruBgnInitial !== undefined ? letter.ruBgnInitial : letter.ruBgn;
  }
}

/**
 * Romanise Cyrillic text, keeping capitalisation and leaving other characters alone. The
 * Ukrainian system writes зг as "zgh" so that it is not read as the digraph "zh".
 */
export function transliterateCyrillic(text: string, system: CyrillicSystem = chooseCyrillicSystem(text)): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const letter = LETTERS[ch.toLowerCase()];
    if (letter === undefined) {
      // The Ukrainian apostrophe only marks a hard sound; it is not part of the romanised name.
      if (!(APOSTROPHES.test(ch) && isCyrillicLetter(chars[i - 1]))) out += ch;
      continue;
    }
    const prev = chars[i - 1];
    const initial = !isCyrillicLetter(prev) && !(prev !== undefined && APOSTROPHES.test(prev));
    let latin = romanise(letter, system, initial);
    if (system === 'uk_kmu' && ch.toLowerCase() === 'г' && prev?.toLowerCase() === 'з') latin = 'gh';
    if (ch !== ch.toLowerCase() && latin.length > 0) {
      const next = chars[i + 1];
      const wholeWordUpper = next !== undefined && isCyrillicLetter(next) && next !== next.toLowerCase();
      latin = wholeWordUpper ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    }
    out += latin;
  }
  return out;
}

/**
 * Rewrites applied in order to a folded Latin token. Each merges spellings that different
 * romanisation systems (or a registering officer's ear) give for the same Cyrillic letters.
 * The third column is the reason, repeated in docs/matching.md.
 */
export const SLAVIC_KEY_RULES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/x/g, 'ks', 'кс written x: Alexander / Aleksandr'],
  [/w/g, 'v', 'в written w in German and Polish spellings: Wladimir / Vladimir'],
  [/ph/g, 'f', 'ф written ph: Sophia / Sofiia'],
  [/shch|szcz|sch/g, 'sh', 'щ: shch (passports), sch (German), szcz (Polish)'],
  [/sz/g, 'sh', 'ш written sz (Polish)'],
  [/tsch|tch|cz/g, 'ch', 'ч written tsch (German), tch (French), cz (Polish)'],
  [/zh/g, 'z', 'ж: zh in passports, ž (folded to z) in scholarly systems'],
  [/ts|tz/g, 'c', 'ц: ts in passports, tz (German), c (scholarly)'],
  [/kh/g, 'h', 'х: kh in passports, h in South Slavic and Romanian spellings: Mikhail / Mihail'],
  [/gh/g, 'g', 'Ukrainian зг romanised zgh'],
  [/(^|[^cst])h/g, '$1g', 'г: h in Ukrainian, g in Russian: Serhii / Sergei, Olha / Olga'],
  [/[yj]/g, 'i', 'й, и, ы and the iotated vowels: y, j and i are all used (Yuliia / Julija)'],
  [/ou/g, 'u', 'у written ou in French-style spellings: Sergueï'],
  [/([aeou])ie/g, '$1e', 'е after a vowel written ye (BGN) or e (ICAO): Andreyev / Andreev'],
  [/^ie/, 'e', 'initial є / е written ye, ie or e: Yevhen / Ievhen / Evgenii'],
  [/^ole/, 'ale', 'Ukrainian О- for Russian А-: Oleksandr / Aleksandr, Oleksii / Aleksei'],
  [/([a-z])\1+/g, '$1', 'doubled letters: Yuliia / Yulia, Anastassia / Anastasia'],
  [/ei$/, 'i', 'final -ей / -ій / -ий: Sergei / Serhii, Andrei / Andrii'],
];

/** The Slavic key of one folded Latin token. Tokens with the same key are spelling variants. */
export function slavicKey(token: string): string {
  let key = token;
  for (const [pattern, replacement] of SLAVIC_KEY_RULES) key = key.replace(pattern, replacement);
  return key;
}
