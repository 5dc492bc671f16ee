/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (digits and upper-case letters without I, O, Z, S, V):
 *   1     registration authority (登记管理部门码)
 *   2     organisation category (机构类别码)
 *   3-8   administrative division (登记管理机关行政区划码, 6 digits)
 *   9-17  organisation code (主体标识码, GB 11714)
 *   18    check character over the first 17, weights 3^i mod 31
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = 'length' | 'characters' | 'checksum';

/** The check character (position 18) for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`not a credit-code character: ${first17[i]}`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is not valid, or null when it is. Input is expected trimmed and upper-cased. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位，请核对营业执照',
  characters: '统一社会信用代码含有无效字符（不含 I、O、Z、S、V），请核对营业执照',
  checksum: '统一社会信用代码校验位不正确，请逐位核对营业执照上的代码',
};
