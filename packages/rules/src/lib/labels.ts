import { createRequire } from 'node:module';
import type { Instruction, RuleContext, RuleOption, Source, TextRange, Visitor } from '@dockfix/core';
import emailAddresses from 'email-addresses';
import { keyValues } from './properties.js';

/** The formats a `labelSchema` entry can ask for, as hadolint's `label-schema` names them. */
export const LABEL_FORMATS = ['text', 'url', 'hash', 'rfc3339', 'semver', 'spdx', 'email'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

/** Options shared by the schema-driven label rules (hadolint's `label-schema`, `strict-labels`). */
export type LabelSchemaOptions = {
  readonly labelSchema: Readonly<Record<string, LabelFormat>>;
  readonly strictLabels?: boolean;
};

/** The `labelSchema` option, declared the same way by every label rule that reads it. */
export const LABEL_SCHEMA_OPTION: RuleOption = {
  type: 'object',
  description: 'Labels the image must carry, each with the format its value must have (hadolint `label-schema`).',
  default: {},
  choices: LABEL_FORMATS,
};

/** One `name=value` of a LABEL instruction. */
export interface LabelPair {
  readonly name: string;
  readonly nameRange: TextRange;
  /** The value with quotes and escapes removed; `''` for `name=""`. */
  readonly value: string;
  /** The value as written, quotes included; null when it is empty and unquoted (`name=`). */
  readonly valueRange: TextRange | null;
  /** True when the value holds a `$` the frontend expands at build time, so its final text is unknown. */
  readonly dynamic: boolean;
  readonly instruction: Instruction;
}

/** The pairs of a LABEL instruction. */
export function labelPairs(source: Source, instruction: Instruction): LabelPair[] {
  return keyValues(source, instruction).map((pair) => {
    const raw = pair.valueRange ? source.slice(pair.valueRange) : '';
    return {
      name: pair.name,
      nameRange: pair.nameRange,
      value: pair.value ?? '',
      valueRange: pair.valueRange,
      // Single quotes stop expansion, as in the shell; `\$` is a literal dollar.
      dynamic: !raw.startsWith("'") && /(^|[^\\])\$/.test(raw),
      instruction,
    };
  });
}

/** The range a diagnostic about a pair points at: the name and its value. */
export function pairRange(pair: LabelPair): TextRange {
  return { start: pair.nameRange.start, end: pair.valueRange?.end ?? pair.nameRange.end };
}

/** The format the schema asks of `name`, if it names it. */
export function schemaFormat(schema: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(schema, name) ? schema[name] : undefined;
}

// RFC 3986 allows none of these anywhere in a URI; WHATWG URL parsing would percent-encode them silently.
const NOT_IN_URI = /[\s<>"{}|\\^`]/;

/** An absolute URI (`scheme:…`), as hadolint's `parseURI` accepts: `https://example.com`, `mailto:a@b.org`. */
export function isUrl(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && !NOT_IN_URI.test(value) && URL.canParse(value);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** An RFC 3339 timestamp (`2021-03-10T10:26:33.56+01:00`), with real month, day and time ranges. */
export function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = match[9] === undefined || (Number(match[9]) <= 23 && Number(match[10]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/** A git commit hash: 7 or 40 lower-case hex digits, as hadolint accepts. */
export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(value);
}

// The regular expression semver.org recommends for SemVer 2.0.0 (no leading `v`, no leading zeros).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A Semantic Versioning 2.0.0 version: `1.0.0`, `2.0.1-rc1`, `1.2.3+build.5`. */
export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

let spdxIds: ReadonlySet<string> | undefined;

/** A license id of the SPDX license list (current or deprecated), compared without case as SPDX says. */
export function isSpdxLicenseId(value: string): boolean {
  if (!spdxIds) {
    const require = createRequire(import.meta.url);
    const lists = [require('spdx-license-ids') as unknown, require('spdx-license-ids/deprecated.json') as unknown];
    spdxIds = new Set(lists.flatMap((list) => (Array.isArray(list) ? list.map((id) => String(id).toLowerCase()) : [])));
  }
  return spdxIds.has(value.toLowerCase());
}

/** A bare RFC 5322 address (`abcd@google.com`); a display name (`Jo <jo@x.org>`) is not, as in hadolint. */
export function isEmail(value: string): boolean {
  const parsed = emailAddresses.parseOneAddress({ input: value, rfc6532: true });
  return parsed !== null && parsed.type === 'mailbox' && parsed.name === null;
}

/** Whether `value` has the schema's `format`; `text` accepts anything. */
export function hasLabelFormat(format: string, value: string): boolean {
  switch (format) {
    case 'url':
      return isUrl(value);
    case 'hash':
      return isGitHash(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'semver':
      return isSemver(value);
    case 'spdx':
      return isSpdxLicenseId(value);
    case 'email':
      return isEmail(value);
    default:
      return true;
  }
}

/** A value shortened for a one-line message. */
export function shortValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

/** The visitor of a rule that checks the values of the schema's labels of one format. */
export function labelFormatVisitor(ctx: RuleContext<LabelSchemaOptions>, format: LabelFormat, what: string): Visitor {
  return {
    LABEL(instruction) {
      for (const pair of labelPairs(ctx.source, instruction)) {
        if (schemaFormat(ctx.options.labelSchema, pair.name) !== format) continue;
        // Empty values are empty-label's (DL3051); expanded ones are only known at build time.
        if (pair.value === '' || pair.dynamic || hasLabelFormat(format, pair.value)) continue;
        ctx.report({ node: pairRange(pair), message: `label \`${pair.name}\` is not ${what}: ${shortValue(pair.value)}` });
      }
    },
  };
}
