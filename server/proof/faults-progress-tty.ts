// Preloaded (`node --import`) into a `lots` child process by the fault proofs: the CLI draws its
// progress bar only on a terminal, and the proofs watch that bar through a pipe to know how far
// an import has got before they kill it.
Object.defineProperty(process.stderr, 'isTTY', { value: true });
