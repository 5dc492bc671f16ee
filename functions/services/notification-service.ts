/**
 * One notification service for every module. A module says who should hear what; the saying is an outbox
 * item written with the business record (`notice` adds it to the caller's transaction, `notify` writes it
 * alone for callers without one), so a request never waits for WeChat and nothing said is lost when the
 * write commits. The notifier (functions/handlers/notifier.ts, fed by the table's stream) then delivers
 * it (`deliverOutboxItem`): the in-app notification of each box and, where a user of that box granted a
 * one-time subscription for the event's template, the WeChat subscribe message.
 */
import { ulid } from 'ulid';
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PageQuery } from '../../shared/schemas/common';
import { Forbidden } from '../../shared/errors';
import type { Principal } from '../../shared/domain/principal';
import { SUBSCRIBE_TEMPLATES, isTransient, linkPage, templateData, type DeliveryStatus, type NotifyEvent, type NotifyLink } from '../../shared/notifications/catalogue';
import type { SubscriptionResults } from '../../shared/notifications/schemas';
import { config } from '../lib/config';
import { logger } from '../lib/logger';
import { sendSubscribeMessage, type SendResult } from '../lib/wechat-client';
import { mapLimit } from '../lib/parallel';
import { notificationRepository, type Recipient } from '../repositories/notification-repository';
import { outboxRepository, type OutboxItem } from '../repositories/outbox-repository';
import { subscriptionRepository, type GrantHolder } from '../repositories/subscription-repository';
import { userRepository } from '../repositories/user-repository';

export type { Recipient, NotifyEvent, NotifyLink };

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export interface NotifyMessage {
  event: NotifyEvent;
  title: string;
  body: string;
  link?: NotifyLink | null;
}

export interface NotifyOptions {
  /** Write the in-app notification (default true). False sends only the subscribe message. */
  inApp?: boolean;
}

/** What a delivery did, for callers and tests that care. `retry`: some message failed transiently. */
export type NotifyOutcome = { inApp: number; sent: number; refused: number; failed: number; skipped: number; retry: boolean };

/** Attempts per message and delivery, transient failures only (system busy, network, HTTP 5xx). */
export const MAX_ATTEMPTS = 3;
/** Subscribe messages in flight at once for one outbox item. */
const SEND_CONCURRENCY = 8;

const outboxOf = (recipients: Recipient[], message: NotifyMessage, now: Date, options: NotifyOptions) => ({
  id: ulid(now.getTime()),
  recipients: [...new Set(recipients)],
  message: { event: message.event, title: message.title, body: message.body, link: message.link ?? null },
  inApp: options.inApp !== false,
  createdAt: now.toISOString(),
});

/**
 * The outbox write of a notification, for the caller's own transaction: [] when nobody is to hear it.
 * One item whatever the number of recipients (the notifier fans out), so it costs one of the
 * transaction's 100 items.
 */
export function notice(recipients: Recipient[], message: NotifyMessage, now: Date, options: NotifyOptions = {}): TransactItem[] {
  return recipients.length === 0 ? [] : [outboxRepository.putWrite(outboxOf(recipients, message, now, options))];
}

/**
 * For callers without a transaction of their own: records the outbox item with a single put after their
 * write; answers the outbox item's id. Never throws: the business action has already happened.
 */
export async function notify(recipients: Recipient[], message: NotifyMessage, now: Date, options: NotifyOptions = {}): Promise<string | null> {
  if (recipients.length === 0) return null;
  const item = outboxOf(recipients, message, now, options);
  try {
    await outboxRepository.put(item);
    return item.id;
  } catch (error) {
    logger.error('notification not recorded', { event: message.event, recipients: recipients.length, error: error as Error });
    return null;
  }
}

/**
 * Delivers one outbox item; true when it is done (and removed), false when a subscribe message failed
 * transiently and the item should be tried again (the stream retries the record). Idempotent: the in-app
 * notifications have the outbox id as their id and are written only if absent, and users whose message
 * got a final answer are recorded on the item and skipped on a retry. A missing item was delivered before.
 */
export async function deliverOutboxItem(id: string): Promise<{ done: boolean; outcome: NotifyOutcome | null }> {
  const item = await outboxRepository.get(id);
  if (!item) return { done: true, outcome: null };
  const outcome: NotifyOutcome = { inApp: 0, sent: 0, refused: 0, failed: 0, skipped: 0, retry: false };
  const { message } = item;
  if (item.inApp && !item.inAppDone) {
    outcome.inApp = await notificationRepository.addOnce(item.recipients, item.id, { event: message.event, title: message.title, body: message.body, link: message.link }, item.createdAt);
    await outboxRepository.markInAppDone(item.id);
  }
  await sendSubscribeMessages(item, outcome);
  if (outcome.retry) {
    await outboxRepository.recordAttempt(item.id, new Date().toISOString());
    return { done: false, outcome };
  }
  await outboxRepository.remove(item.id);
  return { done: true, outcome };
}

async function sendSubscribeMessages(item: OutboxItem, outcome: NotifyOutcome) {
  const { message } = item;
  const spec = SUBSCRIBE_TEMPLATES[message.event];
  const templateId = config.wechatTemplates[message.event];
  if (!spec || !templateId) return;
  const handled = new Set(item.handled);
  const holders = (await subscriptionRepository.holders(templateId, item.recipients)).filter((h) => !handled.has(h.userId));
  const data = templateData(spec, message, new Date(item.createdAt));
  const page = linkPage(message.link);
  await mapLimit(holders, SEND_CONCURRENCY, async (holder) => {
    let status: DeliveryStatus | 'skipped' | 'transient';
    try {
      status = await deliver(holder, message.event, { touser: holder.openid, templateId, page, data });
    } catch (error) {
      status = 'transient';
      logger.error('subscribe message failed', { event: message.event, userId: holder.userId, error: error as Error });
    }
    if (status === 'transient') {
      outcome.failed += 1;
      outcome.retry = true;
      return;
    }
    if (status === 'sent') outcome.sent += 1;
    else if (status === 'refused') outcome.refused += 1;
    else if (status === 'failed') outcome.failed += 1;
    else outcome.skipped += 1;
    await outboxRepository.markHandled(item.id, holder.userId);
  });
}

/**
 * One user's message: take the grant first (so two concurrent deliveries cannot both spend it), send with
 * retries on transient failures, record every attempt, and give the grant back when WeChat never
 * answered ('transient': the outbox item is tried again later). A final answer from WeChat (43101 refused,
 * 40003, 47003, quota 45009 …) keeps it spent: WeChat itself consumed or rejected it.
 */
async function deliver(holder: GrantHolder, event: NotifyEvent, msg: Parameters<typeof sendSubscribeMessage>[0]): Promise<DeliveryStatus | 'skipped' | 'transient'> {
  if (!(await subscriptionRepository.consume(holder))) return 'skipped';
  let result: SendResult = { errcode: null, errmsg: 'not sent', msgid: null };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    result = await sendSubscribeMessage(msg);
    const transient = result.errcode !== 0 && isTransient(result.errcode);
    const status: DeliveryStatus = result.errcode === 0 ? 'sent' : result.errcode === 43101 ? 'refused' : transient && attempt < MAX_ATTEMPTS ? 'retrying' : 'failed';
    await subscriptionRepository
      .recordDelivery(holder.userId, { event, templateId: msg.templateId, attempt, status, errcode: result.errcode, errmsg: result.errmsg.slice(0, 200), msgid: result.msgid, at: new Date().toISOString() })
      .catch((error) => logger.warn('delivery record failed', { userId: holder.userId, error: error as Error }));
    if (status !== 'retrying') {
      if (status !== 'sent') logger.warn('subscribe message not delivered', { event, userId: holder.userId, errcode: result.errcode, errmsg: result.errmsg });
      if (status === 'failed' && transient) {
        await subscriptionRepository.restore(holder).catch((error) => logger.warn('grant not restored', { userId: holder.userId, error: error as Error }));
        return 'transient';
      }
      return status;
    }
    await new Promise((r) => setTimeout(r, config.wechatRetryBaseMs * 2 ** (attempt - 1)));
  }
  return 'failed';
}

/** The notification box a caller reads: the enterprise's, the officer's, the chief's station desk, the centre's. */
export function recipientOf(caller: Principal): Recipient | null {
  if (caller.role === 'enterprise') return `enterprise:${caller.enterpriseId}`;
  if (caller.role === 'officer') return `officer:${caller.officerId}`;
  if (caller.role === 'chief') return `station:${caller.stationId}`;
  if (caller.role === 'centre') return 'centre';
  return null;
}

function boxOf(caller: Principal): Recipient {
  const box = recipientOf(caller);
  if (!box) throw new Forbidden('完成企业注册或绑定民警账号后可查看消息', 'NO_NOTIFICATION_BOX');
  return box;
}

export async function listNotifications(caller: Principal, page: PageQuery & { unread?: boolean }) {
  const box = boxOf(caller);
  return page.unread ? notificationRepository.listUnread(box, page) : notificationRepository.list(box, page);
}

export async function unreadCount(caller: Principal) {
  const { count, capped } = await notificationRepository.countUnread(boxOf(caller));
  return { count, capped };
}

export async function markRead(caller: Principal, notificationId: string, now: Date) {
  const { id, readAt } = await notificationRepository.markRead(boxOf(caller), notificationId, now);
  return { id, readAt };
}

export async function markAllRead(caller: Principal, now: Date) {
  return { marked: await notificationRepository.markAllRead(boxOf(caller), now) };
}

/** The templates the caller's role is offered, in the order to ask, with the grants they still hold. */
export async function subscribeTemplates(caller: Principal) {
  boxOf(caller);
  const ids = config.wechatTemplates;
  const grants = await subscriptionRepository.grantsOf(caller.userId);
  const items = Object.entries(SUBSCRIBE_TEMPLATES)
    .filter(([event, spec]) => ids[event as NotifyEvent] && spec!.audience.includes(caller.role))
    .map(([event, spec]) => ({ event: event as NotifyEvent, templateId: ids[event as NotifyEvent]!, title: spec!.title, remaining: grants[ids[event as NotifyEvent]!] ?? 0 }));
  return { items };
}

/**
 * Records what wx.requestSubscribeMessage answered: every 'accept' of a template this app uses is one
 * more message the user may receive. Other answers and unknown template ids change nothing.
 */
export async function recordSubscriptions(caller: Principal, body: SubscriptionResults, now: Date) {
  const box = boxOf(caller);
  const known = new Set(Object.values(config.wechatTemplates));
  const accepted = Object.entries(body.results)
    .filter(([id, answer]) => answer === 'accept' && known.has(id))
    .map(([id]) => id);
  const grants = await subscriptionRepository.grantsOf(caller.userId);
  if (accepted.length === 0)
    return {
      items: Object.keys(body.results)
        .filter((id) => known.has(id))
        .map((templateId) => ({ templateId, remaining: grants[templateId] ?? 0 })),
    };
  const user = await userRepository.get(caller.userId);
  if (!user) throw new Forbidden();
  const items = await Promise.all(
    Object.keys(body.results)
      .filter((id) => known.has(id))
      .map(async (templateId) => ({
        templateId,
        remaining: accepted.includes(templateId) ? await subscriptionRepository.addGrants({ userId: user.userId, openid: user.openid, box }, templateId, 1, now) : (grants[templateId] ?? 0),
      })),
  );
  return { items };
}

export async function listDeliveries(caller: Principal, page: PageQuery) {
  boxOf(caller);
  return subscriptionRepository.deliveries(caller.userId, page);
}
