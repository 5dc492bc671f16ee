/**
 * The booking code (预约码) an enterprise shows at the counter. Six characters from an alphabet without
 * look-alikes (0/O, 1/I/L): 31^6 ≈ 8.9 × 10^8 codes. Pure given the random source, so tests pass a fixed
 * sequence and the Lambda passes crypto randomness. Uniqueness among live bookings is the repository's job
 * (a marker item written in the same transaction; on a clash it draws again).
 */
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from './schemas';

/** `random` returns a number in [0, 1), like Math.random. */
export function generateBookingCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`random source must return a number in [0, 1), got ${r}`);
    code += BOOKING_CODE_ALPHABET[Math.floor(r * BOOKING_CODE_ALPHABET.length)];
  }
  return code;
}
