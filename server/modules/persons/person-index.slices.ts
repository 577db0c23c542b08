// Long loops of the match index (decrypting names, preparing records, filing them) run on the
// main thread in slices: after SLICE_MS of work the loop yields to the event loop (setImmediate,
// so timers and I/O go first) and carries on. A 100,000-person build then never holds the loop
// for more than a slice, where in one piece it held it for seconds.

/** Work done between two yields, in milliseconds. */
export const SLICE_MS = 15;

export class Slicer {
  private started = performance.now();

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** True when this slice has used its time; then `await pause()`. */
  get due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.started = performance.now();
  }
}
