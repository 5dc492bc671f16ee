/** The four kinds of bulletin (通知公告) a police publisher can send to enterprises. */
export const BULLETIN_KINDS = ['risk', 'support', 'legal', 'policy'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

export const BULLETIN_KIND_LABELS: Record<BulletinKind, string> = {
  risk: '风险预警',
  support: '助企动态',
  legal: '法治宣教',
  policy: '政策解读',
};

/** Only risk warnings ask the enterprise to confirm 已阅知; the publisher sees who has and has not. */
export const needsAcknowledgement = (kind: BulletinKind) => kind === 'risk';

export const BULLETIN_STATUSES = ['scheduled', 'published', 'withdrawn'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];
export const BULLETIN_STATUS_LABELS: Record<BulletinStatus, string> = { scheduled: '定时', published: '已发布', withdrawn: '已撤回' };

/** Unread counts stop at this many (the badge shows 99+): the count is a bounded read, whatever the backlog. */
export const UNREAD_CAP = 100;
/** 「提醒未阅企业」 at most once per this many hours per bulletin. */
export const REMIND_INTERVAL_HOURS = 24;
/** How far ahead a publication can be scheduled. */
export const MAX_SCHEDULE_DAYS = 30;
