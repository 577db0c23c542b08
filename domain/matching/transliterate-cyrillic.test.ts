import { describe, expect, it } from 'vitest';
import { nameEquivalenceClass } from './name-equivalents';
import { chooseCyrillicSystem, slavicKey, transliterateCyrillic } from './transliterate-cyrillic';

describe('transliterateCyrillic', () => {
  it('follows the Ukrainian passport system (KMU 2010), with word-initial forms', () => {
    expect(transliterateCyrillic('Сергій', 'uk_kmu')).toBe('Serhii');
    expect(transliterateCyrillic('Олександр', 'uk_kmu')).toBe('Oleksandr');
    expect(transliterateCyrillic('Юлія', 'uk_kmu')).toBe('Yuliia');
    expect(transliterateCyrillic('Євген', 'uk_kmu')).toBe('Yevhen');
    expect(transliterateCyrillic('Згурський', 'uk_kmu')).toBe('Zghurskyi');
  });

  it('follows ICAO 9303 and BGN/PCGN for Russian', () => {
    expect(transliterateCyrillic('Сергей', 'ru_icao')).toBe('Sergei');
    expect(transliterateCyrillic('Сергей', 'ru_bgn')).toBe('Sergey');
    expect(transliterateCyrillic('Юлия', 'ru_icao')).toBe('Iuliia');
    expect(transliterateCyrillic('Юлия', 'ru_bgn')).toBe('Yuliya');
  });

  it('keeps capitalisation, including whole upper-case words', () => {
    expect(transliterateCyrillic('ЩЕРБАК', 'uk_kmu')).toBe('SHCHERBAK');
    expect(transliterateCyrillic('Щербак', 'uk_kmu')).toBe('Shcherbak');
  });

  it('chooses the Ukrainian system when Ukrainian-only letters or the apostrophe appear', () => {
    expect(chooseCyrillicSystem('Сергій')).toBe('uk_kmu');
    expect(chooseCyrillicSystem('Марʼяна')).toBe('uk_kmu');
    expect(chooseCyrillicSystem('Сергей')).toBe('ru_icao');
  });
});

describe('slavicKey', () => {
  it.each([
    [['Serhii', 'Sergey', 'Sergei', 'Serhiy', 'Sergii', 'Sergej']],
    [['Oleksandr', 'Aleksandr', 'Olexandr']],
    [['Yuliia', 'Yulia', 'Julija', 'Iuliia', 'Yuliya']],
    [['Andrii', 'Andrey', 'Andrei', 'Andrij']],
    [['Oleksii', 'Aleksei', 'Alexey', 'Oleksiy']],
    [['Olha', 'Olga']],
    [['Ihor', 'Igor']],
    [['Mikhail', 'Mihail']],
    [['Shevchenko', 'Schewtschenko', 'Szewczenko']],
  ])('gives one key for %j', (spellings) => {
    const keys = new Set(spellings.map((s) => slavicKey(s.toLowerCase())));
    expect(keys.size).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(slavicKey('serhii')).not.toBe(slavicKey('sofiia'));
    expect(slavicKey('ivan')).not.toBe(slavicKey('ivanna'));
  });
});

describe('nameEquivalenceClass', () => {
  it('joins Ukrainian and Russian forms of one name that spelling rules cannot', () => {
    expect(nameEquivalenceClass('olena')).not.toBe(0);
    expect(nameEquivalenceClass('olena')).toBe(nameEquivalenceClass('elena'));
    expect(nameEquivalenceClass('mykola')).toBe(nameEquivalenceClass('nikolay'));
    expect(nameEquivalenceClass('dmytro')).toBe(nameEquivalenceClass('dmitry'));
  });

  it('is 0 for names it does not list', () => {
    expect(nameEquivalenceClass('testname')).toBe(0);
  });
});
