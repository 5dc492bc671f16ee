/**
 * Named domain errors. They carry a Chinese message a user can act on; functions/lib/http.ts maps each
 * kind to one HTTP status. Nothing here knows about HTTP or AWS.
 */
export type FieldIssue = { field: string; message: string };

export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unprocessable' | 'unavailable' | 'rate-limited';
  /** A stable machine-readable code for clients, e.g. CREDIT_CODE_TAKEN. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  readonly kind = 'validation' as const;
  constructor(
    readonly issues: FieldIssue[],
    message = describeIssues(issues),
  ) {
    super('VALIDATION_FAILED', message);
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(message = '登录已过期，请重新登录', code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(message = '您没有权限进行此操作', code = 'FORBIDDEN') {
    super(code, message);
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, `${what}不存在或您无权查看`);
  }
}

export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** A dependency we do not own (WeChat) failed; the user should retry later. */
export class UpstreamUnavailable extends DomainError {
  readonly kind = 'unavailable' as const;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** Our own database is unreachable, timing out or throttling: nothing was decided, the client retries later. */
export class ServiceBusy extends UpstreamUnavailable {
  constructor() {
    super('SERVICE_BUSY', '系统繁忙，请稍后再试');
  }
}

/** The same Idempotency-Key was sent with a different request: a client bug, retrying cannot help. */
export class IdempotencyKeyReused extends DomainError {
  readonly kind = 'unprocessable' as const;
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', '同一操作编号（Idempotency-Key）已用于内容不同的请求，请重新发起操作');
  }
}

/** The first request with this Idempotency-Key is still being processed: retry shortly for its result. */
export class RequestInProgress extends Conflict {
  constructor() {
    super('REQUEST_IN_PROGRESS', '该操作正在处理中，请稍候再试');
  }
}

/** The first request with this key was saved but its answer was lost: the record exists, do not repeat it. */
export class RequestAlreadyDone extends Conflict {
  constructor() {
    super('REQUEST_ALREADY_DONE', '该操作已成功提交，请刷新后查看，无需重复提交');
  }
}

export class RateLimited extends DomainError {
  readonly kind = 'rate-limited' as const;
  /** When the caller may try again (seconds; sent as Retry-After). */
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}

/** A personal-data write from a user who has not agreed to the current privacy guide (403). */
export class ConsentRequired extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor() {
    super('CONSENT_REQUIRED', '《隐私保护指引》已更新，请阅读并同意最新版本后再提交个人信息');
  }
}

// Specific, frequently thrown errors get their own names so callers and tests can match on them.
export class CreditCodeTaken extends Conflict {
  constructor() {
    super('CREDIT_CODE_TAKEN', '该统一社会信用代码已注册，如需加入该企业请联系企业管理员邀请');
  }
}
export class VersionConflict extends Conflict {
  constructor(what = '数据') {
    super('VERSION_CONFLICT', `${what}已被他人修改，请刷新后重试`);
  }
}
export class InviteInvalid extends Conflict {
  constructor() {
    super('INVITE_INVALID', '邀请码无效、已使用或已过期，请向管理员重新索取');
  }
}
export class NoOfficerAvailable extends Conflict {
  constructor() {
    super('NO_OFFICER_AVAILABLE', '该派出所暂无可分配的联络官，请联系助企警务中心');
  }
}

function describeIssues(issues: FieldIssue[]): string {
  if (issues.length === 0) return '请求内容不正确';
  return issues.map((i) => i.message).join('；');
}
