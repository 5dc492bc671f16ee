import { z } from 'zod';

/** Ids are opaque strings: ULIDs for things users create, readable ids for seeded reference data. */
export const Id = (label: string) => z.string({ error: `缺少${label}` }).regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}格式不正确`);

export const MobileNumber = z
  .string({ error: '请填写手机号码' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号码应为11位中国大陆手机号，如 13800138000');

export const IsoDateTime = z.string().datetime({ offset: true });

/** Free text a person types: trimmed, with its length bounds named in Chinese after the field. */
export const TextField = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}最多${max}个字`);

/** A calendar day (Shanghai), 'YYYY-MM-DD'. */
export const DayField = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD，如 2026-11-23`);

/** Opaque pagination cursor (base64url of the last evaluated key). */
export const Cursor = z.string().max(2048, '分页游标无效').optional();
export const PageLimit = z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少1条').max(100, '每页最多100条').default(20);

export const PageQuery = z.object({ cursor: Cursor, limit: PageLimit });
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
