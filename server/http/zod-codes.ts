// zod enums built from the domain codelists, so the API accepts exactly the codes the UI shows.
import { z } from 'zod';
import type { CodeEntry } from '../../domain/codelists/codelist.js';

export function zCode<C extends string>(list: readonly CodeEntry<C>[]) {
  const codes = list.map((e) => e.code) as [C, ...C[]];
  return z.enum(codes);
}

/** A calendar date, YYYY-MM-DD, that exists. */
export const zDate = z.iso.date();

export const zUuid = z.uuid();
