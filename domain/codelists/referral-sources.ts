// Where a referral came from (DOMAIN.md §3 step 1), as reported in the statistics.
//
// `htcds` is the HTCDS v2.0 `org_Type` of the referring organisation (`cas_ReferringOrganisation`
// is a lookup to an organisation, and org_Type is its category). HTCDS's own referral picklist,
// `cas_ReasonForIncomingReferral` (AdditionalServicesRequired | MigrationOrChangeOfLocation |
// Other), says why a case moves between organisations, not who found the person, so nothing here
// maps to it. Null where no organisation referred (own outreach: the coordinators found the
// person themselves) or the category is open (other).
import type { CodeEntry } from './codelist.js';

export const HTCDS_REFERRAL_SOURCE_FIELD = 'org_Type';

export const REFERRAL_SOURCES = [
  { code: 'migration_agency', sv: 'Migrationsverket', en: 'Swedish Migration Agency', htcds: 'ImmigrationService' },
  // Arbetsmiljöverket and the other AKC agencies are central government.
  { code: 'akc_inspection', sv: 'AKC-inspektion', en: 'AKC inspection', htcds: 'CentralGovernmentOrganisation' },
  { code: 'police', sv: 'Polisen', en: 'Police', htcds: 'LawEnforcement' },
  // A central government agency; HTCDS LegalService means legal aid, not prosecution.
  { code: 'prosecution', sv: 'Åklagarmyndigheten', en: 'Swedish Prosecution Authority', htcds: 'CentralGovernmentOrganisation' },
  { code: 'civil_society', sv: 'civilsamhället', en: 'civil society', htcds: 'NGO' },
  { code: 'social_services', sv: 'socialtjänsten', en: 'social services', htcds: 'LocalGovernmentOrganisation' },
  { code: 'health_care', sv: 'hälso- och sjukvården', en: 'health care', htcds: 'HealthServiceOrganisation' },
  { code: 'school', sv: 'skolan', en: 'school', htcds: 'SchoolOrCollege' },
  { code: 'own_outreach', sv: 'egen uppsökande verksamhet', en: 'own outreach', htcds: null },
  // The support phone is run by the national coordination (NSPM) at a central agency.
  { code: 'support_phone', sv: 'stödtelefonen', en: 'support phone', htcds: 'CentralGovernmentOrganisation' },
  { code: 'other', sv: 'annat', en: 'other', htcds: null },
] as const satisfies readonly CodeEntry[];

export type ReferralSource = (typeof REFERRAL_SOURCES)[number]['code'];
