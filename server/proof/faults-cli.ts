// The real `lots` command in a child process, for the fault proofs: run it to completion, or
// start it and watch its progress bar so that it can be killed part-way.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./faults-progress-tty.ts', import.meta.url));

/** One synthetic data key for every child of a proof (the CLI needs one for PostgreSQL). */
export const FAULT_DATA_KEYS = `fault01:${randomBytes(32).toString('base64')}`;

export interface LotsProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The last progress `done/total` drawn, or null. */
  progress(): { done: number; total: number } | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startLots(args: string[], env: Record<string, string>): LotsProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PRELOAD, 'server/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOTS_DATA_KEYS: FAULT_DATA_KEYS, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => out,
    progress: () => {
      const all = [...out.matchAll(/(\d+)\/(\d+)/g)];
      const last = all.at(-1);
      return last ? { done: Number(last[1]), total: Number(last[2]) } : null;
    },
    exited,
  };
}

/** Runs `lots …` to the end; rejects after `timeoutMs`. */
export async function runLots(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<{ code: number | null; output: string }> {
  const p = startLots(args, env);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await p.exited;
  clearTimeout(timer);
  if (signal) throw new Error(`lots ${args.join(' ')} ended by ${signal} (timeout ${timeoutMs} ms): ${p.output().slice(-2000)}`);
  return { code, output: p.output() };
}
