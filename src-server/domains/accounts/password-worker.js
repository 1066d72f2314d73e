// Runs in a worker thread (see password-hasher.ts): bcrypt is CPU-bound for
// ~100 ms per call, which on the main thread would freeze every request.
// Plain JavaScript so it loads the same under tsx, Vitest and a bundle.
import bcrypt from 'bcryptjs';

/** @param {{ password: string, rounds: number }} input */
export function hash({ password, rounds }) {
  return bcrypt.hashSync(password, rounds);
}

/** @param {{ password: string, hash: string }} input */
export function compare({ password, hash }) {
  return bcrypt.compareSync(password, hash);
}
