import { defineRule, parseImageRef, type Instruction } from '@dockfix/core';
import { shipsApplication } from '../lib/build.js';
import { deprecationOf, describeImage, smallerVariant, stageChain, withTag } from '../lib/images.js';

export default defineRule({
  meta: {
    id: 'deprecated-base-image',
    category: 'base-image',
    severity: 'warning',
    description: 'Replace deprecated base images (`openjdk`, `java`, `centos`, …) with their maintained successors',
    fix: 'unsafe',
    docs: {
      rationale: [
        'A deprecated image gets no more security updates: `openjdk` stopped publishing general-availability',
        'builds in July 2022 (its tags froze with whatever CVEs they had), `java` in 2017, `adoptopenjdk` in 2021,',
        'and `centos` images carry CentOS Linux 7 or 8, which reached their end of life in 2024 and 2021.',
        'Rebuilding on them rebuilds on a base that only gets older.',
        '',
        'The rule reports every `FROM` of an image listed as deprecated in dockfix\'s base-image table (with the',
        'reason and the replacement), and the `-onbuild` variants of official images, which were withdrawn in',
        '2017. Microsoft\'s old Docker Hub repositories (`microsoft/windowsservercore`, `microsoft/dotnet`, …)',
        'are reported with their mcr.microsoft.com successors.',
      ].join('\n'),
      invalid: ['FROM openjdk:11-jre-slim\nCOPY app.jar /app/app.jar\nCMD ["java", "-jar", "/app/app.jar"]\n', 'FROM centos:7\nRUN yum install -y httpd\n'],
      valid: ['FROM eclipse-temurin:21-jre\nCOPY app.jar /app/app.jar\nCMD ["java", "-jar", "/app/app.jar"]\n', 'FROM almalinux:9\n'],
      fixNotes: [
        'Unsafe: the replacement is a different build of the same software, on another distribution.',
        '',
        '- `openjdk`, `java` and `adoptopenjdk` (HotSpot) tags of an LTS release (8, 11, 17, 21, 25) become the',
        '  matching `eclipse-temurin` tag, JDK or JRE as before, Alpine kept: `openjdk:11-jre-slim` →',
        '  `eclipse-temurin:11-jre`, `openjdk:17-jdk-alpine` → `eclipse-temurin:17-jdk-alpine`. Temurin\'s',
        '  images are Ubuntu-based, so `apt-get` still works, but package names and the default shell user may',
        '  differ from Debian. A patch version in the tag (`11.0.16`) is not carried over: Temurin spells',
        '  versions differently (`11.0.16_8`), so the fix pins the major version only.',
        '- `centos` (untagged, `latest` or `8`) becomes `almalinux:8`, a binary-compatible rebuild of the same',
        '  RHEL release. `centos:7` has no drop-in successor and is reported without a fix.',
        '- Non-LTS Java versions, OpenJ9 and Windows tags, images pinned by digest and ARG-templated references',
        '  are reported without a fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      FROM(instruction) {
        const { from } = instruction;
        if (from.parentStage || !from.imageRange) return;
        const found = deprecationOf(from.image);
        if (!found) return;
        const { deprecation } = found;
        // In the stage that runs the app, a JDK image becomes a JRE at once: prefer-slim-base would
        // otherwise rewrite the successor right after, and the message would name another image than the fix.
        const jre = found.replacement !== null && runtimeJre(instruction, found.replacement, (i) => ctx.source.slice(i.range));
        const replacement = jre || found.replacement;
        const fixable = replacement !== null && !from.image.raw.includes('$') && from.image.digest === null;
        const why = jre ? ' The final stage only runs the app, so it gets the JRE: no compiler, jlink or debugging tools (about half the size).' : '';
        ctx.report({
          node: from.imageRange,
          message: `${describeImage(from.image)} is deprecated${fixable ? `; use \`${replacement}\`` : ''}`,
          help: `${capitalize(deprecation.reason)}.${why}${fixable ? '' : ` Use ${deprecation.use}.`}`,
          ...(fixable ? { fix: { title: `Replace \`${from.image.raw}\` with \`${replacement}\``, edits: [ctx.fix.replace(from.imageRange, replacement)] } } : {}),
        });
      },
    };
  },
});

/** JDK tools: an image that runs them needs the JDK, not a JRE. */
const JDK_TOOLS = /(^|[^\w-])(mvn|mvnw|maven|gradle|gradlew|javac|jshell|jlink|jpackage|jdeps|jcmd|jstack|jmap)([^\w-]|$)/;

/** The JRE variant of a JDK successor when `from` starts the final, app-running stage and nothing there needs the JDK; else null. */
function runtimeJre(from: Instruction, replacement: string, slice: (instruction: Instruction) => string): string | null {
  const stage = from.stage;
  if (!stage?.isFinal) return null;
  const chain = stageChain(stage);
  if (!shipsApplication(chain) || chain.some((s) => s.instructions.some((i) => i.keyword !== 'FROM' && JDK_TOOLS.test(slice(i))))) return null;
  const image = parseImageRef(replacement);
  const variant = smallerVariant(image);
  return variant?.kind === 'jre' ? withTag(image, variant.tag) : null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
