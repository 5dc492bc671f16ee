import { httpHandler } from '../lib/http';

export const handler = httpHandler({});
