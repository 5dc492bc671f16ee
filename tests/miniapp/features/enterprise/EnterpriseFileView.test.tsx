import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EnterpriseFileView } from '../../../../miniapp/src/features/enterprise/EnterpriseFileView';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { EnterpriseFile } from '../../../../shared/schemas/enterprise';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, anEnterprise, anOfficerCard, aStation, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
const file = (): EnterpriseFile =>
  ({
    enterprise: anEnterprise({ id: 'en1', contactName: '王**', contactMobile: '138****1234' }),
    officer: anOfficerCard(),
    station: aStation(),
    sections: {},
  }) as unknown as EnterpriseFile;

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: aMe({ role: 'officer' }) }));
});

it('police see the contact masked; 拨打 asks for the full number (logged on the server) and dials it', async () => {
  const urls: string[] = [];
  request().mockImplementation((opts: { url: string }) => {
    urls.push(opts.url);
    return Promise.resolve(http(200, { enterpriseId: 'en1', contactName: '王小明', contactMobile: '13800001234' }));
  });
  render(<EnterpriseFileView file={file()} viewer='police' />);
  expect(screen.getByText('138****1234')).toBeTruthy();
  expect(urls).toEqual([]);
  fireEvent.click(screen.getByTestId('contact-call'));
  await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800001234' }));
  expect(urls[0]).toContain('/enterprises/en1/contact/reveal');
  expect(await screen.findByText('13800001234')).toBeTruthy();
  expect(screen.getByText('王小明')).toBeTruthy();
  // Once revealed, dialling again does not ask twice.
  fireEvent.click(screen.getByTestId('contact-call'));
  expect(urls).toHaveLength(1);
});
