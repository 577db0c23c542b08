// The public surface of domain/: codelists, reference data and rules shared by server and web.
export * from './codelists/codelist.js';
export * from './codelists/exploitation-forms.js';
export * from './codelists/police-regions.js';
export * from './codelists/sex-age.js';
export * from './codelists/referral-sources.js';
export * from './codelists/organisation-kinds.js';
export * from './codelists/roles.js';
export * from './codelists/case-status.js';
export * from './codelists/countries.js';
export * from './codelists/note-legal-bases.js';
export * from './reference/municipalities.js';
export * from './age.js';
