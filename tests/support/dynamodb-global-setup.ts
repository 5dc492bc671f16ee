import { startDynamoLocal } from '../../dev/dynamodb-local';
import { LOCAL_S3_ACCESS_KEY, LOCAL_S3_SECRET, startS3Local } from '../../dev/s3-local';

/**
 * One DynamoDB Local for the whole integration run (each test file makes its own table), and one local S3
 * (dev/s3-local.ts: s3rver behind the policy- and signature-checking front) with the evidence bucket.
 * Their addresses also go, as one JSON, under INTEGRATION_ENV (applied by integration-env.ts), since the e2e
 * project's setup, run after this one in the same process, overwrites DYNAMODB_ENDPOINT, S3_ENDPOINT and the rest.
 */
export default async function globalSetup() {
  const [local, s3] = await Promise.all([startDynamoLocal(), startS3Local({ bucket: 'zqztc-test-evidence' })]);
  const env = { DYNAMODB_ENDPOINT: local.endpoint, S3_ENDPOINT: s3.endpoint, ATTACHMENTS_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: LOCAL_S3_ACCESS_KEY, S3_SECRET_ACCESS_KEY: LOCAL_S3_SECRET };
  Object.assign(process.env, env, { INTEGRATION_ENV: JSON.stringify(env) });
  Object.assign(globalThis as object, { __DYNAMO_LOCAL__: local, __S3_LOCAL__: s3 });
}
