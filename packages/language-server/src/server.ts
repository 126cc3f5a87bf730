import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAMES, DEFAULT_MAX_FILE_SIZE, format, type LintResult, type TextEdit as OffsetEdit } from '@dockfix/core';
import { builtinLinter } from 'dockfix';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type InitializeResult,
  type DocumentFormattingParams,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigCache, type ConfigState } from './config.js';
import { createDisabler } from './disable.js';
import { rangeOf, replaceAll, ruleDocUrl, SOURCE, toLspDiagnostic, toTextEdits } from './convert.js';

/** Code action kind of "Fix all safe problems": editors' fix-on-save asks for `source.fixAll` (or this exact kind). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockfix`;
/** Code action kind of "Fix all including unsafe": deliberately outside `source.fixAll`, so no fix-on-save runs it. */
export const FIX_ALL_UNSAFE_KIND = `${CodeActionKind.Source}.dockfix.fixAllUnsafe`;

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Milliseconds between the last keystroke and re-linting (default 175). A newly opened document is linted at once. */
  readonly debounceMs?: number;
}

/** The linted state of one document version. */
interface Linted {
  readonly version: number;
  readonly result: LintResult | null;
  readonly config: ConfigState;
  /** Over the size limit: not linted. */
  readonly tooLarge: boolean;
}

/** Config file names the client is asked to watch (dockfix's, package.json#dockfix, hadolint's). */
const WATCHED = `**/{${[...CONFIG_FILE_NAMES, '.hadolint.yaml', '.hadolint.yml'].join(',')}}`;

const linter = builtinLinter;
const rulesById = new Map(linter.rules.map((rule) => [rule.meta.id, rule]));
const knownRules: ReadonlySet<string> = new Set(rulesById.keys());

/**
 * Serves dockfix over a language-server connection: diagnostics as you type, a quick fix per
 * fixable problem, fix-all actions, formatting and hovers. Every request is answered from the same
 * synchronous library calls the CLI makes.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 175;
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigCache(linter.rules);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  const reportedConfigErrors = new Set<string>();
  let workspaceRoot: string | undefined;
  let watchRegistration = false;

  connection.onInitialize((params): InitializeResult => {
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceRoot = root ? filePathOf(root) : undefined;
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, FIX_ALL_UNSAFE_KIND] },
        documentFormattingProvider: true,
        hoverProvider: true,
      },
      serverInfo: { name: 'dockfix-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (!watchRegistration) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] })
      .catch((error: unknown) => connection.console.warn(`dockfix: cannot watch config files: ${String(error)}`));
  });

  /** Lints the document's current text and remembers the result for code actions and hovers. */
  const lintNow = async (document: TextDocument): Promise<Linted> => {
    const filePath = filePathOf(document.uri);
    const config = await configs.forFile(filePath, workspaceRoot);
    // The text and version as they are now, after the config was found: the latest the client sent.
    const version = document.version;
    let result: LintResult | null = null;
    // The CLI's default --max-file-size: past it a lint on every keystroke would stall the editor.
    const tooLarge = document.getText().length > DEFAULT_MAX_FILE_SIZE;
    if (config.kind === 'ok' && !tooLarge) {
      try {
        result = config.fileConfig.linter.lint(document.getText(), { ...(filePath ? { filePath } : {}), config: config.fileConfig.config });
      } catch (error) {
        connection.console.error(`dockfix: internal error while linting ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    const state: Linted = { version, result, config, tooLarge };
    linted.set(document.uri, state);
    return state;
  };

  /** The lint state of the document's current version, linting now if a debounced run is still pending. */
  const current = async (document: TextDocument): Promise<Linted> => {
    const state = linted.get(document.uri);
    return state && state.version === document.version ? state : lintNow(document);
  };

  const publish = async (document: TextDocument): Promise<void> => {
    cancel(document.uri);
    const state = await lintNow(document);
    const diagnostics: Diagnostic[] = state.result ? state.result.diagnostics.map((d) => toLspDiagnostic(document, d, knownRules)) : [];
    if (state.tooLarge) {
      diagnostics.push({
        range: rangeOf(document, 0, 0),
        severity: DiagnosticSeverity.Information,
        code: 'too-large',
        source: SOURCE,
        message: `dockfix is not linting this document: it is over ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024} MB, the size limit for a Dockerfile`,
      });
    }
    if (state.config.kind === 'error') {
      // One diagnostic at the top of the file, and one notification per distinct problem: not one per keystroke.
      diagnostics.push({
        range: rangeOf(document, 0, 0),
        severity: DiagnosticSeverity.Error,
        code: 'config',
        source: SOURCE,
        message: `dockfix is not linting this file: ${state.config.message}`,
      });
      if (!reportedConfigErrors.has(state.config.message)) {
        reportedConfigErrors.add(state.config.message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `dockfix: ${state.config.message}` });
      }
    }
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  const cancel = (uri: string): void => {
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
  };

  const relintAll = (): void => {
    configs.clear();
    reportedConfigErrors.clear();
    for (const document of documents.all()) void publish(document);
  };

  documents.onDidOpen(({ document }) => void publish(document));
  documents.onDidChangeContent(({ document }) => {
    // onDidChangeContent also fires on open, which onDidOpen has answered already.
    if (linted.get(document.uri)?.version === document.version) return;
    cancel(document.uri);
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const latest = documents.get(document.uri);
        if (latest) void publish(latest);
      }, debounceMs),
    );
  });
  documents.onDidClose(({ document }) => {
    cancel(document.uri);
    linted.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(relintAll);
  connection.onDidChangeConfiguration(relintAll);

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeActions(document, params, await current(document)) : [];
  });

  connection.onDocumentFormatting((params: DocumentFormattingParams): TextEdit[] => {
    const document = documents.get(params.textDocument.uri);
    if (!document || document.getText().length > DEFAULT_MAX_FILE_SIZE) return [];
    const result = format(document.getText(), {
      tabWidth: params.options.tabSize,
      useTabs: !params.options.insertSpaces,
      endOfLine: 'auto',
    });
    if (result.error) connection.console.info(`dockfix: ${document.uri} not formatted: ${result.error}`);
    return replaceAll(document, result.output);
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const state = await current(document);
    const offset = document.offsetAt(params.position);
    const hits = (state.result?.diagnostics ?? []).filter((d) => d.range.start <= offset && offset <= d.range.end);
    if (hits.length === 0) return null;
    const sections = hits.map((d) => {
      const rule = rulesById.get(d.ruleId);
      const href = ruleDocUrl(d.ruleId, knownRules);
      const aliases = d.aliases.length > 0 ? ` (${d.aliases.join(', ')})` : '';
      const lines = [`**dockfix** \`${d.ruleId}\`${aliases}: ${d.message}`];
      if (d.help) lines.push('', d.help);
      else if (rule) lines.push('', rule.meta.description);
      if (d.fix) lines.push('', `Fix (${d.fix.safety}): ${d.fix.title}`);
      if (href) lines.push('', `[Rule documentation](${href})`);
      return lines.join('\n');
    });
    const first = hits[0] as (typeof hits)[number];
    return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: rangeOf(document, first.range.start, first.range.end) };
  });

  /** Quick fixes for the problems in the requested range, then the fix-all actions the request's `only` allows. */
  function codeActions(document: TextDocument, params: CodeActionParams, state: Linted): CodeAction[] {
    const wants = (kind: string) => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const result = state.result;
    if (!result || result.fatal || state.config.kind === 'error') return [];
    const actions: CodeAction[] = [];
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of result.diagnostics) {
        if (!d.fix || d.range.end < start || d.range.start > end) continue;
        const unsafe = d.fix.safety === 'unsafe';
        actions.push({
          title: unsafe ? `${d.fix.title} (unsafe)` : d.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toLspDiagnostic(document, d, knownRules)],
          isPreferred: !unsafe,
          edit: { changes: { [document.uri]: toTextEdits(document, d.fix) } },
        });
      }
    }
    if (wants(CodeActionKind.QuickFix) && state.config.kind === 'ok' && state.config.fileConfig.config.disableIgnorePragma !== true) {
      actions.push(...disableActions(document, result.diagnostics.filter((d) => d.range.end >= start && d.range.start <= end)));
    }
    const fixable = result.diagnostics.filter((d) => d.fix);
    const filePath = filePathOf(document.uri);
    if (state.config.kind !== 'ok') return actions;
    const { linter: fileLinter, config } = state.config.fileConfig;
    const fixAll = (unsafe: boolean): TextEdit[] => {
      try {
        const fixed = fileLinter.fix(document.getText(), { ...(filePath ? { filePath } : {}), config, unsafe });
        return fixed.fatal ? [] : replaceAll(document, fixed.output);
      } catch (error) {
        connection.console.error(`dockfix: internal error while fixing ${document.uri}: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    };
    let safeEdits: TextEdit[] = [];
    if (wants(FIX_ALL_KIND) && fixable.some((d) => d.fix?.safety === 'safe')) {
      safeEdits = fixAll(false);
      if (safeEdits.length > 0) actions.push({ title: 'Fix all safe problems (dockfix)', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: safeEdits } } });
    }
    if (wants(FIX_ALL_UNSAFE_KIND) && fixable.some((d) => d.fix?.safety === 'unsafe')) {
      const edits = fixAll(true);
      if (edits.length > 0 && edits[0]?.newText !== safeEdits[0]?.newText) {
        actions.push({ title: 'Fix all including unsafe (dockfix; may change what the image does)', kind: FIX_ALL_UNSAFE_KIND, edit: { changes: { [document.uri]: edits } } });
      }
    }
    return actions;
  }

  /**
   * "Disable <id> for this instruction" and "… for this file" (ESLint's extension offers the same pair),
   * after the fixes: one of each per rule and place, however many of its problems the range holds.
   * A pragma names the rule's id, never an alias, so the edit reads the same whichever tool's code was shown.
   */
  function disableActions(document: TextDocument, diagnostics: LintResult['diagnostics']): CodeAction[] {
    if (diagnostics.length === 0) return [];
    const disable = createDisabler(document.getText());
    const edits = diagnostics.map((d) => ({ d, edits: disable(d) }));
    const actions: CodeAction[] = [];
    const seen = new Set<string>();
    const action = (title: string, key: string, d: LintResult['diagnostics'][number], edit: OffsetEdit): void => {
      if (seen.has(key)) return;
      seen.add(key);
      const range = rangeOf(document, edit.start, edit.end);
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(document, d, knownRules)], edit: { changes: { [document.uri]: [{ range, newText: edit.text }] } } });
    };
    for (const { d, edits: found } of edits) {
      if (found?.instruction) action(`Disable ${d.ruleId} for this instruction`, `line:${d.ruleId}:${found.instruction.start}`, d, found.instruction);
    }
    for (const { d, edits: found } of edits) if (found) action(`Disable ${d.ruleId} for this file`, `file:${d.ruleId}`, d, found.file);
    return actions;
  }

  documents.listen(connection);
  connection.listen();
}

/** The file-system path of a `file:` URI; undefined for untitled buffers and other schemes. */
function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
