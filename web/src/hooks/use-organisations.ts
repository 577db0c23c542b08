// Every organisation (names and kinds are not personal data), loaded once per page load and
// shared by the recipient and applicant pickers.
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { Organisation } from '../api-types.js';

let cache: Organisation[] | null = null;
let pending: Promise<Organisation[]> | null = null;

function loadOrganisations(): Promise<Organisation[]> {
  pending ??= api
    .get<{ items: Organisation[] }>('/organisations')
    .then(({ items }) => {
      cache = items.filter((o) => o.active).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      return cache;
    })
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}

/** Active organisations by name, or null while loading (or when the list could not be read). */
export function useOrganisations(): Organisation[] | null {
  const [orgs, setOrgs] = useState<Organisation[] | null>(cache);
  useEffect(() => {
    if (cache) return;
    let live = true;
    loadOrganisations()
      .then((items) => {
        if (live) setOrgs(items);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return orgs;
}

/** Organisations of the given kinds, for a select. */
export function organisationsOfKinds(orgs: readonly Organisation[] | null, kinds: readonly string[]): Organisation[] {
  return (orgs ?? []).filter((o) => kinds.includes(o.kind));
}
