import type { Notification } from '../../../../shared/schemas/notification';
import type { PageName } from '../../services/navigation';

type LinkKind = NonNullable<Notification['link']>['kind'];

/** The page a notification opens, its query parameter, and the words on the item. */
export const LINK_TARGETS: Record<LinkKind, { page: PageName; param: string; label: string }> = {
  appeal: { page: 'appealDetail', param: 'id', label: '查看诉求' },
  booking: { page: 'bookingDetail', param: 'id', label: '查看预约' },
  bulletin: { page: 'bulletinDetail', param: 'id', label: '查看通知' },
  knowledge: { page: 'knowledgeEntry', param: 'id', label: '查看政策' },
  rectification: { page: 'rectification', param: 'id', label: '查看整改' },
  digest: { page: 'digest', param: 'id', label: '查看简报' },
  visit: { page: 'visit', param: 'id', label: '查看走访' },
  enterprise: { page: 'enterpriseFile', param: 'enterpriseId', label: '查看企业档案' },
};

export function linkTarget(link: Notification['link']) {
  if (!link) return null;
  const target = LINK_TARGETS[link.kind];
  return target ? { page: target.page, query: { [target.param]: link.id }, label: target.label } : null;
}
