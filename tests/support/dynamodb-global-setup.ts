import { startDynamoLocal } from '../../dev/dynamodb-local';

/** One DynamoDB Local for the whole integration run; each test file makes its own table. */
export default async function globalSetup() {
  const local = await startDynamoLocal();
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  (globalThis as { __DYNAMO_LOCAL__?: typeof local }).__DYNAMO_LOCAL__ = local;
}
