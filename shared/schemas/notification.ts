import { z } from 'zod';

/** An in-app notification (站内消息). */
export const Notification = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  appealId: z.string().nullable(),
  at: z.string(),
});
export type Notification = z.infer<typeof Notification>;
