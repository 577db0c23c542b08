// Sector of a labour-exploitation case (DOMAIN.md §5: green industries, construction, hotel and
// restaurant, beauty and body care, …), as the 21 sections A–U of ISIC Rev. 4 (the UN's
// International Standard Industrial Classification; NACE Rev. 2 and Swedish SNI 2007 use the same
// sections). A section letter keeps the record comparable across countries; finer sector names
// can be mapped onto it later without changing stored data.
import type { CodeEntry } from './codelist.js';

export const LABOUR_SECTORS = [
  { code: 'A', sv: 'jordbruk, skogsbruk och fiske', en: 'agriculture, forestry and fishing' },
  { code: 'B', sv: 'utvinning av mineral', en: 'mining and quarrying' },
  { code: 'C', sv: 'tillverkning', en: 'manufacturing' },
  { code: 'D', sv: 'försörjning av el, gas, värme och kyla', en: 'electricity, gas, steam and air conditioning supply' },
  { code: 'E', sv: 'vattenförsörjning, avlopp, avfallshantering och sanering', en: 'water supply, sewerage, waste management and remediation' },
  { code: 'F', sv: 'byggverksamhet', en: 'construction' },
  { code: 'G', sv: 'handel; reparation av motorfordon', en: 'wholesale and retail trade; repair of motor vehicles' },
  { code: 'H', sv: 'transport och magasinering', en: 'transportation and storage' },
  { code: 'I', sv: 'hotell- och restaurangverksamhet', en: 'accommodation and food service activities' },
  { code: 'J', sv: 'informations- och kommunikationsverksamhet', en: 'information and communication' },
  { code: 'K', sv: 'finans- och försäkringsverksamhet', en: 'financial and insurance activities' },
  { code: 'L', sv: 'fastighetsverksamhet', en: 'real estate activities' },
  { code: 'M', sv: 'verksamhet inom juridik, ekonomi, vetenskap och teknik', en: 'professional, scientific and technical activities' },
  { code: 'N', sv: 'uthyrning, fastighetsservice, resetjänster och andra stödtjänster', en: 'administrative and support service activities' },
  { code: 'O', sv: 'offentlig förvaltning och försvar', en: 'public administration and defence' },
  { code: 'P', sv: 'utbildning', en: 'education' },
  { code: 'Q', sv: 'vård och omsorg; sociala tjänster', en: 'human health and social work activities' },
  { code: 'R', sv: 'kultur, nöje och fritid', en: 'arts, entertainment and recreation' },
  // Beauty and body care (hair, nail and massage salons) is ISIC class 9602, in section S.
  { code: 'S', sv: 'annan serviceverksamhet (t.ex. skönhet och kroppsvård)', en: 'other service activities (e.g. beauty and body care)' },
  { code: 'T', sv: 'förvärvsarbete i hushåll', en: 'activities of households as employers' },
  { code: 'U', sv: 'verksamhet vid internationella organisationer', en: 'activities of extraterritorial organisations' },
] as const satisfies readonly CodeEntry[];

export type LabourSector = (typeof LABOUR_SECTORS)[number]['code'];
