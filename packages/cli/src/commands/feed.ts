import { feedJson, hasErrors, loadData, toFeed } from '@townhub/schema';
import { type Command, dataRoot, parseOptions, UsageError } from '../cli.ts';
import { formatProblem } from './check.ts';

export const feed: Command = (argv, io) => {
  const { values } = parseOptions(argv, { data: { type: 'string' }, hub: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout("Usage: townhub feed --hub <slug> [--data <dir>]\nPrints the hub's widget feed JSON.\n");
    return 0;
  }
  if (!values.hub) throw new UsageError('--hub is required, e.g. townhub feed --hub birmingham-ladywood.');
  const result = loadData(dataRoot(values.data, io), { hub: values.hub });
  const loaded = result.hubs[0];
  if (hasErrors(result.problems) || !loaded) {
    for (const p of result.problems.filter((q) => q.severity === 'error')) io.stderr(`${formatProblem(p)}\n`);
    io.stderr(`No feed written: fix the errors above (pnpm townhub check --hub ${values.hub}).\n`);
    return 1;
  }
  io.stdout(
    `${feedJson(
      toFeed(
        loaded.hub,
        result.categories,
        loaded.assets.map((a) => a.asset),
      ),
    )}\n`,
  );
  return 0;
};
