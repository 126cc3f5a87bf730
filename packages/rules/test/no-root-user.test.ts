import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import noRootUser from '../src/security/no-root-user.js';

const linter = createLinter({ rules: [noRootUser] });

/** The no-root-user report on a file: whether it has a fix, and its help. */
function reportOn(text: string): { fixed: boolean; help: string | undefined } {
  const result = linter.lint(text);
  expect(result.fatal).toBe(false);
  expect(result.diagnostics).toHaveLength(1);
  const [diagnostic] = result.diagnostics;
  return { fixed: diagnostic?.fix !== undefined, help: diagnostic?.help };
}

// Each case is cut down from a corpus file whose `fix --unsafe` review found the USER line wrong
// (docs/reviews/fix-review-unsafe.md). The finding stays; the automatic fix goes.
describe('no-root-user: no USER fix where the image needs root', () => {
  it('a toolchain image with no CMD or ENTRYPOINT of its own (docker-library golang)', () => {
    const report = reportOn(
      'FROM alpine:3.23 AS build\nRUN mkdir -p /target/usr/local/go\n\nFROM alpine:3.23\nENV GOPATH=/go\nCOPY --from=build --link /target/ /\nRUN mkdir -p "$GOPATH/src" && chmod -R 1777 "$GOPATH"\nWORKDIR $GOPATH\n',
    );
    expect(report.fixed).toBe(false);
    expect(report.help).toMatch(/no CMD or ENTRYPOINT and copies nothing from the build context/);
  });

  it('an app image built on php-fpm that keeps the base CMD (docker-library drupal)', () => {
    expect(reportOn('FROM php:8.3-fpm-alpine3.24\nCOPY --from=composer:2 /usr/bin/composer /usr/local/bin/\nWORKDIR /opt/drupal\n').fixed).toBe(false);
  });

  it('nginx compiled into an Alpine image, whose CMD starts it as root (nginxinc alpine-slim)', () => {
    const report = reportOn(
      'FROM alpine:3.21\nRUN addgroup -g 101 -S nginx && adduser -S -D -H -u 101 -G nginx nginx && apk add --no-cache nginx\nCOPY docker-entrypoint.sh /\nCOPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d\nCOPY 15-local-resolvers.envsh /docker-entrypoint.d\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["nginx", "-g", "daemon off;"]\n',
    );
    expect(report.fixed).toBe(false);
    expect(report.help).toMatch(/`nginx` starts as root/);
  });

  it('docker-in-docker, even when the file creates an unprivileged user for its tests (moby)', () => {
    const report = reportOn(
      'FROM ubuntu:14.04\nRUN groupadd -r docker && useradd --create-home --gid docker unprivilegeduser\nVOLUME /var/lib/docker\nENTRYPOINT ["hack/dind"]\nCOPY . /go/src/github.com/docker/docker\n',
    );
    expect(report.fixed).toBe(false);
    expect(report.help).toMatch(/`dind` starts as root/);
  });

  it("paths under /root the image keeps using (carlossg/docker-maven's /root/.m2)", () => {
    const report = reportOn(
      'FROM maven:3.9 AS upstream\nFROM debian:trixie-slim\nENV MAVEN_HOME=/usr/share/maven\nCOPY --from=upstream ${MAVEN_HOME} ${MAVEN_HOME}\nARG USER_HOME_DIR="/root"\nENV MAVEN_CONFIG="$USER_HOME_DIR/.m2"\nENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]\nCMD ["mvn"]\n',
    );
    expect(report.fixed).toBe(false);
    expect(report.help).toMatch(/line 5 keeps files under \/root/);
  });

  it('a keep-alive dev container (devcontainers universal)', () => {
    expect(reportOn('FROM ubuntu:noble\nCOPY first-run-notice.txt /tmp/scripts/\nCMD [ "sleep", "infinity" ]\n').fixed).toBe(false);
  });
});

describe('no-root-user: the fix stays for application images', () => {
  it.each([
    // jessfraz/dockerfiles consul: a static binary copied from a builder.
    ['FROM golang:1 AS builder\nRUN go build -o /usr/bin/consul .\nFROM alpine:latest\nCOPY --from=builder /usr/bin/consul /usr/bin/consul\nENTRYPOINT [ "consul" ]\nCMD [ "--help" ]\n'],
    // opentelemetry-demo ad: a JVM service on the JRE image.
    ['FROM eclipse-temurin:21-jre\nWORKDIR /usr/src/app/\nCOPY build/ ./\nENV JAVA_TOOL_OPTIONS="-javaagent:/usr/src/app/agent.jar"\nENTRYPOINT [ "./build/install/ad/bin/Ad" ]\n'],
    // A path that only contains "root" is not root's home.
    ['FROM debian:bookworm-slim\nENV APP_ROOT=/srv/rootfs\nCOPY app /srv/rootfs/app\nCMD ["/srv/rootfs/app"]\n'],
  ])('%j', (text) => {
    expect(reportOn(text).fixed).toBe(true);
  });
});

describe('no-root-user: an app on its base image command keeps the fix', () => {
  it('php-fpm serving files copied from the build context (golden php/upgrade-everything)', () => {
    expect(reportOn('FROM php:8.3-fpm\nRUN docker-php-ext-install gd\nCOPY . /var/www/html\n').fixed).toBe(true);
  });
});
