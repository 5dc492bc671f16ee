/** 统计、晨报与台账导出. */
import { type RouteSpec } from '../route-spec';

export const reportRoutes = {} satisfies Record<string, RouteSpec>;
