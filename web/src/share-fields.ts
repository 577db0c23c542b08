// Names of the field groups a share can grant (domain/process/referral-purposes.ts SharedField).
import type { TFunction } from 'i18next';

export function shareFieldLabel(field: string, t: TFunction): string {
  switch (field) {
    case 'person.name':
      return t('refer.fieldName');
    case 'person.birth':
      return t('refer.fieldBirth');
    case 'person.sex':
      return t('refer.fieldSex');
    case 'person.citizenships':
      return t('refer.fieldCitizenships');
    case 'case.forms':
      return t('refer.fieldForms');
    case 'case.summary':
      return t('refer.fieldSummary');
    default:
      return field;
  }
}
