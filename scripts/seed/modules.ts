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

export const MODULE_SEEDS: ModuleSeed[] = [];

/** Seeds every module in order; returns "label n" parts for the summary line. */
export async function seedDemoModules(now = new Date()): Promise<string[]> {
  const parts: string[] = [];
  for (const seed of MODULE_SEEDS) parts.push(`${seed.label} ${await seed.run(now)}`);
  return parts;
}
