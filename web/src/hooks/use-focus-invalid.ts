// After a failed submit, move focus to the first field marked invalid: a screen reader then reads
// its label, "invalid" and the error message (tied to it by aria-describedby).
import { useEffect, useRef } from 'react';

export function useFocusFirstInvalid(attempt: number) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  return ref;
}
