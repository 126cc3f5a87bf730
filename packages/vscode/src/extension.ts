// The VS Code side of dockfix: starts the language server bundled beside this file (or the one
// `dockfix.server.path` names) for Dockerfiles, and restarts it when its settings change. Everything
// a Dockerfile gets (diagnostics, quick fixes, disable-rule actions, fix-all, formatting, hovers) is
// the server's; see packages/language-server.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    commands.registerCommand('dockfix.restart', () => restart(context)),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dockfix.enable') || event.affectsConfiguration('dockfix.server.path')) void restart(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function restart(context: ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

async function start(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration('dockfix');
  if (!settings.get<boolean>('enable', true)) return;
  const serverModule = serverPath(context, settings.get<string>('server.path', ''));
  if (!serverModule) return;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved files and untitled buffers alike; VS Code's `dockerfile` language covers Dockerfile,
    // *.dockerfile and Containerfile.
    documentSelector: [{ language: 'dockerfile' }],
  };
  client = new LanguageClient('dockfix', 'dockfix', serverOptions, clientOptions);
  await client.start();
}

/** The server to run: the bundled one, or `dockfix.server.path` (absolute, or relative to the first workspace folder). */
function serverPath(context: ExtensionContext, configured: string): string | undefined {
  if (configured.trim() === '') return context.asAbsolutePath(path.join('dist', 'server', 'server.mjs'));
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const resolved = path.isAbsolute(configured) ? configured : path.resolve(folder ?? process.cwd(), configured);
  if (existsSync(resolved)) return resolved;
  void window.showErrorMessage(`dockfix: dockfix.server.path names ${resolved}, which does not exist; the language server is not started.`);
  return undefined;
}
