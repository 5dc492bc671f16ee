/** 助企动态、风险预警、法治宣教、政策解读：发布、受众、阅知回执. */
import { type RouteSpec } from '../route-spec';

export const bulletinRoutes = {} satisfies Record<string, RouteSpec>;
