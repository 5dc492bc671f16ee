/**
 * Infrastructure as code, checked offline: `serverless package` for dev and prod (in parallel, each in its
 * own throw-away service directory, output under the OS temp dir), then the CloudFormation template is
 * held against its sources of truth: infra/table.json for the table, shared/api/routes.ts for the routes,
 * and the least-privilege rules for IAM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatSizes, packageStage, ROOT, type CfnResource, type CfnTemplate, type PackageResult } from '../../scripts/package';
import { routeKey, routes, type RouteSpec } from '../../shared/api/routes';

const tableDefinition = JSON.parse(fs.readFileSync(path.join(ROOT, 'infra', 'table.json'), 'utf8'));
const allRoutes = Object.values(routes as Record<string, RouteSpec>);

const DYNAMO_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

const outBase = fs.mkdtempSync(path.join(os.tmpdir(), 'zqztc-infra-test-'));
const packaged: Record<'dev' | 'prod', PackageResult> = {} as never;

beforeAll(async () => {
  const [dev, prod] = await Promise.all(
    (['dev', 'prod'] as const).map((stage) => packageStage({ stage, outDir: path.join(outBase, stage) })),
  );
  packaged.dev = dev;
  packaged.prod = prod;
  console.log(`${formatSizes(dev)}\n${formatSizes(prod)}`);
}, 120_000);

afterAll(() => fs.rmSync(outBase, { recursive: true, force: true }));

const ofType = (template: CfnTemplate, type: string): Array<[string, CfnResource]> =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

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

/** The Lambda function (by its serverless.yml key) behind an HTTP API route. */
function functionOfRoute(template: CfnTemplate, route: CfnResource): string {
  const integrationRef = route.Properties!.Target['Fn::Join'][1][1].Ref as string;
  const integration = template.Resources[integrationRef];
  const lambdaLogicalId = integration.Properties!.IntegrationUri['Fn::GetAtt'][0] as string;
  const name = template.Resources[lambdaLogicalId].Properties!.FunctionName as string;
  return name.replace(/^zqztc-[a-z]+-/, '');
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

  test('HTTP API routes are exactly the registry routes of this stage, each on its group function', () => {
    const expected = allRoutes.filter((spec) => stage === 'dev' || !spec.devOnly);
    const deployed = ofType(template(), 'AWS::ApiGatewayV2::Route').map(([, route]) => route);
    const keys = deployed.map((route) => route.Properties!.RouteKey as string);
    expect([...keys].sort()).toEqual(expected.map(routeKey).sort());

    const groupOf = new Map(expected.map((spec) => [routeKey(spec), spec.group]));
    for (const route of deployed) {
      expect([route.Properties!.RouteKey, functionOfRoute(template(), route)]).toEqual([
        route.Properties!.RouteKey,
        groupOf.get(route.Properties!.RouteKey),
      ]);
    }

    const devOnly = allRoutes.filter((spec) => spec.devOnly).map(routeKey);
    expect(devOnly.length).toBeGreaterThan(0);
    for (const key of devOnly) expect(keys.includes(key)).toBe(stage === 'dev');
  });

  test('IAM is least privilege: no wildcard resource or action, DynamoDB on the table and its indexes only', () => {
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

    const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect([...asArray(dynamo[0].Action)].sort()).toEqual(DYNAMO_ACTIONS);
    const [tableLogicalId] = ofType(template(), 'AWS::DynamoDB::Table')[0];
    const tableArn = { 'Fn::GetAtt': [tableLogicalId, 'Arn'] };
    const indexNames: string[] = tableDefinition.GlobalSecondaryIndexes.map((gsi: { IndexName: string }) => gsi.IndexName);
    expect(dynamo[0].Resource).toEqual([tableArn, ...indexNames.map((name) => ({ 'Fn::Join': ['/', [tableArn, 'index', name]] }))]);
  });

  test('SSM: GetParameter on exactly the two secret parameters the functions are told about; no secret values', () => {
    const statements = iamStatements(template());
    const ssm = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('ssm:')));
    expect(ssm).toHaveLength(1);
    expect(asArray(ssm[0].Action)).toEqual(['ssm:GetParameter']);
    const arns = asArray(ssm[0].Resource).map((r) => (r as { 'Fn::Sub': string })['Fn::Sub']);
    expect(arns).toEqual([
      `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/zqztc/${stage}/wechat-secret`,
      `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/zqztc/${stage}/token-secret`,
    ]);
    // kms:Decrypt is not needed for the AWS-managed aws/ssm key; if ever added it must be scoped to SSM.
    for (const statement of statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('kms:')))) {
      expect(JSON.stringify(statement.Condition ?? {})).toContain('kms:ViaService');
    }

    const lambdas = ofType(template(), 'AWS::Lambda::Function');
    expect(lambdas.length).toBeGreaterThan(0);
    for (const [, fn] of lambdas) {
      const env = fn.Properties!.Environment.Variables as Record<string, string>;
      expect(env).toMatchObject({
        STAGE: stage,
        TABLE_NAME: `zqztc-${stage}`,
        WECHAT_API_BASE: 'https://api.weixin.qq.com',
        WECHAT_SECRET_PARAM: `/zqztc/${stage}/wechat-secret`,
        TOKEN_SECRET_PARAM: `/zqztc/${stage}/token-secret`,
      });
      expect(env).not.toHaveProperty('WECHAT_SECRET');
      expect(env).not.toHaveProperty('TOKEN_SECRET');
      expect(env).not.toHaveProperty('DYNAMODB_ENDPOINT');
      expect(fn.Properties!.Runtime).toBe('nodejs20.x');
      expect(fn.Properties!.Architectures).toEqual(['arm64']);
    }
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
});
