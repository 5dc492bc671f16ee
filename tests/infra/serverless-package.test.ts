/**
 * Infrastructure as code, checked offline: `serverless package` for dev and prod (in parallel, each in its
 * own throw-away service directory, output under the OS temp dir), then the CloudFormation template is
 * held against its sources of truth: infra/table.json for the table, shared/api/routes.ts for the routes,
 * and the least-privilege rules for IAM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { formatSizes, packageStage, ROOT, type CfnResource, type CfnTemplate, type PackageResult } from '../../scripts/package';
import { routeKey, routes, type RouteSpec } from '../../shared/api/routes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const permissions: Record<string, { dynamodb: string[]; secrets: string[]; s3?: string[] }> = require('../../infra/permissions.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appIdFor } = require('../../infra/wechat-appid.js');
const tableDefinition = JSON.parse(fs.readFileSync(path.join(ROOT, 'infra', 'table.json'), 'utf8'));
const allRoutes = Object.values(routes as Record<string, RouteSpec>);

/** What the notifier's stream event source needs (declared for it in infra/permissions.js). */
const STREAM_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

const outBase = fs.mkdtempSync(path.join(os.tmpdir(), 'zqztc-infra-test-'));
const packaged: Record<'dev' | 'prod', PackageResult> = {} as never;

beforeAll(async () => {
  // staging/prod refuse to package without the mini-program's AppID (infra/wechat-appid.js).
  process.env.WECHAT_APPID = 'wx1234567890abcdef';
  const [dev, prod] = await Promise.all((['dev', 'prod'] as const).map((stage) => packageStage({ stage, outDir: path.join(outBase, stage) })));
  packaged.dev = dev;
  packaged.prod = prod;
  console.log(`${formatSizes(dev)}\n${formatSizes(prod)}`);
}, 400_000);

afterAll(() => fs.rmSync(outBase, { recursive: true, force: true }));

const ofType = (template: CfnTemplate, type: string): Array<[string, CfnResource]> => Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

/** Every statement of every IAM role and policy in the template. */
function iamStatements(template: CfnTemplate): Statement[] {
  const statements: Statement[] = [];
  const addDocument = (doc: { Statement?: Statement | Statement[] } | undefined) => {
    if (doc?.Statement) statements.push(...([] as Statement[]).concat(doc.Statement));
  };
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of resource.Properties?.Policies ?? []) addDocument(policy.PolicyDocument);
    } else if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
      addDocument(resource.Properties?.PolicyDocument);
    }
  }
  return statements;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Statements of one role (inline policies). */
function roleStatements(template: CfnTemplate, roleLogicalId: string): Statement[] {
  const role = template.Resources[roleLogicalId];
  expect(role?.Type).toBe('AWS::IAM::Role');
  return (role.Properties!.Policies ?? []).flatMap((p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement);
}

/** serverless.yml key of a compiled function ("zqztc-prod-auth" -> "auth"). */
const keyOf = (fn: CfnResource) => (fn.Properties!.FunctionName as string).replace(/^zqztc-[a-z]+-/, '');

const COMMAND_ACTIONS: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  ScanCommand: 'Scan',
  TransactGetCommand: 'GetItem',
};
const TRANSACT_ACTIONS: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };

/**
 * What a bundle can do, read from the shipped code: the DynamoDB document-client commands it constructs
 * (a TransactWrite is authorised per item, by the kinds of items it holds) and the secrets it names.
 */
function usedPermissions(code: string): { dynamodb: string[]; secrets: string[]; s3: string[] } {
  const actions = new Set<string>();
  for (const [command, action] of Object.entries(COMMAND_ACTIONS)) if (new RegExp(`\\b${command}\\b`).test(code)) actions.add(action);
  if (/\bTransactWriteCommand\b/.test(code)) {
    for (const [kind, action] of Object.entries(TRANSACT_ACTIONS)) if (new RegExp(`[{,]${kind}:`).test(code)) actions.add(action);
  }
  const secrets = ['TOKEN_SECRET', 'WECHAT_SECRET', 'WECHAT_PUSH_TOKEN'].filter((name) => code.includes(name)).sort();
  const s3 = new Set<string>();
  for (const [command, needs] of Object.entries(S3_ACTIONS)) if (new RegExp(`\\b${command}\\b`).test(code)) for (const action of needs) s3.add(action);
  return { dynamodb: [...actions].sort(), secrets, s3: [...s3].sort() };
}

/** S3 calls in a bundle and the object actions they need (a presigned request acts with the signer's rights). */
const S3_ACTIONS: Record<string, string[]> = {
  createPresignedPost: ['PutObject', 'PutObjectTagging'],
  HeadObjectCommand: ['GetObject'],
  GetObjectCommand: ['GetObject'],
  PutObjectTaggingCommand: ['PutObjectTagging'],
  DeleteObjectCommand: ['DeleteObject'],
  DeleteObjectsCommand: ['DeleteObject'],
  ListObjectsV2Command: ['ListBucket'],
};

/** The Lambda function (by its serverless.yml key) behind an HTTP API route. */
function functionOfRoute(template: CfnTemplate, route: CfnResource): string {
  const integrationRef = route.Properties!.Target['Fn::Join'][1][1].Ref as string;
  const integration = template.Resources[integrationRef];
  // Through the `live` alias: { Fn::Join: [':', [{ Fn::GetAtt: [<function>, Arn] }, 'live']] }.
  const uri = integration.Properties!.IntegrationUri;
  const lambdaLogicalId = (uri['Fn::GetAtt'] ?? uri['Fn::Join'][1][0]['Fn::GetAtt'])[0] as string;
  const name = template.Resources[lambdaLogicalId].Properties!.FunctionName as string;
  return name.replace(/^zqztc-[a-z]+-/, '');
}

/** The text of one file inside a zip (stored or deflated), from its central directory. */
function zipText(file: string, name: string): string {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    if (buf.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      return (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} not in ${file}`);
}

/** File names inside a zip, from its central directory (no unzip tool needed). */
function zipEntries(file: string): string[] {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe.each(['dev', 'prod'] as const)('serverless package --stage %s', (stage) => {
  const template = () => packaged[stage].template;

  test('one DynamoDB table whose keys and GSIs are exactly infra/table.json', () => {
    const tables = ofType(template(), 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const [, table] = tables[0];
    const props = table.Properties!;
    expect(props.TableName).toBe(`zqztc-${stage}`);
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.KeySchema).toEqual(tableDefinition.KeySchema);
    expect(props.AttributeDefinitions).toEqual(tableDefinition.AttributeDefinitions);
    expect(props.GlobalSecondaryIndexes).toEqual(tableDefinition.GlobalSecondaryIndexes);
    expect(props.GlobalSecondaryIndexes.length).toBeGreaterThan(0);
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.SSESpecification).toEqual({ SSEEnabled: true });
    expect(props.DeletionProtectionEnabled).toBe(stage === 'prod');
    if (stage === 'prod') {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
    }
  });

  test('evidence bucket: private, encrypted, TLS only, drafts and incomplete uploads expire, CORS only where the H5 build posts', () => {
    // Besides the framework's own deployment bucket.
    const buckets = ofType(template(), 'AWS::S3::Bucket').filter(([id]) => id !== 'ServerlessDeploymentBucket');
    expect(buckets).toHaveLength(1);
    const [bucketId, bucket] = buckets[0]!;
    const props = bucket.Properties!;
    expect(props.BucketName).toBe(`zqztc-${stage}-evidence`);
    expect(props.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toMatch(/^(AES256|aws:kms)$/);
    const rules = props.LifecycleConfiguration.Rules as Record<string, any>[];
    expect(rules.find((r) => r.AbortIncompleteMultipartUpload)).toMatchObject({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } });
    expect(rules.find((r) => r.TagFilters)).toMatchObject({ Status: 'Enabled', ExpirationInDays: 2, TagFilters: [{ Key: 'draft', Value: '1' }] });
    if (stage === 'prod') expect(props.CorsConfiguration).toEqual({ Ref: 'AWS::NoValue' });
    else {
      const cors = props.CorsConfiguration.CorsRules as { AllowedOrigins: string[]; AllowedMethods: string[] }[];
      expect(cors[0]!.AllowedOrigins.every((o) => o.startsWith('http://localhost') || o.startsWith('http://127.0.0.1'))).toBe(true);
      expect(cors[0]!.AllowedMethods.sort()).toEqual(['GET', 'HEAD', 'POST']);
    }
    const policy = ofType(template(), 'AWS::S3::BucketPolicy').find(([, p]) => p.Properties!.Bucket.Ref === bucketId)?.[1];
    expect(policy).toBeDefined();
    expect(policy!.Properties!.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    // Only the functions that use the bucket may touch it, and only its evidence/ objects.
    for (const [, fn] of ofType(template(), 'AWS::Lambda::Function')) {
      const s3 = roleStatements(template(), fn.Properties!.Role['Fn::GetAtt'][0]).filter((st) => asArray(st.Action).some((a) => a.startsWith('s3:')));
      // Object actions in one statement for a function that declares S3 actions besides listing, none otherwise.
      const objects = s3.filter((st) => !asArray(st.Action).includes('s3:ListBucket'));
      const listing = s3.filter((st) => asArray(st.Action).includes('s3:ListBucket'));
      const declared = permissions[keyOf(fn)]?.s3 ?? [];
      expect([keyOf(fn), objects.length, listing.length]).toEqual([keyOf(fn), declared.some((a) => a !== 'ListBucket') ? 1 : 0, declared.includes('ListBucket') ? 1 : 0]);
      expect(listing.length ? keyOf(fn) : 'auth').toBe('auth');
      for (const st of objects) expect(st.Resource).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/evidence/*']] }]);
      // Listing only the evidence/ prefix (注销 lists the member's own keys under it).
      for (const st of listing) expect(st).toMatchObject({ Action: ['s3:ListBucket'], Resource: [{ 'Fn::GetAtt': [bucketId, 'Arn'] }], Condition: { StringLike: { 's3:prefix': ['evidence/*'] } } });
    }
  });

  test('the notifier reads only new outbox items from the table stream, reports item failures, and parks what it gives up on', () => {
    const [[tableId, table]] = ofType(template(), 'AWS::DynamoDB::Table');
    // CloudFormation's StreamSpecification has no StreamEnabled (cfn-lint E3002): only the view type.
    expect(table.Properties!.StreamSpecification).toEqual({ StreamViewType: tableDefinition.StreamSpecification.StreamViewType });
    const mappings = ofType(template(), 'AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties!);
    expect(mappings).toHaveLength(1);
    const queueId = 'NotifierFailures';
    expect(template().Resources[queueId]?.Type).toBe('AWS::SQS::Queue');
    expect(mappings[0]).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      // The stream invokes the `live` alias, like every other event source (one-command rollback).
      FunctionName: { 'Fn::Join': [':', [{ 'Fn::GetAtt': ['NotifierLambdaFunction', 'Arn'] }, 'live']] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(mappings[0].MaximumRetryAttempts).toBeGreaterThan(0);
    expect(JSON.parse(mappings[0].FilterCriteria.Filters[0].Pattern)).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } });
  });

  test('HTTP API routes are exactly the registry routes of this stage, each on its group function', () => {
    const expected = allRoutes.filter((spec) => stage === 'dev' || !spec.devOnly);
    const deployed = ofType(template(), 'AWS::ApiGatewayV2::Route').map(([, route]) => route);
    const keys = deployed.map((route) => route.Properties!.RouteKey as string);
    expect([...keys].sort()).toEqual(expected.map(routeKey).sort());

    const groupOf = new Map(expected.map((spec) => [routeKey(spec), spec.group]));
    for (const route of deployed) {
      expect([route.Properties!.RouteKey, functionOfRoute(template(), route)]).toEqual([route.Properties!.RouteKey, groupOf.get(route.Properties!.RouteKey)]);
    }

    const devOnly = allRoutes.filter((spec) => spec.devOnly).map(routeKey);
    expect(devOnly.length).toBeGreaterThan(0);
    for (const key of devOnly) expect(keys.includes(key)).toBe(stage === 'dev');
  });

  test('IAM is least privilege: one role per function, no wildcard, DynamoDB on the table and its indexes only', () => {
    const statements = iamStatements(template());
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      for (const resource of asArray(statement.Resource)) expect(resource).not.toBe('*');
      for (const action of asArray(statement.Action)) {
        expect(action).not.toBe('*');
        expect(action).not.toMatch(/^dynamodb:\*|:\*$/);
        expect(action.toLowerCase()).not.toBe('dynamodb:scan');
      }
    }
    expect(template().Resources).not.toHaveProperty('IamRoleLambdaExecution');

    const stream = statements.filter((s) => asArray(s.Action).some((a) => STREAM_ACTIONS.includes(a)));
    expect(stream).toHaveLength(1);
    expect([...asArray(stream[0].Action)].sort()).toEqual(STREAM_ACTIONS);
    expect(stream[0].Resource).toEqual([{ 'Fn::GetAtt': [ofType(template(), 'AWS::DynamoDB::Table')[0][0], 'StreamArn'] }]);
    expect(roleStatements(template(), 'NotifierIamRole').some((s) => s === stream[0] || JSON.stringify(s) === JSON.stringify(stream[0]))).toBe(true);
    const [tableLogicalId] = ofType(template(), 'AWS::DynamoDB::Table')[0];
    const tableArn = { 'Fn::GetAtt': [tableLogicalId, 'Arn'] };
    const indexNames: string[] = tableDefinition.GlobalSecondaryIndexes.map((gsi: { IndexName: string }) => gsi.IndexName);
    const roles = new Set<string>();
    for (const [, fn] of ofType(template(), 'AWS::Lambda::Function')) {
      const key = keyOf(fn);
      const role = fn.Properties!.Role['Fn::GetAtt'][0] as string;
      expect(roles.has(role)).toBe(false);
      roles.add(role);
      const own = roleStatements(template(), role);
      const declared = permissions[key];
      expect(declared).toBeDefined();
      const dynamo = own.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:') && !STREAM_ACTIONS.includes(a)));
      expect([key, dynamo.flatMap((s) => asArray(s.Action)).sort()]).toEqual([key, declared.dynamodb.map((a) => `dynamodb:${a}`).sort()]);
      for (const statement of dynamo) {
        expect(statement.Resource).toEqual([tableArn, ...indexNames.map((name) => ({ 'Fn::Join': ['/', [tableArn, 'index', name]] }))]);
      }
      // Logs only into its own log group; every ARN through ${AWS::Partition} (aws-cn).
      const logs = own.filter((s) => asArray(s.Action).some((a) => a.startsWith('logs:')));
      expect(logs).toHaveLength(1);
      expect(JSON.stringify(logs[0].Resource)).toContain(`log-group:/aws/lambda/${fn.Properties!.FunctionName}:*`);
    }
    expect(JSON.stringify(template())).not.toMatch(/arn:aws:/);
  });

  test("each function's role grants exactly what its shipped bundle uses (infra/permissions.js is checked against the code)", () => {
    // All functions in one comparison, so a failure shows every function that drifted.
    const used = Object.fromEntries(packaged[stage].functions.map((fn) => [fn.name, usedPermissions(zipText(fn.zip, `functions/handlers/${fn.name}.js`))]));
    const declared = Object.fromEntries(
      packaged[stage].functions.map((fn) => [fn.name, { dynamodb: [...permissions[fn.name].dynamodb].sort(), secrets: [...permissions[fn.name].secrets].sort(), s3: [...(permissions[fn.name].s3 ?? [])].sort() }]),
    );
    expect(used).toEqual(declared);
  });

  test('each function has its own zip holding only its bundle (AWS SDK left to the runtime)', () => {
    const { functions } = packaged[stage];
    const lambdas = ofType(template(), 'AWS::Lambda::Function');
    expect(functions.map((f) => f.lambdaName).sort()).toEqual(lambdas.map(([, fn]) => fn.Properties!.FunctionName).sort());
    for (const group of new Set(allRoutes.map((spec) => spec.group))) {
      expect(functions.map((f) => f.name)).toContain(group);
    }
    for (const fn of functions) {
      expect(fs.existsSync(fn.zip)).toBe(true);
      expect(fn.bytes).toBeGreaterThan(0);
      expect(fn.bytes).toBeLessThan(3 * 1024 * 1024);
      const entries = zipEntries(fn.zip);
      expect(entries).toContain(`functions/handlers/${fn.name}.js`);
      expect(entries.filter((e) => !e.startsWith(`functions/handlers/${fn.name}.js`))).toEqual([]);
    }
  });
  test('deployable runtime, TTL on the table, versions with a `live` alias that the API and the schedules call', () => {
    const [, table] = ofType(template(), 'AWS::DynamoDB::Table')[0];
    expect(table.Properties!.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
    const aliases = ofType(template(), 'AWS::Lambda::Alias');
    const lambdas = ofType(template(), 'AWS::Lambda::Function');
    expect(aliases).toHaveLength(lambdas.length);
    for (const [, alias] of aliases) {
      expect(alias.Properties!.Name).toBe('live');
      expect(template().Resources[alias.Properties!.FunctionVersion['Fn::GetAtt'][0]].Type).toBe('AWS::Lambda::Version');
    }
    for (const [, integration] of ofType(template(), 'AWS::ApiGatewayV2::Integration')) {
      expect(integration.Properties!.IntegrationUri['Fn::Join']).toEqual([':', [expect.anything(), 'live']]);
    }
  });

  test('scheduler and digest: retries, then an SQS dead-letter destination their own role may write to', () => {
    const configs = ofType(template(), 'AWS::Lambda::EventInvokeConfig').map(([, c]) => c);
    expect(configs).toHaveLength(2);
    for (const config of configs) {
      expect(config.Properties!.MaximumRetryAttempts).toBe(2);
      expect(config.Properties!.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': ['ScheduleDeadLetterQueue', 'Arn'] });
    }
    for (const [, fn] of ofType(template(), 'AWS::Lambda::Function')) {
      const sqs = roleStatements(template(), fn.Properties!.Role['Fn::GetAtt'][0]).filter((st) => asArray(st.Action).some((a) => a.startsWith('sqs:')));
      expect([keyOf(fn), sqs.length]).toEqual([keyOf(fn), ['scheduler', 'digest', 'notifier'].includes(keyOf(fn)) ? 1 : 0]);
    }
    expect(template().Resources.ScheduleDeadLetterQueue.Type).toBe('AWS::SQS::Queue');
  });

  test('alarms: errors and throttles per function, API 5xx rate, DynamoDB, missed and dead-lettered schedules, overdue appeals', () => {
    const alarms = Object.fromEntries(ofType(template(), 'AWS::CloudWatch::Alarm'));
    const names = Object.keys(alarms);
    for (const [, fn] of ofType(template(), 'AWS::Lambda::Function')) {
      const normal = keyOf(fn).charAt(0).toUpperCase() + keyOf(fn).slice(1);
      expect(names).toEqual(expect.arrayContaining([`${normal}ErrorsAlarm`, `${normal}ThrottlesAlarm`]));
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'ApiServerErrorRateAlarm',
        'TableThrottlesAlarm',
        'TableSystemErrorsAlarm',
        'SchedulerMissedRunAlarm',
        'DigestMissedRunAlarm',
        'ScheduleDeadLetterAlarm',
        'OverdueAppealsAlarm',
        'NotifierFailuresAlarm',
        'CalendarNoticeMissingAlarm',
      ]),
    );
    expect(template().Resources.AlarmTopic.Type).toBe('AWS::SNS::Topic');
    for (const alarm of Object.values(alarms)) expect(alarm.Properties!.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(alarms.SchedulerMissedRunAlarm.Properties!.TreatMissingData).toBe('breaching');
  });

  test("each API function bundles only its own group's routes, not the whole registry (meta: all, for /openapi.json)", () => {
    for (const fn of packaged[stage].functions) {
      const own = allRoutes.filter((spec) => spec.group === fn.name);
      if (own.length === 0 || fn.name === 'meta') continue;
      const code = zipText(fn.zip, `functions/handlers/${fn.name}.js`);
      const ownPaths = new Set(own.map((spec) => spec.path));
      for (const p of ownPaths) expect([fn.name, p, code.includes(JSON.stringify(p))]).toEqual([fn.name, p, true]);
      const foreign = allRoutes.filter((spec) => !ownPaths.has(spec.path) && code.includes(JSON.stringify(spec.path))).map(routeKey);
      expect([fn.name, foreign]).toEqual([fn.name, []]);
    }
  });

  // 160 KB: enterprises carries consent, corrections and WeChat's text check since integrity and evidence merged (150.5 KB),
  // and the S3 presigner for the file's visit photos and appeal file counts since then (155.3 KB on 2026-12-06).
  test('API zips stay lean: no source map inside, each ≤ 160 KB (reports carries exceljs + docx)', () => {
    for (const fn of packaged[stage].functions) {
      expect(zipEntries(fn.zip).some((e) => e.endsWith('.map'))).toBe(false);
      if (fn.name !== 'reports') expect([fn.name, fn.bytes <= 160 * 1024]).toEqual([fn.name, true]);
    }
    expect(fs.existsSync(path.join(packaged[stage].outDir, 'sourcemaps', 'meta.js.map'))).toBe(true);
  });
});

describe('WECHAT_APPID for a stage (infra/wechat-appid.js)', () => {
  test('staging and prod refuse to package without it, with a message that says what to do', () => {
    for (const stage of ['staging', 'prod']) {
      expect(() => appIdFor(stage, {})).toThrow(/WECHAT_APPID is not set.*WECHAT_APPID=wx/);
      expect(() => appIdFor(stage, { WECHAT_APPID: 'wx-appid-not-set' })).toThrow(/not a mini-program AppID/);
      expect(appIdFor(stage, { WECHAT_APPID: 'wx1234567890abcdef' })).toBe('wx1234567890abcdef');
    }
    expect(appIdFor('dev', {})).toBe('wx-appid-not-set');
  });
});
