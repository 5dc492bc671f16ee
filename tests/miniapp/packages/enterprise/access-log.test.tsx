import Taro from '@tarojs/taro';
import { render, screen, within } from '@testing-library/react';
import AccessLogPage from '../../../../miniapp/src/packages/enterprise/pages/access-log/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { AccessLogEntry } from '../../../../shared/audit/access-log';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, anEnterprise, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

const anEntry = (over: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  id: 'log-1',
  enterpriseId: 'ent-1',
  at: '2026-03-01T08:00:00.000Z',
  actorRole: 'chief',
  actorId: 'of-chief',
  actorUserId: 'u-chief',
  stationId: 'st-1',
  what: 'file',
  route: 'GET /enterprises/{enterpriseId}/file',
  actorName: '王所长（所长）',
  unitName: '解放碑派出所',
  whatLabel: '一企一档',
  ...over,
});

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  delete process.env.TARO_ENV;
});

it("谁查看了我的档案: lists who read which part of the file, asking for the member's own enterprise", async () => {
  saveSession(aSession({ me: aMe({ role: 'enterprise', enterprise: anEnterprise({ id: 'ent-1' }), memberRole: 'owner' }) }));
  const urls: string[] = [];
  request().mockImplementation((opts: { url: string }) => {
    urls.push(opts.url);
    return Promise.resolve(http(200, { items: [anEntry(), anEntry({ id: 'log-2', actorRole: 'officer', actorName: '李警官（助企警务联络官）', what: 'contact', whatLabel: '完整联系电话' })], nextCursor: null }));
  });
  render(<AccessLogPage />);
  const items = await screen.findAllByTestId('access-log-item');
  expect(items).toHaveLength(2);
  expect(within(items[0]).getByText('王所长（所长）')).toBeTruthy();
  expect(within(items[0]).getByText('解放碑派出所 · 查看了一企一档')).toBeTruthy();
  expect(within(items[1]).getByText('解放碑派出所 · 查看了完整联系电话')).toBeTruthy();
  expect(urls[0]).toContain('/enterprises/ent-1/access-log');
});

it('tells a police account it is not theirs to read', async () => {
  saveSession(aSession({ me: aMe({ role: 'officer' }) }));
  render(<AccessLogPage />);
  expect(await screen.findByText('企业用户登录后可查看档案的查看记录')).toBeTruthy();
});
