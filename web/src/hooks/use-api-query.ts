// Loads one GET resource and reloads it when the path changes. Loading is derived from whether
// the answer in hand belongs to the current path, so the effect never sets state synchronously.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';

interface Loaded<T> {
  key: string;
  path: string;
  data: T | null;
  error: ApiError | null;
}

export interface ApiQuery<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data in hand, e.g. with the case view a write returned. */
  setData: (data: T) => void;
}

/**
 * `keep`: while the same path is read again (after `reload`), keep showing the answer in hand
 * instead of none, so forms and messages around it stay put.
 */
export function useApiQuery<T>(path: string | null, options: { keep?: boolean } = {}): ApiQuery<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [generation, setGeneration] = useState(0);
  const key = path === null ? '' : `${path}#${generation}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => setLoaded({ key, path, data, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error));
        setLoaded({ key, path, data: null, error: apiError });
      });
    return () => controller.abort();
  }, [path, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setLoaded({ key, path: path ?? '', data, error: null }), [key, path]);

  const current = loaded !== null && loaded.key === key;
  const kept = !current && options.keep === true && loaded !== null && loaded.path === path && loaded.data !== null;
  return {
    data: current || kept ? loaded.data : null,
    error: current ? loaded.error : null,
    loading: path !== null && !current && !kept,
    reload,
    setData,
  };
}
