/**
 * The request layer on a bad network: one Idempotency-Key per user action, the same key on every retry
 * (the layer's own, a second tap, after the app was backgrounded), 503 retried with back-off while the
 * user is told it is retrying, and a final answer settling the action.
 */
import Taro from '@tarojs/taro';
import { api, resetRequestState, retryPolicy } from '../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../miniapp/src/services/session';
import { taroStub } from '../support/taro-stub';
import { aSession, http } from '../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
const busy = () => ({ ...http(503, { error: { code: 'SERVICE_BUSY', message: '系统繁忙，请稍后再试', requestId: 'r1' } }), header: { 'retry-after': '2' } });
const message = { id: 'm1', appealId: 'a1', authorId: 'user-1', authorRole: 'enterprise', authorName: '重庆测试商贸有限公司', text: '请尽快处理', at: '2026-11-02T01:00:00.000Z' };
const post = () => api('postAppealMessage', { params: { appealId: 'a1' }, body: { text: '请尽快处理' } });
const keysSent = () => request().mock.calls.map(([options]) => options.header['Idempotency-Key']);

const originalDelay = retryPolicy.delayMs;
const delays: number[] = [];

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
  delays.length = 0;
  retryPolicy.delayMs = (attempt, retryAfter) => {
    delays.push(originalDelay(attempt, retryAfter));
    return 0;
  };
});

afterAll(() => {
  retryPolicy.delayMs = originalDelay;
});

it('retries a 503 with the same key and back-off, telling the user it is retrying', async () => {
  request().mockResolvedValueOnce(busy()).mockResolvedValueOnce(busy()).mockResolvedValueOnce(http(201, message));

  await expect(post()).resolves.toMatchObject({ id: 'm1' });

  const keys = keysSent();
  expect(keys).toHaveLength(3);
  expect(keys[0]).toMatch(/^[\x21-\x7e]{8,128}$/);
  expect(new Set(keys).size).toBe(1);
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不稳定，正在重试…' }));
  // Retry-After (2 s) is honoured, and the wait grows.
  expect(delays[0]).toBeGreaterThanOrEqual(1500);
  expect(delays[1]).toBeGreaterThanOrEqual(delays[0] * 0.6);
});

it('a dropped connection and a 409 处理中 are retried with the same key too', async () => {
  request()
    .mockRejectedValueOnce(new Error('request:fail timeout'))
    .mockResolvedValueOnce(http(409, { error: { code: 'REQUEST_IN_PROGRESS', message: '该操作正在处理中，请稍候再试' } }))
    .mockResolvedValueOnce(http(201, message));
  await expect(post()).resolves.toMatchObject({ id: 'm1' });
  expect(new Set(keysSent()).size).toBe(1);
});

it('keeps the key of an action without a final answer: the next tap (even after a restart) reuses it', async () => {
  request().mockResolvedValue(busy());
  await expect(post()).rejects.toMatchObject({ status: 503 });
  const first = keysSent()[0];
  expect(request()).toHaveBeenCalledTimes(retryPolicy.retries + 1);

  // The app was backgrounded or restarted: the key lives in storage, not in memory.
  request().mockReset();
  request().mockResolvedValueOnce(http(201, message));
  await expect(post()).resolves.toMatchObject({ id: 'm1' });
  expect(keysSent()).toEqual([first]);
});

it('a final answer settles the action: the next identical submit is a new action with a new key', async () => {
  request()
    .mockResolvedValueOnce(http(201, message))
    .mockResolvedValueOnce(http(201, { ...message, id: 'm2' }));
  await post();
  await post();
  const [a, b] = keysSent();
  expect(a).not.toBe(b);
});

it('different actions get different keys; reads carry none', async () => {
  request().mockResolvedValue(http(201, message));
  await post();
  await api('postAppealMessage', { params: { appealId: 'a1' }, body: { text: '另一条留言' } });
  const [a, b] = keysSent();
  expect(a).not.toBe(b);
  request().mockReset();
  request().mockResolvedValueOnce(http(200, { items: [], nextCursor: null }));
  await api('listAppealMessages', { params: { appealId: 'a1' } });
  expect(keysSent()).toEqual([undefined]);
});

it('never repeats a POST that has no key (sign-in): a 503 is shown at once', async () => {
  request().mockResolvedValueOnce(busy());
  await expect(api('wechatLogin', { body: { code: 'abc' } })).rejects.toMatchObject({ status: 503 });
  expect(request()).toHaveBeenCalledTimes(1);
});
