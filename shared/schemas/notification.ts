import { z } from 'zod';
import { LINK_KINDS, NOTIFY_EVENTS } from '../notifications/catalogue';

export const NotificationLink = z.object({ kind: z.enum(LINK_KINDS), id: z.string() });

/** An in-app notification (站内消息) of a box: an enterprise (all its members), an officer, a station's chief desk, the centre. */
export const Notification = z.object({
  id: z.string(),
  event: z.enum(NOTIFY_EVENTS),
  title: z.string(),
  body: z.string(),
  link: NotificationLink.nullable(),
  at: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;
