import { randomInt } from 'node:crypto';
import { JOIN_TOKEN_ALPHABET, JOIN_TOKEN_LENGTH } from '../../../src-shared/schemas/sessions';

/** 9 symbols from a 31-letter alphabet without look-alikes: ≈ 44.6 bits from the OS CSPRNG. */
export function newJoinToken(): string {
  let token = '';
  for (let i = 0; i < JOIN_TOKEN_LENGTH; i++)
    token += JOIN_TOKEN_ALPHABET[randomInt(JOIN_TOKEN_ALPHABET.length)];
  return token;
}
