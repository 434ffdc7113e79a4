/**
 * The command-line interface. `run(argv, io)` parses arguments, runs one command and returns
 * its exit code; it never calls process.exit and never lets a stack trace reach the user.
 */
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { FORMATS } from '../io/formats.js';
import { EXIT, UsageError, type CliIO } from './context.js';
import { runExtract } from './commands/extract.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

const ENCODINGS = ['auto', 'utf8', 'utf16le', 'utf16be', 'windows-1258', 'tcvn3', 'vni'];

export async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name('chiso')
    .description('Extract digital-transformation statistics from Vietnamese press articles.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr(s.replace(/\n$/, '')),
    })
    .showSuggestionAfterError();

  program
    .command('extract')
    .description('extract indicator records from articles (files, folders, or - for stdin)')
    .argument('<inputs...>', 'files or folders (*.txt, *.md), or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, csv otherwise)').choices([...FORMATS]))
    .option('-o, --out <file>', 'write to FILE (atomically: a temp file renamed on success)')
    .option('-r, --rules <dir>', 'rule directory (default: the bundled rules/)')
    .option('--bom', 'start CSV output with a UTF-8 BOM (for Excel)')
    .option('--dedupe', 'drop records repeated with the same key and value within one article')
    .addOption(new Option('--encoding <name>', 'input encoding').choices(ENCODINGS).default('auto'))
    .option('-q, --quiet', 'no summary line on stderr')
    .addHelpText('after', `
Examples:
  $ chiso extract fixtures/articles                       # table on a terminal
  $ chiso extract fixtures/articles --format csv --bom -o indicators.csv
  $ chiso extract article.txt --format json
  $ cat article.txt | chiso extract - --format jsonl`)
    .action((inputs: string[], opts) => {
      code = runExtract(inputs, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.stderr(`chiso: ${e.message}`);
      return EXIT.usage;
    }
    io.stderr(`chiso: internal error: ${(e as Error)?.message ?? String(e)} (please report it)`);
    if (io.env.CHISO_DEBUG) io.stderr(String((e as Error)?.stack));
    return 3;
  }
  return code;
}
