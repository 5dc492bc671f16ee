import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AppealDetailPage from '../../../../miniapp/src/packages/appeals/pages/detail/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, anOfficer, aSession, aStation, http } from '../../support/factories';
import { aMessage, anAppealView } from '../../support/appeal-factories';
import type { AppealView } from '../../../../shared/appeals/views';

const request = () => Taro.request as unknown as jest.Mock;
const officerMe = aMe({ role: 'officer', displayName: '李明', memberRole: null, enterprise: null, officer: anOfficer(), station: aStation() });

/** Answers the page's GETs: the appeal, then its messages; POSTs with `onPost`. */
function serve(view: AppealView, onPost: (url: string, body: unknown) => { statusCode: number; data: unknown } = () => http(200, view)) {
  request().mockImplementation((opts: { url: string; method: string; data?: unknown }) => {
    if (opts.method === 'POST') return Promise.resolve(onPost(opts.url, opts.data));
    if (opts.url.includes('/messages')) return Promise.resolve(http(200, { items: [aMessage()], nextCursor: null }));
    return Promise.resolve(http(200, view));
  });
}

const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  taroStub.router.params = { id: 'ap-1' };
});

describe('诉求详情 page', () => {
  it('offers the officer exactly the allowed actions it is given', async () => {
    saveSession(aSession({ me: officerMe }));
    serve(anAppealView({ allowedActions: ['accept', 'escalate'] }));

    render(<AppealDetailPage />);

    expect(await screen.findByRole('button', { name: '受理' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '上报所领导' })).toBeTruthy();
    for (const absent of ['办结', '转办', '要求补充材料', '撤回诉求', '确认办结并评价', '改派联络官', '登记整改说明']) {
      expect(buttons()).not.toContain(absent);
    }
    // The officer gets the canned replies of the appeal's category (阻工/封门堵路).
    fireEvent.click(screen.getByText('常用回复 ›'));
    expect(screen.getByText('我们已派民警赶赴现场维护秩序，请企业安排负责人配合。')).toBeTruthy();
  });

  it('shows the author the note under text held by the later content check', async () => {
    saveSession(aSession());
    const note = '该内容未通过微信内容安全检查，仅您可见，请修改或联系联络官';
    const view = anAppealView({ heldNote: note }, { description: '原来的描述文字', heldFields: ['description'] });
    request().mockImplementation((opts: { url: string }) =>
      Promise.resolve(opts.url.includes('/messages') ? http(200, { items: [aMessage({ text: '原来的留言', heldFields: ['text'], heldNote: note })], nextCursor: null }) : http(200, view)),
    );

    render(<AppealDetailPage />);

    expect(await screen.findByText('原来的描述文字')).toBeTruthy();
    expect(await screen.findByText('原来的留言')).toBeTruthy();
    expect(screen.getAllByText(note)).toHaveLength(2);
  });

  it('shows no action at all when none is allowed', async () => {
    saveSession(aSession());
    serve(anAppealView({ allowedActions: [], canMessage: false }, { status: 'closed', rating: 4, rateCount: 1, closeReason: 'rated' }));

    render(<AppealDetailPage />);

    expect(await screen.findByText('已关闭')).toBeTruthy();
    expect(screen.queryByText('可办理的操作')).toBeNull();
    expect(screen.queryByRole('button', { name: '发送' })).toBeNull();
  });

  it('offers the enterprise rate and reopen on a resolved appeal, and sends the loaded version', async () => {
    saveSession(aSession());
    const view = anAppealView({ allowedActions: ['reopen', 'rate'] }, { status: 'resolved', resolution: '民警已到场处置，工地恢复施工。', resolvedAt: '2025-03-03T05:00:00.000Z', version: 4 });
    let posted: unknown;
    serve(view, (_url, body) => {
      posted = body;
      return http(200, anAppealView({ allowedActions: [] }, { status: 'closed', rating: 5, rateCount: 1, closeReason: 'rated', version: 5 }));
    });

    render(<AppealDetailPage />);

    expect(await screen.findByText('民警已到场处置，工地恢复施工。')).toBeTruthy();
    expect(buttons()).toEqual(expect.arrayContaining(['确认办结并评价', '问题未解决，申请重新办理']));
    expect(buttons()).not.toContain('撤回诉求');

    fireEvent.click(screen.getByRole('button', { name: '确认办结并评价' }));
    fireEvent.click(screen.getByText('非常满意'));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    await waitFor(() => expect(posted).toEqual({ action: 'rate', version: 4, rating: 5 }));
    expect(await screen.findByText('已关闭')).toBeTruthy();
  });

  it('asks before withdrawing, and loads the appeal again after a version clash (409)', async () => {
    saveSession(aSession());
    serve(anAppealView({ allowedActions: ['withdraw'] }), () => http(409, { error: { code: 'VERSION_CONFLICT', message: '该诉求刚刚被其他人处理过，请刷新后查看最新状态' } }));

    render(<AppealDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '撤回诉求' }));
    fireEvent.click(screen.getByRole('button', { name: '确认撤回' }));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回诉求', confirmText: '撤回' })));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该诉求刚刚被其他人处理过，请刷新后查看最新状态' })));
    // getAppeal ran again after the clash.
    await waitFor(() => expect(request().mock.calls.filter(([o]) => o.method === 'GET' && o.url.endsWith('/appeals/ap-1')).length).toBe(2));
  });
});
