/**
 * The command-line interface. `run(argv, io)` parses arguments, runs one command and returns
 * its exit code; it never calls process.exit and never lets a stack trace reach the user.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createRequire } from 'node:module';
import { FORMATS } from '../io/format-names.js';
import { OutputError, PipeClosedError } from '../io/output.js';
import { PIVOT_BY, PIVOT_FORMATS } from '../pivot/by.js';
import { EXIT, UsageError, type CliIO } from './context.js';

// Each command's module (and through it the rules, the pipeline, YAML, zod, the HTML parser …)
// is imported when the command runs, so `--version` and `--help` load none of them.

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
    .argument('<inputs...>', 'files or folders (*.txt, *.md, *.jsonl, *.html), or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, csv otherwise)').choices([...FORMATS]))
    .option('-o, --out <file>', 'write to FILE (atomically: a temp file renamed on success)')
    .option('-r, --rules <dir>', 'rule directory (default: the bundled rules/)')
    .option('--bom', 'start CSV output with a UTF-8 BOM (for Excel)')
    .option('--dedupe', 'drop records repeated with the same key and value within one article')
    .option('--all', 'also emit statistics no rule keys (indicator empty, rule "generic")')
    .addOption(new Option('--encoding <name>', 'input encoding').choices(ENCODINGS).default('auto'))
    .addOption(new Option('--input-format <format>', 'how to read inputs (default: by extension; text for stdin)').choices(['auto', 'text', 'jsonl', 'html']).default('auto'))
    .option('--emit-text <dir>', 'write the text each article was read as (what offsets refer to) into DIR')
    .option('--strict', 'stop at the first skipped input or rejected record (exit 1; --out is not written)')
    .option('-j, --jobs <n>', "worker threads (default and maximum: the machine's cores; started once the input passes 8 MB)", (v) => parsePositive(v, '--jobs'))
    .option('-q, --quiet', 'no progress or summary on stderr')
    .addHelpText('after', `
Examples:
  $ chiso extract fixtures/articles                       # table on a terminal
  $ chiso extract fixtures/articles --format csv --bom -o indicators.csv
  $ chiso extract article.txt --format json
  $ cat article.txt | chiso extract - --format jsonl
  $ chiso extract scrape.jsonl --format jsonl -o records.jsonl     # one article per JSONL line
  $ chiso extract saved-pages/ --emit-text texts/                  # HTML pages`)
    .action(async (inputs: string[], opts) => {
      const { runExtract } = await import('./commands/extract.js');
      code = await runExtract(inputs, opts, io);
    });

  const rules = program.command('rules').description('tools for rule authors');
  rules
    .command('check')
    .description('validate rule files: schema, keys, units, patterns, examples (exit 1 on problems)')
    .option('-r, --rules <dir>', 'rule directory (default: the bundled rules/)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts) => {
      const { runRulesCheck } = await import('./commands/rules-check.js');
      code = runRulesCheck(opts, io);
    });

  program
    .command('eval')
    .description('score the rules against fixture articles with gold records (default: fixtures/)')
    .argument('[fixtures...]', 'folders or files: articles (*.txt, *.md) and gold records (*.jsonl)')
    .option('-r, --rules <dir>', 'rule directory (default: the bundled rules/)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--min-f1 <x>', 'exit 1 when strict F1 is below X', parseThreshold)
    .action(async (fixtures: string[], opts) => {
      const { runEval } = await import('./commands/eval.js');
      code = await runEval(fixtures, opts, io);
    });

  program
    .command('explain')
    .description('show what the matcher sees in one article: records highlighted, dropped numbers with reasons')
    .argument('<file>', 'an article file (or - for stdin)')
    .option('-l, --line <n>', 'only this line', (v) => parsePositive(v, '--line'))
    .option('-r, --rules <dir>', 'rule directory (default: the bundled rules/)')
    .addOption(new Option('--encoding <name>', 'input encoding').choices(ENCODINGS).default('auto'))
    .action(async (file: string, opts) => {
      const { runExplain } = await import('./commands/explain.js');
      code = await runExplain(file, opts, io);
    });

  program
    .command('unmatched')
    .description('statistics no rule turned into a record, grouped by kind (rank, score, change, density …) and subject, most frequent first')
    .argument('<inputs...>', 'files or folders, or - for stdin')
    .option('-r, --rules <dir>', 'rule directory (default: the bundled rules/)')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, csv otherwise)').choices(['table', 'csv', 'json']))
    .addOption(new Option('--encoding <name>', 'input encoding').choices(ENCODINGS).default('auto'))
    .action(async (inputs: string[], opts) => {
      const { runUnmatched } = await import('./commands/unmatched.js');
      code = await runUnmatched(inputs, opts, io);
    });

  program
    .command('pivot')
    .description('one row per place × indicator × period: the latest value, how many records agree, its source')
    .argument('<inputs...>', 'articles (as for extract) or records (chiso output: *.csv, *.json, *.jsonl)')
    .addOption(new Option('--by <key>', 'rows by the place a figure is about, its province, or its unit since 2025').choices([...PIVOT_BY]).default('place'))
    .option('--latest', 'keep only the most recent period of each place and indicator')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, csv otherwise)').choices([...PIVOT_FORMATS]))
    .option('-o, --out <file>', 'write to FILE (atomically: a temp file renamed on success)')
    .option('-r, --rules <dir>', 'rule directory (default: the bundled rules/)')
    .option('--bom', 'start CSV output with a UTF-8 BOM (for Excel)')
    .addOption(new Option('--encoding <name>', 'input encoding').choices(ENCODINGS).default('auto'))
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText('after', `
Examples:
  $ chiso pivot fixtures/articles                              # extract, then pivot
  $ chiso extract scrape.jsonl -f jsonl -o records.jsonl && chiso pivot records.jsonl --latest -o sheet.csv
  $ chiso pivot records.csv --by province_2025 -f jsonl`)
    .action(async (inputs: string[], opts) => {
      const { runPivot } = await import('./commands/pivot.js');
      code = await runPivot(inputs, opts, io);
    });

  program
    .command('normalize')
    .description('print the text as the matcher sees it (decoded, normalized)')
    .argument('<file>', 'an article file (or - for stdin)')
    .option('--show-changes', 'list what normalization changed, where')
    .addOption(new Option('--encoding <name>', 'input encoding').choices(ENCODINGS).default('auto'))
    .action(async (file: string, opts) => {
      const { runNormalize } = await import('./commands/normalize.js');
      code = runNormalize(file, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof PipeClosedError) return EXIT.ok; // the reader went away (`| head`): not an error
    if (e instanceof UsageError) {
      io.stderr(`chiso: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof OutputError) {
      io.stderr(`chiso: ${e.message}`);
      return e.kind === 'refused' ? EXIT.usage : EXIT.output;
    }
    io.stderr(`chiso: internal error: ${(e as Error)?.message ?? String(e)} (please report it)`);
    if (io.env.CHISO_DEBUG) io.stderr(String((e as Error)?.stack));
    return 3;
  }
  return code;
}

function parseThreshold(v: string): number {
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError('expected a number between 0 and 1');
  return x;
}

function parsePositive(v: string, name: string): number {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 1) throw new InvalidArgumentError(`${name} expects a positive whole number`);
  return x;
}
