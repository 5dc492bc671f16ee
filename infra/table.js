'use strict';
/**
 * Values derived from infra/table.json (the one definition of the table's keys and indexes, also used by
 * the local start script for DynamoDB Local). Adding a GSI to table.json needs no change here or in
 * serverless.yml: the IAM statement lists the table ARN plus one `<table ARN>/index/<name>` per GSI.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Logical ID of the table in serverless.yml's resources. */
const TABLE_LOGICAL_ID = 'Table';

function definition() {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'table.json'), 'utf8'));
}

function indexNames() {
  const { GlobalSecondaryIndexes = [], LocalSecondaryIndexes = [] } = definition();
  return [...GlobalSecondaryIndexes, ...LocalSecondaryIndexes].map((index) => index.IndexName);
}

const tableArn = () => ({ 'Fn::GetAtt': [TABLE_LOGICAL_ID, 'Arn'] });

/** IAM resources for DynamoDB: exactly the table and each of its indexes, nothing wider. */
function dynamoResources() {
  return [tableArn(), ...indexNames().map((name) => ({ 'Fn::Join': ['/', [tableArn(), 'index', name]] }))];
}

module.exports = { dynamoResources, indexNames, definition, TABLE_LOGICAL_ID };
