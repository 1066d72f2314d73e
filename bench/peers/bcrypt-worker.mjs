// Worker thread of the plain bcryptjs pool (bench/peers/bcrypt-pool.ts).
import bcrypt from 'bcryptjs';

/** @param {{ password: string, hash: string }} input */
export default function compare({ password, hash }) {
  return bcrypt.compareSync(password, hash);
}
