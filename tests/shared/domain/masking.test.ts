import { maskContact, maskMobile, maskName, UNMASKED_MOBILE } from '../../../shared/domain/masking';

it('masks mobiles as 138****1234 and names to the surname', () => {
  expect(maskMobile('13812341234')).toBe('138****1234');
  expect(maskMobile('023-63000000')).toBe('********0000');
  expect(maskName('王小明')).toBe('王**');
  expect(maskName('李')).toBe('*');
  expect(maskContact({ contactName: '张三', contactMobile: '13900000001', id: 'x' })).toEqual({ contactName: '张*', contactMobile: '139****0001', id: 'x' });
});

it('finds unmasked mobiles in text, not masked ones or longer numbers', () => {
  expect(UNMASKED_MOBILE.test('{"contactMobile":"13812341234"}')).toBe(true);
  expect(UNMASKED_MOBILE.test('{"contactMobile":"138****1234"}')).toBe(false);
  expect(UNMASKED_MOBILE.test('91500103000081010X')).toBe(false);
});
