import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EnterpriseContactCard } from '../../../../miniapp/src/features/appeals/EnterpriseContactCard';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, anEnterprise, anOfficer, anOfficerCard, aSession, aStation, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
const officerMe = aMe({ role: 'officer', displayName: '李明', memberRole: null, enterprise: null, officer: anOfficer(), station: aStation() });
const masked = { enterprise: anEnterprise({ name: '重庆山城火锅有限公司', contactName: '王建国', contactMobile: '138****8000' }), officer: anOfficerCard(), station: aStation(), sections: {} };

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: officerMe }));
});

describe('EnterpriseContactCard (诉求页的企业联系人)', () => {
  it('shows the enterprise and its contact masked; 拨打 reveals the number (logged) and dials it', async () => {
    request().mockImplementation(async ({ url, method }: { url: string; method: string }) =>
      url.endsWith('/contact/reveal') && method === 'POST' ? http(200, { enterpriseId: 'ent-1', contactName: '王建国', contactMobile: '13800138000' }) : http(200, masked),
    );
    render(<EnterpriseContactCard enterpriseId='ent-1' />);

    expect(await screen.findByText('重庆山城火锅有限公司')).toBeTruthy();
    expect(screen.getByText('王建国 138****8000')).toBeTruthy();
    expect(Taro.makePhoneCall).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '拨打' }));
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138000' }));
    expect(request().mock.calls.map((c) => c[0].url)).toContain('https://api.test/enterprises/ent-1/contact/reveal');
  });

  it('stays out of the way when the file cannot be read', async () => {
    request().mockResolvedValue(http(404, { error: { code: 'NOT_FOUND', message: '未找到' } }));
    const { container } = render(<EnterpriseContactCard enterpriseId='ent-1' />);
    await waitFor(() => expect(container.querySelector('[data-testid="enterprise-contact"]')).toBeNull());
    await waitFor(() => expect(container.textContent).toBe(''));
  });
});
