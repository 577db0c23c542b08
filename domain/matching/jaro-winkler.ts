// Jaro-Winkler similarity, written for speed on short name tokens. The core works on character
// codes held in one shared array (a token is an offset and a length), because batch matching
// compares millions of token pairs and scattered string objects cost more in memory misses than
// the arithmetic. For tokens of up to 32 letters the matched-flags are bits in two integers.

const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

/** Jaro similarity of a[ao, ao+la) and b[bo, bo+lb), both in character-code arrays. */
export function jaroAt(a: Uint16Array, ao: number, la: number, b: Uint16Array, bo: number, lb: number): number {
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (la > 32 || lb > 32) return jaroLong(a.subarray(ao, ao + la), b.subarray(bo, bo + lb));
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let usedA = 0;
  let usedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const code = a[ao + i];
    const hi = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if ((usedB & (1 << j)) === 0 && b[bo + j] === code) {
        usedA |= 1 << i;
        usedB |= 1 << j;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if ((usedA & (1 << i)) === 0) continue;
    while ((usedB & (1 << j)) === 0) j++;
    if (a[ao + i] !== b[bo + j]) transpositions++;
    j++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

/** The same for tokens longer than 32 letters, with flag arrays (rare in names). */
function jaroLong(a: Uint16Array, b: Uint16Array): number {
  const la = a.length;
  const lb = b.length;
  const usedA = new Uint8Array(la);
  const usedB = new Uint8Array(lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const hi = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (usedB[j] === 0 && b[j] === a[i]) {
        usedA[i] = 1;
        usedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (usedA[i] === 0) continue;
    while (usedB[j] === 0) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

/**
 * Jaro-Winkler with the usual prefix scale 0.1 over at most four letters, applied at every Jaro
 * value (as Splink does), so the thresholds 0.92 and 0.88 mean the same as there.
 */
export function jaroWinklerAt(a: Uint16Array, ao: number, la: number, b: Uint16Array, bo: number, lb: number): number {
  const j = jaroAt(a, ao, la, b, bo, lb);
  if (j === 0 || j === 1) return j;
  const limit = Math.min(MAX_PREFIX, la, lb);
  let prefix = 0;
  while (prefix < limit && a[ao + prefix] === b[bo + prefix]) prefix++;
  return j + prefix * PREFIX_SCALE * (1 - j);
}

export function charCodes(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export function jaro(a: string, b: string): number {
  return a === b ? 1 : jaroAt(charCodes(a), 0, a.length, charCodes(b), 0, b.length);
}

export function jaroWinkler(a: string, b: string): number {
  return a === b ? 1 : jaroWinklerAt(charCodes(a), 0, a.length, charCodes(b), 0, b.length);
}
