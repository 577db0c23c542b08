// The synthetic, labelled benchmark data: invented people from five naming traditions, some in
// families sharing a surname, each registered one or more times with the noise real registrations
// have (transliteration variants, typos, swapped order, defaulted, estimated or missing birth
// dates). Seeded, so a run is repeatable. The label is the person (entity) behind each record.

import type { MatchRecord } from '../../domain/matching/types';
import { createRandom, randomInt } from '../../domain/matching/prng';
import { randomBirth } from './noise';
import type { DateParts } from './noise';
import { renderRecord } from './render';
import type { Culture, Person } from './render';
import { pickPersonNames } from './people';

/** How an invented person relates to the head of their household. */
export type Relation = 'head' | 'twin' | 'relative' | 'spouse' | 'child' | 'namesake_child';

export interface LabelledRecord {
  record: MatchRecord;
  entity: number;
  /** For error analysis only (the engine never sees these): the person's household and place in it. */
  household: number;
  relation: Relation;
  culture: Culture;
  documented: boolean;
  /** The noise this registration picked up (transliteration system, typo, swapped order, …). */
  tags: readonly string[];
}

export interface GenerateOptions {
  records: number;
  seed: number;
  /** Probability that a person has relatives in the data (same surname, different person). */
  familyRate?: number;
}

const CULTURES: ReadonlyArray<readonly [Culture, number]> = [
  ['romanian', 0.3],
  ['thai', 0.2],
  ['ukrainian', 0.2],
  ['russian', 0.1],
  ['spanish', 0.2],
];

function pickWeighted<T>(items: ReadonlyArray<readonly [T, number]>, random: () => number): T {
  let r = random();
  for (const [item, weight] of items) {
    if (r < weight) return item;
    r -= weight;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** How many registrations one person has: mostly one, sometimes up to four. */
function registrationCount(random: () => number): number {
  return pickWeighted<number>([[1, 0.7], [2, 0.21], [3, 0.06], [4, 0.03]], random);
}

function shiftYear(d: DateParts, years: number, random: () => number): DateParts {
  return { year: d.year + years, month: 1 + randomInt(random, 12), day: 1 + randomInt(random, 28) };
}

/** A household: the person and, sometimes, relatives who share the surname. */
function household(random: () => number, nextEntity: () => number, familyRate: number): { person: Person; relation: Relation }[] {
  const culture = pickWeighted(CULTURES, random);
  const head: Person = pickPersonNames(culture, nextEntity(), randomBirth(random, 1962, 2006), random, null);
  const people: { person: Person; relation: Relation }[] = [{ person: head, relation: 'head' }];
  if (random() >= familyRate) return people;
  const relatives = 1 + randomInt(random, 3);
  for (let k = 0; k < relatives; k++) {
    const roll = random();
    let birth: DateParts;
    let namesake = false;
    let relation: Relation;
    if (roll < 0.03) {
      birth = head.birth; // twins: same date, same surname, different given names
      relation = 'twin';
    } else if (roll < 0.55) {
      birth = shiftYear(head.birth, (random() < 0.5 ? -1 : 1) * (1 + randomInt(random, 8)), random);
      relation = 'relative';
    } else if (roll < 0.75) {
      birth = shiftYear(head.birth, randomInt(random, 7) - 3, random); // spouse
      relation = 'spouse';
    } else {
      birth = shiftYear(head.birth, -(18 + randomInt(random, 17)), random); // child
      // Named after the parent (same names, a generation apart): a Spanish and Romanian custom.
      namesake = (culture === 'spanish' || culture === 'romanian') && random() < 0.15;
      relation = namesake ? 'namesake_child' : 'child';
    }
    if (birth.year > 2007) birth = { ...birth, year: 2007 };
    people.push({ person: pickPersonNames(culture, nextEntity(), birth, random, head, namesake), relation });
  }
  return people;
}

export function generateDataset(options: GenerateOptions): LabelledRecord[] {
  const random = createRandom(options.seed);
  const out: LabelledRecord[] = [];
  let entity = 0;
  const nextEntity = (): number => entity++;
  let households = 0;
  while (out.length < options.records) {
    const house = households++;
    for (const { person, relation } of household(random, nextEntity, options.familyRate ?? 0.25)) {
      const count = registrationCount(random);
      for (let k = 0; k < count && out.length < options.records; k++) {
        const tags: string[] = [];
        const record = renderRecord(person, `r${String(out.length + 1).padStart(6, '0')}`, random, tags);
        out.push({ record, entity: person.entity, household: house, relation, culture: person.culture, documented: person.documented, tags });
      }
    }
  }
  // Shuffle so that duplicates are not neighbours, then renumber so ids reveal nothing.
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j] as LabelledRecord, out[i] as LabelledRecord];
  }
  return out.map((l, i) => ({ ...l, record: { ...l.record, id: `r${String(i + 1).padStart(6, '0')}` } }));
}

