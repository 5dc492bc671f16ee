import { createAppTable } from '../../dev/dynamodb-local';

let counter = 0;

/** A fresh table for one test file, named after the file's worker and a counter, and made current. */
export async function createTestTable(prefix = 't'): Promise<string> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run this test in the integration project');
  const name = `${prefix}-${process.env.JEST_WORKER_ID ?? '0'}-${Date.now().toString(36)}-${counter++}`;
  await createAppTable(endpoint, name, { fresh: true });
  process.env.TABLE_NAME = name;
  return name;
}
