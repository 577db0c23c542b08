// Kinds of organisation that take part in the referral mechanism (DOMAIN.md §2).
// `htcds` is the HTCDS v2.0 `org_Type` value, used when exporting organisations.
import type { CodeEntry } from './codelist.js';

export const HTCDS_ORGANISATION_FIELD = 'org_Type';

export const ORGANISATION_KINDS = [
  // Coordinator teams are employed by a host municipality's social services.
  { code: 'regional_coordination', sv: 'regionkoordinator', en: 'regional coordinator', htcds: 'LocalGovernmentOrganisation' },
  { code: 'social_services', sv: 'socialtjänst', en: 'social services', htcds: 'LocalGovernmentOrganisation' },
  { code: 'police', sv: 'Polismyndigheten', en: 'Swedish Police Authority', htcds: 'LawEnforcement' },
  // A central government agency; HTCDS LegalService means legal aid, not prosecution.
  { code: 'prosecution', sv: 'Åklagarmyndigheten', en: 'Swedish Prosecution Authority', htcds: 'CentralGovernmentOrganisation' },
  { code: 'migration_agency', sv: 'Migrationsverket', en: 'Swedish Migration Agency', htcds: 'ImmigrationService' },
  { code: 'akc', sv: 'Arbetsmiljöverket/AKC', en: 'Swedish Work Environment Authority/AKC', htcds: 'CentralGovernmentOrganisation' },
  // Further agencies of the regional centres against work-related crime (AKC, Act 2024:307).
  { code: 'tax_agency', sv: 'Skatteverket', en: 'Swedish Tax Agency', htcds: 'CentralGovernmentOrganisation' },
  { code: 'social_insurance_agency', sv: 'Försäkringskassan', en: 'Swedish Social Insurance Agency', htcds: 'CentralGovernmentOrganisation' },
  { code: 'nsp_provider', sv: 'NSP-utförare', en: 'NSP provider', htcds: 'NGO' },
  // IOM is intergovernmental; org_Type has no such value, and NGO would be wrong.
  { code: 'iom', sv: 'IOM (ÅMP)', en: 'IOM (return programme ÅMP)', htcds: null },
  { code: 'national_coordinator', sv: 'Nationell samordning (NSPM)', en: 'National coordination (NSPM)', htcds: 'CentralGovernmentOrganisation' },
  { code: 'health_care', sv: 'hälso- och sjukvård', en: 'health care', htcds: 'HealthServiceOrganisation' },
  { code: 'school', sv: 'skola', en: 'school', htcds: 'SchoolOrCollege' },
  { code: 'civil_society', sv: 'civilsamhälle', en: 'civil society', htcds: 'NGO' },
] as const satisfies readonly CodeEntry[];

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['code'];
