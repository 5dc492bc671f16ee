/**
 * One notification service for every module. A module says who should hear what (`notify`); this service
 * writes the in-app notification of each recipient and, where a recipient's user granted a one-time
 * subscription for the event's template, sends the WeChat subscribe message.
 */
import type { PageQuery } from '../../shared/schemas/common';
import { Forbidden } from '../../shared/errors';
import type { Principal } from '../../shared/domain/principal';
import { notificationRepository, type Recipient } from '../repositories/notification-repository';

export type { Recipient };

/** What happened. Each event maps to one subscribe-message template (config), if any. */
export type NotifyEvent =
  | 'appeal_assigned'
  | 'appeal_replied'
  | 'appeal_resolved'
  | 'appeal_overdue'
  | 'appeal_update'
  | 'booking_reminder'
  | 'booking_update'
  | 'risk_warning'
  | 'bulletin'
  | 'bulletin_reminder'
  | 'knowledge'
  | 'morning_digest'
  | 'rectification'
  | 'visit';

/** The record a notification opens. */
export type NotifyLink = { kind: 'appeal' | 'booking' | 'bulletin' | 'knowledge' | 'rectification' | 'digest' | 'visit' | 'enterprise'; id: string };

export interface NotifyMessage {
  event: NotifyEvent;
  title: string;
  body: string;
  link?: NotifyLink | null;
}

export async function notify(recipients: Recipient[], message: NotifyMessage, now: Date): Promise<void> {
  if (recipients.length === 0) return;
  await notificationRepository.add(recipients, { title: message.title, body: message.body, appealId: message.link?.kind === 'appeal' ? message.link.id : null }, now);
}

/** The notification box a caller reads: the enterprise's, the officer's, the chief's station desk, the centre's. */
export function recipientOf(caller: Principal): Recipient | null {
  if (caller.role === 'enterprise') return `enterprise:${caller.enterpriseId}`;
  if (caller.role === 'officer') return `officer:${caller.officerId}`;
  if (caller.role === 'chief') return `station:${caller.stationId}`;
  if (caller.role === 'centre') return 'centre';
  return null;
}

export async function listNotifications(caller: Principal, page: PageQuery) {
  const recipient = recipientOf(caller);
  if (!recipient) throw new Forbidden();
  return notificationRepository.list(recipient, page);
}
