import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import type { SerializeHandler, SerializeHandlerArguments, SerializeMiddleware } from '@smithy/types';
import { RequestInProgress } from '../../shared/errors';

/** The Idempotency-Key claim a request holds while its implementation runs (see idempotency.ts). */
export type HeldClaim = { tableName: string; pk: string; sk: string; token: string };

const held = new AsyncLocalStorage<HeldClaim>();

/** Run `fn` holding `claim`: every transaction it sends carries the claim's marker. */
export const withClaim = <T>(claim: HeldClaim, fn: () => Promise<T>): Promise<T> => held.run(claim, fn);

const MAX_TRANSACTION_ITEMS = 100;

type RawTransactInput = { TransactItems?: Record<string, unknown>[] };

/**
 * SDK middleware (serialize step; the document client's marshalling runs after it, so the item is
 * written in document form as the repositories write theirs): appends to every
 * TransactWriteItems sent while a claim is held one more item — `SET committed = true` on the claim, on
 * condition that the claim is still this request's (`token`). The business write and "this key was
 * used" therefore commit together or not at all: a retry can take over a stale claim only while it is not
 * committed, and once taken over the stale request's transaction fails instead of writing a second record.
 * The marker goes last so the callers' item positions (cancellation reasons) stay as they wrote them.
 */
export const idempotencyMarker: SerializeMiddleware<ServiceInputTypes, ServiceOutputTypes> =
  (next: SerializeHandler<ServiceInputTypes, ServiceOutputTypes>, context) => async (args: SerializeHandlerArguments<ServiceInputTypes>) => {
    const claim = held.getStore();
    const input = args.input as unknown as RawTransactInput;
    if (!claim || context.commandName !== 'TransactWriteItemsCommand' || !input.TransactItems || input.TransactItems.length >= MAX_TRANSACTION_ITEMS) return next(args);
    const at = input.TransactItems.length;
    const marker = {
      Update: {
        TableName: claim.tableName,
        Key: { pk: claim.pk, sk: claim.sk },
        UpdateExpression: 'SET #committed = :yes',
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#committed': 'committed', '#token': 'token' },
        ExpressionAttributeValues: { ':yes': true, ':token': claim.token },
      },
    };
    try {
      return await next({ ...args, input: { ...input, TransactItems: [...input.TransactItems, marker] } as unknown as ServiceInputTypes });
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (error instanceof Error && error.name === 'TransactionCanceledException' && reasons) {
        // Another request with the same key took the claim over: this one must not write.
        if (reasons[at]?.Code === 'ConditionalCheckFailed') throw new RequestInProgress();
        reasons.splice(at, 1);
      }
      throw error;
    }
  };
