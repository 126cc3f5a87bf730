import type { Rule, RuleDocs, RuleMeta, ShellCommand } from '@dockfix/core';
import { type CliCall, mayHideOptions, rmOperands } from './cli.js';
import { shippedStages } from './images.js';
import { subcommandOf } from './packages.js';
import { failureFailsRun, nonRootReason, planAppend } from './shell.js';
import { cacheMountCovers, configuredBefore, inShippedStage, runsAsRoot } from './stages.js';

// yum, dnf and zypper share two checks: "answer the prompt" and "clean the cache in the same RUN".
// Each tool keeps its own rule (and hadolint code), built here from what differs.

/** When adding `-y` is safe, for the docs of the "-y" rules. */
export const YES_FIX_NOTES = [
  'Without the flag the tool aborts at its prompt. The fix is safe when that abort fails the build, so no working',
  'image can change: the command runs unconditionally, not in a pipeline or subshell, not before `||`, and either',
  '`set -e` is on and it ends its `&&` chain, or only `&& …` follows it to the end of the RUN. Otherwise (`install x;',
  'echo done` without `set -e`, inside `if`, after `||`) a build may have passed while the install aborted, and the',
  'fix, which now installs the packages, is offered as unsafe.',
].join('\n');

/** What a "-y" rule needs to know about its tool. */
export interface YesRuleSpec {
  readonly meta: Omit<RuleMeta, 'fix' | 'category' | 'severity' | 'docs'> & { readonly docs: RuleDocs };
  readonly parse: (command: ShellCommand) => CliCall | null;
  /** Subcommands that may prompt. */
  readonly prompting: ReadonlySet<string>;
  readonly answered: (call: CliCall) => boolean;
  /** A setting written to the tool's config that answers yes (`assumeyes=1`). */
  readonly config: RegExp;
  readonly configDir: RegExp;
  /** Where to put the flag, and which. */
  readonly flag: (call: CliCall) => { after: 'tool' | 'subcommand'; text: string };
}

/** A rule that reports an installing command that may stop at a prompt, with a safe fix adding the flag. */
export function yesRule(spec: YesRuleSpec): Rule {
  return {
    meta: { ...spec.meta, category: 'package-managers', severity: 'warning', fix: 'safe' },
    create(ctx) {
      return {
        RUN(run) {
          const script = run.run.script;
          if (!script) return;
          for (const command of script.commands) {
            const call = spec.parse(command);
            const sub = call && subcommandOf(call);
            if (!call?.subcommand || !sub || !spec.prompting.has(sub)) continue;
            if (spec.answered(call) || mayHideOptions(call)) continue;
            if (configuredBefore(run, ctx.source, spec.config, spec.configDir)) continue;
            const { after, text } = spec.flag(call);
            const safe = failureFailsRun(run, command);
            ctx.report({
              node: { start: call.toolWord.range.start, end: call.subcommand.range.end },
              message: `\`${call.tool} ${sub}\` without \`${text}\` stops at its confirmation prompt and fails a non-interactive build`,
              fix: {
                title: `Add \`${text}\` after \`${after === 'tool' ? call.tool : `${call.tool} ${sub}`}\`${safe ? '' : ' (unsafe: the RUN goes on when this command fails, so today\'s build may skip it)'}`,
                edits: [ctx.fix.insertAfter(after === 'tool' ? call.toolWord : call.subcommand, ` ${text}`)],
                safety: safe ? 'safe' : 'unsafe',
              },
            });
          }
        },
      };
    },
  };
}

/** What a "clean the cache" rule needs to know about its tool. */
export interface CleanRuleSpec {
  readonly meta: Omit<RuleMeta, 'fix' | 'category' | 'severity' | 'docs'> & { readonly docs: RuleDocs };
  readonly parse: (command: ShellCommand) => CliCall | null;
  /** Subcommands that download packages or metadata into the cache. */
  readonly filling: ReadonlySet<string>;
  /** True for a command that cleans the cache (`yum clean all`, `rm -rf /var/cache/yum`). */
  readonly cleans: (command: ShellCommand) => boolean;
  /** The cleanup as text, to find it where the parser sees no command (inside `bash -c "…"`). */
  readonly cleanText: RegExp;
  /** The cache directories (a cache mount on one of them counts as cleanup). */
  readonly cacheDirs: readonly string[];
  /** The cleanup command to append, for the tool that filled the cache. */
  readonly cleanup: (call: CliCall) => string;
}

/** A rule that reports an install without a cache cleanup in the same RUN, with a safe fix appending it. */
export function cleanRule(spec: CleanRuleSpec): Rule {
  return {
    meta: { ...spec.meta, category: 'package-managers', severity: 'warning', fix: 'safe' },
    create(ctx) {
      const shipped = shippedStages(ctx.model.stages);
      return {
        RUN(run) {
          const script = run.run.script;
          if (!script || !inShippedStage(run, shipped)) return;
          if (spec.cacheDirs.some((dir) => cacheMountCovers(run, dir))) return;
          if (script.commands.some(spec.cleans) || spec.cleanText.test(script.text)) return;
          const calls = script.commands.map(spec.parse).filter((call): call is CliCall => call !== null && spec.filling.has(subcommandOf(call) ?? ''));
          const last = calls.at(-1);
          if (!last?.subcommand) return;
          const cleanup = `${last.sudo ? 'sudo ' : ''}${spec.cleanup(last)}`;
          const why = nonRootReason(runsAsRoot(run), last.sudo);
          const plan = why ? { reason: why } : planAppend(ctx.fix, run, cleanup);
          const message = `\`${last.tool} ${subcommandOf(last) ?? ''}\` leaves its cache in this layer; run \`${spec.cleanup(last)}\` in the same RUN`;
          const node = { start: last.toolWord.range.start, end: last.subcommand.range.end };
          if ('reason' in plan) ctx.report({ node, message: `${message} (no auto-fix: ${plan.reason})` });
          else ctx.report({ node, message, fix: { title: `Append \`&& ${cleanup}\` to the RUN`, edits: [plan.edit] } });
        },
      };
    },
  };
}

/** The `clean` subcommand followed by `all` (or, for zypper, any `clean` / `cc`). */
export function isClean(call: CliCall | null, needsAll: boolean): boolean {
  if (!call) return false;
  const sub = subcommandOf(call);
  if (sub === 'cc') return true;
  if (sub !== 'clean') return false;
  return !needsAll || call.operands.some((word) => word.value === 'all');
}

/** `rm` of a path under one of these directories. */
export function removesUnder(command: ShellCommand, dirs: readonly string[]): boolean {
  return (rmOperands(command) ?? []).some((path) => dirs.some((dir) => path.replace(/\/\*$/, '').startsWith(dir)));
}
