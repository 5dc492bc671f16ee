/** The chief's morning digest (每日晨报): scheduled at 08:30 Shanghai; does nothing on non-working days. */
export const handler = async (): Promise<{ stations: number }> => ({ stations: 0 });
