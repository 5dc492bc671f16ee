'use strict';
/**
 * What each Lambda function may do: the one declaration its IAM role is generated from
 * (infra/per-function-iam.js makes one role per function out of it; there is no shared role).
 *
 *   dynamodb  item actions on the table and its indexes (TransactWriteItems is authorised per item by
 *             PutItem/UpdateItem/DeleteItem/ConditionCheckItem; there is never Scan or dynamodb:*)
 *   secrets   SSM SecureString parameters it reads: WECHAT_SECRET (jscode2session and the access token for
 *             subscribe messages) and TOKEN_SECRET (signing / verifying session tokens)
 *   s3        object actions on the evidence bucket's evidence/* keys (a presigned POST needs PutObject, and
 *             PutObjectTagging for its draft tag; a presigned GET and HeadObject need GetObject); ListBucket
 *             becomes a statement of its own, on the bucket, for the evidence/ prefix only
 *   statements optional extra IAM statements (e.g. a stream consumer's dynamodb:GetRecords on the stream ARN)
 *
 * tests/infra/serverless-package.test.ts derives the same sets from each function's shipped bundle (the SDK
 * commands and secret names in it) and fails when this declaration grants more, or less, than the code
 * uses. Adding a function: add its entry here; packaging refuses a function without one. Every API function
 * deletes items: an Idempotency-Key claim is released (DeleteItem) when a request fails before it commits.
 */
const READ = ['GetItem', 'Query'];

module.exports = {
  meta: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'], secrets: ['TOKEN_SECRET'] },
  // BatchWriteItem: 注销 deletes the rest of the user's partition and rewrites the enterprise's history.
  // ConditionCheckItem: 注销 lists the member's bookings through the booking repository, whose booking transaction checks
  // that the day is not closed.
  // BatchGetItem, ListBucket, DeleteObject: 注销 erases the member's uploads (listed by their key prefix).
  auth: {
    dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem', 'BatchWriteItem', 'BatchGetItem'],
    secrets: ['WECHAT_SECRET', 'TOKEN_SECRET'],
    s3: ['DeleteObject', 'ListBucket'],
  },
  stations: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'], secrets: ['TOKEN_SECRET'] },
  officers: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'], secrets: ['TOKEN_SECRET'] },
  // BatchGetItem and GetObject: the enterprise file shows each visit's photos (工作影像资料) with short-lived links.
  enterprises: {
    dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem', 'BatchGetItem', 'BatchWriteItem'],
    secrets: ['TOKEN_SECRET'],
    s3: ['GetObject'],
  },
  // Filing and messages: msgSecCheck (access token: the WeChat secret), attachments linked and shown.
  appeals: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem', 'BatchWriteItem'], secrets: ['TOKEN_SECRET', 'WECHAT_SECRET'], s3: ['GetObject', 'PutObjectTagging'] },
  // 证据材料: upload forms, confirmation (mediaCheckAsync), downloads, drafts deleted, WeChat's signed push.
  evidence: {
    dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem'],
    secrets: ['TOKEN_SECRET', 'WECHAT_SECRET', 'WECHAT_PUSH_TOKEN'],
    s3: ['DeleteObject', 'GetObject', 'PutObject', 'PutObjectTagging'],
  },
  bookings: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem', 'BatchWriteItem'], secrets: ['TOKEN_SECRET'] },
  notifications: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'], secrets: ['TOKEN_SECRET'] },
  // A bulletin's image or PDF: publishing links it (PutObjectTagging clears the draft tag), its page signs the link.
  bulletins: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem'], secrets: ['TOKEN_SECRET'], s3: ['GetObject', 'PutObjectTagging'] },
  knowledge: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem', 'BatchWriteItem'], secrets: ['TOKEN_SECRET'] },
  // Visit photos: upload forms are issued by the evidence function; a visit links them (PutObjectTagging clears the
  // draft tag) and its pages show them (BatchGetItem, GetObject for the links).
  fieldwork: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem', 'BatchWriteItem'], secrets: ['TOKEN_SECRET'], s3: ['GetObject', 'PutObjectTagging'] },
  // BatchWriteItem: the data export reads the access log through its repository, which also appends in batches;
  // ConditionCheckItem likewise: it reads bookings through the booking repository (its booking transaction
  // checks that the day is not closed).
  // BatchGetItem and GetObject: 导出我的数据 lists the enterprise's files with presigned GETs (signed with this role).
  reports: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem', 'BatchWriteItem', 'BatchGetItem'], secrets: ['TOKEN_SECRET'], s3: ['GetObject'] },
  // WECHAT_SECRET: the later 内容安全 check of texts WeChat could not judge at filing (msgSecCheck needs the access token).
  scheduler: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem', 'BatchGetItem'], secrets: ['WECHAT_SECRET'] },
  // Reads new outbox items from the table's stream (the event source mapping polls with the function's role)
  // and parks records it gives up on in NotifierFailures.
  notifier: {
    dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    secrets: ['WECHAT_SECRET'],
    statements: [
      {
        Effect: 'Allow',
        Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        Resource: [{ 'Fn::GetAtt': ['Table', 'StreamArn'] }],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [{ 'Fn::GetAtt': ['NotifierFailures', 'Arn'] }] },
    ],
  },
  digest: { dynamodb: [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'], secrets: [] },
};
