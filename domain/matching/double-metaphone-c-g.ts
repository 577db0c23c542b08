// Double Metaphone rules for C and G, the two letters whose sound depends most on the language a
// name comes from (Italian cc/gi, German ch/sch, Slavic cz, Spanish and French endings).

import type { MetaphoneContext } from './double-metaphone-context';

export function ruleC(m: MetaphoneContext): void {
  const c = m.current;
  // Germanic -ach- (Bacher, Macher) sounds k.
  if (c > 1 && !m.isVowel(c - 2) && m.is(c - 1, 'ACH') && m.at(c + 2) !== 'I' && (m.at(c + 2) !== 'E' || m.is(c - 2, 'BACHER', 'MACHER'))) {
    m.add('K');
    m.current += 2;
    return;
  }
  if (c === 0 && m.is(c, 'CAESAR')) {
    m.add('S');
    m.current += 2;
    return;
  }
  if (m.is(c, 'CHIA')) {
    m.add('K');
    m.current += 2;
    return;
  }
  if (m.is(c, 'CH')) {
    ruleCH(m);
    return;
  }
  if (m.is(c, 'CZ') && !m.is(c - 2, 'WICZ')) {
    m.add('S', 'X');
    m.current += 2;
    return;
  }
  if (m.is(c + 1, 'CIA')) {
    m.add('X');
    m.current += 3;
    return;
  }
  if (m.is(c, 'CC') && !(c === 1 && m.at(0) === 'M')) {
    if (m.is(c + 2, 'I', 'E', 'H') && !m.is(c + 2, 'HU')) {
      if ((c === 1 && m.at(0) === 'A') || m.is(c - 1, 'UCCEE', 'UCCES')) m.add('KS');
      else m.add('X');
      m.current += 3;
    } else {
      m.add('K');
      m.current += 2;
    }
    return;
  }
  if (m.is(c, 'CK', 'CG', 'CQ')) {
    m.add('K');
    m.current += 2;
    return;
  }
  if (m.is(c, 'CI', 'CE', 'CY')) {
    if (m.is(c, 'CIO', 'CIE', 'CIA')) m.add('S', 'X');
    else m.add('S');
    m.current += 2;
    return;
  }
  m.add('K');
  if (m.is(c + 1, ' C', ' Q', ' G')) m.current += 3;
  else if (m.is(c + 1, 'C', 'K', 'Q') && !m.is(c + 1, 'CE', 'CI')) m.current += 2;
  else m.current += 1;
}

function ruleCH(m: MetaphoneContext): void {
  const c = m.current;
  m.current += 2;
  if (c > 0 && m.is(c, 'CHAE')) {
    m.add('K', 'X');
    return;
  }
  // Greek roots at the start of a word: Charis, Chorus.
  if (c === 0 && (m.is(c + 1, 'HARAC', 'HARIS') || m.is(c + 1, 'HOR', 'HYM', 'HIA', 'HEM')) && !m.is(0, 'CHORE')) {
    m.add('K');
    return;
  }
  const germanicOrGreek =
    m.germanicPrefix() ||
    m.is(c - 2, 'ORCHES', 'ARCHIT', 'ORCHID') ||
    m.is(c + 2, 'T', 'S') ||
    ((m.is(c - 1, 'A', 'O', 'U', 'E') || c === 0) && m.is(c + 2, 'L', 'R', 'N', 'M', 'B', 'H', 'F', 'V', 'W', ' '));
  if (germanicOrGreek) m.add('K');
  else if (c > 0) m.add(m.is(0, 'MC') ? 'K' : 'X', 'K');
  else m.add('X');
}

export function ruleG(m: MetaphoneContext): void {
  const c = m.current;
  const next = m.at(c + 1);
  if (next === 'H') {
    ruleGH(m);
    return;
  }
  if (next === 'N') {
    if (c === 1 && m.isVowel(0) && !m.slavoGermanic) m.add('KN', 'N');
    else if (!m.is(c + 2, 'EY') && !m.slavoGermanic) m.add('N', 'KN');
    else m.add('KN');
    m.current += 2;
    return;
  }
  if (m.is(c + 1, 'LI') && !m.slavoGermanic) {
    m.add('KL', 'L');
    m.current += 2;
    return;
  }
  if (c === 0 && (next === 'Y' || m.is(c + 1, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))) {
    m.add('K', 'J');
    m.current += 2;
    return;
  }
  if ((m.is(c + 1, 'ER') || next === 'Y') && !m.is(0, 'DANGER', 'RANGER', 'MANGER') && !m.is(c - 1, 'E', 'I') && !m.is(c - 1, 'RGY', 'OGY')) {
    m.add('K', 'J');
    m.current += 2;
    return;
  }
  if (m.is(c + 1, 'E', 'I', 'Y') || m.is(c - 1, 'AGGI', 'OGGI')) {
    if (m.germanicPrefix() || m.is(c + 1, 'ET')) m.add('K');
    else if (m.is(c + 1, 'IER ')) m.add('J');
    else m.add('J', 'K');
    m.current += 2;
    return;
  }
  m.add('K');
  m.advance('G');
}

function ruleGH(m: MetaphoneContext): void {
  const c = m.current;
  m.current += 2;
  if (c > 0 && !m.isVowel(c - 1)) {
    m.add('K');
    return;
  }
  if (c === 0) {
    m.add(m.at(c + 2) === 'I' ? 'J' : 'K');
    return;
  }
  // Silent in English -ough / -igh after b, h, d: Hugh, bough.
  if ((c > 1 && m.is(c - 2, 'B', 'H', 'D')) || (c > 2 && m.is(c - 3, 'B', 'H', 'D')) || (c > 3 && m.is(c - 4, 'B', 'H'))) return;
  if (c > 2 && m.at(c - 1) === 'U' && m.is(c - 3, 'C', 'G', 'L', 'R', 'T')) m.add('F');
  else if (c > 0 && m.at(c - 1) !== 'I') m.add('K');
}
