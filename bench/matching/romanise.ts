// The generator's own romanisers, written separately from the engine's table on purpose: the
// benchmark should test whether the engine copes with the spellings officers and documents
// actually produce (passport systems, German, French and Polish habits, spelling by ear), not
// whether it inverts itself.

export type RomanSystem = 'kmu' | 'icao' | 'bgn' | 'german' | 'french' | 'polish' | 'ear';

type Letters = Readonly<Record<string, string | readonly string[]>>;

const BASE: Letters = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i',
  і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'iu', я: 'ia', 'ʼ': '', "'": '',
};

const SYSTEMS: Readonly<Record<Exclude<RomanSystem, 'ear'>, { letters: Letters; initial?: Letters }>> = {
  kmu: { letters: { ...BASE, г: 'h', и: 'y' }, initial: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' } },
  icao: { letters: { ...BASE, ъ: 'ie' } },
  bgn: { letters: { ...BASE, ё: 'yo', й: 'y', ю: 'yu', я: 'ya', є: 'ye', ї: 'yi' }, initial: { е: 'ye' } },
  german: {
    letters: { ...BASE, в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', є: 'je', ї: 'ji', ё: 'jo' },
    initial: { е: 'je' },
  },
  french: {
    letters: { ...BASE, ж: 'j', у: 'ou', ч: 'tch', ш: 'ch', щ: 'chtch', х: 'kh', й: 'ï', ю: 'iou', я: 'ia' },
  },
  polish: {
    letters: { ...BASE, в: 'w', ж: 'ż', й: 'j', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', ю: 'ju', я: 'ja', є: 'je', ї: 'ji', л: 'ł', ы: 'y' },
  },
};

// By ear: each ambiguous letter is spelt one of several ways, chosen per letter.
const EAR: Letters = {
  ...BASE,
  г: ['h', 'g'], и: ['i', 'y'], й: ['i', 'y', 'j'], х: ['kh', 'h', 'ch'], ж: ['zh', 'j', 'z'], ц: ['ts', 'c', 'tz'],
  ч: ['ch', 'tch'], ш: ['sh', 'sch'], щ: ['shch', 'sch', 'sh'], я: ['ya', 'ia', 'ja'], ю: ['yu', 'iu', 'ju'],
  є: ['ye', 'ie', 'e'], ї: ['yi', 'i', 'ji'], е: ['e', 'e', 'ye'], ь: ['', '', 'i'], ы: ['y', 'i'], о: ['o', 'o', 'a'],
};

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

export function romanise(cyrillic: string, system: RomanSystem, random: () => number): string {
  const chars = [...cyrillic];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const table = system === 'ear' ? EAR : SYSTEMS[system].letters;
    const initialTable = system === 'ear' ? undefined : SYSTEMS[system].initial;
    const initial = !isLetter(chars[i - 1]);
    const entry = (initial ? initialTable?.[lower] : undefined) ?? table[lower];
    if (entry === undefined) {
      out += ch;
      continue;
    }
    let latin = typeof entry === 'string' ? entry : (entry[Math.floor(random() * entry.length)] as string);
    if (ch !== lower && latin.length > 0) latin = (latin[0] as string).toUpperCase() + latin.slice(1);
    out += latin;
  }
  return out;
}
