import { DELETION_SUMMARY, UpdateEnterpriseBody, enterpriseChanges, mayLeave } from '../../../shared/privacy/rights';
import { PERSONAL_DATA_CATEGORIES, PRIVACY_GUIDE_VERSION, PRIVACY_SECTIONS, consentState } from '../../../shared/privacy/guide';

describe('更正企业信息', () => {
  it('needs a change besides the version and refuses the credit code and the station', () => {
    expect(UpdateEnterpriseBody.safeParse({ version: 3 }).success).toBe(false);
    const code = UpdateEnterpriseBody.safeParse({ version: 3, creditCode: '91500103MA5U7XXXXX' });
    expect(code.success).toBe(false);
    expect(code.error?.issues[0].message).toContain('统一社会信用代码不能修改');
    expect(UpdateEnterpriseBody.safeParse({ version: 3, stationId: 'st1' }).success).toBe(false);
    expect(UpdateEnterpriseBody.safeParse({ version: 3, contactMobile: '123' }).success).toBe(false);
    expect(UpdateEnterpriseBody.parse({ version: 3, employeeCount: 12 })).toEqual({ version: 3, employeeCount: 12 });
  });
  it('records only what changes', () => {
    const current = { name: '甲公司', contactName: '张三', contactMobile: '13800000000', address: '某路1号', industry: 'manufacturing', employeeCount: 10 };
    expect(enterpriseChanges(current, { name: '甲公司', employeeCount: 12 })).toEqual([{ field: 'employeeCount', from: 10, to: 12 }]);
    expect(enterpriseChanges(current, {})).toEqual([]);
  });
});

describe('注销 and the last owner', () => {
  it('staff and one of several owners may leave; the last owner only by closing the enterprise', () => {
    expect(mayLeave({ memberRole: 'staff' }, 1, false).ok).toBe(true);
    expect(mayLeave({ memberRole: 'owner' }, 2, false).ok).toBe(true);
    expect(mayLeave({ memberRole: 'owner' }, 1, false)).toMatchObject({ ok: false });
    expect(mayLeave({ memberRole: 'owner' }, 1, true).ok).toBe(true);
  });
  it('the confirmation says what is deleted, anonymised and kept', () => {
    expect(DELETION_SUMMARY.deleted.length).toBeGreaterThan(0);
    expect(DELETION_SUMMARY.kept.join('')).toContain('台账');
    // 注销 erases the member's uploads too (functions/services/attachment-erasure.ts): the user is told so.
    expect(DELETION_SUMMARY.deleted.join('')).toContain('证据材料');
  });
});

describe('the privacy guide', () => {
  it('lists every category of personal data collected', () => {
    const names = PERSONAL_DATA_CATEGORIES.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['预约办证', '上门服务地址', '走访记录', '评价', '消息', '查看记录']));
    for (const n of names) expect(PRIVACY_SECTIONS[0].body).toContain(n);
  });
  it('asks again when the version changes', () => {
    expect(consentState({ privacyVersion: PRIVACY_GUIDE_VERSION }).required).toBe(false);
    expect(consentState({ privacyVersion: '2020-01-01' }).required).toBe(true);
    expect(consentState({}).required).toBe(true);
  });
});
