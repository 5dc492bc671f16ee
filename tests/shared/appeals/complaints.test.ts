import { complaintSlaPolicy, isComplaintFiling, routeComplaint, COMPLAINT_SLA } from '../../../shared/appeals/complaints';
import { queueMemberships } from '../../../shared/appeals/queues';
import { computeDeadlines, DEFAULT_SLA_POLICY } from '../../../shared/appeals/sla';
import { applyAction } from '../../../shared/appeals/state-machine';
import { canSeeAppeal } from '../../../shared/domain/access';
import { CreateAppealBody } from '../../../shared/appeals/schemas';
import { CHIEF, freshAppeal, OFFICER, OTHER_OFFICER, SUBMITTED_AT } from './fixtures';

describe('which filings are complaints', () => {
  it('the police-conduct category always, any other appeal when marked 投诉民警', () => {
    expect(isComplaintFiling({ category: 'police-conduct' })).toBe(true);
    expect(isComplaintFiling({ category: 'other', aboutPolice: true })).toBe(true);
    expect(isComplaintFiling({ category: 'other' })).toBe(false);
  });
  it('匿名 without a complaint is refused with a Chinese message', () => {
    const r = CreateAppealBody.safeParse({ type: 'help', category: 'other', urgency: 'normal', title: '需要协助', description: '需要派出所协助开具证明材料。', anonymous: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('只有投诉民警可以选择匿名');
  });
});

describe('routing around the accused', () => {
  it('goes to the chief unless the chief is the subject or away', () => {
    expect(routeComplaint(OFFICER, { id: CHIEF, onLeave: false })).toEqual({ handler: 'chief', officerId: CHIEF });
    expect(routeComplaint(CHIEF, { id: CHIEF, onLeave: false })).toEqual({ handler: 'centre', officerId: null });
    expect(routeComplaint(OFFICER, { id: CHIEF, onLeave: true })).toEqual({ handler: 'centre', officerId: null });
    expect(routeComplaint(OFFICER, null)).toEqual({ handler: 'centre', officerId: null });
  });
});

describe('visibility', () => {
  const complaint = freshAppeal({ officerId: CHIEF, complaint: { subjectOfficerId: OFFICER, handler: 'chief', anonymous: true } });
  const aboutChief = freshAppeal({ officerId: null, complaint: { subjectOfficerId: CHIEF, handler: 'centre', anonymous: false } });
  it('the subject never sees it, even if assigned by mistake; the chief sees only what is not about them', () => {
    expect(canSeeAppeal({ role: 'officer', userId: 'u', officerId: OFFICER, stationId: 'st-1' }, { ...complaint, officerId: OFFICER })).toBe(false);
    expect(canSeeAppeal({ role: 'chief', userId: 'u', officerId: CHIEF, stationId: 'st-1' }, complaint)).toBe(true);
    expect(canSeeAppeal({ role: 'chief', userId: 'u', officerId: CHIEF, stationId: 'st-1' }, aboutChief)).toBe(false);
    expect(canSeeAppeal({ role: 'centre', userId: 'u', adminId: 'a', centreId: 'c' }, aboutChief)).toBe(true);
    expect(canSeeAppeal({ role: 'enterprise', userId: 'u', enterpriseId: 'ent-1', memberRole: 'staff' }, aboutChief)).toBe(true);
  });

  it('one about the chief is in no station queue, but in the 督察 queues', () => {
    const queues = queueMemberships(aboutChief).map((m) => m.queue);
    expect(queues.filter((q) => q.startsWith('station-'))).toEqual([]);
    expect(queues).toEqual(expect.arrayContaining(['complaints-all', 'complaints-station', 'complaints-station-open', 'district-open', 'enterprise-all']));
    expect(queueMemberships(complaint).map((m) => m.queue)).toEqual(expect.arrayContaining(['officer-inbox', 'station-open', 'complaints-all']));
  });

  it('cannot be reassigned to the subject; the centre acts as the chief on one about the chief', () => {
    expect(() => applyAction(complaint, { action: 'reassign', version: 1, targetOfficerId: OFFICER }, { id: CHIEF, role: 'chief' }, SUBMITTED_AT)).toThrow('不能改派给被投诉的民警');
    expect(applyAction(complaint, { action: 'reassign', version: 1, targetOfficerId: OTHER_OFFICER }, { id: CHIEF, role: 'chief' }, SUBMITTED_AT).next.officerId).toBe(OTHER_OFFICER);
    expect(applyAction(aboutChief, { action: 'accept', version: 1 }, { id: 'centre-1', role: 'centre' }, SUBMITTED_AT).next.status).toBe('accepted');
    expect(() => applyAction(freshAppeal(), { action: 'accept', version: 1 }, { id: 'centre-1', role: 'centre' }, SUBMITTED_AT)).toThrow();
  });
});

it('has its own SLA: 1 working day to accept, 10 to conclude, whatever the type', () => {
  const policy = complaintSlaPolicy(DEFAULT_SLA_POLICY);
  const own = computeDeadlines('help', 'urgent', SUBMITTED_AT, policy);
  expect(own).toEqual(computeDeadlines('suggestion', 'normal', SUBMITTED_AT, policy));
  // Working-day deadlines fall at the end of office hours: ten working days after Monday 9 June is Monday 23 June, 17:30.
  expect(own.resolveDueAt).toBe('2025-06-23T09:30:00.000Z');
  expect(COMPLAINT_SLA.accept.amount).toBe(1);
  expect(own.acceptDueAt).toBe('2025-06-10T09:30:00.000Z');
});
