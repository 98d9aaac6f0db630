import { hasErrors, loadData, type Problem } from '@townhub/schema';
import { type Command, dataRoot, parseOptions, table, UsageError } from '../cli.ts';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** One problem as a line: `file:line:column  field  message  hint`. */
export function formatProblem(p: Problem): string {
  const message = p.severity === 'warning' ? `warning: ${p.message}` : p.message;
  return `${p.file}:${p.line}:${p.column}  ${p.field || '(file)'}  ${message}  ${p.hint}`;
}

// GitHub workflow commands need %, CR, LF (and in properties also : and ,) escaped.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One problem as a GitHub annotation on the line at fault. */
export function githubAnnotation(p: Problem): string {
  const title = escapeProperty(p.field || 'file');
  return `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${title}::${escapeData(`${p.field ? `${p.field}: ` : ''}${p.message}. ${p.hint}`)}`;
}

export const check: Command = (argv, io) => {
  const { values } = parseOptions(argv, {
    data: { type: 'string' },
    hub: { type: 'string' },
    format: { type: 'string', default: 'text' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout('Usage: townhub check [--data <dir>] [--hub <slug>] [--format text|json|github]\nExit 0 when valid, 1 on any error.\n');
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}".`);
  const root = dataRoot(values.data, io);
  const result = loadData(root, values.hub ? { hub: values.hub } : {});
  const failed = hasErrors(result.problems);

  const summaries = result.hubs.map((h) => {
    const mine = result.problems.filter((p) => `/${p.file}`.includes(`/hubs/${h.hub.slug}/`));
    return {
      slug: h.hub.slug,
      name: h.hub.constituency.name,
      assets: h.assets.length,
      categories: new Set(h.assets.flatMap((a) => a.asset.categories)).size,
      errors: mine.filter((p) => p.severity === 'error').length,
      warnings: mine.filter((p) => p.severity === 'warning').length,
    };
  });

  if (format === 'json') {
    io.stdout(`${JSON.stringify({ valid: !failed, hubs: summaries, problems: result.problems }, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  if (format === 'github') {
    for (const p of result.problems) io.stdout(`${githubAnnotation(p)}\n`);
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    io.stdout(`${errors} error${errors === 1 ? '' : 's'} in ${result.hubs.length} hub${result.hubs.length === 1 ? '' : 's'}.\n`);
    return failed ? 1 : 0;
  }

  for (const p of result.problems) (p.severity === 'error' ? io.stderr : io.stdout)(`${formatProblem(p)}\n`);
  if (result.problems.length) io.stdout('\n');
  io.stdout(
    `${table(
      ['hub', 'constituency', 'assets', 'categories used', 'errors', 'warnings', 'status'],
      summaries.map((s) => [s.slug, s.name, s.assets, s.categories, s.errors, s.warnings, s.errors ? 'INVALID' : 'valid']),
    )}\n\n`,
  );
  const invalidHubs = summaries.filter((s) => s.errors > 0).length;
  const otherErrors = result.problems.filter((p) => p.severity === 'error').length - summaries.reduce((n, s) => n + s.errors, 0);
  const assets = summaries.reduce((n, s) => n + s.assets, 0);
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  io.stdout(
    `${summaries.length - invalidHubs} valid hub${summaries.length - invalidHubs === 1 ? '' : 's'}, ${invalidHubs} invalid` +
      `${otherErrors > 0 ? `, ${otherErrors} other error${otherErrors === 1 ? '' : 's'}` : ''}; ${assets} assets; ${warnings} warning${warnings === 1 ? '' : 's'}.\n`,
  );
  return failed ? 1 : 0;
};
