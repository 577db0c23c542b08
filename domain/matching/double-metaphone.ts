// Double Metaphone (Lawrence Philips, 2000), written for this project from the published rules:
// a primary and an alternative phonetic code of up to four letters for one name token, so that
// spellings that sound alike (Katherine / Catherine, Stephan / Stefan) share a code.

import { MetaphoneContext } from './double-metaphone-context';
import { ruleC, ruleG } from './double-metaphone-c-g';
import { ruleJ, ruleL, ruleR, ruleS, ruleT, ruleW, ruleX, ruleZ } from './double-metaphone-rules';

/** The published code length; blocking uses it, comparison asks for longer codes. */
export const STANDARD_CODE_LENGTH = 4;

/**
 * The two codes for a token. Expects a folded token (see normalise.ts); letters outside A–Z
 * are skipped, so a token in another script gives two empty codes. Four letters is the
 * published length; longer codes stop long names that merely share a start from agreeing.
 */
export function doubleMetaphone(token: string, codeLength = STANDARD_CODE_LENGTH): [string, string] {
  const word = token.toUpperCase().replace(/[^A-Z]/g, '');
  if (word.length === 0) return ['', ''];
  const m = new MetaphoneContext(word);
  // Silent first letters: Gnome, Knight, Pneumatic, Wright, Psalm.
  if (m.is(0, 'GN', 'KN', 'PN', 'WR', 'PS')) m.current = 1;
  if (m.at(0) === 'X') {
    m.add('S');
    m.current = 1;
  }
  while ((m.primary.length < codeLength || m.secondary.length < codeLength) && m.current < m.length) {
    step(m);
  }
  return [m.primary.slice(0, codeLength), m.secondary.slice(0, codeLength)];
}

function step(m: MetaphoneContext): void {
  const c = m.current;
  const letter = m.at(c);
  switch (letter) {
    case 'A':
    case 'E':
    case 'I':
    case 'O':
    case 'U':
    case 'Y':
      // Only an initial vowel is coded, and every initial vowel as A.
      if (c === 0) m.add('A');
      m.current += 1;
      return;
    case 'B':
      m.add('P');
      m.advance('B');
      return;
    case 'C':
      return ruleC(m);
    case 'D':
      if (m.is(c, 'DG')) {
        if (m.is(c + 2, 'I', 'E', 'Y')) {
          m.add('J');
          m.current += 3;
        } else {
          m.add('TK');
          m.current += 2;
        }
      } else {
        m.add('T');
        m.current += m.is(c, 'DT', 'DD') ? 2 : 1;
      }
      return;
    case 'F':
    case 'K':
    case 'N':
    case 'Q':
      m.add(letter === 'Q' ? 'K' : letter);
      m.advance(letter);
      return;
    case 'G':
      return ruleG(m);
    case 'H':
      // H is sounded only at the start or between vowels.
      if ((c === 0 || m.isVowel(c - 1)) && m.isVowel(c + 1)) {
        m.add('H');
        m.current += 2;
      } else {
        m.current += 1;
      }
      return;
    case 'J':
      return ruleJ(m);
    case 'L':
      return ruleL(m);
    case 'M':
      m.add('M');
      m.current += (m.is(c - 1, 'UMB') && (c + 1 === m.last || m.is(c + 2, 'ER'))) || m.at(c + 1) === 'M' ? 2 : 1;
      return;
    case 'P':
      if (m.at(c + 1) === 'H') {
        m.add('F');
        m.current += 2;
      } else {
        m.add('P');
        m.current += m.is(c + 1, 'P', 'B') ? 2 : 1;
      }
      return;
    case 'R':
      return ruleR(m);
    case 'S':
      return ruleS(m);
    case 'T':
      return ruleT(m);
    case 'V':
      m.add('F');
      m.advance('V');
      return;
    case 'W':
      return ruleW(m);
    case 'X':
      return ruleX(m);
    case 'Z':
      return ruleZ(m);
    default:
      m.current += 1;
  }
}
