// Thai script romanised for comparison, after the Royal Thai General System (RTGS, Royal Institute
// 1999): consonants have one value at the start of a syllable and another at its end, vowels are
// written around their consonant (เ แ โ ใ ไ before it, others above, below or after), tone marks
// are dropped, and a letter under the silencer ์ is not said. The result then goes through the
// Thai key rules (thai-romanisation.ts) like any romanised Thai name, so สมชาย meets Somchai and
// Somchay, and ศิริพร meets Siriphon and Siriporn.
//
// This is a table and a handful of syllable rules, not a full transcription: Thai does not write
// every vowel (the "inherent" a or o is guessed from the letters around it), does not mark
// syllable boundaries, and some spellings are read by exception. The limits are listed in
// docs/matching.md; what matters here is that the common names come out close enough to their
// usual romanisations to reach the alias or Jaro-Winkler levels.

/** Thai letters in names: consonants ก–ฮ, vowels, tone marks and the silencer. */
export const THAI_PATTERN = /[\u0E01-\u0E4E]/;

/** RTGS value of each consonant at the start of a syllable. */
const INITIAL: Readonly<Record<string, string>> = {
  ก: 'k', ข: 'kh', ฃ: 'kh', ค: 'kh', ฅ: 'kh', ฆ: 'kh', ง: 'ng', จ: 'ch', ฉ: 'ch', ช: 'ch', ซ: 's',
  ฌ: 'ch', ญ: 'y', ฎ: 'd', ฏ: 't', ฐ: 'th', ฑ: 'th', ฒ: 'th', ณ: 'n', ด: 'd', ต: 't', ถ: 'th',
  ท: 'th', ธ: 'th', น: 'n', บ: 'b', ป: 'p', ผ: 'ph', ฝ: 'f', พ: 'ph', ฟ: 'f', ภ: 'ph', ม: 'm',
  ย: 'y', ร: 'r', ล: 'l', ว: 'w', ศ: 's', ษ: 's', ส: 's', ห: 'h', ฬ: 'l', อ: '', ฮ: 'h',
};

/** RTGS value of each consonant at the end of a syllable (stops are unreleased: k, t, p). */
const FINAL: Readonly<Record<string, string>> = {
  ก: 'k', ข: 'k', ค: 'k', ฆ: 'k', ง: 'ng', จ: 't', ช: 't', ซ: 't', ฌ: 't', ญ: 'n', ฎ: 't', ฏ: 't',
  ฐ: 't', ฑ: 't', ฒ: 't', ณ: 'n', ด: 't', ต: 't', ถ: 't', ท: 't', ธ: 't', น: 'n', บ: 'p', ป: 'p',
  พ: 'p', ฟ: 'p', ภ: 'p', ม: 'm', ย: 'i', ร: 'n', ล: 'n', ว: 'o', ศ: 't', ษ: 't', ส: 't', ฬ: 'n',
};

/** Vowels written before their consonant. */
const LEADING = new Set(['เ', 'แ', 'โ', 'ใ', 'ไ']);
/** Vowel signs written above, below or after their consonant. */
const DEPENDENT = new Set(['ะ', 'ั', 'า', 'ำ', 'ิ', 'ี', 'ึ', 'ื', 'ุ', 'ู']);
/** Tone marks and the shortener ็: not written in RTGS. */
const DROPPED = /[\u0E47-\u0E4B\u0E4D\u0E4E]/g;
/** Low sonorants a silent ห leads (หญิง ying, หนู nu). */
const LED_BY_HO = new Set(['ง', 'ญ', 'ณ', 'น', 'ม', 'ย', 'ร', 'ล', 'ว']);

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'ก' && ch <= 'ฮ' && ch !== 'ฤ' && ch !== 'ฦ';
}

/** True clusters: ก ข ค ต ป ผ พ followed by ร, ล or ว (not every pair exists, but none is a syllable). */
function clusters(first: string, second: string | undefined): boolean {
  if (second === 'ร') return 'กขคตปผพบ'.includes(first);
  if (second === 'ล') return 'กขคปผพบ'.includes(first);
  if (second === 'ว') return 'กขค'.includes(first);
  return false;
}

/** ร after ส, ศ or ซ at the start of a syllable is not said (ศรี si, สร้อย soi). */
function silentR(first: string, second: string | undefined): boolean {
  return second === 'ร' && 'สศซ'.includes(first);
}

/** Letters of Pali and Sanskrit words, which take an inherent a rather than closing a syllable (ธนวัฒน์ thanawat). */
const PALI = new Set(['ธ', 'ภ', 'ฐ', 'ฒ', 'ศ', 'ษ', 'ณ', 'ฑ', 'ฆ']);

/** Finals said n, m, ng, i or o: these close a syllable before any consonant (กาญจนา kan-cha-na). */
const SONORANT_FINALS = new Set(['ง', 'ญ', 'น', 'ม', 'ย', 'ว', 'ล']);

/** Drop tone marks, and each letter under the silencer ์ with a vowel sign written on it. */
function clean(word: string): string[] {
  // NFKC splits sara am (ำ) into nikhahit and sara aa; put it back before dropping marks.
  const chars = [...word.replace(/\u0E4D\u0E32/g, '\u0E33').replace(DROPPED, '')];
  const out: string[] = [];
  for (const ch of chars) {
    if (ch === '\u0E4C') {
      // ์ silences the consonant before it (and an ิ or ุ written on that consonant); over the ร
      // of ทร it silences both (จันทร์ chan).
      while (out.length > 0 && DEPENDENT.has(out[out.length - 1] as string)) out.pop();
      const silenced = out.pop();
      if (silenced === 'ร' && out[out.length - 1] === 'ท') out.pop();
      continue;
    }
    out.push(ch);
  }
  return out;
}

interface Reader {
  chars: string[];
  i: number;
}

/** The initial consonant (or cluster) at the reader, advanced past it. */
function readInitial(r: Reader): string {
  const c1 = r.chars[r.i] as string;
  const c2 = r.chars[r.i + 1];
  const after = r.chars[r.i + 2];
  const vowelFollows = after !== undefined && (DEPENDENT.has(after) || after === 'อ' || after === 'ว' || after === 'ย');
  if (c1 === 'ห' && c2 !== undefined && LED_BY_HO.has(c2)) {
    r.i += 2;
    return INITIAL[c2] ?? '';
  }
  if (c2 !== undefined && vowelFollows && isConsonant(c2)) {
    if (silentR(c1, c2)) {
      r.i += 2;
      return INITIAL[c1] ?? '';
    }
    if (clusters(c1, c2) && !(c2 === 'ว' && !DEPENDENT.has(after as string))) {
      r.i += 2;
      return (INITIAL[c1] ?? '') + (INITIAL[c2] ?? '');
    }
  }
  r.i += 1;
  return INITIAL[c1] ?? '';
}

/** Whether the consonant at `j` opens a syllable of its own (it carries a vowel sign). */
function opensSyllable(chars: readonly string[], j: number): boolean {
  const next = chars[j + 1];
  return next !== undefined && (DEPENDENT.has(next) || (next === 'ร' && chars[j + 2] === 'ร'));
}

/** A vowel sign left over at the end of a word after a closed syllable (สมบัติ sombat, วุฒิ wut). */
function orphanAtEnd(chars: readonly string[], j: number): boolean {
  const v = chars[j + 1];
  return (v === 'ิ' || v === 'ุ') && j + 2 === chars.length;
}

/**
 * A final consonant at the reader, if it closes this syllable; advanced past it. `mustClose`:
 * the vowel needs a final (ั, and the leading vowels), so a consonant is taken as final even where
 * it could open the next syllable with a vowel sign dropped at the end of the word.
 */
function readFinal(r: Reader, mustClose = false): string {
  const ch = r.chars[r.i];
  if (!isConsonant(ch)) return '';
  // เกียรติ (kiat): a ร between the vowel and a final whose vowel sign is dropped is not said.
  const dropped = r.chars[r.i + 2];
  if (mustClose && ch === 'ร' && isConsonant(r.chars[r.i + 1]) && (dropped === 'ิ' || dropped === 'ุ')) {
    r.i += 2;
    return FINAL[r.chars[r.i - 1] as string] ?? '';
  }
  if (opensSyllable(r.chars, r.i) && !(mustClose && orphanAtEnd(r.chars, r.i))) return '';
  const next = r.chars[r.i + 1];
  // A consonant followed by a leading vowel or by nothing closes the syllable; one followed by
  // another consonant closes it too, unless that pair is a cluster starting the next syllable.
  if (next !== undefined && isConsonant(next) && clusters(ch as string, next) && opensSyllable(r.chars, r.i + 1)) return '';
  if (!mustClose && next !== undefined && isConsonant(next)) {
    // After an open vowel sign, a consonant closes the syllable only when the next one opens its
    // own (บุญมี bun-mi, กิตติ kit-ti); before a consonant without a vowel it starts the next
    // syllable (ศรีสมบูรณ์ si-som-bun, อุดม u-dom, ศิริพร si-ri-phon). ร and Pali letters rarely
    // close a syllable there (สุรชัย su-ra-chai, ศุภชัย su-pha-chai).
    if (!opensSyllable(r.chars, r.i + 1) && !SONORANT_FINALS.has(ch as string)) return '';
    if (ch === 'ร' || PALI.has(ch as string)) return '';
  }
  if (!mustClose && next === 'ร' && r.i + 2 === r.chars.length) return '';
  r.i += 1;
  // A Pali letter left alone at the end after a final is not said (ลักษณ์ lak).
  if (mustClose && r.i === r.chars.length - 1 && PALI.has(r.chars[r.i] as string)) r.i += 1;
  // A ร after a final is not said (เพชร phet, จักร chak).
  if (r.chars[r.i] === 'ร' && !opensSyllable(r.chars, r.i) && !LEADING.has(r.chars[r.i + 1] ?? '')) {
    const after = r.chars[r.i + 1];
    if (after === undefined || (isConsonant(after) && !opensSyllable(r.chars, r.i))) r.i += 1;
  }
  return FINAL[ch as string] ?? '';
}

/** One syllable starting with a leading vowel (เ แ โ ใ ไ). */
function leadingSyllable(r: Reader): string {
  const lead = r.chars[r.i] as string;
  r.i += 1;
  if (!isConsonant(r.chars[r.i])) return lead === 'แ' ? 'ae' : lead === 'โ' ? 'o' : lead === 'เ' ? 'e' : 'ai';
  // เจริญ (charoen): the vowel belongs to the second of two consonants that do not cluster; the
  // first then takes an inherent a.
  let prefix = '';
  const c1 = r.chars[r.i] as string;
  const c2 = r.chars[r.i + 1];
  if (lead === 'เ' && isConsonant(c2) && !clusters(c1, c2) && !silentR(c1, c2) && !(c1 === 'ห' && LED_BY_HO.has(c2 as string))) {
    const after = r.chars[r.i + 2];
    if (after === 'ิ' || after === 'ี' || after === 'ื' || after === 'า' || after === 'อ') {
      prefix = `${INITIAL[c1] ?? ''}a`;
      r.i += 1;
    }
  }
  const initial = readInitial(r);
  const next = r.chars[r.i];
  let vowel: string;
  if (lead === 'เ') {
    if (next === 'า') {
      r.i += 1;
      vowel = 'ao';
    } else if (next === 'ี' && r.chars[r.i + 1] === 'ย') {
      r.i += 2;
      vowel = 'ia';
    } else if (next === 'ื' && r.chars[r.i + 1] === 'อ') {
      r.i += 2;
      vowel = 'uea';
    } else if (next === 'ิ' || next === 'อ') {
      r.i += 1;
      vowel = 'oe';
    } else {
      if (next === 'ะ') r.i += 1;
      vowel = 'e';
    }
  } else if (lead === 'แ') {
    if (next === 'ะ') r.i += 1;
    vowel = 'ae';
  } else if (lead === 'โ') {
    if (next === 'ะ') r.i += 1;
    vowel = 'o';
  } else {
    vowel = 'ai';
  }
  if (vowel === 'ao' || vowel === 'ai') return prefix + initial + vowel;
  return prefix + initial + vowel + readFinal(r, true);
}

/** One syllable starting with a consonant (or ฤ). */
function consonantSyllable(r: Reader): string {
  if (r.chars[r.i] === 'ฤ') {
    r.i += 1;
    return 'rue';
  }
  const initial = readInitial(r);
  const next = r.chars[r.i];
  // รร: a with the final n, or a before another final (สุวรรณ suwan, บรรจง banchong).
  if (next === 'ร' && r.chars[r.i + 1] === 'ร') {
    r.i += 2;
    const final = readFinal(r);
    return `${initial}a${final === '' ? 'n' : final}`;
  }
  let vowel = '';
  switch (next) {
    case 'ะ':
      r.i += 1;
      return `${initial}a`;
    case 'ั':
      r.i += 1;
      if (r.chars[r.i] === 'ว') {
        r.i += 1;
        return `${initial}ua${readFinal(r)}`;
      }
      return `${initial}a${readFinal(r, true)}`;
    case 'า':
      r.i += 1;
      vowel = 'a';
      break;
    case 'ำ':
      r.i += 1;
      return `${initial}am`;
    case 'ิ':
    case 'ี':
      r.i += 1;
      vowel = 'i';
      break;
    case 'ึ':
      r.i += 1;
      vowel = 'ue';
      break;
    case 'ื':
      r.i += 1;
      if (r.chars[r.i] === 'อ') r.i += 1;
      vowel = 'ue';
      break;
    case 'ุ':
    case 'ู':
      r.i += 1;
      vowel = 'u';
      break;
    default: {
      // No vowel written. อ after a consonant is the vowel o (พอ pho, จอน chon); ว between two
      // consonants is ua (สวน suan); otherwise the vowel is inherent: a before a consonant that
      // opens its own syllable, o before one that closes this one.
      if (next === 'อ' && initial !== '') {
        r.i += 1;
        return `${initial}o${readFinal(r)}`;
      }
      if (next === 'ว' && isConsonant(r.chars[r.i + 1]) && !opensSyllable(r.chars, r.i)) {
        r.i += 1;
        return `${initial}ua${readFinal(r)}`;
      }
      if (next === undefined || LEADING.has(next) || !isConsonant(next) || opensSyllable(r.chars, r.i)) return `${initial}a`;
      const first = r.chars[r.i - 1] as string;
      const third = r.chars[r.i + 1];
      // Three consonants with no vowel written, the last closing: ka-mon (กมล), tha-non (ถนน).
      // A Pali letter takes an a too (ธนวัฒน์ tha-na-wat).
      const closesAfter = third !== undefined && isConsonant(third) && !opensSyllable(r.chars, r.i + 1) && r.i + 2 === r.chars.length;
      if (PALI.has(first) || closesAfter) return `${initial}a`;
      return `${initial}o${readFinal(r, true)}`;
    }
  }
  return initial + vowel + readFinal(r);
}

/** One Thai word romanised; anything not Thai is kept. */
function romaniseWord(word: string): string {
  const r: Reader = { chars: clean(word), i: 0 };
  let out = '';
  while (r.i < r.chars.length) {
    const ch = r.chars[r.i] as string;
    const start = r.i;
    if (LEADING.has(ch)) out += leadingSyllable(r);
    else if (isConsonant(ch) || ch === 'ฤ') out += consonantSyllable(r);
    else {
      // A vowel sign without a consonant (a typing slip) or a character from outside Thai.
      if (!DEPENDENT.has(ch) && ch !== 'ๆ') out += ch;
      r.i += 1;
    }
    if (r.i === start) r.i += 1;
  }
  return out;
}

/** Thai script in `text` romanised after RTGS; other scripts are untouched. */
export function transliterateThai(text: string): string {
  return text.replace(/[\u0E01-\u0E4E]+/g, (word) => romaniseWord(word));
}
