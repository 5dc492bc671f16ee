import { handler } from '../../../functions/handlers/meta';
import type { AuthzModule } from './module';

/**
 * The calendar is the district's, not a tenant's: every signed-in role reads it ('self': nothing foreign to
 * aim at), only the centre writes it (the role gates check the other four get 403).
 */
export const calendarAuthz: AuthzModule = {
  handlers: { meta: handler },
  cases: {
    getCalendarYear: 'self',
    setCalendarYear: { params: () => ({ year: '2027' }), body: () => ({ version: 0, holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-03' }], workdays: [] }) },
  },
};
