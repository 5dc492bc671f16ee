import fc from 'fast-check';
import { ValidationFailed } from '../../../shared/errors';
import { Appeal, AppealActionBody, CreateAppealBody, MessageBody, parseOrThrow } from '../../../shared/appeals/schemas';
import { freshAppeal } from './fixtures';

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

const dispute = { type: 'dispute', category: 'obstruction', urgency: 'urgent', grade: 2, title: '有人封堵厂区大门', description: '今早八点起有十余人堵住厂区大门，货车无法进出。', place: '园区路18号' };

describe('CreateAppealBody', () => {
  it('accepts a complete dispute and trims text', () => {
    const parsed = CreateAppealBody.parse({ ...dispute, title: '  有人封堵厂区大门  ' });
    expect(parsed.title).toBe('有人封堵厂区大门');
  });

  it('requires a grade for disputes and forbids it otherwise', () => {
    const { grade: _grade, ...noGrade } = dispute;
    expect(issues(CreateAppealBody.safeParse(noGrade))).toEqual([['grade', '矛盾纠纷请选择纠纷等级']]);
    expect(issues(CreateAppealBody.safeParse({ ...dispute, type: 'help', category: 'other' }))).toEqual([['grade', '只有矛盾纠纷需要选择纠纷等级']]);
    expect(issues(CreateAppealBody.safeParse({ ...dispute, grade: 4 }))).toEqual([['grade', '请选择纠纷等级（一级、二级或三级）']]);
  });

  it('requires the category to belong to the type', () => {
    expect(issues(CreateAppealBody.safeParse({ ...dispute, category: 'exit-entry' }))).toEqual([['category', '所选分类不属于该诉求类型，请重新选择']]);
  });

  it('says what is wrong with each field, in Chinese', () => {
    expect(issues(CreateAppealBody.safeParse({}))).toEqual([
      ['type', '请选择诉求类型'],
      ['category', '请选择诉求分类'],
      ['urgency', '请选择紧急程度'],
      ['title', '请填写标题'],
      ['description', '请填写诉求描述'],
    ]);
    expect(issues(CreateAppealBody.safeParse({ ...dispute, title: '堵门', description: '堵门了', place: '路'.repeat(101) }))).toEqual([
      ['title', '标题至少4个字'],
      ['description', '诉求描述至少10个字'],
      ['place', '地点最多100个字'],
    ]);
    expect(issues(CreateAppealBody.safeParse({ ...dispute, title: '标'.repeat(51), description: '述'.repeat(1001) }))).toEqual([
      ['title', '标题最多50个字'],
      ['description', '诉求描述最多1000个字'],
    ]);
  });
});

describe('AppealActionBody', () => {
  it('rejects unknown actions', () => {
    expect(issues(AppealActionBody.safeParse({ action: 'delete', version: 1 }))).toEqual([['action', '不支持的操作']]);
  });

  it('needs the version the user saw', () => {
    expect(issues(AppealActionBody.safeParse({ action: 'accept' }))).toEqual([['version', '缺少版本号，请刷新后重试']]);
  });

  it('rate: a reason of 5+ characters for levels 1–2 only', () => {
    expect(issues(AppealActionBody.safeParse({ action: 'rate', version: 3, rating: 1 }))).toEqual([['comment', '不满意评价请说明原因，至少5个字']]);
    expect(issues(AppealActionBody.safeParse({ action: 'rate', version: 3, rating: 2, comment: '太慢了' }))).toEqual([['comment', '不满意评价请说明原因，至少5个字']]);
    expect(AppealActionBody.safeParse({ action: 'rate', version: 3, rating: 2, comment: '处理太慢了' }).success).toBe(true);
    expect(AppealActionBody.safeParse({ action: 'rate', version: 3, rating: 3 }).success).toBe(true);
    expect(issues(AppealActionBody.safeParse({ action: 'rate', version: 3, rating: 6 }))).toEqual([['rating', '请选择1到5星的评价']]);
  });

  it('transfer, reassign, resolve, reopen, rectify carry what the rules require', () => {
    expect(issues(AppealActionBody.safeParse({ action: 'transfer', version: 1, departmentId: 'police', note: '转办处理一下' }))).toEqual([['departmentId', '请从列表中选择转办部门']]);
    expect(issues(AppealActionBody.safeParse({ action: 'reassign', version: 1 }))).toEqual([['targetOfficerId', '缺少新联络官']]);
    expect(issues(AppealActionBody.safeParse({ action: 'resolve', version: 1, resolution: '已处理完毕' }))).toEqual([['resolution', '办结情况至少10个字']]);
    expect(issues(AppealActionBody.safeParse({ action: 'reopen', version: 1 }))).toEqual([['note', '请填写重新办理的理由']]);
    expect(issues(AppealActionBody.safeParse({ action: 'rectify', version: 1, note: '已整改' }))).toEqual([['note', '整改情况至少10个字']]);
    expect(issues(AppealActionBody.safeParse({ action: 'record_feedback', version: 1 }))).toEqual([['note', '请填写部门反馈内容']]);
  });
});

describe('MessageBody', () => {
  it('1–500 characters', () => {
    expect(issues(MessageBody.safeParse({ text: '  ' }))).toEqual([['text', '请填写消息内容']]);
    expect(issues(MessageBody.safeParse({ text: '字'.repeat(501) }))).toEqual([['text', '消息内容最多500个字']]);
    expect(MessageBody.parse({ text: '收到，谢谢' })).toEqual({ text: '收到，谢谢' });
  });
});

describe('every message a user can see is Chinese', () => {
  const cjk = /[\u4e00-\u9fff]/;
  it.each([
    ['CreateAppealBody', CreateAppealBody],
    ['AppealActionBody', AppealActionBody],
    ['MessageBody', MessageBody],
  ] as const)('%s', (_, schema) => {
    const junkFields = fc.dictionary(
      fc.constantFrom('type', 'category', 'urgency', 'grade', 'title', 'description', 'place', 'action', 'version', 'note', 'rating', 'comment', 'departmentId', 'targetOfficerId', 'resolution', 'text'),
      fc.oneof(fc.anything(), fc.constantFrom('dispute', 'rate', 'transfer', 'reassign', 'obstruction', 2, 1)),
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), junkFields), (input) => {
        const r = schema.safeParse(input);
        for (const issue of r.error?.issues ?? []) {
          if (!cjk.test(issue.message)) throw new Error(`English message at ${issue.path.join('.')}: ${issue.message}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseOrThrow', () => {
  it('turns issues into ValidationFailed with field paths', () => {
    try {
      parseOrThrow(CreateAppealBody, { ...dispute, category: 'household' });
      throw new Error('expected failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationFailed);
      expect((e as ValidationFailed).issues).toEqual([{ field: 'category', message: '所选分类不属于该诉求类型，请重新选择' }]);
      expect((e as ValidationFailed).message).toBe('所选分类不属于该诉求类型，请重新选择');
    }
  });
});

describe('Appeal record', () => {
  it('accepts a freshly created appeal and rejects a dispute without grade', () => {
    const a = freshAppeal();
    expect(Appeal.safeParse(a).success).toBe(true);
    const { grade: _grade, ...noGrade } = a;
    expect(Appeal.safeParse(noGrade).success).toBe(false);
  });
});
