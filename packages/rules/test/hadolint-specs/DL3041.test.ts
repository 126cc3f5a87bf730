import { specTable, type SpecCase } from './spec-table.js';

const both = (name: string, run: string, catches: boolean): SpecCase[] => [[name, run, catches], [name, run, catches, 'onbuild']];

specTable('DL3041', 'dnf-pin-versions', [
  ...both('dnf without version pinning', 'RUN dnf install -y tomcat && dnf clean all', true),
  ['microdnf without version pinning', 'RUN microdnf install -y tomcat && microdnf clean all', true],
  ...both('dnf, package name with - and no version', 'RUN dnf install -y rpm-sign && dnf clean all', true),
  ['microdnf, package name with - and no version', 'RUN microdnf install -y rpm-sign && microdnf clean all', true],
  ...both('dnf version pinning', 'RUN dnf install -y tomcat-9.0.1 && dnf clean all', false),
  ...both('microdnf version pinning', 'RUN microdnf install -y tomcat-9.0.1 && microdnf clean all', false),
  ...both('not dnf, pinned', 'RUN notdnf install openssl-1:1.1.1k', false),
  ...both('not dnf, unpinned', 'RUN notdnf install tomcat', false),
  ...both('dnf, package name with -, pinned', 'RUN dnf install -y rpm-sign-4.16.1.3 && dnf clean all', false),
  ...both('microdnf, package name with -, pinned', 'RUN microdnf install -y rpm-sign-4.16.1.3 && microdnf clean all', false),
  ...both('dnf, package name with - and +', 'RUN dnf install -y gcc-c++-1.1.1', false),
  ...both('microdnf, package name with - and +', 'RUN microdnf install -y gcc-c++-1.1.1', false),
  ...both('dnf, version with an epoch', 'RUN dnf install -y openssl-1:1.1.1k', false),
  ...both('microdnf, version with an epoch', 'RUN microdnf install -y openssl-1:1.1.1k', false),
  ...both('dnf module without a stream', 'RUN dnf module install -y tomcat && dnf clean all', true),
  ['microdnf module without a stream', 'RUN microdnf module install -y tomcat && microdnf clean all', true],
  ...both('dnf module with a stream', 'RUN dnf module install -y tomcat:9 && dnf clean all', false),
  ...both('microdnf module with a stream', 'RUN microdnf module install -y tomcat:9 && microdnf clean all', false),
  ...both('not dnf, module', 'RUN notdnf module install tomcat', false),
  ...both('group install, options first', 'RUN dnf -y group install "Development Tools"', false),
  ['group install with --setopt', 'RUN dnf -y --setopt=group_package_types="mandatory" group install "Development Tools"', false],
  ['group install, options after', 'RUN dnf group install -y "Development Tools" && dnf clean all', false],
  ['microdnf group install', 'RUN microdnf group install -y "Development Tools" && microdnf clean all', false],
  // Versions from a variable matter for Renovate-style updates, which bump the ENV/ARG and not the RUN.
  ['version from a braced ENV variable', 'ENV version=2.51.0-2.fc42\nRUN dnf -y install git-core-${version}\n', false],
  ['version from an unbraced ARG', 'ARG version=2.51.0-2.fc42\nRUN dnf -y install git-core-$version\n', false],
  ['version from an ARG of another stage', 'FROM fedora:fc42 AS build\nARG version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN dnf -y install git-core-${version}\n', false],
  ['version from an ENV of the parent stage', 'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM build\nRUN dnf -y install git-core-${version}\n', false],
  [
    'version from an ENV of an unrelated stage',
    'FROM fedora:fc42 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:fc42\nRUN dnf -y install git-core-${version}\n',
    true,
    undefined,
    'a name with a variable in it is never judged',
  ],
]);
