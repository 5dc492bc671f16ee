/** 警务检索: the enterprise search's query and result (the appeal search's are in appeal-schemas.ts, for the appeals function's bundle). */
import { z } from 'zod';
import { Cursor, pageOf } from '../schemas/common';
import { INDUSTRY_IDS } from '../domain/industries';

export const SearchText = z
  .string({ error: '请输入要搜索的内容' })
  .trim()
  .min(2, '请至少输入两个字')
  .max(30, '搜索内容最多30个字')
  .refine((s) => /[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]/.test(s), '请输入企业名称、信用代码或手机号');

/** A search page is small: its reads are bounded per page (README, 警务检索). */
const SearchLimit = z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少1条').max(20, '每页最多20条').default(20);

export const EnterpriseSearchQuery = z.object({ q: SearchText, cursor: Cursor, limit: SearchLimit });
export type EnterpriseSearchQuery = z.infer<typeof EnterpriseSearchQuery>;

export const EnterpriseHit = z.object({ id: z.string(), name: z.string(), creditCode: z.string(), industry: z.enum(INDUSTRY_IDS), stationId: z.string() });
export type EnterpriseHit = z.infer<typeof EnterpriseHit>;
export const EnterpriseSearchResult = pageOf(EnterpriseHit);
