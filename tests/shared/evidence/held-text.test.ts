import { HELD_NOTE, HELD_PLACEHOLDER, recheckGivenUp, showHeld } from '../../../shared/evidence/held-text';

describe('showHeld', () => {
  const appeal = { title: '标题', description: '原文', place: '地点', heldFields: ['description'] };

  it('others see the placeholder in each held field, and only there', () => {
    expect(showHeld(appeal, false)).toEqual({ title: '标题', description: HELD_PLACEHOLDER, place: '地点', heldFields: ['description'] });
  });
  it('the author sees the text with the note', () => {
    expect(showHeld(appeal, true)).toEqual({ ...appeal, heldNote: HELD_NOTE });
  });
  it('a record with nothing held is shown as it is, to everyone', () => {
    const plain: { text: string; heldFields?: string[] } = { text: '留言' };
    expect(showHeld(plain, false)).toBe(plain);
    expect(showHeld({ ...plain, heldFields: [] }, true)).toEqual({ text: '留言', heldFields: [] });
  });
});

describe('recheckGivenUp', () => {
  const since = '2026-11-20T02:00:00.000Z';
  it('waits for a verdict up to three days, then gives up', () => {
    expect(recheckGivenUp(since, new Date('2026-11-23T01:59:59.999Z'))).toBe(false);
    expect(recheckGivenUp(since, new Date('2026-11-23T02:00:00.000Z'))).toBe(true);
  });
});
