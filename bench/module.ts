/**
 * What a benchmark module gets and gives. bench/run.ts starts DynamoDB Local, seeds the district once and
 * runs the selected modules in turn on the same table; each returns its own section of the results.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { District } from '../scripts/seed/generate';
import type { CapacityMeter } from './dynamo';

export type BenchContext = {
  endpoint: string;
  tableName: string;
  /** the seeded district (13 stations, 92 officers, 1,900 enterprises) */
  district: District;
  /** the moment the data is "as of" and the app is asked about (a Wednesday afternoon in Shanghai) */
  now: Date;
  /** a plain low-level client with no middleware, for the raw side of a comparison */
  raw: DynamoDBClient;
  /** capacity consumed through the app's own client (functions/lib/dynamo db()) since the last take() */
  appCapacity: CapacityMeter;
  /** smaller sizes and fewer samples, for trying the bench itself out */
  quick: boolean;
  log: (line: string) => void;
};

export type ModuleResult = {
  data: unknown;
  /** Markdown for bench/results/latest.md */
  markdown: string;
  /** the compact tables printed to stdout at the end */
  text: string;
};

export type BenchModule = {
  id: string;
  title: string;
  /** position in latest.md */
  order: number;
  run: (ctx: BenchContext) => Promise<ModuleResult>;
};
