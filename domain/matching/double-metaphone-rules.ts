// Double Metaphone rules for the remaining letters whose sound depends on context: Spanish J and
// LL, French final R and X, English and German S/SH/SCH, T/TH, Slavic W and Z endings.

import type { MetaphoneContext } from './double-metaphone-context';

export function ruleJ(m: MetaphoneContext): void {
  const c = m.current;
  if (m.is(c, 'JOSE') || m.is(0, 'SAN ')) {
    // Spanish J sounds h: José, San Jacinto.
    if ((c === 0 && m.at(c + 4) === ' ') || m.is(0, 'SAN ')) m.add('H');
    else m.add('J', 'H');
    m.current += 1;
    return;
  }
  if (c === 0) m.add('J', 'A');
  else if (m.isVowel(c - 1) && !m.slavoGermanic && (m.at(c + 1) === 'A' || m.at(c + 1) === 'O')) m.add('J', 'H');
  else if (c === m.last) m.add('J', '');
  else if (!m.is(c + 1, 'L', 'T', 'K', 'S', 'N', 'M', 'B', 'Z') && !m.is(c - 1, 'S', 'K', 'L')) m.add('J');
  m.advance('J');
}

export function ruleL(m: MetaphoneContext): void {
  const c = m.current;
  if (m.at(c + 1) !== 'L') {
    m.add('L');
    m.current += 1;
    return;
  }
  // Spanish -illo / -illa / -alle: the LL may be a y sound.
  const spanish =
    (c === m.length - 3 && m.is(c - 1, 'ILLO', 'ILLA', 'ALLE')) ||
    ((m.is(m.last - 1, 'AS', 'OS') || m.is(m.last, 'A', 'O')) && m.is(c - 1, 'ALLE'));
  m.add('L', spanish ? '' : 'L');
  m.current += 2;
}

export function ruleR(m: MetaphoneContext): void {
  const c = m.current;
  // French final -ier is silent R: Rogier.
  if (c === m.last && !m.slavoGermanic && m.is(c - 2, 'IE') && !m.is(c - 4, 'ME', 'MA')) m.add('', 'R');
  else m.add('R');
  m.advance('R');
}

export function ruleS(m: MetaphoneContext): void {
  const c = m.current;
  if (m.is(c - 1, 'ISL', 'YSL')) {
    m.current += 1;
    return;
  }
  if (c === 0 && m.is(c, 'SUGAR')) {
    m.add('X', 'S');
    m.current += 1;
    return;
  }
  if (m.is(c, 'SH')) {
    m.add(m.is(c + 1, 'HEIM', 'HOEK', 'HOLM', 'HOLZ') ? 'S' : 'X');
    m.current += 2;
    return;
  }
  if (m.is(c, 'SIO', 'SIA') || m.is(c, 'SIAN')) {
    m.add('S', m.slavoGermanic ? 'S' : 'X');
    m.current += 3;
    return;
  }
  if ((c === 0 && m.is(c + 1, 'M', 'N', 'L', 'W')) || m.is(c + 1, 'Z')) {
    m.add('S', 'X');
    m.current += m.is(c + 1, 'Z') ? 2 : 1;
    return;
  }
  if (m.is(c, 'SC')) {
    ruleSC(m);
    return;
  }
  if (c === m.last && m.is(c - 2, 'AI', 'OI')) m.add('', 'S');
  else m.add('S');
  m.current += m.is(c + 1, 'S', 'Z') ? 2 : 1;
}

function ruleSC(m: MetaphoneContext): void {
  const c = m.current;
  m.current += 3;
  if (m.at(c + 2) === 'H') {
    // Dutch schoo-/schen- versus German sch-.
    if (m.is(c + 3, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM')) {
      if (m.is(c + 3, 'ER', 'EN')) m.add('X', 'SK');
      else m.add('SK');
    } else if (c === 0 && !m.isVowel(3) && m.at(3) !== 'W') {
      m.add('X', 'S');
    } else {
      m.add('X');
    }
    return;
  }
  m.add(m.is(c + 2, 'I', 'E', 'Y') ? 'S' : 'SK');
}

export function ruleT(m: MetaphoneContext): void {
  const c = m.current;
  if (m.is(c, 'TION')) {
    m.add('X');
    m.current += 3;
    return;
  }
  if (m.is(c, 'TIA', 'TCH')) {
    m.add('X');
    m.current += 3;
    return;
  }
  if (m.is(c, 'TH') || m.is(c, 'TTH')) {
    // Thomas, Thames, and German names keep a plain T.
    if (m.is(c + 2, 'OM', 'AM') || m.germanicPrefix()) m.add('T');
    else m.add('0', 'T');
    m.current += 2;
    return;
  }
  m.add('T');
  m.current += m.is(c + 1, 'T', 'D') ? 2 : 1;
}

export function ruleW(m: MetaphoneContext): void {
  const c = m.current;
  if (m.is(c, 'WR')) {
    m.add('R');
    m.current += 2;
    return;
  }
  if (c === 0 && (m.isVowel(c + 1) || m.is(c, 'WH'))) {
    if (m.isVowel(c + 1)) m.add('A', 'F');
    else m.add('A');
  }
  // Polish -ewski and a final W after a vowel (Tichow) may be sounded f.
  if ((c === m.last && m.isVowel(c - 1)) || m.is(c - 1, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') || m.is(0, 'SCH')) {
    m.add('', 'F');
    m.current += 1;
    return;
  }
  if (m.is(c, 'WICZ', 'WITZ')) {
    m.add('TS', 'FX');
    m.current += 4;
    return;
  }
  m.current += 1;
}

export function ruleX(m: MetaphoneContext): void {
  const c = m.current;
  // French final -aux / -eau(x) is silent.
  if (!(c === m.last && (m.is(c - 3, 'IAU', 'EAU') || m.is(c - 2, 'AU', 'OU')))) m.add('KS');
  m.current += m.is(c + 1, 'C', 'X') ? 2 : 1;
}

export function ruleZ(m: MetaphoneContext): void {
  const c = m.current;
  if (m.at(c + 1) === 'H') {
    // Chinese pinyin zh sounds j.
    m.add('J');
    m.current += 2;
    return;
  }
  if (m.is(c + 1, 'ZO', 'ZI', 'ZA') || (m.slavoGermanic && c > 0 && m.at(c - 1) !== 'T')) m.add('S', 'TS');
  else m.add('S');
  m.advance('Z');
}
