// User roles. What each role may do is decided in server/policies; this list owns only the codes,
// labels and the one-line description shown when an administrator grants a role.
import type { CodeEntry, Lang } from './codelist.js';

export interface RoleEntry<C extends string = string> extends CodeEntry<C> {
  descriptionSv: string;
  descriptionEn: string;
}

export const ROLES = [
  {
    code: 'first_responder',
    sv: 'förstahandsaktör',
    en: 'first responder',
    descriptionSv: 'Yrkesverksam som möter en möjlig utsatt person och gör en hänvisning till regionkoordinatorn.',
    descriptionEn: 'A professional who meets a possible victim and refers the person to the regional coordinator.',
  },
  {
    code: 'coordinator',
    sv: 'regionkoordinator',
    en: 'regional coordinator',
    descriptionSv: 'Bedömer ärenden, identifierar förmodade offer och samordnar myndigheterna i sin polisregion.',
    descriptionEn: 'Assesses cases, identifies presumed victims and coordinates the agencies in their police region.',
  },
  {
    code: 'social_services',
    sv: 'socialtjänst',
    en: 'social services',
    descriptionSv: 'Handlägger bistånd, skyddat boende och brottsofferstöd för personer som kommunen ansvarar för.',
    descriptionEn: 'Handles assistance, protected housing and crime-victim support for persons the municipality is responsible for.',
  },
  {
    code: 'partner',
    sv: 'samverkanspart',
    en: 'partner',
    descriptionSv: 'Myndighet eller organisation, till exempel NSP eller IOM, som ger stöd i ett ärende den fått del av.',
    descriptionEn: 'An agency or organisation, such as NSP or IOM, that gives support in a case shared with it.',
  },
  {
    code: 'national_analyst',
    sv: 'nationell analytiker',
    en: 'national analyst',
    descriptionSv: 'Tar fram nationell statistik och uppföljning för den nationella samordningen (NSPM).',
    descriptionEn: 'Produces national statistics and follow-up for the national coordination (NSPM).',
  },
  {
    code: 'admin',
    sv: 'administratör',
    en: 'administrator',
    descriptionSv: 'Hanterar användarkonton, organisationer och behörigheter.',
    descriptionEn: 'Manages user accounts, organisations and permissions.',
  },
  {
    code: 'auditor',
    sv: 'granskare',
    en: 'auditor',
    descriptionSv: 'Granskar loggen över vem som har läst och ändrat personuppgifter.',
    descriptionEn: 'Reviews the log of who has read and changed personal data.',
  },
] as const satisfies readonly RoleEntry[];

export type Role = (typeof ROLES)[number]['code'];

export function roleDescription(code: Role | string, lang: Lang): string {
  const role = ROLES.find((r) => r.code === code);
  if (!role) return code;
  return lang === 'sv' ? role.descriptionSv : role.descriptionEn;
}
