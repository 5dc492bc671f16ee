/**
 * The registry is the union of the group tables (shared/api/routes/<group>.ts), and each Lambda validates
 * with its own table only. Every route must be in the table of its group, once: a name used in two tables
 * would silently overwrite the other in the spread that builds `routes`.
 */
import { routeGroups, routes, routesOf, type RouteGroup, type RouteSpec } from '../../../shared/api/routes';

const tables = Object.entries(routeGroups) as [RouteGroup, Record<string, RouteSpec>][];

it.each(tables)('the %s table holds exactly the routes of its group', (group, table) => {
  expect(Object.keys(table).length).toBeGreaterThan(0);
  for (const spec of Object.values(table)) expect(spec.group).toBe(group);
  expect(Object.keys(table).sort()).toEqual(
    routesOf(group)
      .map(([name]) => name)
      .sort(),
  );
  for (const [name, spec] of Object.entries(table)) expect((routes as Record<string, RouteSpec>)[name]).toBe(spec);
});

it('no route name is used by two tables', () => {
  const names = tables.flatMap(([, table]) => Object.keys(table));
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBe(Object.keys(routes).length);
});
