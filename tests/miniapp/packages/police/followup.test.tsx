import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import FollowUpPage from '../../../../miniapp/src/packages/police/pages/followup/index';
import FollowUpsPage from '../../../../miniapp/src/packages/police/pages/followups/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { FollowUpTask } from '../../../../shared/followups/schemas';
import { taroStub } from '../../support/taro-stub';
import { aMe, anOfficer, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

const aTask = (over: Partial<FollowUpTask> = {}): FollowUpTask => ({
  id: 'ap1',
  appealId: 'ap1',
  stationId: 'st-chengguan',
  enterpriseId: 'en0001',
  enterpriseName: '重庆测试商贸有限公司',
  appealTitle: '仓库门口被人堵路',
  appealType: 'dispute',
  officerId: 'off-1',
  officerName: '李明',
  reason: 'bad_rating',
  rating: 2,
  ratingComment: '处理太慢',
  closedAt: '2026-11-20T02:00:00.000Z',
  dueDay: '2026-11-27',
  status: 'pending',
  createdAt: '2026-11-20T02:00:00.000Z',
  version: 1,
  ...over,
});

/** GETs answer the task (or a page of it); a POST records it, or answers 409 when `conflict`. */
function serve(task: FollowUpTask, conflict = false) {
  const posts: unknown[] = [];
  let current = task;
  request().mockImplementation((opts: { url: string; method: string; data?: unknown }) => {
    if (opts.method === 'POST') {
      const body = typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data;
      posts.push(body);
      if (conflict) {
        current = { ...current, status: 'done', method: 'visit', reached: false, notes: '上门时无人', recordedAt: '2026-11-21T02:00:00.000Z', recordedByName: '王所长（所长）', version: 2 };
        return Promise.resolve(http(409, { error: { code: 'FOLLOWUP_ALREADY_RECORDED', message: '该回访已由其他民警登记，请刷新后查看', requestId: 'r' } }));
      }
      current = { ...current, ...body, status: 'done', recordedAt: '2026-11-21T02:00:00.000Z', recordedByName: '李明（助企警务联络官）', version: 2 };
      return Promise.resolve(http(200, current));
    }
    if (opts.url.includes('/stations/')) return Promise.resolve(http(200, { items: [current], nextCursor: null }));
    return Promise.resolve(http(200, current));
  });
  return posts;
}

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  taroStub.router.params = { id: 'ap1' };
  saveSession(aSession({ me: aMe({ role: 'officer', enterprise: null, memberRole: null, officer: anOfficer() }) }));
});

const chip = (group: string, label: string) => within(screen.getByTestId(group)).getByText(label);

describe('回访登记 page', () => {
  it('shows why and how the case was rated, asks for the satisfaction when reached, confirms, then shows the record', async () => {
    const posts = serve(aTask());
    render(<FollowUpPage />);
    expect(await screen.findByText('重庆测试商贸有限公司')).toBeTruthy();
    expect(screen.getByText('差评回访')).toBeTruthy();
    expect(screen.getByText('不满意：处理太慢')).toBeTruthy();

    fireEvent.click(screen.getByTestId('followup-submit'));
    expect(await screen.findByText('请选择是否联系上企业')).toBeTruthy();
    fireEvent.click(chip('followup-reached', '已联系上'));
    fireEvent.click(screen.getByTestId('followup-submit'));
    expect(await screen.findByText('联系上企业时请选择满意程度')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.click(chip('followup-satisfaction', '满意'));
    fireEvent.change(within(screen.getByTestId('followup-notes')).getByRole('textbox'), { target: { value: '企业表示问题已解决' } });
    fireEvent.click(screen.getByTestId('followup-submit'));
    await waitFor(() => expect(posts).toEqual([{ method: 'phone', reached: true, satisfaction: 'satisfied', notes: '企业表示问题已解决' }]));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认登记回访', content: expect.stringContaining('回访后满意') }));
    const result = await screen.findByTestId('followup-record');
    expect(result.textContent).toContain('回访后满意');
    expect(screen.queryByTestId('followup-form')).toBeNull();
  });

  it('not reached: no satisfaction to pick, a reason is required; a cancelled confirmation sends nothing', async () => {
    (Taro.showModal as unknown as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const posts = serve(aTask());
    render(<FollowUpPage />);
    await screen.findByTestId('followup-form');
    fireEvent.click(chip('followup-method', '上门回访'));
    fireEvent.click(chip('followup-reached', '未联系上'));
    expect(screen.queryByTestId('followup-satisfaction')).toBeNull();
    fireEvent.click(screen.getByTestId('followup-submit'));
    expect(await screen.findByText('未联系上时请写明原因（如电话无人接听）')).toBeTruthy();
    fireEvent.change(within(screen.getByTestId('followup-notes')).getByRole('textbox'), { target: { value: '上门时企业无人' } });
    fireEvent.click(screen.getByTestId('followup-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(posts).toEqual([]);
  });

  it('a colleague recorded it first (409): the page shows their record instead of the form', async () => {
    serve(aTask(), true);
    render(<FollowUpPage />);
    await screen.findByTestId('followup-form');
    fireEvent.click(chip('followup-reached', '已联系上'));
    fireEvent.click(chip('followup-satisfaction', '基本满意'));
    fireEvent.click(screen.getByTestId('followup-submit'));
    expect((await screen.findByTestId('followup-record')).textContent).toContain('未联系上');
  });
});

describe('回访 list', () => {
  it("lists the officer's station's tasks with the reason and the deadline, and opens one", async () => {
    serve(aTask({ reason: 'sample', rating: 5, dueDay: '2099-01-01' }));
    render(<FollowUpsPage />);
    const item = await screen.findByTestId('followup-item');
    expect(item.textContent).toContain('抽样回访');
    expect(item.textContent).toContain('评价：非常满意');
    expect(request().mock.calls[0][0].url).toContain('/stations/st-chengguan/followups');
    fireEvent.click(item);
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/police/pages/followup/index?id=ap1' })));
  });
});
