// Choosing citizenships: type a country name or code (suggestions from a datalist of every
// country in the current language), add it, and remove any with its own button.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, countryName, type Lang } from '../../../domain/index.js';
import { useLabels } from '../hooks/use-labels.js';
import { fieldId } from '../field-errors.js';
import { FieldError, FieldHint } from './fields.js';

const optionCache: Partial<Record<Lang, { code: string; name: string }[]>> = {};

/** Every country by name in `lang`, sorted; built once per language. */
function countryOptions(lang: Lang): { code: string; name: string }[] {
  return (optionCache[lang] ??= COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
    a.name.localeCompare(b.name, lang),
  ));
}

interface CitizenshipPickerProps {
  name: string;
  values: readonly string[];
  text: string;
  error?: string;
  onTextChange: (text: string) => void;
  onAdd: () => void;
  onRemove: (code: string) => void;
}

export function CitizenshipPicker({ name, values, text, error, onTextChange, onAdd, onRemove }: CitizenshipPickerProps) {
  const { t } = useTranslation();
  const { country, lang } = useLabels();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = fieldId(name);
  const options = countryOptions(lang);

  return (
    <div className={`field${error ? ' field-has-error' : ''}`}>
      <label htmlFor={id} className="field-label">
        {t('referral.citizenships')}
      </label>
      <FieldHint id={id}>{t('referral.citizenshipsHint')}</FieldHint>
      <FieldError id={id} error={error} />
      <div className="input-with-button">
        <input
          ref={inputRef}
          id={id}
          name={name}
          list={`${id}-countries`}
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
          onChange={(e) => onTextChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onAdd();
            }
          }}
        />
        <button type="button" className="button button-secondary" onClick={onAdd}>
          {t('referral.addCitizenship')}
        </button>
      </div>
      <datalist id={`${id}-countries`}>
        {options.map((o) => (
          <option key={o.code} value={o.name} />
        ))}
      </datalist>
      {values.length > 0 ? (
        <>
          <p className="chosen-label" id={`${id}-chosen`}>
            {t('referral.chosenCitizenships')}
          </p>
          <ul className="chips" aria-labelledby={`${id}-chosen`}>
            {values.map((code) => (
              <li key={code} className="chip">
                <span>
                  {country(code)} ({code})
                </span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('referral.removeCitizenship', { country: country(code) })}
                  onClick={() => {
                    onRemove(code);
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
