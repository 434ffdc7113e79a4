// `node --import ./test/support/module-log.mjs …`: appends the URL of every module the process
// resolves to the file named by CHISO_MODULE_LOG (tests check what a command loads).
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
