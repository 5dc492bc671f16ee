/**
 * Demo content of the modules beyond the district and its appeals (knowledge base, bulletins, visits …),
 * seeded through the real services after seedDistrict. `npm start` runs all of it; the browser tests run
 * it too (the knowledge base must be there for search). Each module adds one entry.
 */
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
  // Last: today's 每日晨报 summarises what the seeds above left in each station (none on a day off).
  { label: '每日晨报', run: (now) => import('../../functions/services/digest-service').then(async (m) => (await m.runMorningDigest(now)).delivered) },
];

/** Seeds every module in order; returns "label n" parts for the summary line. */
export async function seedDemoModules(now = new Date()): Promise<string[]> {
  const parts: string[] = [];
  for (const seed of MODULE_SEEDS) parts.push(`${seed.label} ${await seed.run(now)}`);
  return parts;
}
