import { deliverOutboxItem, notify, type NotifyOutcome } from '../../functions/services/notification-service';

export { drainOutbox } from '../../dev/outbox-stream';

/**
 * notify (the outbox item), then deliver that item at once as the notifier would, answering what the
 * delivery did: for tests of delivery itself (grants, retries, the delivery log). The stream later
 * finds the item gone and does nothing.
 */
export async function notifyAndDeliver(...args: Parameters<typeof notify>): Promise<NotifyOutcome> {
  const id = await notify(...args);
  if (!id) throw new Error('no outbox item was written');
  const { outcome } = await deliverOutboxItem(id);
  return outcome ?? { inApp: 0, sent: 0, refused: 0, failed: 0, skipped: 0, retry: false };
}
