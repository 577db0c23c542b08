// A tab whose read the server refuses (403) is hidden: the viewer may see the case but not this
// part of it. The case page keeps the set of hidden tabs.
import { useEffect } from 'react';
import type { ApiError } from '../../api.js';

export function useForbiddenHides(error: ApiError | null, onForbidden: () => void): void {
  useEffect(() => {
    if (error?.status === 403) onForbidden();
  }, [error, onForbidden]);
}
