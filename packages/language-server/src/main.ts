import { readFileSync } from 'node:fs';
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { ResilientMessageReader } from './reader.js';
import { startServer } from './server.js';

const USAGE = `Usage: dockfix-language-server --stdio

The dockfix language server: Dockerfile diagnostics as you type, quick fixes, fix-all (source.fixAll.dockfix)
and formatting. Editors start it; see the README of @dockfix/language-server for VS Code and Neovim.
Transports: --stdio, --node-ipc, --socket=<port>, --pipe=<name>.`;

/** Starts the server on the transport named on the command line; returns an exit code when it cannot start. */
export function main(argv: readonly string[]): number | null {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version') || argv.includes('-V')) {
    process.stdout.write(`${serverVersion()}\n`);
    return 0;
  }
  if (!argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || /^--(socket|pipe)(=|$)/.test(arg))) {
    process.stderr.write('dockfix-language-server: no transport given; editors start it as `dockfix-language-server --stdio` (see --help)\n');
    return 2;
  }
  if (argv.includes('--stdio')) {
    // Our reader, not vscode-jsonrpc's: it answers malformed messages and survives them (see reader.ts).
    const writer = new StreamMessageWriter(process.stdout);
    const reader = new ResilientMessageReader(process.stdin, (error) => void writer.write(error as never));
    startServer(createConnection(ProposedFeatures.all, reader, writer));
    return null;
  }
  // createConnection reads the other transports from process.argv.
  startServer(createConnection(ProposedFeatures.all));
  return null;
}

/** Set by a self-contained bundle (the VS Code extension's), which has no package.json beside it. */
declare const DOCKFIX_LANGUAGE_SERVER_VERSION: string | undefined;

function serverVersion(): string {
  if (typeof DOCKFIX_LANGUAGE_SERVER_VERSION === 'string') return DOCKFIX_LANGUAGE_SERVER_VERSION;
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
