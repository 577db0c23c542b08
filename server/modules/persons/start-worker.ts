// Starting a worker thread from TypeScript. The server runs under tsx (and tests under vitest);
// Node 20 does not pass tsx's loader on to a worker, so a two-line bootstrap registers it there
// first. tsx is resolved from this file, not from the working directory. Compiled JavaScript
// starts the entry directly.
import { Worker } from 'node:worker_threads';

/** A worker running `entry`, named as its compiled `.js` file next to the caller (`new URL('./x.js', import.meta.url)`). */
export function startWorker(entry: URL, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = entry.href.replace(/\.js$/, '.ts');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
