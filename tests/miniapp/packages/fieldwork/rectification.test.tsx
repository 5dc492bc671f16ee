import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import RectificationPage from '../../../../miniapp/src/packages/fieldwork/pages/rectification/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { RectificationView } from '../../../../shared/fieldwork/schemas';
import { taroStub } from '../../support/taro-stub';
import { aMe, anOfficer, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

const anItem = (over: Partial<RectificationView> = {}): RectificationView => ({
  id: 'r1',
  enterpriseId: 'en0001',
  enterpriseName: '重庆测试商贸有限公司',
  stationId: 'st01',
  ownerOfficerId: 'of001',
  ownerName: '张警官',
  source: { kind: 'visit', visitId: 'v1', followUp: 'rectification' },
  description: '仓库消防通道堆放杂物',
  deadline: '2026-11-20',
  status: 'in_progress',
  openedDay: '2026-11-10',
  openedAt: '2026-11-10T02:00:00.000Z',
  closedDay: null,
  closedAt: null,
  closingNote: null,
  history: [{ at: '2026-11-10T02:00:00.000Z', by: 'of001', byName: '张警官', action: 'open', note: null }],
  version: 2,
  overdue: true,
  ...over,
});

function serve(item: RectificationView) {
  const posts: unknown[] = [];
  let current = item;
  request().mockImplementation((opts: { url: string; method: string; data?: unknown }) => {
    if (opts.method === 'POST') {
      posts.push(typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data);
      current = { ...current, status: 'done', closingNote: '已清理通道并复查', version: current.version + 1, overdue: false };
      return Promise.resolve(http(200, current));
    }
    return Promise.resolve(http(200, current));
  });
  return posts;
}

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  taroStub.router.params = { id: 'r1' };
});

const login = (role: 'officer' | 'chief') => saveSession(aSession({ me: aMe({ role, enterprise: null, memberRole: null, officer: anOfficer({ id: role === 'chief' ? 'of080' : 'of001' }) }) }));

describe('整改事项 page', () => {
  it('shows the item, overdue, and asks for a closing note before 整改完成', async () => {
    login('officer');
    const posts = serve(anItem());
    render(<RectificationPage />);
    expect(await screen.findByText('仓库消防通道堆放杂物')).toBeTruthy();
    expect(screen.getByText('已逾期')).toBeTruthy();
    expect(screen.getByTestId('rectification-status').textContent).toBe('整改中');
    // An officer cannot close an item as 销号.
    expect(screen.queryByRole('button', { name: '销号' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '整改完成' }));
    expect(await screen.findByText('请填写整改情况（至少4个字）')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.change(within(screen.getByTestId('rectification-note')).getByRole('textbox'), { target: { value: '已清理通道并复查' } });
    fireEvent.click(screen.getByRole('button', { name: '整改完成' }));
    await waitFor(() => expect(posts).toEqual([{ action: 'complete', version: 2, note: '已清理通道并复查' }]));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '整改完成' }));
    await waitFor(() => expect(screen.getByTestId('rectification-status').textContent).toBe('已整改'));
  });

  it('sends nothing when the confirmation is cancelled; the chief may 销号', async () => {
    login('chief');
    (Taro.showModal as unknown as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const posts = serve(anItem({ status: 'pending', overdue: false }));
    render(<RectificationPage />);
    await screen.findByText('仓库消防通道堆放杂物');
    expect(screen.getByRole('button', { name: '销号' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开始整改' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(posts).toEqual([]);
  });
});
