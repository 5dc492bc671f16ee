import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_REQUEST } from '../../../shared/notifications/catalogue';
import { isWeapp } from './config';
import { api } from './request';

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';
export type SubscribeOutcome = { asked: number; accepted: number; results: Record<string, SubscribeAnswer> } | { unsupported: true };

/** WeChat subscribe messages exist only in the mini-program (not in the H5 build or a browser). */
export function canRequestSubscribe(): boolean {
  return isWeapp() && typeof (Taro as { requestSubscribeMessage?: unknown }).requestSubscribeMessage === 'function';
}

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

/**
 * Ask the user for one-time subscriptions (一次性订阅) to up to three templates, then tell the server what
 * they allowed. WeChat only shows the dialog when this runs straight from a tap: call it first thing in
 * the onClick handler, with the template ids already loaded (no await before it).
 */
export function requestSubscribe(templateIds: string[]): Promise<SubscribeOutcome> {
  if (!canRequestSubscribe()) return Promise.resolve({ unsupported: true });
  const tmplIds = templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST);
  const asked = Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0]);
  return asked.then(async (res) => {
    const raw = res as unknown as Record<string, unknown>;
    const results: Record<string, SubscribeAnswer> = {};
    for (const id of tmplIds) if (typeof raw[id] === 'string' && ANSWERS.includes(raw[id] as string)) results[id] = raw[id] as SubscribeAnswer;
    if (Object.keys(results).length > 0) await api('recordSubscriptions', { body: { results } });
    return { asked: tmplIds.length, accepted: Object.values(results).filter((a) => a === 'accept').length, results };
  });
}
