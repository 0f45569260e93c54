// The care modes a region offers in a month (GET /regions/:region/care-modes, from the rules module) and its
// designated providers: what a benefit's mode and provider are chosen from, when it starts or changes.
import { useEffect, useState, type ReactNode } from 'react';
import { api, messageOf, type Provider, type RegionModes } from '../api';
import { SelectField, type FieldErrors } from './Form';

export function useRegionChoices(region: string, month: string | undefined, onError: (message: string) => void) {
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [regionModes, setRegionModes] = useState<RegionModes | null>(null);
  useEffect(() => {
    Promise.all([api.providers({ region }), api.regionCareModes(region, month)])
      .then(([list, modes]) => {
        setProviders(list);
        setRegionModes(modes);
      })
      .catch((err: unknown) => onError(messageOf(err)));
    // onError only shows the message; a new one each render must not fetch again.
  }, [region, month]);
  return { providers, regionModes, modes: regionModes?.offered ?? [] };
}

/** The designated provider, among those offering the chosen mode; `mark` notes one (e.g. the present one). */
export function ProviderField({
  id,
  offering,
  value,
  onValue,
  error,
  mark = () => '',
  extra,
}: {
  id: string;
  offering: Provider[];
  value: string;
  onValue: (id: string) => void;
  error?: string;
  mark?: (p: Provider) => string;
  extra: ReactNode;
}) {
  return (
    <SelectField
      id={id}
      label="定点机构"
      value={value}
      onValue={onValue}
      error={error}
      options={
        <>
          <option value="">请选择</option>
          {offering.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.districtName ?? p.regionName}）{mark(p)}
            </option>
          ))}
        </>
      }
      extra={extra}
    />
  );
}

/** The form's check of a mode and a provider: a note under each that is not chosen, and the one above the buttons. */
export function missingChoice(mode: string, chosen: Provider | null): [FieldErrors, string] {
  const missing: FieldErrors = {};
  if (!mode) missing.careMode = '请选择护理方式。';
  if (!chosen) missing.providerId = '请选择定点机构。';
  return [missing, '还有内容没有选择，请看下面的提示。'];
}
