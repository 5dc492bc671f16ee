import type { SSMClient } from '@aws-sdk/client-ssm';

/**
 * Secrets come from the environment locally (WECHAT_SECRET, TOKEN_SECRET) and from SSM SecureString
 * parameters in AWS (WECHAT_SECRET_PARAM, TOKEN_SECRET_PARAM name them). They are fetched once per cold
 * start and never written to the template or the repository. The SSM client is loaded on first use (not at
 * module load), so a cold start that never needs it (or that finds the secret cached) does not pay for it.
 */
let ssm: SSMClient | undefined;
const cache = new Map<string, Promise<string>>();

export function getSecret(name: 'WECHAT_SECRET' | 'TOKEN_SECRET' | 'WECHAT_PUSH_TOKEN'): Promise<string> {
  const direct = process.env[name];
  if (direct) return Promise.resolve(direct);
  const parameter = process.env[`${name}_PARAM`];
  if (!parameter) return Promise.reject(new Error(`Neither ${name} nor ${name}_PARAM is set`));
  let pending = cache.get(parameter);
  if (!pending) {
    pending = import('@aws-sdk/client-ssm').then(async ({ SSMClient, GetParameterCommand }) => {
      ssm ??= new SSMClient({});
      const out = await ssm.send(new GetParameterCommand({ Name: parameter, WithDecryption: true }));
      const value = out.Parameter?.Value;
      if (!value) throw new Error(`SSM parameter ${parameter} is empty`);
      return value;
    });
    pending.catch(() => cache.delete(parameter));
    cache.set(parameter, pending);
  }
  return pending;
}
