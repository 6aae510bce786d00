// Runs handler.mjs in one fresh process as Lambda's Node.js runtime runs it in a new container: the module is loaded
// (its init) and "ready" written on stdout, then each line on stdin is one event (JSON) handed to the handler, and each
// answer is one JSON line on stdout; at the end of stdin, the CPU time used, as ColdStart.Host does for .NET. The function's console output goes to stderr, as
// the runtime sends it to the log rather than into the response.
import { createInterface } from 'node:readline';

const answers = process.stdout;
for (const method of ['log', 'info', 'debug', 'warn', 'trace']) {
  console[method] = console.error;
}

const { handler } = await import('./handler.mjs');
answers.write('ready\n');
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  answers.write(`${JSON.stringify(await handler(JSON.parse(line)))}\n`);
}

const { user, system } = process.cpuUsage();
answers.write(`cpu-ms ${((user + system) / 1000).toFixed(1)}\n`);

// The Momento clients keep their channels open, which would keep the process alive.
process.exit(0);
