/**
 * Notifications off the request path: filing an appeal with the fake WeChat healthy vs hanging (every
 * request held without an answer), interleaved, while the notifier reads the table's stream in the same
 * process as it does under `npm start`. Before the outbox, notify() ran inside the request: with WeChat
 * failing a filing took ~700 ms instead of 67 ms, and a hanging WeChat would hold it for 3 × 5 s per
 * recipient. Also: how long after the answer the WeChat message is sent (healthy), and how long after
 * WeChat answers again the messages held during the hang are sent.
 */
import { outboxReader } from '../dev/outbox-stream';
import { startWechatFake } from '../dev/wechat-fake';
import { resetAccessToken } from '../functions/lib/wechat-client';
import { subscriptionRepository } from '../functions/repositories/subscription-repository';
import { fileAppeal } from '../functions/services/appeal-service';
import type { CreateAppealBody } from '../shared/appeals/schemas';
import { SUBSCRIBE_TEMPLATES } from '../shared/notifications/catalogue';
import { fmt, interleave, markdownTable, summarise, textTable, type Table } from './lib';
import type { BenchModule } from './module';

const BODY = { type: 'policy', category: 'household', urgency: 'normal', title: '居住证办理咨询', description: '员工办理居住证需要带哪些材料？' } as unknown as CreateAppealBody;
const ASSIGNED = SUBSCRIBE_TEMPLATES.appeal_assigned!.devTemplateId;

async function until(ok: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

export const outboxModule: BenchModule = {
  id: 'outbox',
  title: 'Notifications off the request path: filing with WeChat healthy vs hanging',
  order: 15,
  async run(ctx) {
    const samples = ctx.quick ? { n: 20, warmup: 5 } : { n: 100, warmup: 10 };
    const fake = await startWechatFake({ appid: 'wx-bench', secret: 'bench-secret' });
    Object.assign(process.env, { WECHAT_API_BASE: fake.url, WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'bench-secret' });
    resetAccessToken();
    const onDuty = new Set(ctx.district.officers.filter((o) => !o.onLeave).map((o) => o.id));
    const enterprises = ctx.district.enterprises.filter((e) => onDuty.has(e.officerId)).slice(0, 40);
    const total = 2 * (samples.n + samples.warmup) + 40;
    // Each filing notifies the enterprise's liaison officer; give every one of them enough one-time grants.
    for (const officerId of new Set(enterprises.map((e) => e.officerId)))
      await subscriptionRepository.addGrants({ userId: `u-bench-${officerId}`, openid: `openid-bench-${officerId}`, box: `officer:${officerId}` }, ASSIGNED, total, ctx.now);

    const reader = outboxReader(ctx.endpoint, ctx.tableName);
    await reader.drain({ timeoutMs: 120_000 }); // whatever the seed said, before measuring
    const stopReader = reader.start(50);
    let i = 0;
    const file = () => {
      const e = enterprises[i++ % enterprises.length]!;
      return fileAppeal({ role: 'enterprise', userId: `u-bench-${e.id}`, enterpriseId: e.id, memberRole: 'owner' }, BODY, new Date(ctx.now.getTime() + i * 1000));
    };
    try {
      const runs = await interleave(
        {
          healthy: async () => {
            fake.hang(false);
            await file();
          },
          hanging: async () => {
            fake.hang(true);
            await file();
          },
        },
        samples,
      );
      fake.hang(false);
      await until(() => fake.hanging() === 0, 1000);
      await reader.drain({ timeoutMs: 120_000 });

      // Healthy: from the filing's answer to the subscribe message at WeChat.
      const delays: number[] = [];
      for (let k = 0; k < (ctx.quick ? 10 : 30); k++) {
        const before = fake.sent.length;
        await file();
        const answered = performance.now();
        if (await until(() => fake.sent.length > before, 10_000)) delays.push(performance.now() - answered);
      }

      // Hanging: ten filings, nothing reaches WeChat; then it answers again.
      const held = 10;
      fake.hang(true);
      const before = fake.sent.length;
      for (let k = 0; k < held; k++) await file();
      await new Promise((r) => setTimeout(r, 1000));
      const sentWhileHanging = fake.sent.length - before;
      const released = performance.now();
      fake.hang(false);
      const arrived = await until(() => fake.sent.length - before >= held, 60_000);
      const afterRelease = performance.now() - released;

      const healthy = summarise(runs.healthy.ms);
      const hanging = summarise(runs.hanging.ms);
      const delay = summarise(delays);
      const ratio = hanging.p50 / healthy.p50;
      const table: Table = {
        headers: ['filing (fileAppeal, service)', 'n', 'p50 ms', 'p90 ms', 'p99 ms'],
        rows: [
          ['WeChat healthy', String(healthy.n), fmt.ms(healthy.p50), fmt.ms(healthy.p90), fmt.ms(healthy.p99)],
          ['WeChat hanging', String(hanging.n), fmt.ms(hanging.p50), fmt.ms(hanging.p90), fmt.ms(hanging.p99)],
          ['ratio hanging / healthy', '', fmt.ratio(ratio), fmt.ratio(hanging.p90 / healthy.p90), fmt.ratio(hanging.p99 / healthy.p99)],
        ],
        align: ['l', 'r', 'r', 'r', 'r'],
      };
      const data = { healthy, hanging, ratioP50: ratio, deliveryDelay: delay, held, sentWhileHanging, arrivedAfterRelease: arrived ? afterRelease : null };
      const notes = [
        `Subscribe message sent ${fmt.ms(delay.p50)} ms (p50, p90 ${fmt.ms(delay.p90)} ms) after a healthy filing answered (local stream reader polling every 50 ms when idle).`,
        `${held} filings while WeChat hung: ${sentWhileHanging} messages sent during the hang; all ${held} ${arrived ? `sent ${fmt.secs(afterRelease)} after WeChat answered again (sends that timed out while hanging wait for the reader's retry back-off)` : 'NOT sent within 60 s'}.`,
      ];
      const markdown = [
        'fileAppeal through the service on the seeded table, healthy and hanging filings interleaved; the notifier runs',
        'in the same process reading the table stream (as under `npm start`), so a hanging WeChat holds its sends meanwhile.',
        '',
        markdownTable(table),
        '',
        ...notes.map((n) => `- ${n}`),
      ].join('\n');
      return { data, markdown, text: `${textTable(table)}\n${notes.join('\n')}` };
    } finally {
      fake.hang(false);
      await stopReader();
      await fake.stop();
    }
  },
};
