import { defineRule, type ShellWord } from '@dockfix/core';
import { type CliCall, optionValue } from '../lib/cli.js';
import { packageOperands, parseGem, subcommandOf } from '../lib/packages.js';
import { pinRule } from '../lib/pin-rules.js';

/** Options of `gem install` that take no value (the ones taking one are in packages.ts's GEM_VALUES). */
const GEM_SWITCHES = new Set([
  'N', 'no-document', 'f', 'force', 'no-force', 'w', 'wrappers', 'no-wrappers', 'E', 'env-shebang', 'no-env-shebang',
  'user-install', 'no-user-install', 'conservative', 'minimal-deps', 'lock', 'no-lock', 'suggestions', 'no-suggestions', 'explain',
  'default', 'development', 'development-all', 'prerelease', 'pre', 'no-prerelease', 'ignore-dependencies', 'l', 'local', 'r', 'remote',
  'b', 'both', 'clear-sources', 'update-sources', 'no-update-sources', 'vendor', 'post-install-message', 'no-post-install-message',
  'q', 'quiet', 'silent', 'verbose', 'V', 'no-verbose', 'backtrace', 'debug', 'norc', 'ri', 'no-ri', 'rdoc', 'no-rdoc', 'h', 'help',
]);

function isSwitch(name: string, long: boolean): boolean {
  return GEM_SWITCHES.has(name) || (!long && [...name].every((letter) => GEM_SWITCHES.has(letter)));
}

/**
 * The gems a `gem install` names: not the build options after `--` (`-- --use-system-libraries`, passed to
 * the native extension's build), and not the word after an option gem does not list, which may be that
 * option's value (`--use-system-libraries true`). hadolint skips the word after every option, which also
 * hides `rails` in `gem install --no-document rails`.
 */
function gemNames(call: CliCall): ShellWord[] {
  const end = call.words.findIndex((word) => !word.dynamic && word.value === '--');
  const before = end === -1 ? call.words : call.words.slice(0, end);
  const valueOf = new Set<ShellWord>();
  for (const option of call.options) {
    const [word] = option.words;
    if (!word || option.words.length > 1 || option.value !== null || isSwitch(option.name, option.long)) continue;
    const next = call.words[call.words.indexOf(word) + 1];
    if (next) valueOf.add(next);
  }
  return packageOperands(call).filter((word) => before.includes(word) && !valueOf.has(word));
}

export default defineRule(
  pinRule({
    id: 'gem-pin-versions',
    description: 'Pin versions in `gem install` (`gem:version` or `-v version`)',
    source: { tool: 'hadolint', rule: 'DL3028', kind: 'same' },
    docs: {
      rationale: 'Without a version, `gem install bundler` installs the newest release on the day of the build, which may not work with the Ruby in the image.',
      invalid: ['FROM ruby:3.3-slim\nRUN gem install bundler\n'],
      valid: ['FROM ruby:3.3-slim\nRUN gem install bundler:2.5.16\n', 'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.16\n'],
    },
    packages: (command) => {
      const call = parseGem(command);
      const sub = call && subcommandOf(call);
      // `gem i` is gem's own abbreviation of `install`.
      if (!call || (sub !== 'install' && sub !== 'i') || optionValue(call, ['v', 'version']) !== null) return null;
      return { label: `gem ${sub}`, words: gemNames(call) };
    },
    isPinned: (word) => word.value.includes(':'),
    example: '`gem:version`',
  }),
);
