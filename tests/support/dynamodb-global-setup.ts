import { startDynamoLocal } from '../../dev/dynamodb-local';

/**
 * One DynamoDB Local for the whole integration run; each test file makes its own table. Its address goes
 * under a name of its own too (INTEGRATION_DYNAMODB_ENDPOINT, read by integration-env.ts), since the e2e
 * project's setup, run after this one in the same process, overwrites DYNAMODB_ENDPOINT.
 */
export default async function globalSetup() {
  const local = await startDynamoLocal();
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  process.env.INTEGRATION_DYNAMODB_ENDPOINT = local.endpoint;
  (globalThis as { __DYNAMO_LOCAL__?: typeof local }).__DYNAMO_LOCAL__ = local;
}
