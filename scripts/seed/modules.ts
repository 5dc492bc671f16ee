/**
 * Demo content of the modules beyond the district and its appeals (knowledge base, bulletins, visits …),
 * seeded through the real services after seedDistrict. `npm start` runs all of it; the browser tests run
 * it too (the knowledge base must be there for search). Each module adds one entry.
 */
import { shanghaiDate } from '../../shared/dates';
import { isOfficialWorkday } from '../../shared/appeals/sla';

export interface ModuleSeed {
  /** What the start script prints, e.g. '政策知识库'. */
  label: string;
  /** Seeds the module; returns how many records it wrote (for the start summary). */
  run: (now: Date) => Promise<number>;
}

export const MODULE_SEEDS: ModuleSeed[] = [
  { label: '工作日历', run: (now) => import('./calendar').then((m) => m.seedCalendar(now)) },
  { label: '政策知识库', run: (now) => import('./knowledge').then((m) => m.seedKnowledge(now)) },
  { label: '通知公告', run: (now) => import('./bulletins').then((m) => m.seedBulletins(now)) },
  { label: '走访与整改', run: (now) => import('./fieldwork').then((m) => m.seedFieldwork(now)) },
  // Last: the 每日晨报 summarises what the seeds above left in each station: today's, or on a day off the
  // latest working day's (dated), so the chief's page shows the latest digest rather than none.
  { label: '每日晨报', run: (now) => import('../../functions/services/digest-service').then(async (m) => (await m.runMorningDigest(latestDigestTime(m.previousWorkday, now))).delivered) },
];

/** Now on a working day; on a day off 08:30 Shanghai of the working day before (digests are never written on a day off). */
export function latestDigestTime(previousWorkday: (day: string) => string, now: Date): Date {
  const today = shanghaiDate(now);
  return isOfficialWorkday(today) ? now : new Date(`${previousWorkday(today)}T08:30:00+08:00`);
}

/** Seeds every module in order; returns "label n" parts for the summary line. */
export async function seedDemoModules(now = new Date()): Promise<string[]> {
  const parts: string[] = [];
  for (const seed of MODULE_SEEDS) parts.push(`${seed.label} ${await seed.run(now)}`);
  return parts;
}
