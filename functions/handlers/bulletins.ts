import { bulletinRoutes } from '../../shared/api/routes/bulletins';
import { httpHandler } from '../lib/http';
import { createBulletin, feedUnreadCounts, getBulletin, listBulletinReceipts, listFeed, listManagedBulletins, readBulletin, remindBulletinUnread, withdrawBulletin } from '../services/bulletin-service';

export const handler = httpHandler(bulletinRoutes, {
  createBulletin: ({ caller, body, now }) => createBulletin(caller, body, now),
  listManagedBulletins: ({ caller, query }) => listManagedBulletins(caller, query),
  getBulletin: ({ caller, params }) => getBulletin(caller, params.bulletinId),
  withdrawBulletin: ({ caller, params, body, now }) => withdrawBulletin(caller, params.bulletinId, body, now),
  listBulletinReceipts: ({ caller, params, query }) => listBulletinReceipts(caller, params.bulletinId, query),
  remindBulletinUnread: ({ caller, params, now }) => remindBulletinUnread(caller, params.bulletinId, now),
  readBulletin: ({ caller, params, now }) => readBulletin(caller, params.bulletinId, now),
  listFeed: ({ caller, query }) => listFeed(caller, query),
  feedUnreadCounts: ({ caller }) => feedUnreadCounts(caller),
});
