// Sectors of labour exploitation as ISIC Rev.4 sections (A–U), the codes the case interchange
// CSV carries in `labour_sector`. `htcds` is the HTCDS v2.0 value of `vic_ForcedLabourIndustry`,
// whose picklist is the same ISIC sections ("Reference: ISIC v4"), so the mapping is one to one.
// Swedish labels follow SNI 2007, Sweden's version of ISIC Rev.4 (NACE Rev.2).
import type { CodeEntry } from '../codelists/codelist.js';

export const HTCDS_SECTOR_FIELD = 'vic_ForcedLabourIndustry';

export const LABOUR_SECTORS = [
  { code: 'A', sv: 'jordbruk, skogsbruk och fiske', en: 'agriculture, forestry and fishing', htcds: 'A_AgricultureForestryAndFishing' },
  { code: 'B', sv: 'utvinning av mineral', en: 'mining and quarrying', htcds: 'B_MiningAndQuarrying' },
  { code: 'C', sv: 'tillverkning', en: 'manufacturing', htcds: 'C_Manufacturing' },
  { code: 'D', sv: 'försörjning av el, gas, värme och kyla', en: 'electricity, gas, steam and air conditioning supply', htcds: 'D_ElectricityGasSteamAndAirConditioningSupply' },
  { code: 'E', sv: 'vattenförsörjning; avloppsrening, avfallshantering och sanering', en: 'water supply; sewerage, waste management and remediation', htcds: 'E_WaterSupplySewerageWasteManagement' },
  { code: 'F', sv: 'byggverksamhet', en: 'construction', htcds: 'F_Construction' },
  { code: 'G', sv: 'handel; reparation av motorfordon och motorcyklar', en: 'wholesale and retail trade; repair of motor vehicles', htcds: 'G_WholesaleAndRetailTradeRepairOfMotorVehicles' },
  { code: 'H', sv: 'transport och magasinering', en: 'transportation and storage', htcds: 'H_TransportationAndStorage' },
  { code: 'I', sv: 'hotell- och restaurangverksamhet', en: 'accommodation and food service activities', htcds: 'I_AccommodationAndFoodServiceActivities' },
  { code: 'J', sv: 'informations- och kommunikationsverksamhet', en: 'information and communication', htcds: 'J_InformationAndCommunication' },
  { code: 'K', sv: 'finans- och försäkringsverksamhet', en: 'financial and insurance activities', htcds: 'K_FinancialAndInsuranceActivities' },
  { code: 'L', sv: 'fastighetsverksamhet', en: 'real estate activities', htcds: 'L_RealEstateActivities' },
  { code: 'M', sv: 'verksamhet inom juridik, ekonomi, vetenskap och teknik', en: 'professional, scientific and technical activities', htcds: 'M_ProfessionalScientificAndTechnicalActivities' },
  { code: 'N', sv: 'uthyrning, fastighetsservice, resetjänster och andra stödtjänster', en: 'administrative and support service activities', htcds: 'N_AdministrativeAndSupportServiceActivities' },
  { code: 'O', sv: 'offentlig förvaltning och försvar', en: 'public administration and defence', htcds: 'O_PublicAdministrationAndDefence' },
  { code: 'P', sv: 'utbildning', en: 'education', htcds: 'P_Education' },
  { code: 'Q', sv: 'vård och omsorg; sociala tjänster', en: 'human health and social work activities', htcds: 'Q_HumanHealthAndSocialWorkActivities' },
  { code: 'R', sv: 'kultur, nöje och fritid', en: 'arts, entertainment and recreation', htcds: 'R_ArtsEntertainmentAndRecreation' },
  // Beauty and body care (skönhetsvård, the Thai nail salons of the 2025 report) is section S.
  { code: 'S', sv: 'annan serviceverksamhet (bl.a. skönhetsvård)', en: 'other service activities (incl. beauty and body care)', htcds: 'S_OtherServiceActivities' },
  { code: 'T', sv: 'förvärvsarbete i hushåll', en: 'activities of households as employers', htcds: 'T_ActivitiesOfHouseholdsAsEmployers' },
  { code: 'U', sv: 'verksamhet vid internationella organisationer', en: 'activities of extraterritorial organisations', htcds: 'U_ActivitiesOfExtraterritorialOrganizations' },
] as const satisfies readonly CodeEntry[];

export type LabourSector = (typeof LABOUR_SECTORS)[number]['code'];

const SECTOR_CODES = new Set<string>(LABOUR_SECTORS.map((s) => s.code));

export function isLabourSector(s: unknown): s is LabourSector {
  return typeof s === 'string' && SECTOR_CODES.has(s);
}
