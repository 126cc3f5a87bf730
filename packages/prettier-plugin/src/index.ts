// prettier-plugin-dockfix: Prettier 3 formats Dockerfiles with dockfix's printer, after dockfix's
// safe fixes. The work happens in the parser, which Prettier lets be async (finding and loading the
// dockfix config is: a JavaScript config or a plugin is imported); the printer hands the result back.
// Nothing here may throw out of Prettier's format(): when something goes wrong the text comes back
// unchanged, and the reason goes to console.warn once (Prettier has no channel for warnings).
import path from 'node:path';
import { ConfigError, createConfigResolver, format, type ConfigResolver, type FileConfig } from '@dockfix/core';
import { rules } from 'dockfix';
import type { AstPath, Parser, ParserOptions, Plugin, Printer, SupportLanguage, SupportOptions } from 'prettier';

/** The whole file: the plugin prints it in one piece, so the tree is a single node. */
export interface DockerfileRoot {
  readonly type: 'dockerfile';
  readonly text: string;
  /** Offsets Prettier reads through `locStart`/`locEnd`: the node spans the whole text. */
  readonly start: number;
  readonly end: number;
  /** What the printer prints: the text after safe fixes and formatting. */
  readonly output: string;
}

/** `dockfixFixes`: which dockfix fixes run before formatting. Unsafe fixes never run on save. */
export type DockfixFixes = 'safe' | 'none';

/** The options the printer reads, as Prettier passes them. */
export interface DockfixPrettierOptions {
  readonly filepath?: string;
  readonly tabWidth?: number;
  readonly useTabs?: boolean;
  readonly printWidth?: number;
  readonly dockfixFixes?: DockfixFixes;
}

const NAME = 'prettier-plugin-dockfix';

/** The Dockerfile language. Suffix names such as `Dockerfile.prod` need an `overrides` entry (see the README). */
export const languages: SupportLanguage[] = [
  {
    name: 'Dockerfile',
    parsers: ['dockfix'],
    filenames: ['Dockerfile', 'Containerfile', 'dockerfile', 'containerfile'],
    extensions: ['.dockerfile', '.containerfile', '.Dockerfile', '.Containerfile'],
    vscodeLanguageIds: ['dockerfile'],
    linguistLanguageId: 89,
  },
];

/** Reads the text into a root node; all the work happens in the printer. */
export const parsers: Record<string, Parser<DockerfileRoot>> = {
  dockfix: {
    astFormat: 'dockfix',
    parse: async (text: string, options: ParserOptions<DockerfileRoot>): Promise<DockerfileRoot> => ({
      type: 'dockerfile',
      text,
      start: 0,
      end: text.length,
      output: await formatDockerfile(text, options as unknown as DockfixPrettierOptions),
    }),
    locStart: (node: DockerfileRoot) => node.start,
    locEnd: (node: DockerfileRoot) => node.end,
    hasPragma,
  },
};

/** Prints the root node: safe fixes (unless turned off), then dockfix's formatter. */
export const printers: Record<string, Printer<DockerfileRoot>> = {
  dockfix: {
    print: (astPath: AstPath<DockerfileRoot>) => astPath.node.output,
    insertPragma,
  },
};

const LEADING_COMMENTS = /^(?:\uFEFF)?(?:[ \t]*(?:#[^\n]*)?\r?\n)*/;
const PRAGMA = /^[ \t]*#[ \t]*@(?:format|prettier)\b/m;
const DIRECTIVE = /^[ \t]*#[\t ]*[a-zA-Z][a-zA-Z0-9]*[\t ]*=.*(?:\r?\n|$)/;

/** `--require-pragma`: a `# @format` or `# @prettier` comment among the file's leading comments. */
export function hasPragma(text: string): boolean {
  return PRAGMA.test(LEADING_COMMENTS.exec(text)?.[0] ?? '');
}

/** `--insert-pragma`: adds `# @format` after the parser directives, which must stay the first lines. */
export function insertPragma(text: string): string {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  for (let match = DIRECTIVE.exec(text.slice(at)); match; match = DIRECTIVE.exec(text.slice(at))) at += match[0].length;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const directivesEnd = at > 0 && !/\n$/.test(text.slice(0, at)) ? eol : '';
  return `${text.slice(0, at)}${directivesEnd}# @format${eol}${text.slice(at)}`;
}

/** Options the plugin adds to Prettier (`--dockfix-fixes=none` on the command line). */
export const options: SupportOptions = {
  dockfixFixes: {
    type: 'choice',
    category: 'Dockfix',
    default: 'safe',
    description: "Apply dockfix's safe fixes before formatting. Unsafe fixes are never applied on save.",
    choices: [
      { value: 'safe', description: 'Apply the safe fixes of the rules your dockfix config turns on, then format.' },
      { value: 'none', description: 'Only format.' },
    ],
  },
};

/** Dockerfile continuation lines are usually indented by 4; the project's Prettier config or .editorconfig still wins. */
export const defaultOptions: Plugin['defaultOptions'] = { tabWidth: 4 };

const plugin: Plugin<DockerfileRoot> = { languages, parsers, printers, options, defaultOptions };
export default plugin;

/**
 * What the plugin does to one file, outside Prettier: safe fixes (by default), then formatting with
 * LF line breaks (Prettier converts them to its `endOfLine`). Never throws.
 */
export async function formatDockerfile(text: string, options: DockfixPrettierOptions = {}): Promise<string> {
  const where = options.filepath ?? '<Dockerfile>';
  try {
    let current = text;
    if (options.dockfixFixes !== 'none') current = await applySafeFixes(current, options.filepath, where);
    const formatted = format(current, {
      tabWidth: options.tabWidth ?? 4,
      useTabs: options.useTabs ?? false,
      printWidth: options.printWidth ?? 80,
      endOfLine: 'lf',
    });
    if (formatted.error) warnOnce(`${where}: not formatted: ${formatted.error}`);
    else if (formatted.keptLines) warnOnce(`${where}: left the instructions on lines ${formatted.keptLines.join(', ')} as they were (a change could not be proven safe)`);
    return formatted.output;
  } catch (error) {
    warnOnce(`${where}: left unchanged: ${error instanceof Error ? error.message : String(error)}`);
    return text;
  }
}

let resolver: ConfigResolver | undefined;
let lastUse = 0;

/**
 * The CLI's config resolution (nearest dockfix config up from the file, else .hadolint.yaml), shared
 * across files. An editor keeps this process alive for hours, so caches older than a second are
 * dropped: a batch run reuses them, a save after editing the config sees the edit.
 */
function configResolver(): ConfigResolver {
  const now = Date.now();
  if (!resolver) resolver = createConfigResolver({ rules });
  else if (now - lastUse > 1000) resolver.clear();
  lastUse = now;
  return resolver;
}

async function applySafeFixes(text: string, filepath: string | undefined, where: string): Promise<string> {
  let fileConfig: FileConfig;
  try {
    // The file itself need not exist: editors format unsaved buffers. Without a path, the current directory's config.
    fileConfig = await configResolver().forFile(filepath ? path.resolve(filepath) : path.join(process.cwd(), '-'));
  } catch (error) {
    // A broken config could mean rules the user turned off; better no fixes than the wrong ones.
    warnOnce(`${where}: no fixes applied: ${error instanceof ConfigError ? error.message : String(error)}`);
    return text;
  }
  for (const warning of fileConfig.warnings) warnOnce(warning);
  if (fileConfig.ignored) return text;
  try {
    const result = fileConfig.linter.fix(text, { ...(filepath ? { filePath: filepath } : {}), config: fileConfig.config, unsafe: false });
    if (result.fatal) return text;
    for (const reverted of result.reverted) warnOnce(`${where}: a fix by ${reverted.ruleIds.join(', ')} was undone: ${reverted.reason}`);
    return result.output;
  } catch (error) {
    warnOnce(`${where}: no fixes applied: ${error instanceof Error ? error.message : String(error)}`);
    return text;
  }
}

const warned = new Set<string>();

/** Prettier cannot show a warning in the editor; stderr (the Prettier output channel in VS Code) is what there is. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[${NAME}] ${message}`);
}
