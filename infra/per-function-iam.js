'use strict';
/**
 * Local serverless plugin (plugins: - ./infra/per-function-iam):
 *
 * 1. One IAM role per function, generated from infra/permissions.js: its own log group, the DynamoDB item
 *    actions it declares on the table and its indexes, the SSM parameters it reads, X-Ray writes (AWS managed
 *    policy, partition-aware) and, for functions with an on-failure destination, sqs:SendMessage on that queue.
 *    No function shares a role; the framework's IamRoleLambdaExecution is never created.
 * 2. CloudWatch alarms for every function and the shared resources (infra/alarms.js).
 * 3. A `live` alias per function on the version this deploy publishes; API routes, schedules and async
 *    invoke configs target the alias, so `aws lambda update-alias --name live --function-version <n>` rolls a
 *    function back in one command (README → Deploy → Roll back).
 *
 * Every ARN is built with ${AWS::Partition}, so the same template deploys to aws and aws-cn (China).
 * Only packaging/deploying runs these hooks; `serverless offline` is untouched.
 */
const permissions = require('./permissions');
const { dynamoResources } = require('./table');
const { alarmsFor } = require('./alarms');

const SECRET_PARAMS = { WECHAT_SECRET: 'wechatSecret', TOKEN_SECRET: 'tokenSecret', WECHAT_PUSH_TOKEN: 'wechatPushToken' };
const ALIAS = 'live';

const sub = (value) => ({ 'Fn::Sub': value });

class PerFunctionIam {
  constructor(serverless) {
    this.serverless = serverless;
    this.provider = serverless.getProvider('aws');
    this.hooks = {
      'before:package:setupProviderConfiguration': () => this.addRoles(),
      'before:package:compileFunctions': () => this.setAliases(),
      'after:package:compileFunctions': () => this.addAliases(),
    };
  }

  roleLogicalId(name) {
    return `${this.provider.naming.getNormalizedFunctionName(name)}IamRole`;
  }

  addRoles() {
    const service = this.serverless.service;
    const params = service.custom.params;
    service.resources ??= {};
    const resources = service.resources;
    resources.Resources ??= {};
    for (const name of service.getAllFunctions()) {
      const fn = service.getFunction(name);
      const declared = permissions[name];
      if (!declared) {
        throw new Error(`infra/permissions.js has no entry for function "${name}": declare what it may do (dynamodb actions, secrets).`);
      }
      const statements = [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: [sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${fn.name}:*`)],
        },
      ];
      if (declared.dynamodb.length) {
        statements.push({ Effect: 'Allow', Action: [...declared.dynamodb].sort().map((a) => `dynamodb:${a}`), Resource: dynamoResources() });
      }
      if (declared.secrets.length) {
        statements.push({
          Effect: 'Allow',
          Action: ['ssm:GetParameter'],
          Resource: declared.secrets.map((s) => sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${params[SECRET_PARAMS[s]]}`)),
        });
      }
      const objectActions = (declared.s3 ?? []).filter((a) => a !== 'ListBucket');
      if (objectActions.length) {
        // Objects of the evidence bucket only (presigned POSTs and GETs act with this role's rights).
        statements.push({ Effect: 'Allow', Action: [...objectActions].sort().map((a) => `s3:${a}`), Resource: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['EvidenceBucket', 'Arn'] }, '/evidence/*']] }] });
      }
      if (declared.s3?.includes('ListBucket')) {
        // Listing is a bucket action: allowed on the bucket, for keys under evidence/ only (注销 lists a user's prefix).
        statements.push({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [{ 'Fn::GetAtt': ['EvidenceBucket', 'Arn'] }], Condition: { StringLike: { 's3:prefix': ['evidence/*'] } } });
      }
      const onFailure = fn.destinations?.onFailure;
      if (onFailure && typeof onFailure === 'object' && onFailure.type === 'sqs') {
        statements.push({ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [onFailure.arn] });
      }
      statements.push(...(declared.statements ?? []));
      resources.Resources[this.roleLogicalId(name)] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
          },
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub string, not a JS template
          ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess')],
          Policies: [{ PolicyName: `${fn.name}-policy`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
          Tags: [{ Key: 'function', Value: name }],
        },
      };
      fn.role = this.roleLogicalId(name);
    }
    Object.assign(
      resources.Resources,
      alarmsFor({
        functions: service.getAllFunctions().map((key) => ({ key, name: service.getFunction(key).name })),
        stage: this.provider.getStage(),
        thresholds: service.custom.stage.alarms,
        normalize: (key) => this.provider.naming.getNormalizedFunctionName(key),
      }),
    );
  }

  setAliases() {
    const service = this.serverless.service;
    for (const name of service.getAllFunctions()) {
      const fn = service.getFunction(name);
      fn.targetAlias = { name: ALIAS, logicalId: `${this.provider.naming.getNormalizedFunctionName(name)}LiveAlias` };
    }
  }

  addAliases() {
    const service = this.serverless.service;
    const resources = service.provider.compiledCloudFormationTemplate.Resources;
    for (const name of service.getAllFunctions()) {
      const fn = service.getFunction(name);
      const functionLogicalId = this.provider.naming.getLambdaLogicalId(name);
      const version = Object.entries(resources).find(([, r]) => r.Type === 'AWS::Lambda::Version' && r.Properties && r.Properties.FunctionName && r.Properties.FunctionName.Ref === functionLogicalId);
      if (!version) throw new Error(`No AWS::Lambda::Version for ${name}: keep provider.versionFunctions true (the live alias needs it).`);
      resources[fn.targetAlias.logicalId] = {
        Type: 'AWS::Lambda::Alias',
        Properties: { FunctionName: { Ref: functionLogicalId }, FunctionVersion: { 'Fn::GetAtt': [version[0], 'Version'] }, Name: ALIAS },
        DependsOn: functionLogicalId,
      };
    }
  }
}

module.exports = PerFunctionIam;
