/**
 * The notifier: delivers notification outbox items from the table's stream (DynamoDB Streams on AWS;
 * locally the same handler is fed by dev/outbox-stream.ts). The event source mapping already filters to
 * INSERTs of outbox items; the check is repeated here so the local reader and tests can pass any record.
 * Records whose delivery must be retried are reported as batch item failures (ReportBatchItemFailures),
 * so only they and what follows them in their shard are read again.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger';
import { mapLimit } from '../lib/parallel';
import { deliverOutboxItem } from '../services/notification-service';

/** Outbox items delivered at once from one batch (each may fan out to many boxes and users). */
const CONCURRENCY = 4;

/** The outbox item id of a stream record, or null for any other record. */
export function outboxIdOf(record: DynamoDBRecord): string | null {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image?.entity?.S !== 'outbox') return null;
  return image.id?.S ?? null;
}

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const failed: string[] = [];
  await mapLimit(event.Records, CONCURRENCY, async (record) => {
    const id = outboxIdOf(record);
    if (!id) return;
    try {
      const { done, outcome } = await deliverOutboxItem(id);
      if (!done) {
        logger.warn('notification delivery will be retried', { outboxId: id, outcome });
        failed.push(record.dynamodb!.SequenceNumber!);
      }
    } catch (error) {
      logger.error('notification delivery failed', { outboxId: id, error: error as Error });
      failed.push(record.dynamodb!.SequenceNumber!);
    }
  });
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
};
