/**
 * Expiry of items with a natural end: the table's TTL attribute is `ttl`, a Number of epoch SECONDS
 * (serverless.yml, dev/dynamodb-local.ts). DynamoDB deletes expired items lazily (up to ~48 h later), so code
 * that cares about expiry checks `ttl` itself. `ttl` is a reserved word in expressions: write `#ttl`.
 * What expires when is listed in README → Deploy → TTL.
 */
export const TTL_DAYS = {
  /** a notification, counted from when it was read */
  readNotification: 180,
  /** a knowledge-gap log entry (the centre reviews gaps by month) */
  knowledgeGap: 365,
  /** a subscribe-message delivery record (the user's 消息发送记录), from the attempt */
  deliveryRecord: 180,
  /** a booking code's uniqueness marker, from the slot's start: the code may be drawn again after that */
  bookingCode: 30,
  /** an invite nobody redeemed, from its own expiry */
  unusedInvite: 30,
  /** a redeemed invite (who joined with it, kept for the audit trail), from its redemption */
  usedInvite: 365,
} as const;

/** Epoch seconds `days` after `from`. */
export function ttlAfter(from: Date | string, days: number): number {
  return Math.floor(new Date(from).getTime() / 1000) + days * 86_400;
}
