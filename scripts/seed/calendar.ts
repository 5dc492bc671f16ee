/**
 * The working calendar: every year chinese-days publishes (2004–2026) written to the table as the
 * centre's notices, validated as the centre's own entries are (the repository directly: the service would
 * log the missing-notice warning once per year written). A rerun on a
 * persisted table keeps what is there (the centre may have corrected it). 2027 is left for the centre to
 * enter, so the demo shows the missing-notice warning from 1 November.
 */
import { BUNDLED_NOTICES } from '../../shared/calendar/bundled';
import { noticeIssues } from '../../shared/calendar/schemas';
import { ValidationFailed, VersionConflict } from '../../shared/errors';
import { calendarRepository } from '../../functions/repositories/calendar-repository';
import { forgetWorkingCalendar } from '../../functions/services/calendar-service';

export async function seedCalendar(now: Date): Promise<number> {
  let written = 0;
  for (const notice of BUNDLED_NOTICES) {
    try {
      const issues = noticeIssues(notice.year, notice);
      if (issues.length > 0) throw new ValidationFailed(issues);
      await calendarRepository.putYear(notice, 0, 'ad1', now.toISOString());
      written += 1;
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
    }
  }
  forgetWorkingCalendar();
  return written;
}
