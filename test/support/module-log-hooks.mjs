// Module hooks for module-log.mjs (they run on the loader thread).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.CHISO_MODULE_LOG) appendFileSync(process.env.CHISO_MODULE_LOG, `${result.url}\n`);
  return result;
}
