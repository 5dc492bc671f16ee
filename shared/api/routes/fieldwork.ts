/** 走访记录、一企一策、问题整改台账. */
import { type RouteSpec } from '../route-spec';

export const fieldworkRoutes = {} satisfies Record<string, RouteSpec>;
