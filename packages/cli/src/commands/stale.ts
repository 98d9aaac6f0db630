import { join, relative } from 'node:path';
import { loadData } from '@townhub/schema';
import { type Command, dataRoot, parseOptions, positiveInt, table } from '../cli.ts';

export const stale: Command = (argv, io) => {
  const { values } = parseOptions(argv, {
    data: { type: 'string' },
    hub: { type: 'string' },
    months: { type: 'string' },
    format: { type: 'string', default: 'text' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout('Usage: townhub stale [--months 12] [--data <dir>] [--hub <slug>] [--format text|json]\nLists assets past review, oldest first.\n');
    return 0;
  }
  const months = positiveInt(values.months, 'months', 12);
  const root = dataRoot(values.data, io);
  const today = new Date();
  const cutoff = new Date(today);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const cutoffDate = cutoff.toISOString().slice(0, 10);
  const result = loadData(root, { ...(values.hub ? { hub: values.hub } : {}), staleMonths: months, today });
  const rows = result.hubs
    .flatMap((h) =>
      h.assets.map((a) => ({
        hub: h.hub.slug,
        id: a.asset.id,
        name: a.asset.name,
        lastReviewed: a.asset.lastReviewed,
        file: relative(io.cwd, join(root, a.file)),
      })),
    )
    .filter((a) => a.lastReviewed < cutoffDate)
    .sort((a, b) => a.lastReviewed.localeCompare(b.lastReviewed) || a.file.localeCompare(b.file));
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify({ months, cutoff: cutoffDate, assets: rows }, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.stdout(`No assets past review (${months} months, before ${cutoffDate}).\n`);
    return 0;
  }
  io.stdout(`${rows.length} asset${rows.length === 1 ? '' : 's'} not reviewed since before ${cutoffDate}:\n\n`);
  io.stdout(
    `${table(
      ['last reviewed', 'hub', 'asset', 'file'],
      rows.map((r) => [r.lastReviewed, r.hub, r.name, r.file]),
    )}\n`,
  );
  return 0;
};
